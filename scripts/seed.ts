import argon2 from 'argon2';
import { Client } from 'pg';
import { loadConfig } from '@lienket/config';
import { taxCodeCheckDigit } from '@lienket/reference-data';
import { DEMO_NEEDS, DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_PRODUCTS } from './demo-data';
import { replayListings } from './replay-listings';
import { replayOrganizations } from './replay-organizations';

/** A valid tax code from a 9-digit base: the next base whose check digit exists. */
export function demoTaxCode(base: string): string {
  for (let n = Number(base); ; n++) {
    const first9 = String(n).padStart(9, '0');
    const check = taxCodeCheckDigit(first9);
    if (check !== null) return `${first9}${check}`;
  }
}

/**
 * Seeds the demo market. Idempotent: organizations are keyed by tax code and users by e-mail, so a
 * second run adds nothing; demo needs are added only for a buyer that has none.
 */
export async function seedDemo(databaseUrl = loadConfig().databaseUrl, progress: (line: string) => void = () => undefined) {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const passwordHash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });
    const ids = new Map<string, string>();
    let created = 0;
    for (const [i, o] of DEMO_ORGANIZATIONS.entries()) {
      await db.query('BEGIN');
      const org = await db.query<{ id: string; inserted: boolean }>(
        `INSERT INTO catalog.organizations (kind, name, tax_code, province_code, member_count, verification)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tax_code) DO UPDATE SET tax_code = EXCLUDED.tax_code
         RETURNING id, (xmax = 0) AS inserted`,
        [o.kind, o.name, demoTaxCode(o.taxBase), o.provinceCode, o.memberCount ?? null, o.verified ? 'VERIFIED' : 'PENDING_VERIFICATION'],
      );
      const { id, inserted } = org.rows[0];
      ids.set(o.key, id);
      await db.query(
        `INSERT INTO catalog.users (email, password_hash, full_name, organization_id, organization_role)
         VALUES ($1, $2, $3, $4, 'OWNER') ON CONFLICT (email) DO NOTHING`,
        [o.email, passwordHash, o.owner, id],
      );
      await db.query('COMMIT');
      if (inserted) created++;
      progress(`organizations ${i + 1}/${DEMO_ORGANIZATIONS.length}${inserted ? '' : ' (already there)'}`);
    }
    let needs = 0;
    for (const n of DEMO_NEEDS) {
      const buyer = ids.get(n.buyer)!;
      const day = (d: number) => new Date(Date.now() + d * 86400_000);
      const res = await db.query(
        `INSERT INTO procurement.needs (buyer_org_id, created_by, title, category_code, quantity, unit_code, target_unit_price,
            delivery_province_code, delivery_from, delivery_to, required_certifications, bid_deadline)
         SELECT $1, u.id, $2, $3, $4, $5, $6, $7, $8::date, $9::date, $10, $11
           FROM catalog.users u
          WHERE u.organization_id = $1
            AND NOT EXISTS (SELECT 1 FROM procurement.needs WHERE buyer_org_id = $1 AND title = $2)
          LIMIT 1`,
        [buyer, n.title, n.categoryCode, n.quantity, n.unitCode, n.targetUnitPrice, n.deliveryProvinceCode,
          day(n.inDays).toISOString().slice(0, 10), day(n.inDays + 30).toISOString().slice(0, 10), n.requiredCertifications, day(n.inDays - 10)],
      );
      needs += res.rowCount ?? 0;
    }
    progress(`needs: ${needs} drafts added`);
    const products = await seedProducts(db, ids);
    progress(`products: ${products} approved listings added`);
    // Written as rows, not signed up: procurement learns them (verified buyers included) by event.
    progress(`organizations told to procurement and the matcher: ${await replayOrganizations(databaseUrl)}`);
    progress(`listings told to the matcher: ${await replayListings(databaseUrl)}`);
    return { organizationsCreated: created, needsCreated: needs, productsCreated: products };
  } finally {
    await db.end();
  }
}

/** Approved listings with their public snapshot, as a moderator's approval would leave them. */
async function seedProducts(db: Client, ids: Map<string, string>): Promise<number> {
  let added = 0;
  for (const p of DEMO_PRODUCTS) {
    const factor = p.unitCode === 'TNE' ? 1000 : 1;
    const version = {
      name: p.name, description: null, categoryCode: p.categoryCode, unitCode: p.unitCode, monthlyCapacity: p.monthlyCapacity,
      minOrderQuantity: null, priceUnitCode: p.priceUnitCode, priceMin: p.priceMin, priceMax: p.priceMax, harvestMonths: p.harvestMonths, certifications: p.certifications,
    };
    const snapshot = { ...version, monthlyCapacityBase: String(Number(p.monthlyCapacity) * factor), approvedAt: new Date().toISOString() };
    const res = await db.query(
      `INSERT INTO catalog.products (organization_id, category_code, name, unit_code, monthly_capacity, price_min, price_max, harvest_months,
          certifications, status, approved, submitted_at, price_unit_code)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, 'APPROVED', $10, now(), $11
        WHERE NOT EXISTS (SELECT 1 FROM catalog.products WHERE organization_id = $1 AND name = $3)`,
      [ids.get(p.seller), p.categoryCode, p.name, p.unitCode, p.monthlyCapacity, p.priceMin, p.priceMax, p.harvestMonths,
        JSON.stringify(p.certifications), JSON.stringify(snapshot), p.priceUnitCode],
    );
    added += res.rowCount ?? 0;
  }
  return added;
}

if (require.main === module) {
  seedDemo(undefined, (l) => process.stdout.write(`seed: ${l}\n`)).catch((e) => {
    process.stderr.write(`seed failed: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
