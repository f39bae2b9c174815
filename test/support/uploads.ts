import argon2 from 'argon2';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { adminToken, api, gatewayUrl, rows, signInAs, signUpOwner } from './e2e';

// Uploads through the running gateway (multipart REST), and what the run's upload directory holds.

export const origin = () => gatewayUrl().replace(/\/graphql$/, '');

export interface Org {
  token: string;
  orgId: string;
}

/** A new organization's owner (the shared e2e helper, under the name these tests use). */
export const signUpOrg = (over: Parameters<typeof signUpOwner>[0] = {}): Promise<Org> => signUpOwner(over);

/** A MEMBER of the organization, inserted directly (teams are tested elsewhere), signed in. */
export async function memberToken(orgId: string): Promise<string> {
  const email = `member.${crypto.randomUUID()}@test.lienket.vn`;
  await rows(`INSERT INTO catalog.users (email, password_hash, full_name, organization_id, organization_role) VALUES ($1, $2, 'Thành viên', $3, 'MEMBER')`, [email, await argon2.hash('mat-khau-thanh-vien'), orgId]);
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
export async function storedFiles(orgId: string, folder: 'photos' | 'logo'): Promise<string[]> {
  return readdir(join(process.env.E2E_UPLOAD_DIR!, orgId, folder)).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [];
    throw e;
  });
}
