import { loadConfig } from '@lienket/config';
import { queryRows, truncateAll } from '@lienket/testing';
import { migrateAll } from '../../scripts/migrate';
import { DEMO_NEEDS, DEMO_ORGANIZATIONS, DEMO_PRODUCTS } from '../../scripts/demo-data';
import { seedDemo } from '../../scripts/seed';

describe('demo data', () => {
  const { databaseUrl } = loadConfig();
  beforeAll(async () => {
    await migrateAll(databaseUrl);
    await truncateAll(databaseUrl);
  });

  it('seeds a market over real provinces, and a second run adds nothing', async () => {
    const progress: string[] = [];
    expect(await seedDemo(databaseUrl, (l) => progress.push(l))).toEqual({
      organizationsCreated: DEMO_ORGANIZATIONS.length,
      needsCreated: DEMO_NEEDS.length,
      productsCreated: DEMO_PRODUCTS.length,
    });
    expect(progress).toContain(`organizations ${DEMO_ORGANIZATIONS.length}/${DEMO_ORGANIZATIONS.length}`);
    expect(await seedDemo(databaseUrl)).toEqual({ organizationsCreated: 0, needsCreated: 0, productsCreated: 0 });

    const orgs = await queryRows<{ name: string; province_code: string }>(databaseUrl, `SELECT name, province_code FROM catalog.organizations`);
    expect(orgs).toHaveLength(DEMO_ORGANIZATIONS.length);
    expect(orgs).toEqual(expect.arrayContaining([{ name: 'HTX Nông nghiệp Dịch vụ Cà phê Ea Tu', province_code: '66' }, { name: 'HTX Lúa gạo Thoại Sơn', province_code: '91' }]));
    const coffees = await queryRows<{ name: string }>(
      databaseUrl,
      `SELECT p.name FROM catalog.product_search s JOIN catalog.products p ON p.id = s.product_id
        WHERE s.doc @@ plainto_tsquery('simple', catalog.f_unaccent('ca phe')) ORDER BY p.name`,
    );
    expect(coffees.map((c) => c.name)).toEqual(['Cà phê Arabica Cầu Đất chế biến ướt', 'Cà phê Robusta nhân xô Ea Tu']);
    const users = await queryRows(databaseUrl, `SELECT 1 FROM catalog.users WHERE organization_role = 'OWNER'`);
    expect(users).toHaveLength(DEMO_ORGANIZATIONS.length);
  });
});
