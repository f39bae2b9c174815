import { image, PNG_1X1 } from '@lienket/testing';
import { adminToken, api, signInAs } from '../support/e2e';
import { approve, draftListing, rawUpload, restError, sendFile, signUpOrg, uploadsOf } from '../support/uploads';

// Attacks on the upload routes through the gateway: what is decided before the body is read, the
// limit each route enforces, and a suspended organization. Each refusal writes nothing.

const MB = 1024 * 1024;
const SIXTY_MB = 60 * MB;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** The route limits as documented (README, docs/decisions.md 39 and 59): documents 10 MB, photos 5 MB, logos 1 MB. */
const routes = async () => {
  const owner = await signUpOrg();
  const productId = await draftListing(owner);
  return { owner, productId, limits: [['/api/documents', 10 * MB], [`/api/products/${productId}/photos`, 5 * MB], ['/api/organization/logo', 1 * MB]] as const };
};

function sendDocument(token: string, file: Buffer) {
  const form = new FormData();
  form.set('kind', 'CERTIFICATE');
  form.set('file', new Blob([new Uint8Array(file)]), 'chung-nhan.pdf');
  return fetch(`${process.env.E2E_GATEWAY_URL}/api/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
}

describe('uploads: decided before the body is read', () => {
  it('refuses an anonymous 60 MB upload on every route while the client is still sending (401, or 413 when the limit is passed first)', async () => {
    const { owner, limits } = await routes();
    const before = await uploadsOf(owner.orgId);
    for (const [path] of limits) {
      expect((await sendFile(path, undefined, PNG_1X1)).status).toBe(401);
      for (const declare of [true, false]) {
        const r = await rawUpload(path, { total: SIXTY_MB, declare });
        // The session is checked on the headers and the gateway counts the body as it passes:
        // whichever refusal comes first, the 60 MB were neither awaited nor buffered. (How much the
        // client managed to send before it read the answer depends on the machine's load; the
        // server drops what follows the answer, so the answer coming before the end is the claim.)
        expect({ path, declare, refused: [401, 413].includes(r.status!) }).toEqual({ path, declare, refused: true });
        expect(r.sentWhenAnswered).toBeLessThan(r.total);
      }
    }
    expect(await uploadsOf(owner.orgId)).toEqual(before);
  });

  it("refuses a revoked session's token (its organization suspended) 401 before reading, and the suspended organization's fresh token 403 on every route", async () => {
    const { owner, productId, limits } = await routes();
    await approve('ORGANIZATION', owner.orgId);
    const suspended = await api(`mutation($id: ID!) { suspendOrganization(id: $id, reason: "Tải tệp giả mạo") { id } }`, { id: owner.orgId }, { token: await adminToken() });
    expect(suspended.errors).toBeUndefined();
    const before = await uploadsOf(owner.orgId);
    for (const [path] of limits) {
      const small = await sendFile(path, owner.token, PNG_1X1);
      expect([path, small.status, (await restError(small)).extensions.code]).toEqual([path, 401, 'UNAUTHENTICATED']);
      const r = await rawUpload(path, { token: owner.token, total: SIXTY_MB, declare: true });
      expect({ path, refused: [401, 413].includes(r.status!) }).toEqual({ path, refused: true });
      expect(r.sentWhenAnswered).toBeLessThan(r.total);
    }
    const fresh = (await signInAs(owner.email, owner.password)).accessToken;
    for (const res of [await sendDocument(fresh, PDF), await sendFile(`/api/products/${productId}/photos`, fresh, PNG_1X1), await sendFile('/api/organization/logo', fresh, PNG_1X1, 'logo.png', { lang: 'en' })]) {
      expect(res.status).toBe(403);
      expect((await restError(res)).extensions.code).toBe('FORBIDDEN');
    }
    const logo = await sendFile('/api/organization/logo', fresh, await image(64, 64), 'logo.jpg', { lang: 'en' });
    expect((await restError(logo)).message).toBe('Your organization is suspended, so it cannot upload files. See the reason on the Account page.');
    expect(await uploadsOf(owner.orgId)).toEqual(before);
  });

  it('answers a signed-in 60 MB upload 413 on its declared length, on every route, while the client is still sending', async () => {
    const { owner, limits } = await routes();
    for (const [path, limit] of limits) {
      const r = await rawUpload(path, { token: owner.token, total: SIXTY_MB, declare: true });
      expect({ path, limit, status: r.status }).toEqual({ path, limit, status: 413 });
      expect(r.sentWhenAnswered).toBeLessThan(r.total);
    }
    const tooLarge = await sendFile('/api/organization/logo', owner.token, Buffer.alloc(2 * MB), 'logo.png', { lang: 'en' });
    expect([tooLarge.status, await restError(tooLarge)]).toEqual([413, { message: 'The file is too large (at most 1 MB).', extensions: { code: 'BAD_USER_INPUT', field: 'file' } }]);
    expect(await uploadsOf(owner.orgId)).toEqual({ documents: 0, photos: 0, logoId: null, files: [] });
  });

  it('stops reading a chunked body (no declared length) at the route limit and answers 413 while the client is still sending', async () => {
    const { owner, limits } = await routes();
    for (const [path, limit] of limits) {
      const r = await rawUpload(path, { token: owner.token, total: SIXTY_MB });
      expect({ path, status: r.status }).toEqual({ path, status: 413 });
      // Past the limit (plus what sockets buffer on the way), far from the 60 MB sent otherwise.
      expect(r.sentWhenAnswered).toBeGreaterThan(limit);
      expect(r.sentWhenAnswered).toBeLessThan(r.total);
    }
    expect(await uploadsOf(owner.orgId)).toEqual({ documents: 0, photos: 0, logoId: null, files: [] });
  });

  it('enforces the documented limit itself: a 10 MB document is taken, one byte more is refused', async () => {
    const owner = await signUpOrg();
    const atLimit = Buffer.concat([PDF, Buffer.alloc(10 * MB - PDF.length)]);
    expect((await sendDocument(owner.token, atLimit)).status).toBe(201);
    const over = await sendDocument(owner.token, Buffer.concat([atLimit, Buffer.from('x')]));
    expect(over.status).toBe(413);
    const after = await uploadsOf(owner.orgId);
    expect([after.documents, after.files.length]).toEqual([1, 1]);
  });
});
