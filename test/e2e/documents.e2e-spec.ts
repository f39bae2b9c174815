import { errorCode, SIGN_IN, SIGN_UP, signUpInput } from '@lienket/testing';
import argon2 from 'argon2';
import { api, gatewayUrl, rows } from '../support/e2e';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const origin = () => gatewayUrl().replace(/\/graphql$/, '');

async function owner() {
  const r = await api<{ signUp: { accessToken: string; user: { organization: { id: string } } } }>(SIGN_UP, { input: signUpInput() });
  return { token: r.data!.signUp.accessToken, orgId: r.data!.signUp.user.organization.id };
}

function upload(token: string | undefined, file: Buffer, name: string, kind = 'BUSINESS_REGISTRATION', lang = 'vi') {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', new Blob([new Uint8Array(file)]), name);
  return fetch(`${origin()}/api/documents`, { method: 'POST', body: form, headers: { 'accept-language': lang, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
}
const docCount = async (orgId: string) => (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM catalog.documents WHERE organization_id = $1`, [orgId]))[0].n;

describe('evidence documents', () => {
  it('uploads a PDF through the gateway, lists it on the organization and downloads it again', async () => {
    const o = await owner();
    const res = await upload(o.token, PDF, 'Giấy chứng nhận đăng ký HTX.pdf');
    expect(res.status).toBe(201);
    const doc = (await res.json()) as { id: string; url: string; contentType: string; filename: string };
    expect(doc).toMatchObject({ contentType: 'application/pdf', filename: 'Giấy chứng nhận đăng ký HTX.pdf' });

    const listed = await api<{ organization: { documents: { id: string; kind: string; size: number }[] } }>(
      `query($id: ID!) { organization(id: $id) { documents { id kind size } } }`, { id: o.orgId }, { token: o.token });
    expect(listed.data?.organization.documents).toEqual([{ id: doc.id, kind: 'BUSINESS_REGISTRATION', size: PDF.length }]);

    const got = await fetch(`${origin()}${doc.url}`, { headers: { authorization: `Bearer ${o.token}` } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await got.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('refuses a file that is not what it claims, an unknown kind, and no file — writing nothing', async () => {
    const o = await owner();
    const html = await upload(o.token, Buffer.from('<script>alert(1)</script>'), 'giay-phep.pdf', 'BUSINESS_REGISTRATION', 'en');
    expect(html.status).toBe(400);
    expect(await html.json()).toEqual({ errors: [{ message: 'Only PDF, JPEG or PNG files are accepted.', extensions: { code: 'BAD_USER_INPUT', field: 'file' } }] });
    const kind = await upload(o.token, PDF, 'a.pdf', 'PASSPORT');
    expect(((await kind.json()) as { errors: { extensions: { field: string } }[] }).errors[0].extensions.field).toBe('kind');
    expect(await docCount(o.orgId)).toBe(0);
  });

  it('refuses a file over the size limit with 413, writing nothing', async () => {
    const o = await owner();
    const big = Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]);
    const res = await upload(o.token, big, 'big.pdf');
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/Tệp quá lớn/);
    expect(await docCount(o.orgId)).toBe(0);
  });

  it("keeps documents private: another organization, a member and anonymous callers", async () => {
    const o = await owner();
    const other = await owner();
    const doc = (await (await upload(o.token, PDF, 'a.pdf')).json()) as { url: string };
    expect((await fetch(`${origin()}${doc.url}`, { headers: { authorization: `Bearer ${other.token}` } })).status).toBe(404);
    expect((await fetch(`${origin()}${doc.url}`)).status).toBe(401);
    expect((await upload(undefined, PDF, 'a.pdf')).status).toBe(401);
    const email = `member.${Date.now()}@test.lienket.vn`;
    await rows(`INSERT INTO catalog.users (email, password_hash, full_name, organization_id, organization_role) VALUES ($1, $2, 'Thành viên', $3, 'MEMBER')`, [email, await argon2.hash('mat-khau-thanh-vien'), o.orgId]);
    const member = (await api<{ signIn: { accessToken: string } }>(SIGN_IN, { email, password: 'mat-khau-thanh-vien' })).data!.signIn.accessToken;
    expect((await upload(member, PDF, 'b.pdf')).status).toBe(403);
    expect((await fetch(`${origin()}${doc.url}`, { headers: { authorization: `Bearer ${member}` } })).status).toBe(200);
    const stranger = await api<{ organization: unknown }>(`query($id: ID!) { organization(id: $id) { documents { id } } }`, { id: o.orgId }, { token: other.token });
    expect(stranger.data?.organization).toBeNull();
    expect(errorCode(stranger)).toBeUndefined();
    expect(await docCount(o.orgId)).toBe(1);
  });
});
