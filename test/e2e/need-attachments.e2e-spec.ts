import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { errorCode } from '@lienket/testing';
import { EXIF_CAMERA, image, jpegWithGps, PNG_1X1, pngOfSize } from '@lienket/testing';
import { attach, attachmentsPath, attachmentTrace, EXE, listed, PDF, type Attachment } from '../support/attachments';
import { adminToken, api } from '../support/e2e';
import { buyer, DECIDE, draftNeed, SUBMIT } from '../support/needs';
import { del, get, restError, runOrphanSweep } from '../support/uploads';

const MB = 1024 * 1024;

async function added(res: Response): Promise<Attachment> {
  expect(res.status).toBe(201);
  return (await res.json()) as Attachment;
}

describe('need attachments through the gateway', () => {
  it('attaches a specification PDF and a photo to a draft, lists them on the need, serves them inline under their names, and removes one', async () => {
    const b = await buyer();
    const need = await draftNeed(b.token);
    const pdf = await added(await attach(need.id, b.token, PDF, 'Quy cách cà phê nhân.pdf'));
    const photo = await added(await attach(need.id, b.token, await jpegWithGps(1600, 1200), 'mẫu hạt.jpg'));
    expect(pdf).toEqual({ id: pdf.id, fileName: 'Quy cách cà phê nhân.pdf', contentType: 'application/pdf', byteSize: PDF.length, url: `${attachmentsPath(need.id)}/${pdf.id}`, thumbnailUrl: null });
    expect(photo).toMatchObject({ fileName: 'mẫu hạt.jpg', contentType: 'image/jpeg', thumbnailUrl: `${attachmentsPath(need.id)}/${photo.id}/thumbnail` });
    expect(await listed(need.id, b.token)).toEqual([pdf, photo]);

    const served = await get(pdf.url, b.token);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PDF);
    expect({
      type: served.headers.get('content-type'),
      disposition: served.headers.get('content-disposition'),
      sniff: served.headers.get('x-content-type-options'),
      csp: served.headers.get('content-security-policy'),
      cache: served.headers.get('cache-control'),
    }).toEqual({
      type: 'application/pdf',
      disposition: `inline; filename*=UTF-8''${encodeURIComponent('Quy cách cà phê nhân.pdf')}`,
      sniff: 'nosniff',
      csp: "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      cache: 'private, no-store',
    });
    // The photo is served re-encoded, without where it was taken or the camera; its thumbnail is WebP.
    const bytes = Buffer.from(await (await get(photo.url, b.token)).arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif, bytes.includes(Buffer.from(EXIF_CAMERA))]).toEqual(['jpeg', 1600, 1200, undefined, false]);
    const thumb = await sharp(Buffer.from(await (await get(photo.thumbnailUrl!, b.token)).arrayBuffer())).metadata();
    expect([thumb.format, thumb.width]).toEqual(['webp', 480]);
    expect((await attachmentTrace(b.orgId)).files).toHaveLength(3);

    expect((await del(pdf.url, b.token)).status).toBe(204);
    expect(await listed(need.id, b.token)).toEqual([photo]);
    expect((await get(pdf.url, b.token)).status).toBe(404);
    expect((await attachmentTrace(b.orgId)).files).toEqual([`${photo.id}.jpg`, `${photo.id}.thumb.webp`]);
  });

  it('names a file by what it is: a PNG sent as .pdf gets .png, folders go, a long name is cut keeping its extension', async () => {
    const b = await buyer();
    const need = await draftNeed(b.token);
    expect((await added(await attach(need.id, b.token, PNG_1X1, 'bang-gia.pdf'))).fileName).toBe('bang-gia.pdf.png');
    expect((await added(await attach(need.id, b.token, PDF, 'ho-so/Quy cách.PDF'))).fileName).toBe('Quy cách.PDF');
    expect((await added(await attach(need.id, b.token, PDF, `${'đ'.repeat(300)}.pdf`))).fileName).toBe(`${'đ'.repeat(196)}.pdf`);
  });

  it('refuses a program renamed .pdf, a web page, a file over 10 MB and a sixth file, in the caller\'s language, storing nothing', async () => {
    const b = await buyer();
    const need = await draftNeed(b.token);
    for (let i = 0; i < 5; i++) await added(await attach(need.id, b.token, PDF, `phu-luc-${i + 1}.pdf`));
    const before = await attachmentTrace(b.orgId);
    const other = await draftNeed(b.token);

    const exe = await attach(other.id, b.token, EXE, 'quy-cach.pdf', 'en');
    expect([exe.status, await restError(exe)]).toEqual([400, { message: 'Only PDF, JPEG, PNG or WebP files are accepted.', extensions: { code: 'BAD_USER_INPUT', field: 'file' } }]);
    const html = await attach(other.id, b.token, Buffer.from('<html><script>alert(1)</script></html>'), 'anh.png', 'vi');
    expect([html.status, await restError(html)]).toEqual([400, { message: 'Chỉ nhận tệp PDF, JPEG, PNG hoặc WebP.', extensions: { code: 'BAD_USER_INPUT', field: 'file' } }]);
    const big = await attach(other.id, b.token, pngOfSize(10 * MB + 1), 'lon.png', 'en');
    expect([big.status, await restError(big)]).toEqual([413, { message: 'The file is too large (at most 10 MB).', extensions: { code: 'BAD_USER_INPUT', field: 'file' } }]);
    const empty = await attach(other.id, b.token, Buffer.alloc(0), 'rong.pdf', 'en');
    expect([empty.status, (await restError(empty)).extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    const sixth = await attach(need.id, b.token, PDF, 'phu-luc-6.pdf', 'vi');
    expect([sixth.status, await restError(sixth)]).toEqual([400, { message: 'Mỗi nhu cầu mua có tối đa 5 tệp đính kèm. Hãy xóa bớt tệp cũ trước.', extensions: { code: 'BAD_USER_INPUT', field: 'file' } }]);

    expect(await attachmentTrace(b.orgId)).toEqual(before);
    expect(await listed(other.id, b.token)).toEqual([]);
  });

  it('keeps attachments once submitted: the moderator reads them, changes are refused CONFLICT, and anyone reads them once the need is open', async () => {
    const b = await buyer({ verified: true });
    const need = await draftNeed(b.token);
    const pdf = await added(await attach(need.id, b.token, PDF, 'quy-cach.pdf'));
    expect(errorCode(await api(SUBMIT, { id: need.id }, { token: b.token }))).toBeUndefined();
    const admin = await adminToken();
    expect(await listed(need.id, admin)).toEqual([pdf]);
    expect((await get(pdf.url, admin)).status).toBe(200);

    const before = await attachmentTrace(b.orgId);
    const late = await attach(need.id, b.token, await image(64, 64), 'them.jpg', 'en');
    expect([late.status, await restError(late)]).toEqual([
      409,
      { message: 'Files can be attached to or removed from a draft need only; this one has been submitted or has ended.', extensions: { code: 'CONFLICT' } },
    ]);
    const removal = await del(pdf.url, b.token);
    expect([removal.status, (await restError(removal)).extensions.code]).toEqual([409, 'CONFLICT']);
    expect(await attachmentTrace(b.orgId)).toEqual(before);
    // Not public yet: a visitor finds nothing.
    expect((await get(pdf.url)).status).toBe(404);

    expect(errorCode(await api(DECIDE, { id: need.id, decision: 'APPROVE' }, { token: admin }))).toBeUndefined();
    expect(await listed(need.id)).toEqual([pdf]);
    const open = await get(pdf.url);
    expect([open.status, Buffer.from(await open.arrayBuffer())]).toEqual([200, PDF]);
  });

  it('the orphan sweep keeps every attachment and thumbnail, and removes an old file under needs/ that no row names', async () => {
    const b = await buyer();
    const need = await draftNeed(b.token);
    await added(await attach(need.id, b.token, PDF, 'quy-cach.pdf'));
    await added(await attach(need.id, b.token, await image(300, 200), 'mau.jpg'));
    const kept = (await attachmentTrace(b.orgId)).files;
    expect(kept).toHaveLength(3);
    const dir = join(process.env.E2E_UPLOAD_DIR!, b.orgId, 'needs');
    const orphan = `${crypto.randomUUID()}.pdf`;
    await writeFile(join(dir, orphan), PDF);
    const old = new Date(Date.now() - 2 * 86400_000);
    for (const f of [...kept, orphan]) await utimes(join(dir, f), old, old);

    await runOrphanSweep();

    expect((await attachmentTrace(b.orgId)).files).toEqual(kept);
    expect((await listed(need.id, b.token))!.map((a) => a.fileName)).toEqual(['quy-cach.pdf', 'mau.jpg']);
  });
});
