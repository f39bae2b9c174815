import { PlatformRole } from '@lienket/auth';
import { isPublicListing, ListingStatus } from '@lienket/products';
import { gql, queryRows } from '@lienket/testing';
import { CatalogAppModule } from '../../apps/catalog/src/app.module';
import { DirectoryRepository } from '../../libs/products/src/directory/directory.repository';
import { RunningApp, startSubgraph } from '../support/subgraph';
import { ARCHIVE_PRODUCT, listProduct, newOrganization, newUser, setVerification } from '../support/products';

// "A public listing" is defined once (decision 63): catalog.listing_is_public / catalog.public_listings
// in SQL, isPublicListing in TypeScript. Every reader uses it, so a listing leaves every public
// place at once when its organization is suspended or it is archived.

let s: RunningApp;
beforeAll(async () => {
  s = await startSubgraph(CatalogAppModule);
}, 60_000);
afterAll(() => s.close());

it('isPublicListing and catalog.listing_is_public agree on every status, snapshot and verification', async () => {
  const rows = await queryRows<{ approved: object | null; status: ListingStatus; verification: string; public: boolean }>(
    s.databaseUrl,
    `SELECT a.approved, st.status, v.verification, catalog.listing_is_public(a.approved, st.status, v.verification) AS public
       FROM (VALUES (NULL::jsonb), ('{"name": "x"}'::jsonb)) a (approved),
            unnest($1::text[]) st (status),
            unnest($2::text[]) v (verification)`,
    [Object.values(ListingStatus), ['PENDING_VERIFICATION', 'VERIFIED', 'REJECTED', 'SUSPENDED']],
  );
  expect(rows).toHaveLength(2 * Object.values(ListingStatus).length * 4);
  for (const r of rows) expect([r, isPublicListing(r, r.verification)]).toEqual([r, r.public]);
  expect(rows.filter((r) => r.public).map((r) => r.status).sort()).toEqual(['APPROVED', 'DRAFT', 'PENDING_REVIEW', 'REJECTED']);
});

it("a suspended organization's listings leave the public view, its listing count and its certifications at once; archiving likewise", async () => {
  const moderator = await newUser({ platformRole: PlatformRole.MODERATOR });
  const org = await newOrganization(s.url, { name: 'HTX Sầu riêng Krông Pắc', verified: true });
  const id = await listProduct(s.url, s.app, org, moderator.userId, {
    name: 'Sầu riêng Ri6',
    categoryCode: '0810',
    certifications: [{ kind: 'VietGAP', validUntil: '2099-12-31' }],
  });
  const summary = async () => (await s.app.get(DirectoryRepository).summaries([org.id], '2026-01-01')).get(org.id);
  const publicRows = async () =>
    (await queryRows<{ id: string }>(s.databaseUrl, `SELECT id FROM catalog.public_listings WHERE organization_id = $1`, [org.id])).map((r) => r.id);

  expect(await summary()).toMatchObject({ productCount: 1, certifications: [{ kind: 'VietGAP' }] });
  expect(await publicRows()).toEqual([id]);

  await setVerification(org.id, 'SUSPENDED');
  // The listing's own columns did not change: only the organization's verification did.
  expect(await summary()).toEqual({ productCount: 0, certifications: [] });
  expect(await publicRows()).toEqual([]);

  await setVerification(org.id, 'VERIFIED');
  expect(await publicRows()).toEqual([id]);
  expect((await gql(s.url, ARCHIVE_PRODUCT, { id }, { token: org.token })).errors).toBeUndefined();
  expect(await summary()).toEqual({ productCount: 0, certifications: [] });
  expect(await publicRows()).toEqual([]);
});
