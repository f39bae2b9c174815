import { DataSource } from 'typeorm';
import { PlatformRole } from '@lienket/auth';
import { loadConfig } from '@lienket/config';
import { ProductService } from '@lienket/products';
import { errorCode, gql, GqlResult, queryRows } from '@lienket/testing';
import { CatalogAppModule } from '../../apps/catalog/src/app.module';
import {
  planSearch,
  Resolved,
  resolveSql,
  SEARCH_INDEX_KIND_SQL,
  SearchCriteria,
  SearchIndexKind,
  searchSql,
} from '../../libs/products/src/products/product-search.sql';
import { migrateAll } from '../../scripts/migrate';
import { RunningApp, startSubgraph } from '../support/subgraph';
import {
  ARCHIVE_PRODUCT,
  decide,
  listProduct,
  newOrganization,
  newUser,
  productInput,
  SEARCH,
  SearchPage,
  searchNames,
  SUBMIT_PRODUCT,
  setVerification,
  TestOrg,
  UPDATE_PRODUCT,
} from '../support/products';

// Searching the way Vietnamese buyers type: real product names, with and without diacritics, with
// a typo, and each filter. Only approved listings of verified organizations may ever be found.
// The whole file runs twice: through the RUM index (installed on this machine), and through the
// GIN fallback of a PostgreSQL without RUM (product-search-gin.int-spec.ts sets SEARCH_RUM=off).
const INDEX: SearchIndexKind = loadConfig().search.rum === 'off' ? 'gin' : 'rum';

let s: RunningApp;
const search = (
  query: string | null,
  filter: Record<string, unknown> = {},
  more: Record<string, unknown> = {},
) => gql<SearchPage>(s.url, SEARCH, { query, filter, ...more }, { lang: 'en' });
const names = async (query: string | null, filter: Record<string, unknown> = {}) =>
  searchNames(await search(query, filter));

const far = { validUntil: '2099-12-31' };
const LISTINGS: [string, string, Record<string, unknown>][] = [
  // organization key, name, rest of the input
  [
    'eatu',
    'Cà phê Robusta Đắk Lắk',
    {
      categoryCode: '0901',
      unitCode: 'TNE',
      monthlyCapacity: '50',
      certifications: [{ kind: 'VietGAP', ...far }],
    },
  ],
  [
    'caudat',
    'Cà phê Arabica Cầu Đất',
    {
      categoryCode: '0901',
      unitCode: 'TNE',
      monthlyCapacity: '8',
      certifications: [{ kind: 'ORGANIC_USDA', ...far }],
    },
  ],
  [
    'soctrang',
    'Gạo ST25 Sóc Trăng',
    {
      categoryCode: '1006',
      unitCode: 'TNE',
      monthlyCapacity: '200',
      certifications: [{ kind: 'GlobalGAP', ...far }],
    },
  ],
  [
    'hagiang',
    'Chè Shan tuyết Hà Giang',
    {
      categoryCode: '0902',
      unitCode: 'KGM',
      monthlyCapacity: '5000',
      certifications: [{ kind: 'ORGANIC_EU', ...far }],
    },
  ],
  [
    'vanyen',
    'Quế Văn Yên',
    {
      categoryCode: '0906',
      unitCode: 'TNE',
      monthlyCapacity: '20',
      certifications: [{ kind: 'OCOP_4', validUntil: '2020-01-01' }],
    },
  ],
  [
    'phuquoc',
    'Hồ tiêu Phú Quốc',
    { categoryCode: '0904', unitCode: 'KGM', monthlyCapacity: '3000', certifications: [] },
  ],
  [
    'binhthuan',
    'Thanh long ruột đỏ Bình Thuận',
    {
      categoryCode: '0810',
      unitCode: 'TNE',
      monthlyCapacity: '100',
      certifications: [{ kind: 'VietGAP', ...far }],
    },
  ],
  [
    'lucngan',
    'Vải thiều Lục Ngạn – đặc sản Bắc Giang',
    {
      categoryCode: '0810',
      unitCode: 'TNE',
      monthlyCapacity: '80',
      certifications: [{ kind: 'OCOP_4', ...far }],
    },
  ],
];
const ORGS: Record<string, { name: string; provinceCode: string }> = {
  eatu: { name: 'HTX Cà phê Ea Tu', provinceCode: '66' },
  caudat: { name: 'HTX Cà phê Cầu Đất', provinceCode: '68' },
  soctrang: { name: 'HTX Lúa gạo Sóc Trăng', provinceCode: '92' },
  hagiang: { name: 'HTX Chè Shan tuyết Hà Giang', provinceCode: '08' },
  vanyen: { name: 'HTX Quế Văn Yên', provinceCode: '15' },
  phuquoc: { name: 'HTX Hồ tiêu Phú Quốc', provinceCode: '91' },
  binhthuan: { name: 'HTX Thanh long Hàm Thuận Nam', provinceCode: '68' },
  lucngan: { name: 'HTX Vải thiều Lục Ngạn', provinceCode: '24' },
};
const ALL = LISTINGS.map(([, name]) => name);

beforeAll(async () => {
  s = await startSubgraph(CatalogAppModule);
  const moderator = await newUser({ platformRole: PlatformRole.MODERATOR });
  const orgs: Record<string, TestOrg> = {};
  for (const [key, o] of Object.entries(ORGS))
    orgs[key] = await newOrganization(s.url, { ...o, verified: true });
  for (const [key, name, rest] of LISTINGS)
    await listProduct(s.url, s.app, orgs[key], moderator.userId, { name, ...rest });
  // What must never be found: a draft, a listing awaiting review, an archived one, and the approved
  // listing of an organization that was suspended afterwards.
  await listProduct(
    s.url,
    s.app,
    orgs.eatu,
    moderator.userId,
    { name: 'Cà phê chồn Buôn Ma Thuột (nháp)' },
    false,
  );
  const archived = await listProduct(s.url, s.app, orgs.eatu, moderator.userId, {
    name: 'Cà phê hạt rang xay (ngừng bán)',
  });
  await gql(s.url, ARCHIVE_PRODUCT, { id: archived }, { token: orgs.eatu.token });
  const suspended = await newOrganization(s.url, {
    name: 'HTX Cà phê Moka',
    provinceCode: '68',
    verified: true,
  });
  await listProduct(s.url, s.app, suspended, moderator.userId, { name: 'Cà phê Moka Cầu Đất' });
  await setVerification(suspended.id, 'SUSPENDED');
}, 60_000);
afterAll(() => s.close());

describe('searchProducts ignores diacritics and case', () => {
  it.each([
    ['ca phe', ['Cà phê Robusta Đắk Lắk', 'Cà phê Arabica Cầu Đất']],
    ['Cà phê', ['Cà phê Robusta Đắk Lắk', 'Cà phê Arabica Cầu Đất']],
    ['CÀ PHÊ ROBUSTA', ['Cà phê Robusta Đắk Lắk']],
    ['ca phe robusta dak lak', ['Cà phê Robusta Đắk Lắk']],
    ['gao st25', ['Gạo ST25 Sóc Trăng']],
    ['Gạo ST25 Sóc Trăng', ['Gạo ST25 Sóc Trăng']],
    ['che shan tuyet', ['Chè Shan tuyết Hà Giang']],
    ['que van yen', ['Quế Văn Yên']],
    ['ho tieu phu quoc', ['Hồ tiêu Phú Quốc']],
    ['thanh long ruot do', ['Thanh long ruột đỏ Bình Thuận']],
    ['vai thieu luc ngan', ['Vải thiều Lục Ngạn – đặc sản Bắc Giang']],
    ['dac san', ['Vải thiều Lục Ngạn – đặc sản Bắc Giang']],
    ['ĐẶC SẢN', ['Vải thiều Lục Ngạn – đặc sản Bắc Giang']],
  ])('"%s"', async (query, expected) => {
    expect((await names(query))?.sort()).toEqual([...expected].sort());
  });

  it('puts the listing that matches every word first', async () => {
    expect((await names('ca phe robusta'))?.[0]).toBe('Cà phê Robusta Đắk Lắk');
  });

  it('finds nothing that is not public: drafts, archived listings, suspended organizations', async () => {
    const hidden = /nháp|ngừng bán|Moka/;
    for (const query of ['rang xay', 'moka']) expect(await names(query)).toEqual([]);
    // No public "cà phê chồn": the near matches are the other coffees, never the draft.
    expect(await names('ca phe chon')).toEqual(
      expect.not.arrayContaining([expect.stringMatching(hidden)]),
    );
    expect(await names(null)).toEqual(expect.not.arrayContaining([expect.stringMatching(hidden)]));
  });
});

describe('searchProducts tolerates a typo in the name', () => {
  it.each([
    ['ca phe robsta', 'Cà phê Robusta Đắk Lắk'],
    ['thanh lonh', 'Thanh long ruột đỏ Bình Thuận'],
    ['vai thieu luc ngna', 'Vải thiều Lục Ngạn – đặc sản Bắc Giang'],
    ['ho tieu phu quco', 'Hồ tiêu Phú Quốc'],
    ['qeu van yen', 'Quế Văn Yên'],
  ])('"%s" finds %s first', async (query, expected) => {
    expect((await names(query))?.[0]).toBe(expected);
  });

  it('does not turn a typo into unrelated listings', async () => {
    expect(await names('ca phe robsta')).not.toContain('Chè Shan tuyết Hà Giang');
    expect(await names('xyzzy')).toEqual([]);
  });
});

describe('searchProducts filters', () => {
  it('by category: a chapter includes its headings, a heading only itself', async () => {
    expect((await names(null, { categoryCode: '09' }))?.sort()).toEqual(
      [
        'Cà phê Arabica Cầu Đất',
        'Cà phê Robusta Đắk Lắk',
        'Chè Shan tuyết Hà Giang',
        'Hồ tiêu Phú Quốc',
        'Quế Văn Yên',
      ].sort(),
    );
    expect((await names(null, { categoryCode: '0901' }))?.sort()).toEqual([
      'Cà phê Arabica Cầu Đất',
      'Cà phê Robusta Đắk Lắk',
    ]);
    expect(await names(null, { categoryCode: '0810' })).toHaveLength(2);
  });

  it("by the supplier's province, with a query too", async () => {
    expect((await names(null, { provinceCode: '68' }))?.sort()).toEqual([
      'Cà phê Arabica Cầu Đất',
      'Thanh long ruột đỏ Bình Thuận',
    ]);
    expect(await names('ca phe', { provinceCode: '68' })).toEqual(['Cà phê Arabica Cầu Đất']);
  });

  it('by a certification held and not expired', async () => {
    expect((await names(null, { certification: 'VietGAP' }))?.sort()).toEqual([
      'Cà phê Robusta Đắk Lắk',
      'Thanh long ruột đỏ Bình Thuận',
    ]);
    // Quế Văn Yên's OCOP 4 stars expired in 2020: only Lục Ngạn's still counts.
    expect(await names(null, { certification: 'ocop_4' })).toEqual([
      'Vải thiều Lục Ngạn – đặc sản Bắc Giang',
    ]);
    const que = (await search('que van yen')).data?.searchProducts.edges[0].node.certifications;
    expect(que).toEqual([
      { kind: 'OCOP_4', issuer: null, validUntil: '2020-01-01', expired: true },
    ]);
  });

  it('by minimum monthly capacity, in base units across tấn and kg', async () => {
    // 100 t = 100,000 kg: rice (200 t) and dragon fruit (100 t), not the 5,000 kg of tea.
    expect((await names(null, { minMonthlyCapacity: '100000' }))?.sort()).toEqual([
      'Gạo ST25 Sóc Trăng',
      'Thanh long ruột đỏ Bình Thuận',
    ]);
    expect((await names(null, { minMonthlyCapacity: '5000', categoryCode: '09' }))?.sort()).toEqual(
      [
        'Cà phê Arabica Cầu Đất',
        'Cà phê Robusta Đắk Lắk',
        'Chè Shan tuyết Hà Giang',
        'Quế Văn Yên',
      ].sort(),
    );
  });

  it.each([
    [{ categoryCode: '99' }, 'filter.categoryCode'],
    [{ provinceCode: '02' }, 'filter.provinceCode'],
    [{ certification: 'ISO22000' }, 'filter.certification'],
    [{ minMonthlyCapacity: '-1' }, 'filter.minMonthlyCapacity'],
  ])('refuses %j naming the field', async (filter, field) => {
    expect((await search('ca phe', filter)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field,
    });
  });
});

describe('searchProducts pages', () => {
  const collect = async (query: string | null, first: number) => {
    const seen: string[] = [];
    let after: string | null = null;
    let r: GqlResult<SearchPage>;
    do {
      r = await search(query, {}, { first, after });
      seen.push(...searchNames(r));
      after = r.data!.searchProducts.pageInfo.endCursor;
    } while (r.data!.searchProducts.pageInfo.hasNextPage);
    return { seen, total: r.data!.searchProducts.totalCount };
  };

  it('walks every public listing once, page by page, in a stable order', async () => {
    const { seen, total } = await collect(null, 3);
    expect([...seen].sort()).toEqual([...ALL].sort());
    expect(total).toBe(ALL.length);
    expect((await collect(null, 3)).seen).toEqual(seen);
  });

  it('keeps relevance order across pages', async () => {
    const single = await names('ca phe', {});
    expect((await collect('ca phe', 1)).seen).toEqual(single);
  });

  it('refuses a forged cursor and an oversized page or query', async () => {
    const forged = Buffer.from(
      JSON.stringify(['1.5', "x'; DROP TABLE catalog.products; --"]),
    ).toString('base64url');
    expect((await search('ca phe', {}, { after: forged })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    expect(errorCode(await search('ca phe', {}, { first: 101 }))).toBe('BAD_USER_INPUT');
    expect((await search('q'.repeat(201))).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'query',
    });
  });

  it('caps the total at 1,000 instead of counting every match', async () => {
    const [org] = await queryRows<{ id: string }>(
      s.databaseUrl,
      `SELECT id FROM catalog.organizations WHERE name = 'HTX Cà phê Ea Tu'`,
    );
    await queryRows(
      s.databaseUrl,
      `INSERT INTO catalog.products (organization_id, category_code, name, unit_code, monthly_capacity, status, approved)
       SELECT $1, '0409', 'Mật ong rừng U Minh ' || i, 'KGM', 100, 'APPROVED',
              jsonb_build_object('name', 'Mật ong rừng U Minh ' || i, 'description', null, 'categoryCode', '0409', 'unitCode', 'KGM',
                'monthlyCapacity', '100', 'monthlyCapacityBase', '100', 'minOrderQuantity', null, 'priceMin', null, 'priceMax', null,
                'harvestMonths', '[]'::jsonb, 'certifications', '[]'::jsonb, 'approvedAt', now())
         FROM generate_series(1, 1005) i`,
      [org.id],
    );
    const r = await search('mat ong rung', {}, { first: 5 });
    expect(r.data?.searchProducts.totalCount).toBe(1000);
    expect(r.data?.searchProducts.pageInfo.hasNextPage).toBe(true);
    expect(searchNames(r).every((n) => n.startsWith('Mật ong rừng U Minh'))).toBe(true);
  });
});

describe('the search vocabulary follows what is public', () => {
  const vocabulary = async (words: string[]) =>
    Object.fromEntries(
      (
        await queryRows<{ word: string; listings: number }>(
          s.databaseUrl,
          `SELECT word, listings FROM catalog.search_vocabulary WHERE word = ANY ($1)`,
          [words],
        )
      ).map((r) => [r.word, r.listings]),
    );
  const WORDS = ['bo', 'sap', 'booth', 'krong', 'pac'];

  it('through approval, re-approval of an edit, suspension, reinstatement and archiving', async () => {
    const moderator = await newUser({ platformRole: PlatformRole.MODERATOR });
    const org = await newOrganization(s.url, {
      name: 'HTX Bơ Krông Pắc',
      provinceCode: '66',
      verified: true,
    });
    const input = { name: 'Bơ sáp Krông Pắc', categoryCode: '0804', unitCode: 'TNE' };
    const id = await listProduct(s.url, s.app, org, moderator.userId, input);
    expect(await vocabulary(WORDS)).toEqual({ bo: 1, sap: 1, krong: 1, pac: 1 });
    // A typo is corrected to the new words at once.
    expect(await names('bo sap krnog')).toEqual(['Bơ sáp Krông Pắc']);

    // An edit under review changes nothing public; its approval swaps the words.
    const edited = await gql(
      s.url,
      UPDATE_PRODUCT,
      { id, input: productInput({ ...input, name: 'Bơ booth Krông Pắc' }) },
      { token: org.token },
    );
    expect(edited.errors).toBeUndefined();
    expect(await vocabulary(WORDS)).toEqual({ bo: 1, sap: 1, krong: 1, pac: 1 });
    expect(await names('bo sap')).toEqual(['Bơ sáp Krông Pắc']);
    await decide(s.app, id, 'APPROVE', moderator.userId);
    expect(await vocabulary(WORDS)).toEqual({ bo: 1, booth: 1, krong: 1, pac: 1 });
    expect(await names('bo sap')).toEqual([]);
    expect(await names('bo booth')).toEqual(['Bơ booth Krông Pắc']);

    await setVerification(org.id, 'SUSPENDED');
    expect(await vocabulary(WORDS)).toEqual({});
    expect(await names('bo booth')).toEqual([]);
    await setVerification(org.id, 'VERIFIED');
    expect(await vocabulary(WORDS)).toEqual({ bo: 1, booth: 1, krong: 1, pac: 1 });
    expect(await names('bo booth', { provinceCode: '66' })).toEqual(['Bơ booth Krông Pắc']);

    expect(
      (await gql(s.url, ARCHIVE_PRODUCT, { id }, { token: org.token })).errors,
    ).toBeUndefined();
    expect(await vocabulary(WORDS)).toEqual({});
    expect(await names('bo booth')).toEqual([]);
  });

  it('changes inside the transaction of the change, and not at all when it rolls back', async () => {
    const moderator = await newUser({ platformRole: PlatformRole.MODERATOR });
    const org = await newOrganization(s.url, { name: 'HTX Chôm chôm', verified: true });
    const id = await listProduct(
      s.url,
      s.app,
      org,
      moderator.userId,
      { name: 'Chôm chôm Java', categoryCode: '0810', unitCode: 'TNE' },
      false,
    );
    expect((await gql(s.url, SUBMIT_PRODUCT, { id }, { token: org.token })).errors).toBeUndefined();
    const approveThenFail = s.app.get(DataSource).transaction(async (m) => {
      await s.app.get(ProductService).decide(m, id, 'APPROVE', null, moderator.userId);
      const inside = await m.query<{ word: string }[]>(
        `SELECT word FROM catalog.search_vocabulary WHERE word = ANY ($1) ORDER BY word`,
        [['chom', 'java']],
      );
      expect(inside.map((r) => r.word)).toEqual(['chom', 'java']);
      throw new Error('the moderation step after the decision failed');
    });
    await expect(approveThenFail).rejects.toThrow('the moderation step after the decision failed');
    expect(await vocabulary(['chom', 'java'])).toEqual({});
    expect(await names('chom chom')).toEqual([]);
  });
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}
const planNodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(planNodes)];

describe('the search plan', () => {
  const FILLER = `category_code = '0810' AND name LIKE '% lô %'`;
  afterAll(() => queryRows(s.databaseUrl, `DELETE FROM catalog.products WHERE ${FILLER}`));

  const criteria = (text: string | null, filter: Partial<SearchCriteria> = {}): SearchCriteria => ({
    text,
    categoryCode: null,
    provinceCode: null,
    certification: null,
    minMonthlyCapacity: null,
    today: '2026-11-23',
    limit: 20,
    after: null,
    ...filter,
  });
  const explain = async (c: SearchCriteria) => {
    const r = resolveSql(c);
    const [resolved] = await queryRows<Resolved>(s.databaseUrl, r.sql, r.params);
    const plan = planSearch(c, resolved, INDEX)!;
    const { sql, params } = searchSql(c, plan);
    const [row] = await queryRows<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
      s.databaseUrl,
      `EXPLAIN (FORMAT JSON) ${sql}`,
      params,
    );
    const nodes = planNodes(row['QUERY PLAN'][0].Plan);
    return {
      plan,
      indexes: nodes.filter((n) => n['Index Name']).map((n) => n['Index Name']),
      indexConds: nodes.filter((n) => n['Index Cond']).map((n) => n['Index Cond']),
      seqScans: nodes.filter((n) => n['Node Type'] === 'Seq Scan'),
      sortedMatches: nodes.filter(
        (n) =>
          n['Node Type'] === 'Sort' &&
          n.Plans?.some((k) => k['Relation Name'] === 'product_search'),
      ),
    };
  };

  it(`searches through the ${INDEX.toUpperCase()} index that SEARCH_RUM and PostgreSQL allow`, async () => {
    expect(await queryRows(s.databaseUrl, SEARCH_INDEX_KIND_SQL)).toEqual([{ kind: INDEX }]);
  });

  it(`walks the order for common words, enters ${INDEX.toUpperCase()} for rare ones, never a whole table`, async () => {
    // Five thousand more public listings and VACUUM ANALYZE (as autovacuum would), so that the
    // planner's row counts are those of a real catalogue.
    await queryRows(
      s.databaseUrl,
      `INSERT INTO catalog.products (organization_id, category_code, name, unit_code, monthly_capacity, status, approved)
       SELECT o.id, '0810', n, 'TNE', 10, 'APPROVED', jsonb_build_object('name', n, 'categoryCode', '0810', 'monthlyCapacityBase', '10000')
         FROM (SELECT id FROM catalog.organizations WHERE verification = 'VERIFIED' LIMIT 1) o,
              LATERAL (SELECT (ARRAY['Xoài cát Hòa Lộc', 'Bưởi da xanh', 'Sầu riêng Ri6', 'Nhãn lồng Hưng Yên', 'Măng cụt Lái Thiêu'])[1 + i % 5]
                              || ' lô ' || i AS n FROM generate_series(1, 5000) i) names`,
    );
    await queryRows(s.databaseUrl, 'VACUUM ANALYZE catalog.product_search, catalog.products');

    // Every filler holds "lo": the newest rows hold it too, so the walk stops at the page and
    // nothing sorts the matches.
    const common = await explain(criteria('lo', { categoryCode: '08' }));
    expect(common.plan.walk).toBe(true);
    expect(common.indexes).toContain('product_search_order');
    expect(common.seqScans).toEqual([]);
    expect(common.sortedMatches).toEqual([]);
    // One listing holds "robusta" (typed "robsta"). RUM reads that word's postings only and the
    // other words are checked on those rows; GIN intersects every word's postings.
    const rare = await explain(criteria('ca phe robsta'));
    expect(rare.plan).toMatchObject({ walk: false, driver: "'robusta'", index: INDEX });
    expect(rare.indexes).toContain('product_search_doc');
    if (INDEX === 'rum') {
      expect(rare.indexConds).toContain(`(doc @@ '''robusta'''::tsquery)`);
      expect(rare.indexConds.join()).not.toContain('phe');
    } else {
      expect(rare.indexConds).toContain(`(doc @@ '''ca'' & ''phe'' & ''robusta'''::tsquery)`);
    }
    expect(rare.seqScans).toEqual([]);
    // A filter alone enters by its token.
    const filtered = await explain(criteria(null, { provinceCode: '24' }));
    expect(filtered.plan.driver).toBe("'p:24'");
    expect(filtered.indexes).toContain('product_search_doc');
    expect(filtered.seqScans).toEqual([]);
  });
});

describe('the search index at every start (migrateAll)', () => {
  const kind = async () => (await queryRows<{ kind: string }>(s.databaseUrl, SEARCH_INDEX_KIND_SQL))[0].kind;
  /** The ids a search finds through the index as it is now, run as the repository runs it. */
  const found = async (text: string, index: SearchIndexKind) => {
    const c: SearchCriteria = { text, categoryCode: null, provinceCode: null, certification: null, minMonthlyCapacity: null, today: '2026-11-23', limit: 20, after: null };
    const r = resolveSql(c);
    const plan = planSearch(c, (await queryRows<Resolved>(s.databaseUrl, r.sql, r.params))[0], index)!;
    expect(plan.walk).toBe(false);
    const { sql, params } = searchSql(c, plan);
    return (await queryRows<{ id: string }>(s.databaseUrl, sql, params)).map((x) => x.id);
  };
  // Leaves the index as this run asked, for the subgraph's cached kind.
  afterAll(() => migrateAll(s.databaseUrl, () => undefined, { rum: INDEX === 'rum' ? 'auto' : 'off' }));

  it('turns to GIN with SEARCH_RUM=off and warns; gains RUM again once allowed; same results through both', async () => {
    const lines: string[] = [];
    await migrateAll(s.databaseUrl, (l) => lines.push(l), { rum: 'off' });
    expect(await kind()).toBe('gin');
    expect(lines).toContainEqual(expect.stringMatching(/^WARNING product search uses its GIN fallback \(SEARCH_RUM=off\)/));
    const throughGin = await found('ca phe robusta', 'gin');
    expect(throughGin).toHaveLength(1);

    lines.length = 0;
    await migrateAll(s.databaseUrl, (l) => lines.push(l), { rum: 'auto' });
    expect(await kind()).toBe('rum');
    expect(lines).toContain('catalog: product search index built as RUM');
    expect(lines.join('\n')).not.toMatch(/WARNING/);
    expect(await found('ca phe robusta', 'rum')).toEqual(throughGin);

    lines.length = 0;
    await migrateAll(s.databaseUrl, (l) => lines.push(l), { rum: 'auto' });
    expect(lines.join('\n')).not.toMatch(/index built/);
  });
});
