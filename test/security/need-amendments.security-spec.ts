import jwt from 'jsonwebtoken';
import { simpleParser } from 'mailparser';
import { loadConfig } from '@lienket/config';
import { errorCode } from '@lienket/testing';
import { adminToken, api, awaitMail, moderatorToken, rows } from '../support/e2e';
import { bidInput, SUBMIT_BID, verifiedCooperative } from '../support/bids';
import { AMENDMENTS, amendmentTrace, buyer, CLARIFY, EXTEND, inDays, submittedNeed } from '../support/needs';
import { memberToken } from '../support/uploads';
import { eventually } from '../support/wait';

// Attacks on a need's amendments (extendNeedDeadline, publishClarification): whoever is not the
// buyer's OWNER or MANAGER changes nothing, and what bidders are told carries nothing of a bid.

jest.setTimeout(120_000);

const secret = () => loadConfig().auth.jwtSecret;
const forge = (claims: object) => jwt.sign({ sub: '00000000-0000-4000-8000-000000000001', ...claims }, 'someone-elses-secret-someone-elses-secret', { issuer: 'lienket' });

describe('extendNeedDeadline and publishClarification by anyone but the buyer’s owners and managers', () => {
  it('anonymous, expired, forged: UNAUTHENTICATED; another buyer, a bidding cooperative: NOT_FOUND; a MEMBER, staff: FORBIDDEN; nothing written', async () => {
    const victim = await buyer({ verified: true, trusted: true });
    const need = await submittedNeed(victim.token, { title: 'Nhu cầu của nạn nhân' });
    const coop = await verifiedCooperative('HTX Cà phê Cầu Đất');
    expect((await api(SUBMIT_BID, { input: bidInput(need.id) }, { token: coop.token })).errors).toBeUndefined();
    const other = await buyer({ verified: true, trusted: true });
    const member = await memberToken(victim.orgId);
    const expired = jwt.sign({ sub: 'u', org: victim.orgId, orole: 'OWNER', ov: 'VERIFIED', exp: Math.floor(Date.now() / 1000) - 5 }, secret(), { issuer: 'lienket' });
    const forged = forge({ org: victim.orgId, orole: 'OWNER', ov: 'VERIFIED' });
    const staff = [await adminToken(), await moderatorToken()];
    const before = await amendmentTrace(need.id);
    const calls: [string, Record<string, unknown>][] = [[EXTEND, { id: need.id, at: inDays(25).toISOString() }], [CLARIFY, { id: need.id, text: 'Tấn công' }]];
    for (const [query, vars] of calls) {
      for (const token of [undefined, expired, forged]) expect(errorCode(await api(query, vars, { token }))).toBe('UNAUTHENTICATED');
      for (const token of [other.token, coop.token]) expect(errorCode(await api(query, vars, { token }))).toBe('NOT_FOUND');
      for (const token of [member, ...staff]) expect(errorCode(await api(query, vars, { token }))).toBe('FORBIDDEN');
    }
    expect(await amendmentTrace(need.id)).toBe(before);
    // The victim's need answers the same to another buyer as one that does not exist.
    const ghost = '00000000-0000-4000-8000-000000000000';
    expect(await api(EXTEND, { id: need.id, at: inDays(25).toISOString() }, { token: other.token })).toEqual(await api(EXTEND, { id: ghost, at: inDays(25).toISOString() }, { token: other.token }));
  });

  it('a buyer procurement knows as suspended is refused, whatever its token says', async () => {
    const b = await buyer({ verified: true, trusted: true });
    const need = await submittedNeed(b.token);
    await rows(`UPDATE procurement.organizations SET verification = 'SUSPENDED' WHERE id = $1`, [b.orgId]);
    const before = await amendmentTrace(need.id);
    expect(errorCode(await api(EXTEND, { id: need.id, at: inDays(25).toISOString() }, { token: b.token }))).toBe('FORBIDDEN');
    expect(errorCode(await api(CLARIFY, { id: need.id, text: 'Bổ sung' }, { token: b.token }))).toBe('FORBIDDEN');
    expect(await amendmentTrace(need.id)).toBe(before);
  });
});

describe('what bidders are told', () => {
  it('carries the buyer’s change and nothing of any bid; the buyer still sees only the count', async () => {
    const b = await buyer({ verified: true, trusted: true });
    const need = await submittedNeed(b.token, { title: 'Cà phê Arabica Cầu Đất' });
    const [low, high] = await Promise.all([verifiedCooperative('HTX Bí Mật Một'), verifiedCooperative('HTX Bí Mật Hai')]);
    const secrets = [
      [low, { unitPrice: { amount: '41234567', currency: 'VND' }, quantity: '25.5', note: 'Ghi chú mật Một' }],
      [high, { unitPrice: { amount: '59876543', currency: 'VND' }, quantity: '25.5', note: 'Ghi chú mật Hai' }],
    ] as const;
    for (const [p, over] of secrets) expect((await api(SUBMIT_BID, { input: bidInput(need.id, over) }, { token: p.token })).errors).toBeUndefined();
    expect((await api(CLARIFY, { id: need.id, text: 'Nhận hàng tại kho Bảo Lộc.' }, { token: b.token })).errors).toBeUndefined();
    const extended = await api(EXTEND, { id: need.id, at: inDays(22).toISOString() }, { token: b.token });
    expect(extended.errors).toBeUndefined();
    const forbidden = ['41234567', '41.234.567', '41,234,567', '59876543', '59.876.543', '59,876,543', 'Ghi chú mật', 'HTX Bí Mật', '25.5'];
    for (const p of [low, high]) {
      const told = await eventually(
        () => rows<{ title: string; body: string }>(`SELECT title, body FROM matching.notifications WHERE user_id = $1 AND kind = 'need.amended'`, [p.userId]),
        (n) => expect(n).toHaveLength(2),
      );
      const [{ email }] = await rows<{ email: string }>(`SELECT email FROM catalog.users WHERE id = $1`, [p.userId]);
      const mails: string[] = [];
      while (mails.length < 2) {
        const raw = await awaitMail(email);
        if (!raw) throw new Error(`the amendment e-mails did not reach ${email}`);
        const parsed = await simpleParser(raw.raw);
        if (parsed.subject?.includes('Cà phê Arabica Cầu Đất')) mails.push(`${parsed.subject} ${parsed.text} ${typeof parsed.html === 'string' ? parsed.html : ''}`);
      }
      const seen = `${JSON.stringify(told)} ${mails.join(' ')}`;
      expect(forbidden.filter((s) => seen.includes(s))).toEqual([]);
    }
    const events = await rows<{ payload: object }>(`SELECT payload FROM procurement.outbox WHERE event_type = 'need.amended' AND payload->>'needId' = $1`, [need.id]);
    expect(events).toHaveLength(4);
    expect(forbidden.filter((s) => JSON.stringify(events).includes(s))).toEqual([]);
    // The buyer is told nothing of who bid, and its view of the bids is still the count.
    expect(await rows(`SELECT 1 FROM matching.notifications WHERE user_id = $1 AND kind = 'need.amended'`, [b.userId])).toEqual([]);
    const view = await api<{ need: { bidCount: number; bids: { totalCount: number } } }>(`query N($id: ID!) { need(id: $id) { bidCount bids(first: 10) { totalCount } } }`, { id: need.id }, { token: b.token });
    expect(view.data!.need).toEqual({ bidCount: 2, bids: { totalCount: 0 } });
    // Everyone reads the clarification and the extension.
    const pub = await api<{ need: { clarifications: { text: string }[]; deadlineHistory: unknown[] } }>(AMENDMENTS, { id: need.id });
    expect(pub.data!.need.clarifications.map((c) => c.text)).toEqual(['Nhận hàng tại kho Bảo Lộc.']);
    expect(pub.data!.need.deadlineHistory).toHaveLength(1);
  });
});
