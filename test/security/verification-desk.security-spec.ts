import argon2 from 'argon2';
import { errorCode, uniqueEmail } from '@lienket/testing';
import { adminToken, api, gatewayUrl, rows, signInAs, signUpOwner } from '../support/e2e';

// Attack tests for the verification desk and the audit log (issue 9, points 6 and 7): nothing there
// answers anyone but platform staff (the audit log: admins only), and the evidence fields of an
// organization are empty for its own members and for everyone else.

const origin = () => gatewayUrl().replace(/\/graphql$/, '');
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const SEARCH = `{ staffOrganizations(first: 5) { edges { node { id name phone } } } }`;
const COUNTS = `{ moderationCounts { subject state count } }`;
const LOG = `{ auditLog(first: 5, subject: ORGANIZATION) { edges { node { id actor { fullName } subjectName } } } }`;
const ACTORS = `{ auditActors { id fullName } }`;
const EVIDENCE = `query E($id: ID!) { organization(id: $id) { id taxCodeValid duplicates { organization { id name phone } } } }`;

async function moderatorToken(): Promise<string> {
  const email = uniqueEmail('desk-attack-moderator');
  await rows(`INSERT INTO catalog.users (email, password_hash, full_name, platform_role) VALUES ($1, $2, 'Kiểm duyệt viên', 'MODERATOR')`, [email, await argon2.hash('mat-khau-kiem-duyet')]);
  return (await signInAs(email, 'mat-khau-kiem-duyet')).accessToken;
}

describe('the verification desk refuses everyone but staff', () => {
  it('answers UNAUTHENTICATED without a session and FORBIDDEN to an organization’s owner, with no data', async () => {
    const owner = await signUpOwner();
    for (const query of [SEARCH, COUNTS, LOG, ACTORS]) {
      const anonymous = await api(query);
      expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
      expect(anonymous.data ?? null).toBeNull();
      const member = await api(query, {}, { token: owner.token });
      expect(errorCode(member)).toBe('FORBIDDEN');
      expect(member.data ?? null).toBeNull();
    }
  });

  it('keeps the audit log from moderators: it is for admins', async () => {
    const moderator = await moderatorToken();
    expect(errorCode(await api(LOG, {}, { token: moderator }))).toBe('FORBIDDEN');
    expect(errorCode(await api(ACTORS, {}, { token: moderator }))).toBe('FORBIDDEN');
    expect(errorCode(await api(SEARCH, {}, { token: moderator }))).toBeUndefined();
  });

  it('leaves the checksum and the look-alikes empty for the organization itself and for others, while staff see them', async () => {
    const a = await signUpOwner({ name: 'HTX Gốc bị dò' });
    const base = (await rows<{ tax_code: string }>(`SELECT tax_code FROM catalog.organizations WHERE id = $1`, [a.orgId]))[0].tax_code;
    const b = await signUpOwner({ name: 'HTX Chi nhánh bí mật', taxCode: `${base}-001` });
    await rows(`UPDATE catalog.organizations SET phone = '0987654321' WHERE id = $1`, [b.orgId]);
    // b's owner asks about its own organization: no list of who else shares its tax code.
    const own = await api<{ organization: { taxCodeValid: boolean | null; duplicates: unknown } }>(EVIDENCE, { id: b.orgId }, { token: b.token });
    expect(own.data?.organization).toMatchObject({ taxCodeValid: null, duplicates: null });
    // a's owner asks about b (unverified): it does not exist for them.
    const other = await api<{ organization: unknown }>(EVIDENCE, { id: b.orgId }, { token: a.token });
    expect(other.data?.organization).toBeNull();
    const staff = await api<{ organization: { taxCodeValid: boolean; duplicates: { organization: { id: string; phone: string | null } }[] } }>(EVIDENCE, { id: a.orgId }, { token: await adminToken() });
    expect(staff.data?.organization.taxCodeValid).toBe(true);
    expect(staff.data?.organization.duplicates.map((d) => d.organization)).toEqual([{ id: b.orgId, name: 'HTX Chi nhánh bí mật', phone: '0987654321' }]);
  });

  it('does not serve another organization’s document, inline or not', async () => {
    const owner = await signUpOwner();
    const intruder = await signUpOwner();
    const form = new FormData();
    form.set('kind', 'BUSINESS_REGISTRATION');
    form.set('file', new Blob([new Uint8Array(PDF)]), 'dkkd.pdf');
    const up = await fetch(`${origin()}/api/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${owner.token}` } });
    const { url } = (await up.json()) as { url: string };
    for (const path of [url, `${url}?inline=1`]) {
      const res = await fetch(`${origin()}${path}`, { headers: { authorization: `Bearer ${intruder.token}` } });
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('%PDF');
      const anonymous = await fetch(`${origin()}${path}`);
      expect(anonymous.status).toBe(401);
      await anonymous.text();
    }
  });
});
