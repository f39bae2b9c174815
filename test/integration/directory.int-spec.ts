import { PlatformRole } from '@lienket/auth';
import { dataOf, errorCode, gql, GqlResult, queryRows } from '@lienket/testing';
import { DataSource } from 'typeorm';
import { CatalogAppModule } from '../../apps/catalog/src/app.module';
import { directorySql, DirectoryCriteria } from '../../libs/products/src/directory/directory.repository';
import { watchStatements } from '../support/statements';
import { RunningApp, startSubgraph } from '../support/subgraph';
import { listProduct, newOrganization, newUser, setVerification, TestOrg } from '../support/products';

// The supplier directory the way buyers type: real cooperative names with and without diacritics,
// each filter, and never an organization that is not VERIFIED.

let s: RunningApp;
const DIRECTORY = `query Directory($query: String, $filter: OrganizationFilter, $first: Int, $after: String) {
  searchOrganizations(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { id name kind province { code } productCount certifications { kind validUntil expired } } }
  }
}`;
interface DirectoryPage {
  searchOrganizations: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; name: string; productCount: number; certifications: { kind: string; validUntil: string | null; expired: boolean }[] } }[];
  };
}
const search = (query: string | null, filter: Record<string, unknown> = {}, more: Record<string, unknown> = {}, token?: string) =>
  gql<DirectoryPage>(s.url, DIRECTORY, { query, filter, ...more }, { lang: 'en', token });
const namesOf = (r: GqlResult<DirectoryPage>) => dataOf(r).searchOrganizations.edges.map((e) => e.node.name);
const names = async (query: string | null, filter: Record<string, unknown> = {}) => namesOf(await search(query, filter));
const sorted = (a: string[]) => [...a].sort();

const far = '2099-12-31';
const ORGS: Record<string, { name: string; provinceCode: string; kind?: string; description?: string }> = {
  eatu: { name: 'HTX Nông nghiệp Dịch vụ Ea Tu', provinceCode: '66', description: 'Cà phê Robusta chế biến ướt, 120 thành viên.' },
  caudat: { name: 'HTX Cà phê Cầu Đất', provinceCode: '68' },
  tancuong: { name: 'HTX Chè Tân Cương', provinceCode: '19', description: 'Chè búp khô đặc sản Thái Nguyên.' },
  thoaison: { name: 'HTX Nông nghiệp Thoại Sơn', provinceCode: '91' },
  vanyen: { name: 'HTX Quế hồi Văn Yên', provinceCode: '15' },
  buyer: { name: 'Công ty TNHH Thực phẩm Sài Gòn Xanh', provinceCode: '79', kind: 'ENTERPRISE' },
};
const PUBLIC_NAMES = Object.values(ORGS).map((o) => o.name);
const orgs: Record<string, TestOrg> = {};

beforeAll(async () => {
  s = await startSubgraph(CatalogAppModule);
  const moderator = await newUser({ platformRole: PlatformRole.MODERATOR });
  for (const [key, o] of Object.entries(ORGS)) {
    orgs[key] = await newOrganization(s.url, { ...o, verified: true });
    if (o.description) await queryRows(s.databaseUrl, `UPDATE catalog.organizations SET description = $2 WHERE id = $1`, [orgs[key].id, o.description]);
  }
  const list = (key: string, over: Record<string, unknown>, approve = true) =>
    listProduct(s.url, s.app, orgs[key], moderator.userId, over, approve);
  await list('eatu', { name: 'Cà phê Robusta Ea Tu', categoryCode: '0901', certifications: [{ kind: 'VietGAP', validUntil: '2027-06-30' }] });
  await list('eatu', { name: 'Cà phê nhân xô', categoryCode: '0901', certifications: [{ kind: 'VietGAP', validUntil: far }, { kind: 'OCOP_4', validUntil: far }] });
  await list('caudat', { name: 'Cà phê Arabica Cầu Đất', categoryCode: '0901', certifications: [{ kind: 'ORGANIC_USDA', validUntil: far }] });
  await list('tancuong', { name: 'Chè búp Tân Cương', categoryCode: '0902', unitCode: 'KGM', certifications: [{ kind: 'VietGAP', validUntil: '2020-01-01' }] });
  await list('thoaison', { name: 'Gạo Jasmine Thoại Sơn', categoryCode: '1006', certifications: [] });
  // A draft claims an organic certificate: drafts never count.
  await list('vanyen', { name: 'Quế vỏ Văn Yên', categoryCode: '0906', certifications: [{ kind: 'ORGANIC_EU', validUntil: far }] }, false);
  // Never found: awaiting verification, suspended after it listed, rejected.
  const pending = await newOrganization(s.url, { name: 'HTX Cà phê Chờ duyệt', provinceCode: '66' });
  const suspended = await newOrganization(s.url, { name: 'HTX Cà phê Bị đình chỉ', provinceCode: '66', verified: true });
  await listProduct(s.url, s.app, suspended, moderator.userId, { name: 'Cà phê Moka', categoryCode: '0901' });
  await setVerification(suspended.id, 'SUSPENDED');
  const rejected = await newOrganization(s.url, { name: 'HTX Cà phê Bị từ chối', provinceCode: '66' });
  await queryRows(s.databaseUrl, `UPDATE catalog.organizations SET verification = 'REJECTED' WHERE id = $1`, [rejected.id]);
  orgs.pending = pending;
}, 60_000);
afterAll(() => s.close());

describe('searchOrganizations ignores diacritics and case', () => {
  it.each([
    ['ca phe', ['HTX Cà phê Cầu Đất', 'HTX Nông nghiệp Dịch vụ Ea Tu']],
    ['Cà phê Cầu Đất', ['HTX Cà phê Cầu Đất']],
    ['CAU DAT', ['HTX Cà phê Cầu Đất']],
    ['htx che tan cuong', ['HTX Chè Tân Cương']],
    ['thai nguyen', ['HTX Chè Tân Cương']],
    ['thoai son', ['HTX Nông nghiệp Thoại Sơn']],
    ['nong nghiep', ['HTX Nông nghiệp Dịch vụ Ea Tu', 'HTX Nông nghiệp Thoại Sơn']],
    ['sai gon xanh', ['Công ty TNHH Thực phẩm Sài Gòn Xanh']],
    ['xyzzy', []],
    ['!!!', []],
  ])('"%s"', async (query, expected) => {
    expect(sorted(await names(query))).toEqual([...expected].sort());
  });

  it('finds a name as it is being typed: the last word may be unfinished', async () => {
    expect(await names('htx que hoi van y')).toEqual(['HTX Quế hồi Văn Yên']);
  });

  it('ranks a match in the name above one only in the description', async () => {
    // "ca phe" is in Cầu Đất's name and only in Ea Tu's description.
    expect((await names('ca phe'))?.[0]).toBe('HTX Cà phê Cầu Đất');
  });

  it('never finds an organization that is not verified, whoever asks', async () => {
    const admin = await newUser({ platformRole: PlatformRole.ADMIN });
    for (const token of [undefined, admin.token, orgs.pending.token]) {
      const found = namesOf(await search('ca phe', {}, {}, token));
      expect(found).not.toEqual(expect.arrayContaining([expect.stringMatching(/Chờ duyệt|đình chỉ|từ chối/)]));
      const all = namesOf(await search(null, {}, { first: 100 }, token));
      expect(sorted(all)).toEqual(sorted(PUBLIC_NAMES));
    }
    expect(await names('moka')).toEqual([]);
  });
});

describe('searchOrganizations filters', () => {
  it('by kind', async () => {
    expect(await names(null, { kind: 'ENTERPRISE' })).toEqual(['Công ty TNHH Thực phẩm Sài Gòn Xanh']);
    expect(await names(null, { kind: 'COOPERATIVE' })).toHaveLength(PUBLIC_NAMES.length - 1);
  });

  it('by province, with a query too', async () => {
    expect(await names(null, { provinceCode: '68' })).toEqual(['HTX Cà phê Cầu Đất']);
    expect(await names('ca phe', { provinceCode: '66' })).toEqual(['HTX Nông nghiệp Dịch vụ Ea Tu']);
  });

  it('by category through approved listings: a chapter includes its headings, drafts do not count', async () => {
    expect(sorted(await names(null, { categoryCode: '09' }))).toEqual(sorted(['HTX Cà phê Cầu Đất', 'HTX Chè Tân Cương', 'HTX Nông nghiệp Dịch vụ Ea Tu']));
    expect(await names(null, { categoryCode: '0902' })).toEqual(['HTX Chè Tân Cương']);
    expect(await names(null, { categoryCode: '0906' })).toEqual([]);
  });

  it('by a certification held on an approved listing and not expired', async () => {
    expect(await names(null, { certification: 'vietgap' })).toEqual(['HTX Nông nghiệp Dịch vụ Ea Tu']);
    expect(await names(null, { certification: 'ORGANIC_USDA', categoryCode: '0901' })).toEqual(['HTX Cà phê Cầu Đất']);
    expect(await names(null, { certification: 'ORGANIC_EU' })).toEqual([]);
  });

  it.each([
    [{ categoryCode: '99' }, 'filter.categoryCode'],
    [{ provinceCode: '02' }, 'filter.provinceCode'],
    [{ certification: 'ISO22000' }, 'filter.certification'],
  ])('refuses %j naming the field', async (filter, field) => {
    expect((await search('ca phe', filter)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('what a supplier card shows', () => {
  it('counts approved listings and lists unexpired certifications once per kind', async () => {
    const r = await search('ea tu');
    const eatu = r.data!.searchOrganizations.edges[0].node;
    expect(eatu.productCount).toBe(2);
    // VietGAP on two listings: shown once, with the later expiry.
    expect(eatu.certifications).toEqual([
      { kind: 'OCOP_4', validUntil: far, expired: false },
      { kind: 'VietGAP', validUntil: far, expired: false },
    ]);
    const tea = (await search('tan cuong')).data!.searchOrganizations.edges[0].node;
    expect(tea).toMatchObject({ productCount: 1, certifications: [] });
    const vanyen = (await search('van yen')).data!.searchOrganizations.edges[0].node;
    expect(vanyen).toMatchObject({ productCount: 0, certifications: [] });
  });

  it('reads the counts and certifications of a whole page in one statement', async () => {
    // Through TypeORM, or for the organization loader as a prepared statement (watchStatements).
    const statements = watchStatements(s.app.get(DataSource));
    try {
      const r = await search(null, {}, { first: 100 });
      expect(r.data!.searchOrganizations.edges.length).toBe(PUBLIC_NAMES.length);
      // The page itself, its organizations in one batch (the loader), then every card's counts and
      // certifications at once (not one per card).
      const kind = (sql: string) =>
        sql.includes('unnest($1::uuid[])') ? 'summaries' : sql.includes('o.id = ANY($1::uuid[])') ? 'organizations' : 'page';
      expect(statements.texts().map(kind)).toEqual(['page', 'organizations', 'summaries']);
    } finally {
      statements.restore();
    }
  });
});

describe('searchOrganizations pages', () => {
  const collect = async (query: string | null, first: number) => {
    const seen: string[] = [];
    let after: string | null = null;
    let r: GqlResult<DirectoryPage>;
    do {
      r = await search(query, {}, { first, after });
      seen.push(...namesOf(r));
      after = r.data!.searchOrganizations.pageInfo.endCursor;
    } while (r.data!.searchOrganizations.pageInfo.hasNextPage);
    return { seen, total: r.data!.searchOrganizations.totalCount };
  };

  it('walks every verified organization once, by name without diacritics', async () => {
    const { seen, total } = await collect(null, 2);
    expect(total).toBe(PUBLIC_NAMES.length);
    expect(seen).toEqual([...PUBLIC_NAMES].sort((a, b) => fold(a).localeCompare(fold(b), 'en')));
  });

  it('keeps relevance order across pages', async () => {
    expect((await collect('htx', 1)).seen).toEqual(await names('htx'));
  });

  it('refuses a forged cursor, a browse cursor in a search, and an oversized page', async () => {
    const forged = Buffer.from(JSON.stringify(['1.5', "x'; DROP TABLE catalog.organizations; --"])).toString('base64url');
    expect((await search('htx', {}, { after: forged })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const browse = (await search(null, {}, { first: 1 })).data!.searchOrganizations.pageInfo.endCursor;
    expect((await search('htx', {}, { after: browse })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(errorCode(await search(null, {}, { first: 101 }))).toBe('BAD_USER_INPUT');
  });
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
const planNodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(planNodes)];

describe('the directory plan and its cap', () => {
  const FILLER = `name LIKE 'HTX Nông sản lô %'`;
  afterAll(() => queryRows(s.databaseUrl, `DELETE FROM catalog.organizations WHERE ${FILLER}`));

  const criteria = (over: Partial<DirectoryCriteria>): DirectoryCriteria => ({
    text: null, kind: null, provinceCode: null, categoryCode: null, certification: null, today: '2026-11-23', limit: 20, after: null, ...over,
  });
  const plan = async (c: DirectoryCriteria) => {
    const { sql, params } = directorySql(c);
    const [row] = await queryRows<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(s.databaseUrl, `EXPLAIN (FORMAT JSON) ${sql}`, params);
    return planNodes(row['QUERY PLAN'][0].Plan);
  };

  it('caps the total at 1,000 and reaches organizations through its indexes', async () => {
    // Five thousand more verified organizations, and VACUUM ANALYZE as autovacuum would.
    await queryRows(
      s.databaseUrl,
      `INSERT INTO catalog.organizations (kind, name, tax_code, province_code, verification)
       SELECT 'COOPERATIVE', 'HTX Nông sản lô ' || i, '7' || lpad(i::text, 9, '0'), '66', 'VERIFIED' FROM generate_series(1, 5000) i`,
    );
    await queryRows(s.databaseUrl, 'VACUUM ANALYZE catalog.organizations');
    const r = await search('nong san', {}, { first: 5 });
    expect(r.data?.searchOrganizations.totalCount).toBe(1000);
    expect(r.data?.searchOrganizations.pageInfo.hasNextPage).toBe(true);

    // A query: matches come from the GIN index only.
    const searched = await plan(criteria({ text: 'ca phe cau dat' }));
    expect(searched.map((n) => n['Index Name'])).toContain('organizations_search');
    expect(searched.filter((n) => n['Relation Name'] === 'organizations' && n['Node Type'] === 'Seq Scan')).toEqual([]);
    // Browsing: the page walks the name index from the cursor (the capped total may read the
    // first 1,000 verified rows in any order, which is what its LIMIT bounds).
    for (const after of [null, { key: 'htx nong san lo 2', id: '00000000-0000-4000-8000-000000000000' }]) {
      const browsed = await plan(criteria({ after }));
      const page = browsed.filter((n) => n['Relation Name'] === 'organizations' && n['Node Type'] !== 'Seq Scan');
      expect(page.map((n) => n['Index Name'])).toContain('organizations_directory');
    }
  });
});

function fold(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}
