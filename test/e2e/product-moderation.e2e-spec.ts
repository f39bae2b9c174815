import { errorCode, SIGN_IN, SIGN_UP, signUpInput } from '@lienket/testing';
import { api, rows } from '../support/e2e';

const MODERATE = `mutation M($subject: ModerationSubject!, $id: ID!, $decision: ModerationDecision!, $reason: String) {
  moderate(subject: $subject, subjectId: $id, decision: $decision, reason: $reason) { subject subjectId } }`;
const QUEUE = `query Q($subject: ModerationSubject, $after: String) {
  moderationQueue(subject: $subject, first: 100, after: $after) { edges { node { subject subjectId summary } } pageInfo { hasNextPage endCursor } } }`;
type QueueNode = { subject: string; subjectId: string; summary: string };
type QueuePage = { edges: { node: QueueNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/**
 * One subject's entry in the queue, paging through it: the queue is oldest first and the e2e
 * database is shared, so a new entry may sit behind a hundred others. Every page must be of `subject`.
 */
async function queued(admin: string, subjectId: string, subject?: string): Promise<QueueNode | undefined> {
  let after: string | null = null;
  for (;;) {
    const queue: QueuePage = (await api<{ moderationQueue: QueuePage }>(QUEUE, { subject, after }, { token: admin })).data!.moderationQueue;
    if (subject) expect(queue.edges.every((e) => e.node.subject === subject)).toBe(true);
    const found = queue.edges.find((e) => e.node.subjectId === subjectId)?.node;
    if (found || !queue.pageInfo.hasNextPage) return found;
    after = queue.pageInfo.endCursor;
  }
}
const SEARCH = `query S($q: String) { searchProducts(query: $q, first: 20) { edges { node { id name status } } } }`;
const PRODUCT = {
  categoryCode: '0906',
  name: 'Quế vỏ Văn Yên loại 1',
  unitCode: 'KGM',
  monthlyCapacity: '5000',
  harvestMonths: [3, 4, 8, 9],
};

async function adminToken() {
  return (await api<{ signIn: { accessToken: string } }>(SIGN_IN, { email: process.env.E2E_ADMIN_EMAIL, password: process.env.E2E_ADMIN_PASSWORD })).data!.signIn.accessToken;
}

describe('moderating listings', () => {
  it('queues a submitted listing next to organizations; approving it makes it searchable', async () => {
    const admin = await adminToken();
    const up = await api<{ signUp: { accessToken: string; user: { organization: { id: string } } } }>(SIGN_UP, { input: signUpInput({ provinceCode: '15', name: 'HTX Quế hồi Văn Yên' }) });
    const owner = up.data!.signUp.accessToken;
    const orgId = up.data!.signUp.user.organization.id;

    expect((await queued(admin, orgId))?.summary).toMatch(/HTX Quế hồi Văn Yên — MST \d{10} — Hợp tác xã — Lào Cai/);
    await api(MODERATE, { subject: 'ORGANIZATION', id: orgId, decision: 'APPROVE' }, { token: admin });

    const created = await api<{ createProduct: { id: string } }>(`mutation($input: ProductInput!) { createProduct(input: $input) { id } }`, { input: PRODUCT }, { token: owner });
    const id = created.data!.createProduct.id;
    await api(`mutation($id: ID!) { submitProduct(id: $id) { id } }`, { id }, { token: owner });

    expect(await queued(admin, id, 'PRODUCT')).toMatchObject({ subject: 'PRODUCT', summary: 'Quế vỏ Văn Yên loại 1 — HTX Quế hồi Văn Yên — Lào Cai' });

    expect((await api<{ searchProducts: { edges: unknown[] } }>(SEARCH, { q: 'que van yen loai 1' })).data?.searchProducts.edges).toEqual([]);
    expect((await api(MODERATE, { subject: 'PRODUCT', id, decision: 'APPROVE' }, { token: admin })).errors).toBeUndefined();
    const found = await api<{ searchProducts: { edges: { node: { id: string; status: string } }[] } }>(SEARCH, { q: 'que van yen loai 1' });
    expect(found.data?.searchProducts.edges.map((e) => e.node)).toContainEqual({ id, name: 'Quế vỏ Văn Yên loại 1', status: 'APPROVED' });
    expect(errorCode(await api(MODERATE, { subject: 'PRODUCT', id, decision: 'REJECT', reason: 'Muộn' }, { token: admin }))).toBe('CONFLICT');

    // Reports on the now-public listing count once per person.
    const reporter = (await api<{ signUp: { accessToken: string } }>(SIGN_UP, { input: signUpInput() })).data!.signUp.accessToken;
    const REPORT = `mutation($id: ID!) { report(subject: PRODUCT, subjectId: $id, reason: "Ảnh không đúng sản phẩm") }`;
    expect((await api(REPORT, { id }, { token: reporter })).data).toEqual({ report: true });
    expect(await rows(`SELECT count(*)::int AS n FROM catalog.reports WHERE subject_id = $1`, [id])).toEqual([{ n: 1 }]);
  });

  it('blocks new and edited listings of a suspended organization, writing nothing', async () => {
    const admin = await adminToken();
    const input = signUpInput();
    const up = await api<{ signUp: { accessToken: string; user: { organization: { id: string } } } }>(SIGN_UP, { input });
    const orgId = up.data!.signUp.user.organization.id;
    await api(MODERATE, { subject: 'ORGANIZATION', id: orgId, decision: 'APPROVE' }, { token: admin });
    const id = (await api<{ createProduct: { id: string } }>(`mutation($input: ProductInput!) { createProduct(input: $input) { id } }`, { input: PRODUCT }, { token: up.data!.signUp.accessToken })).data!.createProduct.id;
    await api(`mutation($id: ID!, $r: String!) { suspendOrganization(id: $id, reason: $r) { id } }`, { id: orgId, r: 'Gian lận' }, { token: admin });
    // The suspension ended the session (sessions.e2e-spec); signed in again, the owner still cannot change listings.
    const owner = (await api<{ signIn: { accessToken: string } }>(SIGN_IN, { email: input.email, password: input.password })).data!.signIn.accessToken;
    const created = await api(`mutation($input: ProductInput!) { createProduct(input: $input) { id } }`, { input: { ...PRODUCT, name: 'Mới' } }, { token: owner, lang: 'en' });
    expect(created.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/suspended/) });
    const updated = await api(`mutation($id: ID!, $input: ProductInput!) { updateProduct(id: $id, input: $input) { id } }`, { id, input: { ...PRODUCT, name: 'Đổi tên' } }, { token: owner });
    expect(errorCode(updated)).toBe('FORBIDDEN');
    expect(await rows(`SELECT name FROM catalog.products WHERE organization_id = $1`, [orgId])).toEqual([{ name: PRODUCT.name }]);
  });

  it("refuses a cooperative owner's decision on another organization's listing in review: FORBIDDEN, still in review, nothing audited", async () => {
    const admin = await adminToken();
    const seller = await api<{ signUp: { accessToken: string; user: { organization: { id: string } } } }>(SIGN_UP, { input: signUpInput() });
    await api(MODERATE, { subject: 'ORGANIZATION', id: seller.data!.signUp.user.organization.id, decision: 'APPROVE' }, { token: admin });
    const sellerToken = seller.data!.signUp.accessToken;
    const id = (await api<{ createProduct: { id: string } }>(`mutation($input: ProductInput!) { createProduct(input: $input) { id } }`, { input: PRODUCT }, { token: sellerToken })).data!.createProduct.id;
    expect((await api(`mutation($id: ID!) { submitProduct(id: $id) { id } }`, { id }, { token: sellerToken })).errors).toBeUndefined();
    const state = () => rows(`SELECT p.status, p.approved IS NOT NULL AS public, (SELECT count(*)::int FROM catalog.audit_log a WHERE a.subject_id = p.id::text) AS audited FROM catalog.products p WHERE p.id = $1`, [id]);
    const before = await state();
    expect(before).toEqual([{ status: 'PENDING_REVIEW', public: false, audited: expect.any(Number) }]);

    const up = await api<{ signUp: { accessToken: string } }>(SIGN_UP, { input: signUpInput() });
    for (const decision of ['APPROVE', 'REJECT']) {
      const r = await api(MODERATE, { subject: 'PRODUCT', id, decision, reason: 'Tự duyệt' }, { token: up.data!.signUp.accessToken });
      expect(errorCode(r)).toBe('FORBIDDEN');
    }
    expect(await state()).toEqual(before);
  });

  it('answers a rejection without a reason as bad input and keeps the listing in review', async () => {
    const admin = await adminToken();
    const up = await api<{ signUp: { accessToken: string; user: { organization: { id: string } } } }>(SIGN_UP, { input: signUpInput() });
    await api(MODERATE, { subject: 'ORGANIZATION', id: up.data!.signUp.user.organization.id, decision: 'APPROVE' }, { token: admin });
    const id = (await api<{ createProduct: { id: string } }>(`mutation($input: ProductInput!) { createProduct(input: $input) { id } }`, { input: { ...PRODUCT, name: 'Hồi khô' } }, { token: up.data!.signUp.accessToken })).data!.createProduct.id;
    await api(`mutation($id: ID!) { submitProduct(id: $id) { id } }`, { id }, { token: up.data!.signUp.accessToken });
    const r = await api(MODERATE, { subject: 'PRODUCT', id, decision: 'REJECT' }, { token: admin });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await rows(`SELECT status FROM catalog.products WHERE id = $1`, [id])).toEqual([{ status: 'PENDING_REVIEW' }]);
  });
});
