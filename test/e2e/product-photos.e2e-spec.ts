import sharp from 'sharp';
import { image, PNG_1X1, pngOfSize, WEBP_1X1 } from '@lienket/testing';
import { adminToken, api, rows } from '../support/e2e';
import { approve, del, draftListing, get, memberToken, Org, restError, sendFile, signUpOrg, storedFiles } from '../support/uploads';

const PHOTOS = `query($id: ID!) { product(id: $id) { id status photos { id url thumbnailUrl width height } } }`;
const SEARCH_PHOTOS = `query($q: String) { searchProducts(query: $q, first: 5) { edges { node { id photos { url } } } } }`;

const listing = draftListing;
const photosPath = (productId: string) => `/api/products/${productId}/photos`;
const photoRows = async (productId: string) => (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM catalog.product_photos WHERE product_id = $1`, [productId]))[0].n;

/** Asserts a refused upload wrote neither a row nor a file. */
async function nothingWritten(o: Org, productId: string) {
  expect(await photoRows(productId)).toBe(0);
  expect(await storedFiles(o.orgId, 'photos')).toEqual([]);
}

describe('listing photos through the gateway', () => {
  it('adds JPEG, PNG and WebP photos in order, lists them on the product, serves and removes them', async () => {
    const coop = await signUpOrg();
    const id = await listing(coop);
    const added: { id: string; url: string; thumbnailUrl: string; width: number; height: number }[] = [];
    for (const [bytes, name] of [[await image(1200, 800), 'ca-phe.jpg'], [PNG_1X1, 'vuon.png'], [WEBP_1X1, 'hat.webp']] as const) {
      const res = await sendFile(photosPath(id), coop.token, bytes, name);
      expect(res.status).toBe(201);
      added.push((await res.json()) as (typeof added)[number]);
    }
    expect(added[0]).toMatchObject({ width: 1200, height: 800, url: `/api/photos/${added[0].id}`, thumbnailUrl: `/api/photos/${added[0].id}/thumbnail` });

    const r = await api<{ product: { photos: unknown[] } }>(PHOTOS, { id }, { token: coop.token });
    expect(r.data?.product.photos).toEqual(added);

    const png = await get(added[1].url, coop.token);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('cache-control')).toBe('private, no-store');
    const served = await sharp(Buffer.from(await png.arrayBuffer())).metadata();
    expect([served.format, served.width, served.height]).toEqual(['png', 1, 1]);
    const thumb = await get(added[0].thumbnailUrl, coop.token);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const thumbMeta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect([thumbMeta.format, thumbMeta.width, thumbMeta.height]).toEqual(['webp', 480, 320]);

    expect((await del(`${photosPath(id)}/${added[0].id}`, coop.token)).status).toBe(204);
    expect((await api<{ product: { photos: { id: string }[] } }>(PHOTOS, { id }, { token: coop.token })).data?.product.photos.map((p) => p.id)).toEqual([added[1].id, added[2].id]);
    expect((await get(added[0].url, coop.token)).status).toBe(404);
    expect((await get(added[0].thumbnailUrl, coop.token)).status).toBe(404);
    // Each photo is stored with its thumbnail: two photos, four files.
    expect(await storedFiles(coop.orgId, 'photos')).toHaveLength(4);
  });

  it("keeps a draft's photos private and makes an approved listing's photos public and cacheable", async () => {
    const coop = await signUpOrg({ name: 'HTX Cà phê Ảnh Công Khai' });
    const id = await listing(coop);
    const photo = (await (await sendFile(photosPath(id), coop.token, PNG_1X1)).json()) as { url: string };
    const stranger = await signUpOrg();
    expect((await get(photo.url)).status).toBe(404);
    expect((await get(photo.url, stranger.token)).status).toBe(404);
    expect((await get(photo.url, await adminToken())).status).toBe(200);

    await approve('ORGANIZATION', coop.orgId);
    await api(`mutation($id: ID!) { submitProduct(id: $id) { id } }`, { id }, { token: coop.token });
    await approve('PRODUCT', id);
    const open = await get(photo.url);
    expect(open.status).toBe(200);
    expect(open.headers.get('cache-control')).toBe('public, max-age=86400');
    const found = await api<{ searchProducts: { edges: { node: { id: string; photos: { url: string }[] } }[] } }>(SEARCH_PHOTOS, { q: 'ca phe robusta ea tu' });
    expect(found.data?.searchProducts.edges.find((e) => e.node.id === id)?.node.photos).toEqual([{ url: photo.url }]);
    // Not a material edit: the listing stays approved when a photo is added.
    await sendFile(photosPath(id), coop.token, WEBP_1X1, 'them.webp');
    expect((await api<{ product: { status: string; photos: unknown[] } }>(PHOTOS, { id }, { token: coop.token })).data?.product).toMatchObject({ status: 'APPROVED', photos: [{}, {}] });

    // Off the market: its photos are private again, and it takes no new ones.
    await api(`mutation($id: ID!) { archiveProduct(id: $id) { id } }`, { id }, { token: coop.token });
    expect((await get(photo.url)).status).toBe(404);
    const archived = await sendFile(photosPath(id), coop.token, PNG_1X1);
    expect(archived.status).toBe(409);
    expect(await photoRows(id)).toBe(2);
    expect(await storedFiles(coop.orgId, 'photos')).toHaveLength(4);
  });

  it('refuses a file that only claims to be an image, in the caller’s language, writing nothing', async () => {
    const coop = await signUpOrg();
    const id = await listing(coop);
    const html = await sendFile(photosPath(id), coop.token, Buffer.from('<svg onload="alert(1)"></svg>'), 'anh.png', { lang: 'en' });
    expect(html.status).toBe(400);
    expect(await restError(html)).toEqual({ message: 'Only JPEG, PNG or WebP images are accepted.', extensions: { code: 'BAD_USER_INPUT', field: 'file' } });
    const pdf = await sendFile(photosPath(id), coop.token, Buffer.from('%PDF-1.7\n%%EOF'), 'anh.jpg');
    expect((await restError(pdf)).message).toBe('Chỉ nhận ảnh JPEG, PNG hoặc WebP.');
    const headerOnly = await sendFile(photosPath(id), coop.token, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'anh.jpg');
    expect((await restError(headerOnly)).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'file' });
    const none = await fetch(`${process.env.E2E_GATEWAY_URL}${photosPath(id)}`, { method: 'POST', headers: { authorization: `Bearer ${coop.token}` }, body: new FormData() });
    expect((await restError(none)).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'file' });
    await nothingWritten(coop, id);
  });

  it('refuses a photo over the size limit with 413, writing nothing', async () => {
    const coop = await signUpOrg();
    const id = await listing(coop);
    const res = await sendFile(photosPath(id), coop.token, pngOfSize(5 * 1024 * 1024 + 1));
    expect(res.status).toBe(413);
    expect(await restError(res)).toEqual({ message: 'Tệp quá lớn (tối đa 5 MB).', extensions: { code: 'BAD_USER_INPUT', field: 'file' } });
    await nothingWritten(coop, id);
  });

  it('refuses a ninth photo, keeping eight', async () => {
    const coop = await signUpOrg();
    const id = await listing(coop);
    const uploads = await Promise.all(Array.from({ length: 9 }, () => sendFile(photosPath(id), coop.token, PNG_1X1)));
    expect(uploads.map((r) => r.status).sort()).toEqual([...Array(8).fill(201), 400]);
    const refused = uploads.find((r) => r.status === 400)!;
    expect(await restError(refused)).toMatchObject({ message: 'Mỗi sản phẩm có tối đa 8 ảnh. Hãy xóa bớt ảnh cũ trước.', extensions: { code: 'BAD_USER_INPUT', field: 'file' } });
    expect(await photoRows(id)).toBe(8);
    expect(await storedFiles(coop.orgId, 'photos')).toHaveLength(16);
  });

  it("answers another organization's listing as not found, refuses members and anonymous callers, writing nothing", async () => {
    const coop = await signUpOrg();
    const id = await listing(coop);
    const other = await signUpOrg();
    const foreign = await sendFile(photosPath(id), other.token, PNG_1X1);
    expect(foreign.status).toBe(404);
    expect((await restError(foreign)).extensions.code).toBe('NOT_FOUND');
    expect((await sendFile(photosPath(id), await memberToken(coop.orgId), PNG_1X1)).status).toBe(403);
    expect((await sendFile(photosPath(id), undefined, PNG_1X1)).status).toBe(401);
    expect((await sendFile(photosPath('not-a-listing'), coop.token, PNG_1X1)).status).toBe(404);
    await nothingWritten(coop, id);
    expect(await storedFiles(other.orgId, 'photos')).toEqual([]);
  });

  it("does not let another organization, a member or an anonymous caller remove a photo", async () => {
    const coop = await signUpOrg();
    const id = await listing(coop);
    const photo = (await (await sendFile(photosPath(id), coop.token, PNG_1X1)).json()) as { id: string };
    const path = `${photosPath(id)}/${photo.id}`;
    const other = await signUpOrg();
    expect((await del(path, other.token)).status).toBe(404);
    expect((await del(path, await memberToken(coop.orgId))).status).toBe(403);
    expect((await del(path)).status).toBe(401);
    expect((await del(`${photosPath(id)}/${crypto.randomUUID()}`, coop.token)).status).toBe(404);
    expect(await photoRows(id)).toBe(1);
    expect(await storedFiles(coop.orgId, 'photos')).toHaveLength(2);
  });
});
