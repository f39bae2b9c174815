import { PlatformRole } from '@lienket/auth';
import { encodeCursor } from '@lienket/graphql';
import { pendingReviewCursorKey, ProductService } from '@lienket/products';
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
  PRODUCT,
  ProductNode,
  productInput,
  SEARCH,
  SearchPage,
  searchNames,
  setVerification,
  SUBMIT_PRODUCT,
  TestOrg,
  UPDATE_PRODUCT,
} from '../support/products';

let s: RunningApp;
let moderator: Caller;
beforeAll(async () => {
  s = await startSubgraph(CatalogAppModule);
  moderator = await newUser({ platformRole: PlatformRole.MODERATOR });
});
afterAll(() => s.close());

type Data = {
  createProduct?: ProductNode;
  updateProduct?: ProductNode;
  submitProduct?: ProductNode;
  archiveProduct?: ProductNode;
  product?: ProductNode | null;
};
const call = (
  query: string,
  variables: Record<string, unknown>,
  token?: string,
  lang: 'vi' | 'en' = 'en',
) => gql<Data>(s.url, query, variables, { token, lang });
const search = (query: string) => gql<SearchPage>(s.url, SEARCH, { query });
const auditActions = async (id: string) =>
  await queryRows<{ action: string; actor_id: string }>(
    s.databaseUrl,
    `SELECT action, actor_id FROM catalog.audit_log WHERE subject_id = $1 ORDER BY id`,
    [id],
  );

describe('a listing from draft to archive (catalog subgraph, real PostgreSQL)', () => {
  let coop: TestOrg;
  let id: string;

  it('saves a draft while the organization awaits verification, exact numbers and all', async () => {
    coop = await newOrganization(s.url, {
      name: 'HTX Nông nghiệp Dịch vụ Cà phê Ea Tu',
      provinceCode: '66',
    });
    const r = await call(CREATE_PRODUCT, { input: productInput() }, coop.token);
    expect(r.errors).toBeUndefined();
    id = r.data!.createProduct!.id;
    expect(r.data?.createProduct).toMatchObject({
      name: 'Cà phê Robusta Đắk Lắk',
      status: 'DRAFT',
      monthlyCapacity: '50',
      minOrderQuantity: '2.5',
      priceMin: { amount: '95000000', currency: 'VND' },
      priceMax: { amount: '125000000000', currency: 'VND' },
      harvestMonths: [10, 11, 12],
      certifications: [
        {
          kind: 'VietGAP',
          issuer: 'Trung tâm Chứng nhận Phù hợp (QUACERT)',
          validUntil: '2030-06-30',
          expired: false,
        },
      ],
      category: { code: '0901', parent: { code: '09' } },
      unit: { code: 'TNE' },
      publishedAt: null,
      organization: {
        id: coop.id,
        name: 'HTX Nông nghiệp Dịch vụ Cà phê Ea Tu',
        verification: 'PENDING_VERIFICATION',
      },
    });
  });

  it('refuses to submit until the organization is verified, saying so', async () => {
    const r = await call(SUBMIT_PRODUCT, { id }, coop.token);
    expect(errorCode(r)).toBe('FORBIDDEN');
    expect(r.errors?.[0].message).toMatch(/must be verified/);
    const vi = await call(SUBMIT_PRODUCT, { id }, coop.token, 'vi');
    expect(vi.errors?.[0].message).toMatch(/cần được xác minh/);
    expect((await call(PRODUCT, { id }, coop.token)).data?.product?.status).toBe('DRAFT');
  });

  it('submits once verified; nothing is searchable before a moderator approves', async () => {
    await setVerification(coop.id, 'VERIFIED');
    const r = await call(SUBMIT_PRODUCT, { id }, coop.token);
    expect(r.data?.submitProduct?.status).toBe('PENDING_REVIEW');
    expect(errorCode(await call(SUBMIT_PRODUCT, { id }, coop.token))).toBe('CONFLICT');
    expect(searchNames(await search('ca phe robusta'))).toEqual([]);
    expect((await call(PRODUCT, { id }, undefined)).data?.product).toBeNull();
  });

  it('is public once approved: found without diacritics, readable by anyone', async () => {
    await decide(s.app, id, 'APPROVE', moderator.userId);
    expect(searchNames(await search('ca phe robusta'))).toEqual(['Cà phê Robusta Đắk Lắk']);
    const anon = await call(PRODUCT, { id }, undefined);
    expect(anon.data?.product).toMatchObject({
      status: 'APPROVED',
      name: 'Cà phê Robusta Đắk Lắk',
      moderationNote: null,
    });
    expect(anon.data?.product?.publishedAt).not.toBeNull();
  });

  it('sends a material edit back to review while search and the public keep the approved version', async () => {
    const edit = productInput({ name: 'Cà phê Robusta Đắk Lắk vụ mới', monthlyCapacity: '60' });
    const r = await call(UPDATE_PRODUCT, { id, input: edit }, coop.token);
    expect(r.data?.updateProduct).toMatchObject({
      status: 'PENDING_REVIEW',
      name: 'Cà phê Robusta Đắk Lắk vụ mới',
      monthlyCapacity: '60',
    });
    expect(searchNames(await search('ca phe robusta'))).toEqual(['Cà phê Robusta Đắk Lắk']);
    expect(searchNames(await search('vu moi'))).toEqual([]);
    expect((await call(PRODUCT, { id }, undefined)).data?.product).toMatchObject({
      status: 'APPROVED',
      name: 'Cà phê Robusta Đắk Lắk',
      monthlyCapacity: '50',
    });
    expect((await call(PRODUCT, { id }, coop.token)).data?.product).toMatchObject({
      status: 'PENDING_REVIEW',
      monthlyCapacity: '60',
    });
  });

  it('shows the new version once it is approved', async () => {
    await decide(s.app, id, 'APPROVE', moderator.userId);
    expect(searchNames(await search('ca phe robusta vu moi'))).toEqual([
      'Cà phê Robusta Đắk Lắk vụ mới',
    ]);
    expect((await call(PRODUCT, { id }, undefined)).data?.product).toMatchObject({
      status: 'APPROVED',
      monthlyCapacity: '60',
    });
  });

  it('writes nothing when an edit changes nothing', async () => {
    const before = await auditActions(id);
    const same = productInput({ name: 'Cà phê Robusta Đắk Lắk vụ mới', monthlyCapacity: '60.000' });
    expect(
      (await call(UPDATE_PRODUCT, { id, input: same }, coop.token)).data?.updateProduct?.status,
    ).toBe('APPROVED');
    expect(await auditActions(id)).toEqual(before);
  });

  it('hides an archived listing from everyone but its organization, and keeps it archived', async () => {
    expect((await call(ARCHIVE_PRODUCT, { id }, coop.token)).data?.archiveProduct?.status).toBe(
      'ARCHIVED',
    );
    expect(searchNames(await search('ca phe robusta'))).toEqual([]);
    expect((await call(PRODUCT, { id }, undefined)).data?.product).toBeNull();
    expect((await call(PRODUCT, { id }, coop.token)).data?.product?.status).toBe('ARCHIVED');
    expect(errorCode(await call(UPDATE_PRODUCT, { id, input: productInput() }, coop.token))).toBe(
      'CONFLICT',
    );
    expect(errorCode(await call(ARCHIVE_PRODUCT, { id }, coop.token))).toBe('CONFLICT');
  });

  it('audited every change with its actor, in order', async () => {
    expect(await auditActions(id)).toEqual([
      { action: 'product.created', actor_id: coop.userId },
      { action: 'product.submitted', actor_id: coop.userId },
      { action: 'product.approved', actor_id: moderator.userId },
      { action: 'product.updated', actor_id: coop.userId },
      { action: 'product.approved', actor_id: moderator.userId },
      { action: 'product.archived', actor_id: coop.userId },
    ]);
  });
});

describe('moderation decisions (ProductService.decide, for the moderation module)', () => {
  let coop: TestOrg;
  beforeAll(async () => {
    coop = await newOrganization(s.url, { verified: true });
  });

  it('rejects with a reason the organization sees, and a resubmission clears it', async () => {
    const id = await listProduct(
      s.url,
      s.app,
      coop,
      moderator.userId,
      { name: 'Gạo ST25 Sóc Trăng', categoryCode: '1006' },
      false,
    );
    await call(SUBMIT_PRODUCT, { id }, coop.token);
    await decide(s.app, id, 'REJECT', moderator.userId, 'Ảnh chụp chứng nhận VietGAP đã hết hạn.');
    expect((await call(PRODUCT, { id }, coop.token)).data?.product).toMatchObject({
      status: 'REJECTED',
      moderationNote: 'Ảnh chụp chứng nhận VietGAP đã hết hạn.',
    });
    expect((await call(PRODUCT, { id }, undefined)).data?.product).toBeNull();
    expect((await call(SUBMIT_PRODUCT, { id }, coop.token)).data?.submitProduct).toMatchObject({
      status: 'PENDING_REVIEW',
      moderationNote: null,
    });
    const [entry] = await queryRows<{ detail: { reason: string } }>(
      s.databaseUrl,
      `SELECT detail FROM catalog.audit_log WHERE subject_id = $1 AND action = 'product.rejected'`,
      [id],
    );
    expect(entry.detail.reason).toBe('Ảnh chụp chứng nhận VietGAP đã hết hạn.');
  });

  it('lets exactly one of two moderators deciding at once win; the other gets CONFLICT', async () => {
    const id = await listProduct(
      s.url,
      s.app,
      coop,
      moderator.userId,
      { name: 'Chè Shan tuyết Hà Giang', categoryCode: '0902' },
      false,
    );
    await call(SUBMIT_PRODUCT, { id }, coop.token);
    const other = await newUser({ platformRole: PlatformRole.ADMIN });
    const outcomes = await Promise.allSettled([
      decide(s.app, id, 'APPROVE', moderator.userId),
      decide(s.app, id, 'REJECT', other.userId, 'Trùng lặp'),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const loser = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason).toMatchObject({ code: 'CONFLICT', messageKey: 'listingNotPending' });
    const decisions = await queryRows(
      s.databaseUrl,
      `SELECT 1 FROM catalog.audit_log WHERE subject_id = $1 AND action IN ('product.approved', 'product.rejected')`,
      [id],
    );
    expect(decisions).toHaveLength(1);
  });

  it('refuses to decide a draft, a rejection without a reason, and an unknown listing', async () => {
    const id = await listProduct(
      s.url,
      s.app,
      coop,
      moderator.userId,
      { name: 'Quế Văn Yên', categoryCode: '0906' },
      false,
    );
    await expect(decide(s.app, id, 'APPROVE', moderator.userId)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await call(SUBMIT_PRODUCT, { id }, coop.token);
    await expect(decide(s.app, id, 'REJECT', moderator.userId, '   ')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    await expect(
      decide(s.app, '00000000-0000-0000-0000-000000000000', 'APPROVE', moderator.userId),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await call(PRODUCT, { id }, coop.token)).data?.product?.status).toBe('PENDING_REVIEW');
  });

  it('lists listings awaiting review oldest first, page by page', async () => {
    const service = s.app.get(ProductService);
    const ids: string[] = [];
    for (const name of ['Hồ tiêu Phú Quốc', 'Thanh long ruột đỏ', 'Vải thiều Lục Ngạn']) {
      const id = await listProduct(s.url, s.app, coop, moderator.userId, { name }, false);
      await call(SUBMIT_PRODUCT, { id }, coop.token);
      ids.push(id);
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await service.listPendingReview(2, after);
      seen.push(...page.rows.slice(0, 2).map((p) => p.id));
      if (page.rows.length <= 2) break;
      after = encodeCursor(pendingReviewCursorKey(page.rows[1]));
    }
    expect(seen.filter((x) => ids.includes(x))).toEqual(ids);
    expect(new Set(seen).size).toBe(seen.length);
  });
});
