import argon2 from 'argon2';
import { Queue, QueueEvents } from 'bullmq';
import { readdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { EVENTS_QUEUE, redisConnection } from '@lienket/queue';
import { adminToken, api, gatewayUrl, rows, signInAs, signUpOwner } from './e2e';

// Uploads through the running gateway (multipart REST), and what the run's upload directory holds.

export const origin = () => gatewayUrl().replace(/\/graphql$/, '');

export interface Org {
  token: string;
  orgId: string;
}

/** A new organization's owner (the shared e2e helper, under the name these tests use). */
export const signUpOrg = (over: Parameters<typeof signUpOwner>[0] = {}) => signUpOwner(over);

/** A MEMBER (or MANAGER) of the organization, inserted directly (teams are tested elsewhere), signed in. */
export async function memberToken(orgId: string, role: 'MEMBER' | 'MANAGER' = 'MEMBER'): Promise<string> {
  const email = `${role.toLowerCase()}.${crypto.randomUUID()}@test.lienket.vn`;
  await rows(`INSERT INTO catalog.users (email, password_hash, full_name, organization_id, organization_role) VALUES ($1, $2, 'Thành viên', $3, $4)`, [email, await argon2.hash('mat-khau-thanh-vien'), orgId, role]);
  return (await signInAs(email, 'mat-khau-thanh-vien')).accessToken;
}

const MODERATE = `mutation M($subject: ModerationSubject!, $id: ID!) { moderate(subject: $subject, subjectId: $id, decision: APPROVE) { subjectId } }`;
export async function approve(subject: 'ORGANIZATION' | 'PRODUCT', id: string): Promise<void> {
  const r = await api(MODERATE, { subject, id }, { token: await adminToken() });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
}

/** Sends one multipart file (field `file`) with the caller's token and language. */
export function sendFile(path: string, token: string | undefined, file: Buffer, name = 'anh.png', o: { lang?: string; method?: string } = {}) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(file)]), name);
  return fetch(`${origin()}${path}`, {
    method: o.method ?? 'POST',
    body: form,
    headers: { 'accept-language': o.lang ?? 'vi', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
}

export const get = (path: string, token?: string) => fetch(`${origin()}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
export const del = (path: string, token?: string) => fetch(`${origin()}${path}`, { method: 'DELETE', headers: token ? { authorization: `Bearer ${token}` } : {} });

/** The REST error body's first error. */
export async function restError(res: Response): Promise<{ message: string; extensions: { code: string; field?: string } }> {
  return ((await res.json()) as { errors: { message: string; extensions: { code: string; field?: string } }[] }).errors[0];
}

/**
 * Files stored for an organization under a folder (photos, logo), on the run's local disk. A folder
 * never created holds nothing; any other failure to read it is thrown, never taken for "no files".
 */
export async function storedFiles(orgId: string, folder: 'photos' | 'logo' | 'needs'): Promise<string[]> {
  return readdir(join(process.env.E2E_UPLOAD_DIR!, orgId, folder)).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [];
    throw e;
  });
}

export interface RawUpload {
  /** The status line's code, or null when the connection ended without an answer. */
  status: number | null;
  /** Body bytes the client had written when the answer (or the end) came. */
  sentWhenAnswered: number;
  total: number;
}

/**
 * Sends a multipart upload of `total` bytes over a raw socket, 64 KB at a time (waiting whenever the
 * server stops reading), and stops as soon as an answer arrives: so what the server read before it
 * answered is visible. With `declare` the length is sent as Content-Length, else the body is chunked.
 */
export function rawUpload(path: string, o: { token?: string; total: number; declare?: boolean }): Promise<RawUpload> {
  const url = new URL(origin());
  const boundary = 'lienket-raw-upload';
  const head = Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="lon.png"\r\ncontent-type: image/png\r\n\r\n`);
  const headers = [
    `POST ${path} HTTP/1.1`,
    `host: ${url.host}`,
    `content-type: multipart/form-data; boundary=${boundary}`,
    o.declare ? `content-length: ${o.total}` : 'transfer-encoding: chunked',
    ...(o.token ? [`authorization: Bearer ${o.token}`] : []),
  ];
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    let sent = 0;
    let answer = '';
    let done = false;
    const finish = (status: number | null) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ status, sentWhenAnswered: sent, total: o.total });
    };
    socket.on('data', (d: Buffer) => {
      answer += d.toString('latin1');
      const line = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (line) finish(Number(line[1]));
    });
    socket.on('error', () => finish(null));
    socket.on('close', () => finish(null));
    setTimeout(() => finish(null), 20_000).unref();
    const frame = (b: Buffer) => (o.declare ? b : Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n')]));
    const chunk = Buffer.alloc(64 * 1024);
    // One chunk per turn of the event loop, as a browser or curl sends: a loop that writes while the
    // kernel takes it could send the whole body before reading anything, and then meet the server's
    // close (EPIPE) before the answer that was waiting in its receive buffer.
    const pump = () => {
      if (done || sent >= o.total) return;
      const part = sent === 0 ? Buffer.concat([head, chunk.subarray(head.length)]) : chunk.subarray(0, Math.min(chunk.length, o.total - sent));
      sent += part.length;
      if (socket.write(frame(part))) setImmediate(pump);
      else socket.once('drain', pump);
    };
    socket.write(`${headers.join('\r\n')}\r\n\r\n`, pump);
  });
}

/** What an organization has of uploads: rows of each kind and every stored file; a refused upload changes none. */
export async function uploadsOf(orgId: string): Promise<{ documents: number; photos: number; logoId: string | null; files: string[] }> {
  const [r] = await rows<{ documents: number; photos: number; logo_id: string | null }>(
    `SELECT (SELECT count(*)::int FROM catalog.documents WHERE organization_id = $1) AS documents,
            (SELECT count(*)::int FROM catalog.product_photos WHERE organization_id = $1) AS photos,
            (SELECT logo_id FROM catalog.organizations WHERE id = $1) AS logo_id`,
    [orgId],
  );
  const dir = join(process.env.E2E_UPLOAD_DIR!, orgId);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
  return { documents: r.documents, photos: r.photos, logoId: r.logo_id, files };
}

const DRAFT = { categoryCode: '0901', name: 'Cà phê Robusta Ea Tu', unitCode: 'TNE', monthlyCapacity: '20' };

/** A draft listing of the organization (photos can be added to drafts); returns its id. */
export async function draftListing(o: Org): Promise<string> {
  const r = await api<{ createProduct: { id: string } }>(`mutation($input: ProductInput!) { createProduct(input: $input) { id } }`, { input: DRAFT }, { token: o.token });
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.createProduct.id;
}

/** Runs the worker's orphan sweep now (it is otherwise hourly) and waits until it finished. */
export async function runOrphanSweep(): Promise<void> {
  const connection = redisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0');
  const queue = new Queue(EVENTS_QUEUE, { connection, prefix: process.env.E2E_PREFIX });
  const events = new QueueEvents(EVENTS_QUEUE, { connection, prefix: process.env.E2E_PREFIX });
  try {
    await events.waitUntilReady();
    const job = await queue.add('uploads.orphan_sweep', {});
    await job.waitUntilFinished(events, 30_000);
  } finally {
    await events.close();
    await queue.close();
  }
}
