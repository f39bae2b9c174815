import jwt from 'jsonwebtoken';
import { errorCode } from '@lienket/testing';
import { adminToken, api, moderatorToken } from '../support/e2e';
import { bidInput, bidRows, Party, SUBMIT_BID, verifiedCooperative } from '../support/bids';
import { buyer, draftNeed, SUBMIT } from '../support/needs';
import { memberToken } from '../support/uploads';

// An INVITED need walked by everyone who is not invited: it reads as not existing, is in no list
// and takes no bid, whatever the caller claims; whoever may read it still bids only in its role.

jest.setTimeout(120_000);

const READ = `query N($id: ID!) { need(id: $id) { id title invitesYou invitedSuppliers { id } bidCount } }`;
const LIST = `query L($filter: NeedFilter) { needs(filter: $filter, first: 100) { edges { node { id } } } }`;
const forge = (claims: object) =>
  jwt.sign({ sub: '00000000-0000-4000-8000-000000000001', ...claims }, 'someone-elses-secret-someone-elses-secret', { issuer: 'lienket' });
const listed = async (token: string | undefined, filter: Record<string, unknown> = {}) =>
  (await api<{ needs: { edges: { node: { id: string } }[] } | null }>(LIST, { filter }, { token })).data?.needs?.edges.map((e) => e.node.id) ?? [];

let invited: Party;
let needId: string;
beforeAll(async () => {
  const b = await buyer({ verified: true, trusted: true, name: 'Công ty CP Mời Riêng' });
  invited = await verifiedCooperative('HTX Được Mời Riêng');
  const { id } = await draftNeed(b.token, { title: 'Điều nhân W320 mời riêng', visibility: 'INVITED', invitedSupplierIds: [invited.orgId] });
  expect((await api<{ submitNeed: { status: string } }>(SUBMIT, { id }, { token: b.token })).data?.submitNeed.status).toBe('OPEN');
  needId = id;
});

describe('an INVITED need to everyone it does not invite', () => {
  it('anonymous: not found, not listed, no bid; a forged token claiming the invited organization: the same', async () => {
    const before = await bidRows(needId);
    expect(errorCode(await api(READ, { id: needId }))).toBe('NOT_FOUND');
    expect(await listed(undefined)).not.toContain(needId);
    expect(await listed(undefined, { query: 'dieu nhan W320' })).not.toContain(needId);
    expect(errorCode(await api(SUBMIT_BID, { input: bidInput(needId) }))).toBe('UNAUTHENTICATED');
    const forged = forge({ org: invited.orgId, orole: 'OWNER', ov: 'VERIFIED' });
    // A token that does not verify is no token: the read answers as to anyone anonymous.
    const read = await api<{ need: unknown }>(READ, { id: needId }, { token: forged });
    expect([errorCode(read), read.data?.need ?? null]).toEqual(['NOT_FOUND', null]);
    expect(await listed(forged)).not.toContain(needId);
    expect(errorCode(await api(SUBMIT_BID, { input: bidInput(needId) }, { token: forged }))).toBe('UNAUTHENTICATED');
    expect(await bidRows(needId)).toEqual(before);
  });

  it("another cooperative's owner and its MEMBER: not found, not listed, even with `invited: true`; its bid writes nothing", async () => {
    const other = await verifiedCooperative('HTX Không Được Mời');
    const otherMember = await memberToken(other.orgId);
    const before = await bidRows(needId);
    for (const token of [other.token, otherMember]) {
      expect(errorCode(await api(READ, { id: needId }, { token }))).toBe('NOT_FOUND');
      expect(await listed(token)).not.toContain(needId);
      expect(await listed(token, { invited: true })).not.toContain(needId);
      expect(await listed(token, { query: 'dieu nhan' })).not.toContain(needId);
    }
    expect(errorCode(await api(SUBMIT_BID, { input: bidInput(needId) }, { token: other.token }))).toBe('NOT_FOUND');
    expect(errorCode(await api(SUBMIT_BID, { input: bidInput(needId) }, { token: otherMember }))).toBe('FORBIDDEN');
    expect(await bidRows(needId)).toEqual(before);
  });

  it('a MEMBER of the invited cooperative reads it but may not bid; the owner is the one who bids', async () => {
    const member = await memberToken(invited.orgId);
    const r = await api<{ need: { id: string; invitesYou: boolean; invitedSuppliers: unknown[] } }>(READ, { id: needId }, { token: member });
    expect(r.data?.need).toMatchObject({ id: needId, invitesYou: true, invitedSuppliers: [] });
    expect(await listed(member, { invited: true })).toContain(needId);
    const before = await bidRows(needId);
    expect(errorCode(await api(SUBMIT_BID, { input: bidInput(needId) }, { token: member }))).toBe('FORBIDDEN');
    expect(await bidRows(needId)).toEqual(before);
  });

  it('platform staff read and list it (they answer reports about it) but cannot bid', async () => {
    for (const token of [await adminToken(), await moderatorToken()]) {
      expect((await api<{ need: { id: string } }>(READ, { id: needId }, { token })).data?.need.id).toBe(needId);
      expect(await listed(token)).toContain(needId);
      expect(errorCode(await api(SUBMIT_BID, { input: bidInput(needId) }, { token }))).toBe('FORBIDDEN');
    }
  });

  it('another enterprise: not found and not listed; the invited list is never shown to it', async () => {
    const other = await buyer({ verified: true });
    expect(errorCode(await api(READ, { id: needId }, { token: other.token }))).toBe('NOT_FOUND');
    expect(await listed(other.token)).not.toContain(needId);
  });
});
