import { CatalogAppModule } from '../../apps/catalog/src/app.module';
import { AuthService } from '@lienket/accounts';
import { errorCode, gql, queryRows, REFRESH, SIGN_IN, SIGN_UP, signUpInput, uniqueEmail } from '@lienket/testing';
import { RunningApp, startSubgraph } from '../support/subgraph';

let s: RunningApp;
beforeAll(async () => {
  s = await startSubgraph(CatalogAppModule);
});
afterAll(() => s.close());

const counts = async () =>
  (await queryRows<{ users: number; orgs: number; outbox: number }>(
    s.databaseUrl,
    `SELECT (SELECT count(*)::int FROM catalog.users) AS users, (SELECT count(*)::int FROM catalog.organizations) AS orgs,
            (SELECT count(*)::int FROM catalog.outbox) AS outbox`,
  ))[0];

describe('sign-up (catalog subgraph, real PostgreSQL)', () => {
  it('creates the owner, a pending organization, the registration event and procurement\'s organization.changed together', async () => {
    const before = await counts();
    const input = signUpInput({ email: 'Chu.Nhiem@HTX-EaTu.vn' });
    const r = await gql<{ signUp: { user: { email: string; organizationRole: string; organization: { verification: string } } } }>(s.url, SIGN_UP, { input });
    expect(r.errors).toBeUndefined();
    expect(r.data?.signUp.user).toMatchObject({ email: 'chu.nhiem@htx-eatu.vn', organizationRole: 'OWNER', organization: { verification: 'PENDING_VERIFICATION' } });
    expect(await counts()).toEqual({ users: before.users + 1, orgs: before.orgs + 1, outbox: before.outbox + 2 });
    const events = await queryRows<{ event_type: string; payload: { ownerEmail?: string; verification?: string } }>(s.databaseUrl, `SELECT event_type, payload FROM catalog.outbox ORDER BY id DESC LIMIT 2`);
    expect(events.reverse()).toMatchObject([
      { event_type: 'organization.registered', payload: { ownerEmail: 'chu.nhiem@htx-eatu.vn' } },
      { event_type: 'organization.changed', payload: { verification: 'PENDING_VERIFICATION', trustedBuyer: false } },
    ]);
  });

  it('stores the password only as an argon2id hash', async () => {
    const input = signUpInput();
    await gql(s.url, SIGN_UP, { input });
    const [row] = await queryRows<{ password_hash: string }>(s.databaseUrl, `SELECT password_hash FROM catalog.users WHERE email = $1`, [input.email]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(input.password);
  });

  it('lets exactly one of two concurrent sign-ups with the same tax code win, writing nothing for the other', async () => {
    const taxCode = signUpInput().organization.taxCode;
    const before = await counts();
    const results = await Promise.all([
      gql(s.url, SIGN_UP, { input: signUpInput({ taxCode }) }),
      gql(s.url, SIGN_UP, { input: signUpInput({ taxCode }) }),
    ]);
    expect(results.map(errorCode).sort()).toEqual(['CONFLICT', undefined]);
    expect(results.find((r) => r.errors)?.errors?.[0].extensions?.field).toBe('organization.taxCode');
    // The winner's two events (registered, changed); nothing for the other.
    expect(await counts()).toEqual({ users: before.users + 1, orgs: before.orgs + 1, outbox: before.outbox + 2 });
  });
});

describe('sessions', () => {
  it('rotates refresh tokens, and reuse of a rotated one past the grace revokes the whole family', async () => {
    const input = signUpInput();
    const first = (await gql<{ signUp: { refreshToken: string } }>(s.url, SIGN_UP, { input })).data!.signUp.refreshToken;
    const second = await gql<{ refreshToken: { refreshToken: string } }>(s.url, REFRESH, { token: first });
    expect(second.errors).toBeUndefined();
    const newer = second.data!.refreshToken.refreshToken;
    expect(newer).not.toBe(first);

    // Time passes beyond the grace (REFRESH_REUSE_GRACE_SECONDS, 30 s by default) for the first token.
    await queryRows(s.databaseUrl, `UPDATE catalog.refresh_tokens SET used_at = now() - interval '31 seconds' WHERE id = $1`, [first.split('.')[0]]);
    const replay = await gql(s.url, REFRESH, { token: first });
    expect(errorCode(replay)).toBe('UNAUTHENTICATED');
    // The thief replayed the old token: the legitimate newer token is now dead too.
    expect(errorCode(await gql(s.url, REFRESH, { token: newer }))).toBe('UNAUTHENTICATED');
    const family = await queryRows<{ revoked: boolean }>(
      s.databaseUrl,
      `SELECT revoked_at IS NOT NULL AS revoked FROM catalog.refresh_tokens WHERE family_id = (SELECT family_id FROM catalog.refresh_tokens WHERE id = $1)`,
      [first.split('.')[0]],
    );
    expect(family.map((r) => r.revoked)).toEqual([true, true]);
  });

  it('serves two concurrent refreshes with one token (two tabs) in the same session, revoking nothing', async () => {
    const token = (await gql<{ signUp: { refreshToken: string } }>(s.url, SIGN_UP, { input: signUpInput() })).data!.signUp.refreshToken;
    const results = await Promise.all([
      gql<{ refreshToken: { accessToken: string } }>(s.url, REFRESH, { token }),
      gql<{ refreshToken: { accessToken: string } }>(s.url, REFRESH, { token }),
    ]);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    const sids = results.map((r) => (JSON.parse(Buffer.from(r.data!.refreshToken.accessToken.split('.')[1], 'base64url').toString()) as { sid: string }).sid);
    const family = await queryRows<{ family_id: string; revoked: boolean }>(
      s.databaseUrl,
      `SELECT family_id, revoked_at IS NOT NULL AS revoked FROM catalog.refresh_tokens WHERE family_id = (SELECT family_id FROM catalog.refresh_tokens WHERE id = $1)`,
      [token.split('.')[0]],
    );
    expect(sids).toEqual([family[0].family_id, family[0].family_id]);
    expect(family.map((r) => r.revoked)).toEqual([false, false, false]);
  });

  it('refuses forged and malformed refresh tokens', async () => {
    for (const token of ['', 'abc', '00000000-0000-0000-0000-000000000000.secret', 'x'.repeat(5000)]) {
      expect(errorCode(await gql(s.url, REFRESH, { token }))).toBe('UNAUTHENTICATED');
    }
  });

  it('throttles sign-in per account after repeated failures, even with the right password', async () => {
    const input = signUpInput();
    await gql(s.url, SIGN_UP, { input });
    for (let i = 0; i < 5; i++) {
      expect(errorCode(await gql(s.url, SIGN_IN, { email: input.email, password: 'sai-mat-khau-123' }))).toBe('UNAUTHENTICATED');
    }
    const blocked = await gql(s.url, SIGN_IN, { email: input.email, password: input.password }, { lang: 'en' });
    expect(errorCode(blocked)).toBe('TOO_MANY_REQUESTS');
    expect(blocked.errors?.[0].message).toMatch(/Too many sign-in attempts/);
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const input = signUpInput();
    await gql(s.url, SIGN_UP, { input });
    const wrong = await gql(s.url, SIGN_IN, { email: input.email, password: 'sai-mat-khau-123' });
    const unknown = await gql(s.url, SIGN_IN, { email: uniqueEmail('nobody'), password: 'sai-mat-khau-123' });
    expect(wrong.errors?.[0]).toEqual(unknown.errors?.[0]);
  });
});

describe('platform admin', () => {
  it('is ensured idempotently and can sign in', async () => {
    const auth = s.app.get(AuthService);
    await auth.ensureAdmin('ops@lienket.vn', 'admin-password-2026');
    await auth.ensureAdmin('ops@lienket.vn', 'admin-password-2026');
    const rows = await queryRows(s.databaseUrl, `SELECT platform_role FROM catalog.users WHERE email = 'ops@lienket.vn'`);
    expect(rows).toEqual([{ platform_role: 'ADMIN' }]);
    const r = await gql<{ signIn: { user: { email: string } } }>(s.url, SIGN_IN, { email: 'ops@lienket.vn', password: 'admin-password-2026' });
    expect(r.data?.signIn.user.email).toBe('ops@lienket.vn');
  });
});
