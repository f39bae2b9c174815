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

  it('prices every demo listing and need per the unit it names: a kg of farm produce, a tonne of it', async () => {
    // Farm-gate prices in Vietnam run from about 5.000 đ/kg (fresh fruit) to under 2.000.000 đ/kg (the dearest teas).
    const perKg = await queryRows<{ name: string; unit: string; price_unit: string; snapshot_unit: string; min_per_kg: string; max_per_kg: string }>(
      databaseUrl,
      `SELECT name, unit_code AS unit, price_unit_code AS price_unit, approved ->> 'priceUnitCode' AS snapshot_unit,
              price_min / CASE price_unit_code WHEN 'TNE' THEN 1000 ELSE 1 END AS min_per_kg,
              price_max / CASE price_unit_code WHEN 'TNE' THEN 1000 ELSE 1 END AS max_per_kg
         FROM catalog.products`,
    );
    expect(perKg).toHaveLength(DEMO_PRODUCTS.length);
    for (const p of perKg) {
      expect({ name: p.name, snapshot: p.snapshot_unit }).toEqual({ name: p.name, snapshot: p.price_unit });
      expect([p.name, Number(p.min_per_kg) >= 5000 && Number(p.max_per_kg) <= 2000000]).toEqual([p.name, true]);
    }
    expect(perKg.find((p) => p.name === 'Cà phê Robusta nhân xô Ea Tu')).toMatchObject({ unit: 'TNE', price_unit: 'KGM' });
    const needs = await queryRows<{ title: string; per_kg: string }>(
      databaseUrl,
      `SELECT title, target_unit_price / CASE unit_code WHEN 'TNE' THEN 1000 ELSE 1 END AS per_kg FROM procurement.needs`,
    );
    expect(needs).toHaveLength(DEMO_NEEDS.length);
    for (const n of needs) expect([n.title, Number(n.per_kg) >= 5000 && Number(n.per_kg) <= 2000000]).toEqual([n.title, true]);
  });
});
