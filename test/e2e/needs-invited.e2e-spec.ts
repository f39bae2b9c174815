import { errorCode } from '@lienket/testing';
import { adminToken, api, cooperative, moderatorToken, rows } from '../support/e2e';
import { bidInput, bidRows, Party, SUBMIT_BID, verifiedCooperative } from '../support/bids';
import { buyer, DECIDE, draftNeed, needInput, needTrace, SUBMIT } from '../support/needs';
import { eventually } from '../support/wait';

// Invited needs through the gateway (decision 134): who reads, lists and bids on one, the notice the
// invited suppliers get when it opens, and invitees that are refused with nothing written.

jest.setTimeout(120_000);

const FIELDS = `id status visibility invitesYou invitedSuppliers { id }`;
const CREATE = `mutation C($input: NeedInput!) { createNeed(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation U($id: ID!, $input: NeedInput!) { updateNeed(id: $id, input: $input) { ${FIELDS} } }`;
const READ = `query N($id: ID!) { need(id: $id) { ${FIELDS} } }`;
const LIST = `query L($filter: NeedFilter) { needs(filter: $filter, first: 100) { edges { node { id } } } }`;
const NOTICES = `{ notifications(first: 20) { edges { node { kind title link } } } }`;
type Need = { id: string; status: string; visibility: string; invitesYou: boolean; invitedSuppliers: { id: string }[] };

const read = (id: string, token?: string) => api<{ need: Need }>(READ, { id }, { token });
const listed = async (token: string | undefined, filter: Record<string, unknown> = {}) =>
  (await api<{ needs: { edges: { node: { id: string } }[] } }>(LIST, { filter }, { token })).data!.needs.edges.map((e) => e.node.id);
const notices = async (token: string) =>
  (await api<{ notifications: { edges: { node: { kind: string; title: string; link: string } }[] } }>(NOTICES, {}, { token })).data!.notifications.edges.map((e) => e.node);

/** An INVITED need of a trusted buyer, submitted (so open at once), inviting `supplierIds`. */
async function openInvited(token: string, supplierIds: string[], over: Record<string, unknown> = {}): Promise<string> {
  const { id } = await draftNeed(token, { visibility: 'INVITED', invitedSupplierIds: supplierIds, ...over });
  const r = await api<{ submitNeed: { status: string } }>(SUBMIT, { id }, { token });
  expect(r.data?.submitNeed.status).toBe('OPEN');
  return id;
}

describe('an INVITED need', () => {
  let b: Awaited<ReturnType<typeof buyer>>;
  let invited: Party;
  let stranger: Party;
  let needId: string;
  beforeAll(async () => {
    b = await buyer({ verified: true, trusted: true, name: 'Công ty TNHH Cà phê Mời Thầu' });
    invited = await verifiedCooperative('HTX Cà phê Được Mời');
    stranger = await verifiedCooperative('HTX Cà phê Người Ngoài');
    needId = await openInvited(b.token, [invited.orgId], { title: 'Cà phê Robusta chỉ mời' });
  });

  it('reads for its buyer, the invited supplier and platform staff; NOT_FOUND for anyone else', async () => {
    expect((await read(needId, b.token)).data!.need).toEqual({
      id: needId, status: 'OPEN', visibility: 'INVITED', invitesYou: false, invitedSuppliers: [{ id: invited.orgId }],
    });
    // The invited supplier knows it is invited, not whom else the buyer asked.
    expect((await read(needId, invited.token)).data!.need).toMatchObject({ visibility: 'INVITED', invitesYou: true, invitedSuppliers: [] });
    // Staff review the need, so they see whom it invites.
    expect((await read(needId, await adminToken())).data!.need).toMatchObject({ id: needId, status: 'OPEN', invitedSuppliers: [{ id: invited.orgId }] });
    expect((await read(needId, await moderatorToken())).data!.need).toMatchObject({ id: needId, invitedSuppliers: [{ id: invited.orgId }] });
    expect(errorCode(await read(needId, stranger.token))).toBe('NOT_FOUND');
    expect(errorCode(await read(needId))).toBe('NOT_FOUND');
    const otherBuyer = await buyer({ verified: true });
    expect(errorCode(await read(needId, otherBuyer.token))).toBe('NOT_FOUND');
  });

  it('is listed for the invited supplier (and with `invited: true`), never for anyone else', async () => {
    expect(await listed(invited.token)).toContain(needId);
    expect(await listed(invited.token, { invited: true, status: 'OPEN' })).toContain(needId);
    expect(await listed(b.token)).toContain(needId);
    expect(await listed(stranger.token)).not.toContain(needId);
    expect(await listed(stranger.token, { invited: true })).not.toContain(needId);
    expect(await listed(undefined)).not.toContain(needId);
    expect(await listed(undefined, { query: 'robusta chi moi' })).not.toContain(needId);
    expect(errorCode(await api(LIST, { filter: { invited: true } }))).toBe('UNAUTHENTICATED');
  });

  it('takes a bid from the invited supplier; another cooperative is told it does not exist and nothing is written', async () => {
    const before = await bidRows(needId);
    const refused = await api(SUBMIT_BID, { input: bidInput(needId) }, { token: stranger.token });
    expect(errorCode(refused)).toBe('NOT_FOUND');
    expect(await bidRows(needId)).toEqual(before);
    const accepted = await api<{ submitBid: { status: string; supplier: { id: string } } }>(SUBMIT_BID, { input: bidInput(needId) }, { token: invited.token });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.submitBid).toMatchObject({ status: 'SUBMITTED', supplier: { id: invited.orgId } });
  });

  it('tells the invited supplier once, in the app, with a link to the need; the stranger hears nothing', async () => {
    const seen = await eventually(() => notices(invited.token), (n) => expect(n).toEqual(expect.arrayContaining([
      { kind: 'need.invited', title: 'Bạn được mời báo giá cho “Cà phê Robusta chỉ mời”', link: `/nhu-cau/${needId}` },
    ])));
    expect(seen.filter((n) => n.kind === 'need.invited')).toHaveLength(1);
    expect((await notices(stranger.token)).filter((n) => n.link === `/nhu-cau/${needId}`)).toEqual([]);
  });

  it('a moderated INVITED need tells its invitees when the moderator approves it, not before', async () => {
    const untrusted = await buyer({ verified: true });
    const coop = await verifiedCooperative('HTX Chè Được Mời');
    const { id } = await draftNeed(untrusted.token, { title: 'Chè Shan tuyết chỉ mời', visibility: 'INVITED', invitedSupplierIds: [coop.orgId] });
    expect((await api<{ submitNeed: { status: string } }>(SUBMIT, { id }, { token: untrusted.token })).data!.submitNeed.status).toBe('PENDING_REVIEW');
    expect(await rows(`SELECT 1 FROM procurement.outbox WHERE event_type = 'need.invited' AND payload->>'needId' = $1`, [id])).toEqual([]);
    expect(errorCode(await read(id, coop.token))).toBe('NOT_FOUND');
    expect((await api(DECIDE, { id, decision: 'APPROVE' }, { token: await moderatorToken() })).errors).toBeUndefined();
    expect((await read(id, coop.token)).data!.need).toMatchObject({ status: 'OPEN', invitesYou: true });
    await eventually(() => notices(coop.token), (n) => expect(n.map((x) => x.link)).toContain(`/nhu-cau/${id}`));
  });

  it('a PUBLIC need may invite suppliers too: everyone reads it, the invitees are told', async () => {
    const coop = await verifiedCooperative('HTX Tiêu Được Mời Công Khai');
    const id = await openInvited(b.token, [coop.orgId], { visibility: 'PUBLIC', title: 'Tiêu đen công khai có mời' });
    expect((await read(id)).data!.need).toMatchObject({ visibility: 'PUBLIC', invitesYou: false, invitedSuppliers: [] });
    expect((await read(id, coop.token)).data!.need).toMatchObject({ invitesYou: true });
    expect(await listed(coop.token, { invited: true })).toContain(id);
    await eventually(() => notices(coop.token), (n) => expect(n.map((x) => x.link)).toContain(`/nhu-cau/${id}`));
  });
});

describe('invitees that are refused, with nothing written', () => {
  let b: Awaited<ReturnType<typeof buyer>>;
  let coop: Party;
  const needCount = async () => (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM procurement.needs WHERE buyer_org_id = $1`, [b.orgId]))[0].n;
  beforeAll(async () => {
    b = await buyer({ verified: true });
    coop = await verifiedCooperative('HTX Được Mời Hợp Lệ');
  });

  const cases: [string, () => Promise<Record<string, unknown>>, string, RegExp][] = [
    ['INVITED with no supplier', async () => ({ visibility: 'INVITED', invitedSupplierIds: [] }), 'invitedSupplierIds', /at least one cooperative/],
    ['INVITED with the list left out', async () => ({ visibility: 'INVITED' }), 'invitedSupplierIds', /at least one cooperative/],
    ['an id nobody has', async () => ({ invitedSupplierIds: ['00000000-0000-4000-8000-000000000000'] }), 'invitedSupplierIds.0', /does not exist or is not verified/],
    ['an id that is no id', async () => ({ invitedSupplierIds: ['htx-1'] }), 'invitedSupplierIds.0', /does not exist or is not verified/],
    ['an unverified cooperative', async () => ({ invitedSupplierIds: [coop.orgId, (await cooperative('HTX Chưa Xác Minh')).orgId] }), 'invitedSupplierIds.1', /does not exist or is not verified/],
    ['the buyer itself', async () => ({ visibility: 'INVITED', invitedSupplierIds: [b.orgId] }), 'invitedSupplierIds.0', /cannot invite itself/],
    ['an enterprise', async () => ({ invitedSupplierIds: [(await buyer({ verified: true })).orgId] }), 'invitedSupplierIds.0', /Only cooperatives/],
    ['more than 20', async () => ({ invitedSupplierIds: Array.from({ length: 21 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`) }), 'invitedSupplierIds', /at most 20/],
  ];

  it.each(cases)('createNeed refuses %s', async (_name, over, field, message) => {
    const r = await api(CREATE, { input: needInput(await over()) }, { token: b.token, lang: 'en' });
    expect(r.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT', field } });
    expect(await needCount()).toBe(0);
  });

  it('updateNeed refuses a bad invitee and leaves the draft as it was', async () => {
    const { id } = await draftNeed(b.token, { visibility: 'INVITED', invitedSupplierIds: [coop.orgId] });
    const before = await needTrace(id);
    const r = await api(UPDATE, { id, input: needInput({ visibility: 'INVITED', invitedSupplierIds: [b.orgId] }) }, { token: b.token });
    expect(r.errors?.[0]).toMatchObject({ message: 'Tổ chức của bạn không thể tự mời mình báo giá.', extensions: { code: 'BAD_USER_INPUT' } });
    expect(await needTrace(id)).toEqual(before);
    await rows(`DELETE FROM procurement.needs WHERE id = $1`, [id]);
  });

  it('submitNeed refuses a draft whose invitee was suspended since, and it stays a draft', async () => {
    const later = await verifiedCooperative('HTX Bị Đình Chỉ Sau');
    const { id } = await draftNeed(b.token, { visibility: 'INVITED', invitedSupplierIds: [later.orgId] });
    await rows(`UPDATE procurement.organizations SET verification = 'SUSPENDED' WHERE id = $1`, [later.orgId]);
    const before = await needTrace(id);
    expect(errorCode(await api(SUBMIT, { id }, { token: b.token }))).toBe('BAD_USER_INPUT');
    expect(await needTrace(id)).toEqual(before);
    await rows(`DELETE FROM procurement.needs WHERE id = $1`, [id]);
  });
});
