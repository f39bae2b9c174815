import { mkdir, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { EXIF_CAMERA, image, jpegWithGps, pngBomb } from '@lienket/testing';
import { approve, draftListing, get, restError, runOrphanSweep, sendFile, signUpOrg, uploadsOf } from '../support/uploads';

// What an uploaded image can carry in (decompression bombs, EXIF with a GPS position), and bytes no
// row points at (the orphan sweep).

describe('uploads: decoded images', () => {
  it('refuses a decompression bomb (a 274-byte PNG declaring 50,000 × 50,000 pixels) as a photo and as a logo, writing nothing', async () => {
    const coop = await signUpOrg();
    const productId = await draftListing(coop);
    const bomb = pngBomb();
    for (const path of [`/api/products/${productId}/photos`, '/api/organization/logo']) {
      const res = await sendFile(path, coop.token, bomb, 'bom.png', { lang: 'en' });
      expect([path, res.status, await restError(res)]).toEqual([
        path,
        400,
        { message: 'The image has too many pixels (at most 50 million). Make it smaller and try again.', extensions: { code: 'BAD_USER_INPUT', field: 'file' } },
      ]);
    }
    expect(await uploadsOf(coop.orgId)).toEqual({ documents: 0, photos: 0, logoId: null, files: [] });
  });

  it('serves photos, logos and their thumbnails without the EXIF of the upload (no camera, no GPS position)', async () => {
    const coop = await signUpOrg();
    const productId = await draftListing(coop);
    const upload = await jpegWithGps(1600, 1200);
    expect((await sharp(upload).metadata()).exif).toBeDefined();
    const photo = (await (await sendFile(`/api/products/${productId}/photos`, coop.token, upload, 'vuon.jpg')).json()) as { url: string; thumbnailUrl: string };
    const logo = (await (await sendFile('/api/organization/logo', coop.token, upload, 'logo.jpg')).json()) as { logoUrl: string };
    for (const url of [photo.url, photo.thumbnailUrl, logo.logoUrl, `${logo.logoUrl}/thumbnail`]) {
      const served = Buffer.from(await (await get(url, coop.token)).arrayBuffer());
      const meta = await sharp(served).metadata();
      expect({ url, exif: meta.exif, xmp: meta.xmp, camera: served.includes(Buffer.from(EXIF_CAMERA)) }).toEqual({ url, exif: undefined, xmp: undefined, camera: false });
    }
  });
});

describe('uploads: the orphan sweep', () => {
  const uploadDir = () => process.env.E2E_UPLOAD_DIR!;
  const exists = (path: string) => stat(path).then(() => true, () => false);
  const twoDaysAgo = () => new Date(Date.now() - 2 * 24 * 3600 * 1000);

  it('removes stored files no row points at once past the grace period, keeps an upload in flight and every file a row points at', async () => {
    const coop = await signUpOrg();
    await approve('ORGANIZATION', coop.orgId);
    const productId = await draftListing(coop);
    expect((await sendFile(`/api/products/${productId}/photos`, coop.token, await image(300, 200))).status).toBe(201);
    expect((await sendFile('/api/organization/logo', coop.token, await image(64, 64, 'png'))).status).toBe(201);
    const referenced = (await uploadsOf(coop.orgId)).files;
    expect(referenced).toHaveLength(4);
    // What a crash between storing and committing leaves: bytes under fresh keys no row names.
    const orphan = join(uploadDir(), coop.orgId, 'photos', `${crypto.randomUUID()}.jpg`);
    const orphanThumb = orphan.replace(/\.jpg$/, '.thumb.webp');
    const orphanDocument = join(uploadDir(), coop.orgId, `${crypto.randomUUID()}.pdf`);
    const inFlight = join(uploadDir(), coop.orgId, 'photos', `${crypto.randomUUID()}.png`);
    await mkdir(join(uploadDir(), coop.orgId, 'photos'), { recursive: true });
    for (const path of [orphan, orphanThumb, orphanDocument, inFlight]) await writeFile(path, 'bytes');
    // Everything old but the upload in flight, whose row is about to commit.
    for (const path of [orphan, orphanThumb, orphanDocument, ...referenced]) await utimes(path, twoDaysAgo(), twoDaysAgo());

    await runOrphanSweep();

    expect({ orphan: await exists(orphan), orphanThumb: await exists(orphanThumb), orphanDocument: await exists(orphanDocument), inFlight: await exists(inFlight) }).toEqual({
      orphan: false,
      orphanThumb: false,
      orphanDocument: false,
      inFlight: true,
    });
    const after = await uploadsOf(coop.orgId);
    expect(after.files).toEqual([...referenced, inFlight].sort());
    expect([after.photos, after.logoId !== null]).toEqual([1, true]);
  });
});
