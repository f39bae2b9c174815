import argon2 from 'argon2';
import { errorCode, uniqueEmail, uniqueTaxCode } from '@lienket/testing';
import { adminToken, api, gatewayUrl, rows, signInAs, signUpOwner } from '../support/e2e';
import { waitFor } from '../support/wait';

// The verification desk (issue 9, point 6) through the gateway: staff find organizations by name
// without diacritics or by tax code, read the queue counts, see the tax code's checksum state and
// the organizations sharing its tax code or phone, and read uploaded evidence inline.

const origin = () => gatewayUrl().replace(/\/graphql$/, '');
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const SEARCH = `query S($search: String, $status: VerificationStatus, $first: Int, $after: String) {
  staffOrganizations(search: $search, status: $status, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor } edges { node { id name taxCode verification } } } }`;
const COUNTS = `{ moderationCounts { subject state count } }`;
const EVIDENCE = `query E($id: ID!) { organization(id: $id) { id taxCodeValid
  duplicates { sameTaxCode samePhone organization { id name taxCode } } documents { id url contentType } } }`;

type Found = { staffOrganizations: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string; name: string; taxCode: string; verification: string } }[] } };
type Evidence = { organization: { id: string; taxCodeValid: boolean | null; duplicates: { sameTaxCode: boolean; samePhone: boolean; organization: { id: string; name: string } }[] | null } | null };
type Count = { subject: string; state: string; count: number };

async function moderatorToken(): Promise<string> {
  const email = uniqueEmail('desk-moderator');
  await rows(`INSERT INTO catalog.users (email, password_hash, full_name, platform_role) VALUES ($1, $2, 'Lê Văn Kiểm', 'MODERATOR')`, [email, await argon2.hash('mat-khau-kiem-duyet')]);
  return (await signInAs(email, 'mat-khau-kiem-duyet')).accessToken;
}
const ids = (r: { data?: Found | null }) => r.data?.staffOrganizations.edges.map((e) => e.node.id) ?? [];
/** A name no other test uses, so a search finds exactly the organizations this test made. */
const tag = () => `Thử Đức ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

let admin: string;
let moderator: string;
beforeAll(async () => {
  admin = await adminToken();
  moderator = await moderatorToken();
});

describe('finding organizations on the desk', () => {
  it('finds an organization by its name typed without diacritics or case, and by its tax code with or without the branch dash', async () => {
    const name = tag();
    const headOffice = await signUpOwner({ name: `HTX Cà phê ${name}` });
    const base = uniqueTaxCode();
    const branch = await signUpOwner({ name: `Chi nhánh ${name}`, taxCode: `${base}-002` });

    const folded = `ca PHE ${name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase()}`;
    expect(ids(await api<Found>(SEARCH, { search: folded }, { token: moderator }))).toEqual([headOffice.orgId]);
    expect(ids(await api<Found>(SEARCH, { search: `  ${name}  ` }, { token: moderator })).sort()).toEqual([headOffice.orgId, branch.orgId].sort());
    expect(ids(await api<Found>(SEARCH, { search: `${base}002` }, { token: moderator }))).toEqual([branch.orgId]);
    expect(ids(await api<Found>(SEARCH, { search: `${base}-002` }, { token: admin }))).toEqual([branch.orgId]);
    // A % typed into the box is a character, not a wildcard.
    expect(ids(await api<Found>(SEARCH, { search: `${name}%` }, { token: moderator }))).toEqual([]);
  });

  it('narrows by status and pages in name order', async () => {
    const name = tag();
    const a = await signUpOwner({ name: `A ${name}` });
    const b = await signUpOwner({ name: `B ${name}` });
    const c = await signUpOwner({ name: `C ${name}` });
    await api(`mutation { moderate(subject: ORGANIZATION, subjectId: "${b.orgId}", decision: APPROVE) { subjectId } }`, {}, { token: moderator });

    const first = await api<Found>(SEARCH, { search: name, first: 2 }, { token: moderator });
    expect(ids(first)).toEqual([a.orgId, b.orgId]);
    expect(first.data?.staffOrganizations.pageInfo.hasNextPage).toBe(true);
    const next = await api<Found>(SEARCH, { search: name, first: 2, after: first.data!.staffOrganizations.pageInfo.endCursor }, { token: moderator });
    expect(ids(next)).toEqual([c.orgId]);
    expect(ids(await api<Found>(SEARCH, { search: name, status: 'VERIFIED' }, { token: moderator }))).toEqual([b.orgId]);
    expect(ids(await api<Found>(SEARCH, { search: name, status: 'PENDING_VERIFICATION' }, { token: moderator }))).toEqual([a.orgId, c.orgId]);
  });

  it('refuses a search that is too long, a page size out of range and a cursor that is not one, in the caller’s language', async () => {
    const tooLong = await api(SEARCH, { search: 'x'.repeat(101) }, { token: moderator, lang: 'en' });
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
    expect(tooLong.errors?.[0].message).toBe('Search text is longer than 100 characters.');
    expect(errorCode(await api(SEARCH, { first: 0 }, { token: moderator }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api(SEARCH, { after: 'not-a-cursor' }, { token: moderator }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api(SEARCH, { status: 'NOPE' }, { token: moderator }))).toBe('BAD_USER_INPUT');
  });
});

describe('queue counts', () => {
  it('counts organizations per verification state and listings per status, and a new sign-up adds one pending organization', async () => {
    const before = (await api<{ moderationCounts: Count[] }>(COUNTS, {}, { token: moderator })).data!.moderationCounts;
    expect(before.map((c) => `${c.subject}:${c.state}`)).toEqual(expect.arrayContaining([
      'ORGANIZATION:PENDING_VERIFICATION', 'ORGANIZATION:VERIFIED', 'ORGANIZATION:REJECTED', 'ORGANIZATION:SUSPENDED', 'PRODUCT:PENDING_REVIEW', 'PRODUCT:APPROVED',
    ]));
    const pending = (list: Count[]) => list.find((c) => c.subject === 'ORGANIZATION' && c.state === 'PENDING_VERIFICATION')!.count;
    // The count is the database's at the moment it is read. Other test files sign up and verify
    // organizations at the same time, so it is compared with the table read right after, until the
    // two were read between others' changes.
    const countsTheDatabase = async () => {
      const shown = pending((await api<{ moderationCounts: Count[] }>(COUNTS, {}, { token: moderator })).data!.moderationCounts);
      const [{ n }] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM catalog.organizations WHERE verification = 'PENDING_VERIFICATION'`);
      return shown === n || `shown ${shown}, database ${n}`;
    };
    await waitFor('the pending count to be the database’s', countsTheDatabase);
    const owner = await signUpOwner();
    // The new organization waits for verification, and the count still is the database's: it is counted.
    expect(await rows(`SELECT verification FROM catalog.organizations WHERE id = $1`, [owner.orgId])).toEqual([{ verification: 'PENDING_VERIFICATION' }]);
    await waitFor('the pending count to be the database’s, the new sign-up in it', countsTheDatabase);
  });
});

describe('the evidence beside an organization', () => {
  it('shows the tax code checksum: valid for a sign-up, invalid for a code with a wrong check digit', async () => {
    const ok = await signUpOwner();
    expect((await api<Evidence>(EVIDENCE, { id: ok.orgId }, { token: moderator })).data?.organization?.taxCodeValid).toBe(true);
    // Sign-up refuses a wrong check digit; an organization imported before that check could still carry one.
    const bad = await signUpOwner();
    const [{ tax_code: code }] = await rows<{ tax_code: string }>(`SELECT tax_code FROM catalog.organizations WHERE id = $1`, [bad.orgId]);
    const wrong = code.slice(0, 9) + String((Number(code[9]) + 1) % 10);
    await rows(`UPDATE catalog.organizations SET tax_code = $2 WHERE id = $1`, [bad.orgId, wrong]);
    expect((await api<Evidence>(EVIDENCE, { id: bad.orgId }, { token: admin })).data?.organization?.taxCodeValid).toBe(false);
  });

  it('links the other organizations sharing the tax code (any branch) or the phone written another way, and no others', async () => {
    const base = uniqueTaxCode();
    const phone = `09${String(Date.now()).slice(-8)}`;
    const main = await signUpOwner({ name: 'HTX Gốc', taxCode: base });
    const branch = await signUpOwner({ name: 'HTX Chi nhánh', taxCode: `${base}-001` });
    const samePhone = await signUpOwner({ name: 'HTX Cùng số' });
    const unrelated = await signUpOwner({ name: 'HTX Khác' });
    await rows(`UPDATE catalog.organizations SET phone = $2 WHERE id = $1`, [main.orgId, phone]);
    await rows(`UPDATE catalog.organizations SET phone = $2 WHERE id = $1`, [samePhone.orgId, `+84 ${phone.slice(1, 4)}.${phone.slice(4, 7)}.${phone.slice(7)}`]);

    const r = await api<Evidence>(EVIDENCE, { id: main.orgId }, { token: moderator });
    expect(r.errors).toBeUndefined();
    const dupes = r.data!.organization!.duplicates!;
    expect(dupes.map((d) => ({ id: d.organization.id, sameTaxCode: d.sameTaxCode, samePhone: d.samePhone }))).toEqual([
      { id: branch.orgId, sameTaxCode: true, samePhone: false },
      { id: samePhone.orgId, sameTaxCode: false, samePhone: true },
    ]);
    expect(dupes.map((d) => d.organization.id)).not.toContain(unrelated.orgId);
    const fromBranch = await api<Evidence>(EVIDENCE, { id: branch.orgId }, { token: moderator });
    expect(fromBranch.data!.organization!.duplicates!.map((d) => d.organization.id)).toEqual([main.orgId]);
  });

  it('serves a document inline to staff who ask for it, and as a download otherwise', async () => {
    const o = await signUpOwner();
    const form = new FormData();
    form.set('kind', 'BUSINESS_REGISTRATION');
    form.set('file', new Blob([new Uint8Array(PDF)]), 'Giấy phép.pdf');
    const up = await fetch(`${origin()}/api/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${o.token}` } });
    expect(up.status).toBe(201);
    const { url } = (await up.json()) as { url: string };

    const inline = await fetch(`${origin()}${url}?inline=1`, { headers: { authorization: `Bearer ${moderator}` } });
    expect(inline.status).toBe(200);
    expect(inline.headers.get('content-type')).toBe('application/pdf');
    expect(inline.headers.get('content-disposition')).toMatch(/^inline; filename\*=UTF-8''Gi%E1%BA%A5y%20ph%C3%A9p\.pdf$/);
    expect(inline.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await inline.arrayBuffer()).equals(PDF)).toBe(true);

    const staffDownload = await fetch(`${origin()}${url}`, { headers: { authorization: `Bearer ${moderator}` } });
    expect(staffDownload.headers.get('content-disposition')).toMatch(/^attachment;/);
    await staffDownload.arrayBuffer();
    // The organization's own owner asking inline still gets a download: inline is for the desk.
    const ownerInline = await fetch(`${origin()}${url}?inline=1`, { headers: { authorization: `Bearer ${o.token}` } });
    expect(ownerInline.status).toBe(200);
    expect(ownerInline.headers.get('content-disposition')).toMatch(/^attachment;/);
    await ownerInline.arrayBuffer();
  });

  it('lets the page that shows the document frame a PDF object URL, and nothing from elsewhere', async () => {
    const res = await fetch(`${origin()}/quan-tri`);
    await res.text();
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-src 'self' blob:(;|$)/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
  });
});
