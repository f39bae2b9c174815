import jwt from 'jsonwebtoken';
import { loadConfig } from '@lienket/config';
import { asGateway, errorCode } from '@lienket/testing';
import { adminToken, api, moderatorToken, rows } from '../support/e2e';
import { buyer, CANCEL, DECIDE, draftNeed, needTrace, procurementFacts, READ, SUBMIT, submittedNeed, TRUST } from '../support/needs';
import { origin, memberToken } from '../support/uploads';
import { eventually } from '../support/wait';

// Attacks on a need's lifecycle: submitNeed, cancelNeed, the moderation of needs (catalog's
// moderate and moderationQueue over procurement's internal route), setTrustedBuyer. Whoever may not
// act changes nothing: the need's row and events, its audit entries, the organization's trust.

const QUEUE = `query Q { moderationQueue(subject: NEED, first: 5) { edges { node { subjectId } } } }`;
const secret = () => loadConfig().auth.jwtSecret;
const forge = (claims: object, key = 'someone-elses-secret-someone-elses-secret') => jwt.sign({ sub: '00000000-0000-4000-8000-000000000001', ...claims }, key, { issuer: 'lienket' });
const audits = async (subjectId: string) => (await rows(`SELECT action FROM catalog.audit_log WHERE subject_id = $1 ORDER BY id`, [subjectId])).map((r) => r.action);
const procurementOrigin = () => new URL(process.env.E2E_PROCUREMENT_URL!).origin;

let admin: string;
let moderator: string;
beforeAll(async () => {
  admin = await adminToken();
  moderator = await moderatorToken('Kiểm duyệt viên');
});

describe('submitNeed and cancelNeed by anyone but the buyer’s owners and managers', () => {
  it('anonymous, expired, forged: UNAUTHENTICATED; another organization’s owner: NOT_FOUND; a MEMBER, an admin: FORBIDDEN; nothing written', async () => {
    const victim = await buyer({ verified: true });
    const draft = await draftNeed(victim.token, { title: 'Nhu cầu của nạn nhân' });
    const open = await submittedNeed((await buyer({ verified: true, trusted: true })).token);
    const other = await buyer({ verified: true });
    const member = await memberToken(victim.orgId);
    const expired = jwt.sign({ sub: 'u', org: victim.orgId, orole: 'OWNER', ov: 'VERIFIED', exp: Math.floor(Date.now() / 1000) - 5 }, secret(), { issuer: 'lienket' });
    const forged = forge({ org: victim.orgId, orole: 'OWNER', ov: 'VERIFIED' });
    const before = await needTrace(draft.id);
    const openBefore = await needTrace(open.id);
    const calls = (id: string): [string, Record<string, unknown>][] => [[SUBMIT, { id }], [CANCEL, { id, reason: 'Tấn công' }]];
    for (const [query, vars] of [...calls(draft.id), ...calls(open.id)]) {
      for (const token of [undefined, expired, forged]) expect(errorCode(await api(query, vars, { token }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await api(query, vars, { token: other.token }))).toBe('NOT_FOUND');
      expect(errorCode(await api(query, vars, { token: member }))).toBe('FORBIDDEN');
      expect(errorCode(await api(query, vars, { token: admin }))).toBe('FORBIDDEN');
      expect(errorCode(await api(query, vars, { token: moderator }))).toBe('FORBIDDEN');
    }
    expect(await needTrace(draft.id)).toBe(before);
    expect(await needTrace(open.id)).toBe(openBefore);
    // A draft stays inside its buyer: staff see a need once it is submitted, not before.
    for (const token of [admin, moderator]) expect(errorCode(await api(READ, { id: draft.id }, { token }))).toBe('NOT_FOUND');
  });

  it('a token claiming VERIFIED for an organization procurement knows as unverified is refused', async () => {
    const b = await buyer();
    const need = await draftNeed(b.token);
    const before = await needTrace(need.id);
    const [owner] = await rows<{ id: string }>(`SELECT id FROM catalog.users WHERE organization_id = $1`, [b.orgId]);
    const claiming = jwt.sign({ sub: owner.id, org: b.orgId, orole: 'OWNER', ov: 'VERIFIED', ims: Date.now() }, secret(), { issuer: 'lienket', expiresIn: 300 });
    expect(errorCode(await api(SUBMIT, { id: need.id }, { token: claiming }))).toBe('FORBIDDEN');
    expect(await needTrace(need.id)).toBe(before);
  });

  it('concurrent submits of one draft: one succeeds, the rest are CONFLICT, one deadline job', async () => {
    const b = await buyer({ verified: true, trusted: true });
    const need = await draftNeed(b.token);
    const results = await Promise.all(Array.from({ length: 8 }, () => api(SUBMIT, { id: need.id }, { token: b.token })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(7);
    const [row] = await rows<{ status: string; submitted_at: Date }>(`SELECT status, submitted_at FROM procurement.needs WHERE id = $1`, [need.id]);
    expect(row.status).toBe('OPEN');
  });
});

describe('moderation of needs', () => {
  it('the buyer’s owner, a member, another organization, anonymous: cannot read the queue or decide; nothing written', async () => {
    const b = await buyer({ verified: true });
    const need = await submittedNeed(b.token);
    const before = await needTrace(need.id);
    const member = await memberToken(b.orgId);
    for (const token of [b.token, member, (await buyer({ verified: true })).token]) {
      expect(errorCode(await api(QUEUE, {}, { token }))).toBe('FORBIDDEN');
      expect(errorCode(await api(DECIDE, { id: need.id, decision: 'APPROVE' }, { token }))).toBe('FORBIDDEN');
    }
    expect(errorCode(await api(QUEUE, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api(DECIDE, { id: need.id, decision: 'APPROVE' }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api(DECIDE, { id: need.id, decision: 'APPROVE' }, { token: forge({ prole: 'ADMIN' }) }))).toBe('UNAUTHENTICATED');
    expect(await needTrace(need.id)).toBe(before);
    expect(await audits(need.id)).toEqual([]);
  });

  it('two moderators approving at once: exactly one succeeds, one audit entry, one notice event', async () => {
    const b = await buyer({ verified: true });
    const need = await submittedNeed(b.token);
    const results = await Promise.all([moderator, admin, moderator, admin].map((token) => api(DECIDE, { id: need.id, decision: 'APPROVE' }, { token })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(3);
    expect(await audits(need.id)).toEqual(['need.approved']);
    const events = await rows(`SELECT 1 FROM catalog.outbox WHERE event_type = 'need.moderation_decided' AND payload->>'needId' = $1`, [need.id]);
    expect(events).toHaveLength(1);
  });

  it('a cancel racing an approval: the need ends in one state, and the moderator is told if it lost', async () => {
    const b = await buyer({ verified: true });
    const need = await submittedNeed(b.token);
    const [approved, cancelled] = await Promise.all([
      api(DECIDE, { id: need.id, decision: 'APPROVE' }, { token: moderator }),
      api(CANCEL, { id: need.id, reason: 'Không cần nữa' }, { token: b.token }),
    ]);
    expect(cancelled.errors).toBeUndefined();
    const [{ status }] = await rows<{ status: string }>(`SELECT status FROM procurement.needs WHERE id = $1`, [need.id]);
    expect(status).toBe('CANCELLED');
    // Either the approval came first (then the cancel closed an OPEN need) or it found it cancelled.
    expect(await audits(need.id)).toEqual(approved.errors ? [] : ['need.approved']);
    if (approved.errors) expect(errorCode(approved)).toBe('CONFLICT');
  });
});

describe('the internal need routes', () => {
  it('are not routed by the gateway', async () => {
    for (const path of ['/internal/needs/pending', '/webhooks/../internal/needs/pending', '/webhooks/%2e%2e/internal/needs/pending']) {
      const res = await fetch(`${origin()}${path}`, { headers: { authorization: `Bearer ${admin}` } });
      expect([path, res.status]).toEqual([path, 404]);
      expect(await res.text()).not.toContain('submittedAt');
    }
  });

  it('refuse a caller without the gateway secret, and with it a caller that is not platform staff; nothing decided', async () => {
    const b = await buyer({ verified: true });
    const need = await submittedNeed(b.token);
    const before = await needTrace(need.id);
    const decide = (headers: Record<string, string>) =>
      fetch(`${procurementOrigin()}/internal/needs/${need.id}/decision`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ approve: true }) });
    expect((await decide({ authorization: `Bearer ${admin}` })).status).toBe(403);
    expect((await decide({ ...asGateway() })).status).toBe(401);
    expect((await decide({ ...asGateway(), authorization: `Bearer ${b.token}` })).status).toBe(403);
    expect((await decide({ ...asGateway(), authorization: `Bearer ${forge({ prole: 'ADMIN' })}` })).status).toBe(401);
    const listed = await fetch(`${procurementOrigin()}/internal/needs/pending`, { headers: { ...asGateway(), authorization: `Bearer ${b.token}` } });
    expect(listed.status).toBe(403);
    expect(await listed.text()).not.toContain(need.id);
    expect(await needTrace(need.id)).toBe(before);
  });
});

describe('setTrustedBuyer', () => {
  it('admins only: a moderator, the buyer’s owner, anonymous and a forged admin change nothing', async () => {
    const b = await buyer({ verified: true });
    const trusted = async () => (await rows<{ trusted_buyer: boolean }>(`SELECT trusted_buyer FROM catalog.organizations WHERE id = $1`, [b.orgId]))[0].trusted_buyer;
    expect(errorCode(await api(TRUST, { id: b.orgId, trusted: true }, { token: moderator }))).toBe('FORBIDDEN');
    expect(errorCode(await api(TRUST, { id: b.orgId, trusted: true }, { token: b.token }))).toBe('FORBIDDEN');
    expect(errorCode(await api(TRUST, { id: b.orgId, trusted: true }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api(TRUST, { id: b.orgId, trusted: true }, { token: forge({ prole: 'ADMIN' }) }))).toBe('UNAUTHENTICATED');
    expect(await trusted()).toBe(false);
    expect(await audits(b.orgId)).toEqual(['organization.verified']);
    expect(await procurementFacts(b.orgId)).toEqual({ verification: 'VERIFIED', trusted_buyer: false });
    expect(errorCode(await api(TRUST, { id: '00000000-0000-4000-8000-000000000000', trusted: true }, { token: admin }))).toBe('NOT_FOUND');
    expect(errorCode(await api(TRUST, { id: 'not-a-uuid', trusted: true }, { token: admin }))).toBe('NOT_FOUND');
  });

  it('an admin marks and unmarks, audited once per change; procurement follows', async () => {
    const b = await buyer({ verified: true });
    for (const t of [true, true, false]) expect((await api(TRUST, { id: b.orgId, trusted: t }, { token: admin })).errors).toBeUndefined();
    expect(await audits(b.orgId)).toEqual(['organization.verified', 'organization.trusted_buyer_granted', 'organization.trusted_buyer_revoked']);
    await eventually(() => procurementFacts(b.orgId), (f) => expect(f).toEqual({ verification: 'VERIFIED', trusted_buyer: false }));
    expect((await submittedNeed(b.token)).status).toBe('PENDING_REVIEW');
  });
});
