import { errorCode, SIGN_IN, SIGN_UP, signUpInput, uniqueEmail } from '@lienket/testing';
import { ACCEPT, api, INVITE, joinOrganization as join, rows } from '../support/e2e';

const PROFILE = `mutation P($input: OrganizationProfileInput!) { updateOrganizationProfile(input: $input) {
  id description address phone memberCount foundedYear ward { code name } } }`;
const REMOVE = `mutation R($id: ID!) { removeMember(userId: $id) }`;
const TEAM = `query T($id: ID!) { organization(id: $id) { members { id email role } invitations { email role } } }`;

async function owner() {
  const input = signUpInput({ provinceCode: '66' });
  const r = await api<{ signUp: { accessToken: string; user: { id: string; organization: { id: string } } } }>(SIGN_UP, { input });
  return { token: r.data!.signUp.accessToken, userId: r.data!.signUp.user.id, orgId: r.data!.signUp.user.organization.id, email: input.email };
}

describe('organization profile', () => {
  it('lets the owner set description, address with a ward of its province, and founding year', async () => {
    const o = await owner();
    const r = await api<{ updateOrganizationProfile: Record<string, unknown> }>(
      PROFILE,
      { input: { description: '<b>Cà phê</b> sạch Ea Tu', address: 'Thôn 3', wardCode: '22015', phone: '0262 3850 123', memberCount: 86, foundedYear: 2012 } },
      { token: o.token },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.updateOrganizationProfile).toMatchObject({ description: '<b>Cà phê</b> sạch Ea Tu', memberCount: 86, foundedYear: 2012, ward: { code: '22015', name: 'Phường Tuy Hoà' } });
  });

  it('refuses a ward of another province, a future founding year and a member, writing nothing', async () => {
    const o = await owner();
    const before = await rows(`SELECT description, ward_code, founded_year FROM catalog.organizations WHERE id = $1`, [o.orgId]);
    const ward = await api(PROFILE, { input: { wardCode: '00004' } }, { token: o.token, lang: 'en' });
    expect(ward.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'wardCode' });
    const year = await api(PROFILE, { input: { foundedYear: 2999 } }, { token: o.token });
    expect(year.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'foundedYear' });
    const member = await join(o.token, 'MEMBER');
    expect(errorCode(await api(PROFILE, { input: { description: 'x' } }, { token: member.token }))).toBe('FORBIDDEN');
    expect(errorCode(await api(PROFILE, { input: { description: 'x' } }))).toBe('UNAUTHENTICATED');
    expect(await rows(`SELECT description, ward_code, founded_year FROM catalog.organizations WHERE id = $1`, [o.orgId])).toEqual(before);
  });
});

describe('teams', () => {
  it('invites by e-mail; the link creates the account in the organization and works once', async () => {
    const o = await owner();
    const manager = await join(o.token, 'MANAGER');
    const team = await api<{ organization: { members: { email: string; role: string }[] } }>(TEAM, { id: o.orgId }, { token: manager.token });
    expect(team.data?.organization.members.map((m) => m.role).sort()).toEqual(['MANAGER', 'OWNER']);
    expect(errorCode(await api(ACCEPT, { token: manager.link, name: 'Lần hai', pw: 'mat-khau-thanh-vien' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api(ACCEPT, { token: `${manager.link}x`, name: 'Giả', pw: 'mat-khau-thanh-vien' }))).toBe('BAD_USER_INPUT');
  });

  it('keeps the team private and the roles in order', async () => {
    const o = await owner();
    const stranger = await owner();
    const member = await join(o.token, 'MEMBER');
    expect((await api<{ organization: unknown }>(TEAM, { id: o.orgId }, { token: stranger.token })).data?.organization).toBeNull();
    expect(errorCode(await api(INVITE, { email: uniqueEmail(), role: 'MEMBER' }, { token: member.token }))).toBe('FORBIDDEN');
    const manager = await join(o.token, 'MANAGER');
    expect(errorCode(await api(INVITE, { email: uniqueEmail(), role: 'OWNER' }, { token: manager.token }))).toBe('FORBIDDEN');
    expect(errorCode(await api(INVITE, { email: stranger.email, role: 'MEMBER' }, { token: o.token }))).toBe('CONFLICT');
    expect(errorCode(await api(INVITE, { email: 'khong-phai-email', role: 'MEMBER' }, { token: o.token }))).toBe('BAD_USER_INPUT');
    // Another organization's member reads as not found.
    expect(errorCode(await api(REMOVE, { id: member.userId }, { token: stranger.token }))).toBe('NOT_FOUND');
    expect(errorCode(await api(REMOVE, { id: o.userId }, { token: manager.token }))).toBe('FORBIDDEN');
    expect((await api(REMOVE, { id: member.userId }, { token: manager.token })).data).toEqual({ removeMember: true });
    expect(await rows(`SELECT organization_id FROM catalog.users WHERE id = $1`, [member.userId])).toEqual([{ organization_id: null }]);
  });

  it('never lets the last owner leave, even when two owners leave at once', async () => {
    const o = await owner();
    expect(errorCode(await api(REMOVE, { id: o.userId }, { token: o.token }))).toBe('CONFLICT');
    const second = await join(o.token, 'OWNER');
    const results = await Promise.all([api(REMOVE, { id: o.userId }, { token: o.token }), api(REMOVE, { id: second.userId }, { token: second.token })]);
    expect(results.map(errorCode).sort()).toEqual(['CONFLICT', undefined]);
    expect(await rows(`SELECT count(*)::int AS n FROM catalog.users WHERE organization_id = $1 AND organization_role = 'OWNER'`, [o.orgId])).toEqual([{ n: 1 }]);
  });

  it('signs the removed member out at the next refresh', async () => {
    const o = await owner();
    const member = await join(o.token, 'MEMBER');
    const signIn = await api<{ signIn: { refreshToken: string } }>(SIGN_IN, { email: member.email, password: 'mat-khau-thanh-vien' });
    await api(REMOVE, { id: member.userId }, { token: o.token });
    const refresh = await api(`mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }`, { t: signIn.data!.signIn.refreshToken });
    expect(errorCode(refresh)).toBe('UNAUTHENTICATED');
  });
});
