import jwt from 'jsonwebtoken';
import { buildRequestContext, requireUser } from './context';
import { OrganizationRole } from './roles';
import { issueAccessToken, verifyAccessToken } from './tokens';

const secret = 's'.repeat(40);
const user = { id: 'u1', organizationId: 'o1', organizationRole: OrganizationRole.OWNER, platformRole: null };

describe('access tokens', () => {
  it('round-trips the caller, with the organization’s verification, the session and the issue time in milliseconds', () => {
    const before = Date.now();
    const check = verifyAccessToken(issueAccessToken({ ...user, organizationVerification: 'SUSPENDED', sessionId: 'f1' }, secret, 60), secret);
    expect(check).toEqual({ user: { ...user, organizationVerification: 'SUSPENDED', sessionId: 'f1', issuedAt: expect.any(Number) } });
    const issuedAt = 'user' in check ? check.user.issuedAt : 0;
    expect(issuedAt >= before && issuedAt <= Date.now()).toBe(true);
  });
  it('says expired for an expired token', () => {
    const token = jwt.sign({ sub: 'u1', exp: Math.floor(Date.now() / 1000) - 10 }, secret, { issuer: 'lienket' });
    expect(verifyAccessToken(token, secret)).toEqual({ error: 'expired' });
  });
  it('refuses a token signed with another secret or algorithm', () => {
    expect(verifyAccessToken(issueAccessToken(user, 'x'.repeat(40), 60), secret)).toEqual({ error: 'invalid' });
    const none = jwt.sign({ sub: 'u1' }, '', { algorithm: 'none', issuer: 'lienket' });
    expect(verifyAccessToken(none, secret)).toEqual({ error: 'invalid' });
  });
  it('builds an anonymous context without a header and refuses it where a user is needed', () => {
    const ctx = buildRequestContext({ headers: { 'accept-language': 'en' } }, secret);
    expect(ctx.user).toBeNull();
    expect(ctx.lang).toBe('en');
    expect(() => requireUser(ctx)).toThrow(/UNAUTHENTICATED/);
  });
  it('tells an expired session apart from no session', () => {
    const token = jwt.sign({ sub: 'u1', exp: 1 }, secret, { issuer: 'lienket' });
    const ctx = buildRequestContext({ headers: { authorization: `Bearer ${token}` } }, secret);
    expect(() => requireUser(ctx)).toThrow(/sessionExpired/);
  });
});
