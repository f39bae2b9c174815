import { OrganizationRole, PlatformRole } from '@lienket/auth';
import { errorCode, gql, queryRows } from '@lienket/testing';
import { CatalogAppModule } from '../../apps/catalog/src/app.module';
import { RunningApp, startSubgraph } from '../support/subgraph';
import {
  ARCHIVE_PRODUCT,
  Caller,
  CREATE_PRODUCT,
  decide,
  listProduct,
  newOrganization,
  newUser,
  ORGANIZATION_PRODUCTS,
  PRODUCT,
  ProductNode,
  productInput,
  SEARCH,
  SearchPage,
  searchNames,
  SUBMIT_PRODUCT,
  TestOrg,
  UPDATE_PRODUCT,
} from '../support/products';

// Who gets what, for every product query and mutation: anonymous, the owner of another organization,
// a MEMBER, a MANAGER and the OWNER of the listing's organization, and a platform admin.

let s: RunningApp;
let coop: TestOrg;
let callers: Record<
  'anonymous' | 'otherOrg' | 'member' | 'manager' | 'owner' | 'admin',
  Caller | null
>;
let draftId: string;
let publicId: string;

beforeAll(async () => {
  s = await startSubgraph(CatalogAppModule);
  coop = await newOrganization(s.url, {
    name: 'HTX Vải thiều Lục Ngạn',
    provinceCode: '24',
    verified: true,
  });
  const other = await newOrganization(s.url, {
    name: 'HTX Thanh long Hàm Thuận',
    provinceCode: '68',
    verified: true,
  });
  const admin = await newUser({ platformRole: PlatformRole.ADMIN });
  callers = {
    anonymous: null,
    otherOrg: other,
    member: await newUser({ organizationId: coop.id, organizationRole: OrganizationRole.MEMBER }),
    manager: await newUser({ organizationId: coop.id, organizationRole: OrganizationRole.MANAGER }),
    owner: coop,
    admin,
  };
  draftId = await listProduct(
    s.url,
    s.app,
    coop,
    admin.userId,
    { name: 'Vải thiều sấy khô (nháp)', categoryCode: '0813' },
    false,
  );
  publicId = await listProduct(s.url, s.app, coop, admin.userId, {
    name: 'Vải thiều Lục Ngạn',
    categoryCode: '0810',
  });
  // A newer version awaits review: insiders see it, everyone else the approved one.
  await gql(
    s.url,
    UPDATE_PRODUCT,
    {
      id: publicId,
      input: productInput({ name: 'Vải thiều Lục Ngạn loại 1', categoryCode: '0810' }),
    },
    { token: coop.token },
  );
});
afterAll(() => s.close());

const as = (who: keyof typeof callers) => ({ token: callers[who]?.token, lang: 'en' as const });
const state = async () =>
  await queryRows(
    s.databaseUrl,
    `SELECT id, status, name, updated_at, (SELECT count(*)::int FROM catalog.audit_log) AS audit FROM catalog.products ORDER BY id`,
  );

describe('reading listings', () => {
  it.each([
    ['anonymous', null, 'Vải thiều Lục Ngạn'],
    ['otherOrg', null, 'Vải thiều Lục Ngạn'],
    ['member', 'Vải thiều sấy khô (nháp)', 'Vải thiều Lục Ngạn loại 1'],
    ['owner', 'Vải thiều sấy khô (nháp)', 'Vải thiều Lục Ngạn loại 1'],
    ['admin', 'Vải thiều sấy khô (nháp)', 'Vải thiều Lục Ngạn loại 1'],
  ] as const)('product(id) as %s: draft %s, public listing %s', async (who, draft, published) => {
    const d = await gql<{ product: ProductNode | null }>(s.url, PRODUCT, { id: draftId }, as(who));
    expect(d.errors).toBeUndefined();
    expect(d.data?.product?.name ?? null).toBe(draft);
    const p = await gql<{ product: ProductNode | null }>(s.url, PRODUCT, { id: publicId }, as(who));
    expect(p.data?.product?.name).toBe(published);
  });

  it.each(['anonymous', 'otherOrg', 'member', 'owner', 'admin'] as const)(
    'searchProducts as %s finds only the approved version',
    async (who) => {
      const r = await gql<SearchPage>(s.url, SEARCH, { query: 'vai thieu' }, as(who));
      expect(searchNames(r)).toEqual(['Vải thiều Lục Ngạn']);
      expect(r.data?.searchProducts.edges[0].node).toMatchObject({
        status: 'APPROVED',
        moderationNote: null,
      });
    },
  );

  it.each([
    ['anonymous', ['Vải thiều Lục Ngạn']],
    ['otherOrg', ['Vải thiều Lục Ngạn']],
    ['member', ['Vải thiều Lục Ngạn loại 1', 'Vải thiều sấy khô (nháp)']],
    ['owner', ['Vải thiều Lục Ngạn loại 1', 'Vải thiều sấy khô (nháp)']],
    ['admin', ['Vải thiều Lục Ngạn loại 1', 'Vải thiều sấy khô (nháp)']],
  ] as const)('Organization.products as %s', async (who, names) => {
    type R = {
      organization: { products: { totalCount: number; edges: { node: { name: string } }[] } };
    };
    const r = await gql<R>(s.url, ORGANIZATION_PRODUCTS, { id: coop.id }, as(who));
    expect(r.data?.organization.products.edges.map((e) => e.node.name)).toEqual(names);
    expect(r.data?.organization.products.totalCount).toBe(names.length);
  });

  it("shows nothing of an unverified organization's listings to outsiders", async () => {
    const pending = await newOrganization(s.url);
    await gql(s.url, CREATE_PRODUCT, { input: productInput() }, { token: pending.token });
    const outsider = await gql<{ organization: null }>(
      s.url,
      ORGANIZATION_PRODUCTS,
      { id: pending.id },
      as('otherOrg'),
    );
    expect(outsider.data?.organization).toBeNull();
    const admin = await gql<{ organization: { products: { totalCount: number } } }>(
      s.url,
      ORGANIZATION_PRODUCTS,
      { id: pending.id },
      as('admin'),
    );
    expect(admin.data?.organization.products.totalCount).toBe(1);
  });
});

describe('changing listings', () => {
  const refusals = {
    anonymous: 'UNAUTHENTICATED',
    otherOrg: 'NOT_FOUND',
    member: 'FORBIDDEN',
    admin: 'FORBIDDEN',
  } as const;
  const mutations: [string, string, () => Record<string, unknown>][] = [
    [
      'updateProduct',
      UPDATE_PRODUCT,
      () => ({ id: draftId, input: productInput({ name: 'Đổi tên trái phép' }) }),
    ],
    ['submitProduct', SUBMIT_PRODUCT, () => ({ id: draftId })],
    ['archiveProduct', ARCHIVE_PRODUCT, () => ({ id: publicId })],
  ];

  for (const [name, mutation, variables] of mutations) {
    it.each(Object.entries(refusals))(
      `${name} as %s is refused with %s and writes nothing`,
      async (who, code) => {
        const before = await state();
        const r = await gql(s.url, mutation, variables(), as(who as keyof typeof callers));
        expect(errorCode(r)).toBe(code);
        expect(await state()).toEqual(before);
      },
    );
  }

  it('createProduct: anonymous and staff are refused, a MEMBER too; writes nothing', async () => {
    for (const [who, code] of [
      ['anonymous', 'UNAUTHENTICATED'],
      ['member', 'FORBIDDEN'],
      ['admin', 'FORBIDDEN'],
    ] as const) {
      const before = await state();
      expect(errorCode(await gql(s.url, CREATE_PRODUCT, { input: productInput() }, as(who)))).toBe(
        code,
      );
      expect(await state()).toEqual(before);
    }
  });

  it("createProduct by another organization's owner lands in that organization only", async () => {
    const r = await gql<{ createProduct: ProductNode }>(
      s.url,
      CREATE_PRODUCT,
      { input: productInput() },
      as('otherOrg'),
    );
    expect(r.data?.createProduct.organization.name).toBe('HTX Thanh long Hàm Thuận');
  });

  it('the MANAGER and the OWNER may change their listings', async () => {
    const renamed = await gql<{ updateProduct: ProductNode }>(
      s.url,
      UPDATE_PRODUCT,
      { id: draftId, input: productInput({ name: 'Vải thiều sấy khô' }) },
      as('manager'),
    );
    expect(renamed.data?.updateProduct).toMatchObject({
      name: 'Vải thiều sấy khô',
      status: 'DRAFT',
    });
    const submitted = await gql<{ submitProduct: ProductNode }>(
      s.url,
      SUBMIT_PRODUCT,
      { id: draftId },
      as('owner'),
    );
    expect(submitted.data?.submitProduct.status).toBe('PENDING_REVIEW');
    await decide(s.app, publicId, 'APPROVE', callers.admin!.userId);
    const archived = await gql<{ archiveProduct: ProductNode }>(
      s.url,
      ARCHIVE_PRODUCT,
      { id: publicId },
      as('manager'),
    );
    expect(archived.data?.archiveProduct.status).toBe('ARCHIVED');
  });

  it('answers an id that is not a UUID like one that does not exist', async () => {
    expect(errorCode(await gql(s.url, SUBMIT_PRODUCT, { id: 'not-a-uuid' }, as('owner')))).toBe(
      'NOT_FOUND',
    );
    expect(
      (await gql<{ product: null }>(s.url, PRODUCT, { id: "1' OR '1'='1" }, as('admin'))).data
        ?.product,
    ).toBeNull();
  });
});
