import { randomUUID } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { S3Storage, StoredFileMissing } from '@lienket/storage';
import { S3StandIn } from '@lienket/testing';

// The real @aws-sdk/client-s3 against a local stand-in of the S3 endpoints we call.
const standIn = new S3StandIn('lienket-test', 'lienket-test-key');
let storage: S3Storage;
let endpoint: string;
const key = (ext = 'png') => `${randomUUID()}/photos/${randomUUID()}.${ext}`;

beforeAll(async () => {
  endpoint = await standIn.start();
  storage = new S3Storage({ kind: 's3', endpoint, bucket: 'lienket-test', region: 'us-east-1', accessKeyId: 'lienket-test-key', secretAccessKey: 'secret' });
});
afterAll(async () => {
  storage.destroy();
  await standIn.stop();
});

describe('S3-compatible storage', () => {
  it('stores bytes with their type, reads them back, and deletes them', async () => {
    const k = key();
    await storage.put(k, Buffer.from('ảnh cà phê'), 'image/png');
    expect(standIn.objects.get(k)?.contentType).toBe('image/png');
    expect(await text(await storage.open(k))).toBe('ảnh cà phê');
    await storage.delete(k);
    expect(standIn.objects.has(k)).toBe(false);
    await expect(storage.open(k)).rejects.toBeInstanceOf(StoredFileMissing);
  });

  it('lists every stored object of LienKet\'s key shapes with its last change, page after page, leaving other objects out', async () => {
    standIn.objects.clear();
    standIn.pageSize = 2;
    const keys = [key(), key('jpg'), `${randomUUID()}/${randomUUID()}.pdf`, `${randomUUID()}/logo/${randomUUID()}.thumb.webp`];
    for (const k of keys) await storage.put(k, Buffer.from('x'), 'image/png');
    standIn.objects.set('backups/dump.sql', { bytes: Buffer.from('x'), contentType: 'text/plain', modified: new Date() });
    const pages: { key: string; modified: Date }[][] = [];
    for await (const page of storage.list()) pages.push(page);
    standIn.pageSize = 1000;
    expect(pages.length).toBe(3);
    expect(pages.flat().map((o) => o.key).sort()).toEqual([...keys].sort());
    expect(pages.flat().every((o) => o.modified instanceof Date && !Number.isNaN(o.modified.getTime()))).toBe(true);
  });

  it('answers "missing" for an object that never existed, and deleting it is no error', async () => {
    const k = key('pdf');
    await expect(storage.open(k)).rejects.toBeInstanceOf(StoredFileMissing);
    await expect(storage.delete(k)).resolves.toBeUndefined();
  });

  it('refuses keys it did not make and surfaces the store’s refusals', async () => {
    await expect(storage.put('../etc/passwd', Buffer.from('x'), 'image/png')).rejects.toThrow(/bad storage key/);
    const wrongKey = new S3Storage({ kind: 's3', endpoint, bucket: 'lienket-test', region: 'us-east-1', accessKeyId: 'intruder', secretAccessKey: 's' });
    await expect(wrongKey.put(key(), Buffer.from('x'), 'image/png')).rejects.toThrow(/InvalidAccessKeyId/);
    wrongKey.destroy();
  });
});
