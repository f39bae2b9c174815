import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { api, rows } from './e2e';
import { origin } from './uploads';

// A need's attachments through the running gateway, and what the run's database and disk hold of them.

/** A small but well-formed PDF (a specification's first bytes are what the server judges). */
export const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** A Windows program renamed to look like a PDF. */
export const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  url: string;
  thumbnailUrl: string | null;
}

export const attachmentsPath = (needId: string) => `/api/needs/${needId}/attachments`;

/** Sends one file to the need (multipart field `file`) as the caller, in the caller's language. */
export function attach(needId: string, token: string | undefined, file: Buffer, name: string, lang = 'vi') {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(file)]), name);
  return fetch(`${origin()}${attachmentsPath(needId)}`, {
    method: 'POST',
    body: form,
    headers: { 'accept-language': lang, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
}

const ATTACHMENTS = `query A($id: ID!) { need(id: $id) { id attachments { id fileName contentType byteSize url thumbnailUrl } } }`;
/** The need's attachments as the API lists them to the caller (null: the need reads as not found). */
export async function listed(needId: string, token?: string): Promise<Attachment[] | null> {
  const r = await api<{ need: { attachments: Attachment[] } | null }>(ATTACHMENTS, { id: needId }, { token });
  return r.data?.need?.attachments ?? null;
}

/** Rows and stored files of a buyer's need attachments: a refused call changes neither. */
export async function attachmentTrace(buyerOrgId: string): Promise<{ rows: unknown[]; files: string[] }> {
  const found = await rows(`SELECT id, need_id, file_name, storage_key, thumbnail_key FROM procurement.need_attachments WHERE buyer_org_id = $1 ORDER BY created_at, id`, [buyerOrgId]);
  const files = await readdir(join(process.env.E2E_UPLOAD_DIR!, buyerOrgId, 'needs')).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [];
    throw e;
  });
  return { rows: found, files: files.sort() };
}
