import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { issueAccessToken, OrganizationRole, PlatformRole } from '@lienket/auth';
import { loadConfig } from '@lienket/config';
import { ModerationDecision, ProductService } from '@lienket/products';
import { dataOf, gql, GqlResult, queryRows, SIGN_UP, signUpInput, uniqueEmail } from '@lienket/testing';

// Catalog fixtures for product tests against the in-process catalog subgraph: organizations signed
// up through the API, extra users inserted and given tokens directly (the token check needs no row
// lookup), and moderation decisions through ProductService.decide, as the moderation module calls it.

export const PRODUCT_FIELDS = `id name description status moderationNote monthlyCapacity minOrderQuantity harvestMonths publishedAt
  priceMin { amount currency } priceMax { amount currency } priceUnit { code name symbol }
  certifications { kind issuer validUntil expired }
  category { code name parent { code } } unit { code name }
  organization { id name verification province { code } }`;
export const CREATE_PRODUCT = `mutation Create($input: ProductInput!) { createProduct(input: $input) { ${PRODUCT_FIELDS} } }`;
export const UPDATE_PRODUCT = `mutation Update($id: ID!, $input: ProductInput!) { updateProduct(id: $id, input: $input) { ${PRODUCT_FIELDS} } }`;
export const SUBMIT_PRODUCT = `mutation Submit($id: ID!) { submitProduct(id: $id) { ${PRODUCT_FIELDS} } }`;
export const ARCHIVE_PRODUCT = `mutation Archive($id: ID!) { archiveProduct(id: $id) { ${PRODUCT_FIELDS} } }`;
export const PRODUCT = `query Product($id: ID!) { product(id: $id) { ${PRODUCT_FIELDS} } }`;
export const SEARCH = `query Search($query: String, $filter: ProductFilter, $first: Int, $after: String) {
  searchProducts(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { ${PRODUCT_FIELDS} } }
  }
}`;
export const ORGANIZATION_PRODUCTS = `query OrgProducts($id: ID!, $first: Int, $after: String) {
  organization(id: $id) { id products(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id name status } }
  } }
}`;

export interface ProductNode {
  id: string;
  name: string;
  description: string | null;
  status: string;
  moderationNote: string | null;
  monthlyCapacity: string;
  minOrderQuantity: string | null;
  harvestMonths: number[];
  publishedAt: string | null;
  priceMin: { amount: string; currency: string } | null;
  priceMax: { amount: string; currency: string } | null;
  priceUnit: { code: string; name: string; symbol: string };
  certifications: {
    kind: string;
    issuer: string | null;
    validUntil: string | null;
    expired: boolean;
  }[];
  category: { code: string; name: string; parent: { code: string } | null };
  unit: { code: string; name: string };
  organization: { id: string; name: string; verification: string; province: { code: string } };
}
export interface SearchPage {
  searchProducts: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: ProductNode }[];
  };
}

export const productInput = (over: Record<string, unknown> = {}) => ({
  categoryCode: '0901',
  name: 'Cà phê Robusta Đắk Lắk',
  description: 'Cà phê nhân xô, sàng 16, độ ẩm dưới 12,5%.',
  unitCode: 'TNE',
  monthlyCapacity: '50',
  minOrderQuantity: '2.5',
  priceMin: { amount: '95000000', currency: 'VND' },
  priceMax: { amount: '125000000000', currency: 'VND' },
  harvestMonths: [12, 10, 11, 11],
  certifications: [
    { kind: 'vietgap', issuer: 'Trung tâm Chứng nhận Phù hợp (QUACERT)', validUntil: '2030-06-30' },
  ],
  ...over,
});

export interface Caller {
  token: string;
  userId: string;
}
export interface TestOrg extends Caller {
  id: string;
  name: string;
}

/** Signs up an organization through the API (its OWNER gets the token); optionally verified in SQL. */
export async function newOrganization(
  url: string,
  o: { name?: string; provinceCode?: string; kind?: string; verified?: boolean } = {},
): Promise<TestOrg> {
  const input = signUpInput({ name: o.name, provinceCode: o.provinceCode, kind: o.kind });
  const r = await gql<{
    signUp: {
      accessToken: string;
      user: { id: string; organization: { id: string; name: string } };
    };
  }>(url, SIGN_UP, { input });
  if (!r.data) throw new Error(`sign-up failed: ${JSON.stringify(r.errors)}`);
  const { accessToken, user } = r.data.signUp;
  const org = {
    id: user.organization.id,
    name: user.organization.name,
    token: accessToken,
    userId: user.id,
  };
  if (o.verified) await setVerification(org.id, 'VERIFIED');
  return org;
}

export async function setVerification(
  orgId: string,
  verification: 'VERIFIED' | 'PENDING_VERIFICATION' | 'SUSPENDED',
) {
  await queryRows(
    loadConfig().databaseUrl,
    `UPDATE catalog.organizations SET verification = $2 WHERE id = $1`,
    [orgId, verification],
  );
}

/** A user of an organization with a role, or platform staff without one. */
export async function newUser(
  role:
    { organizationId: string; organizationRole: OrganizationRole } | { platformRole: PlatformRole },
): Promise<Caller> {
  const { databaseUrl, auth } = loadConfig();
  const org = 'organizationId' in role ? role : null;
  const platformRole = 'platformRole' in role ? role.platformRole : null;
  const [row] = await queryRows<{ id: string }>(
    databaseUrl,
    `INSERT INTO catalog.users (email, password_hash, full_name, organization_id, organization_role, platform_role)
     VALUES ($1, 'not-a-hash', 'Người thử', $2, $3, $4) RETURNING id`,
    [uniqueEmail('user'), org?.organizationId ?? null, org?.organizationRole ?? null, platformRole],
  );
  const user = {
    id: row.id,
    organizationId: org?.organizationId ?? null,
    organizationRole: org?.organizationRole ?? null,
    platformRole,
  };
  return { userId: row.id, token: issueAccessToken(user, auth.jwtSecret, 900) };
}

/** What the moderation module does with a decision: ProductService.decide in its own transaction. */
export function decide(
  app: INestApplication,
  productId: string,
  decision: ModerationDecision,
  actorId: string,
  reason: string | null = null,
) {
  return app
    .get(DataSource)
    .transaction((m) => app.get(ProductService).decide(m, productId, decision, reason, actorId));
}

/** Creates a listing through the API, and optionally submits it and has it approved. */
export async function listProduct(
  url: string,
  app: INestApplication,
  org: TestOrg,
  moderatorId: string,
  over: Record<string, unknown> = {},
  approve = true,
) {
  const created = await gql<{ createProduct: ProductNode }>(
    url,
    CREATE_PRODUCT,
    { input: productInput(over) },
    { token: org.token },
  );
  if (!created.data) throw new Error(`createProduct failed: ${JSON.stringify(created.errors)}`);
  const id = created.data.createProduct.id;
  if (approve) {
    const submitted = await gql(url, SUBMIT_PRODUCT, { id }, { token: org.token });
    if (submitted.errors)
      throw new Error(`submitProduct failed: ${JSON.stringify(submitted.errors)}`);
    await decide(app, id, 'APPROVE', moderatorId);
  }
  return id;
}

/** The names found; throws when the search answered an error instead (never an empty list then). */
export const searchNames = (r: GqlResult<SearchPage>) => dataOf(r).searchProducts.edges.map((e) => e.node.name);
