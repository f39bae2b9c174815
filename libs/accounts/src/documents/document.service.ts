import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { recordAudit } from '@lienket/audit';
import { AuthUser } from '@lienket/auth';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { inTransaction } from '@lienket/database';
import { badInput, isUuid, notFound, validateInput } from '@lienket/graphql';
import { canSeePrivate } from '../organizations/organization.service';
import { DOCUMENT_TYPES, FileStorage, fileTooLarge, requireUploader, sniffContentType, storeThenCommit, StoredFileMissing } from '@lienket/storage';
import { requireNotSuspendedToUpload } from '../organizations/upload-rights';
import { DocumentKind, OrganizationDocument } from './document.type';

interface Row {
  id: string;
  organization_id: string;
  kind: DocumentKind;
  filename: string;
  content_type: string;
  size_bytes: number;
  storage_key: string;
  created_at: Date;
}

const uploadSchema = z.object({
  kind: z.enum(DocumentKind, { message: 'invalidValue' }),
  filename: z.string().trim().min(1, { message: 'required' }).max(200, { message: 'tooLong' }),
});

const toDocument = (r: Row): OrganizationDocument => ({
  id: r.id,
  kind: r.kind,
  filename: r.filename,
  contentType: r.content_type,
  size: r.size_bytes,
  createdAt: r.created_at,
  url: `/api/documents/${r.id}`,
});

/** Evidence documents: owners and managers upload; their organization and platform staff read. */
@Injectable()
export class DocumentService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FileStorage) private readonly storage: FileStorage,
  ) {}

  /**
   * A PDF, JPEG or PNG by its first bytes, within MAX_UPLOAD_BYTES, from an owner or manager of an
   * organization that is not suspended. The bytes are stored under a fresh key, then the row and its
   * audit entry commit in one short transaction (see storeThenCommit).
   */
  async upload(user: AuthUser, raw: { kind?: string; filename?: string }, bytes: Buffer | undefined): Promise<OrganizationDocument> {
    const organizationId = requireUploader(user);
    const input = validateInput(uploadSchema, raw);
    if (!bytes?.length) throw badInput('file', 'required');
    if (bytes.length > this.config.maxUploadBytes) throw fileTooLarge(this.config.maxUploadBytes);
    const sniffed = sniffContentType(bytes, DOCUMENT_TYPES);
    if (!sniffed) throw badInput('file', 'fileType');
    await requireNotSuspendedToUpload(this.ds.manager, organizationId);
    const key = `${organizationId}/${randomUUID()}.${sniffed.ext}`;
    return storeThenCommit(this.storage, [{ key, bytes, contentType: sniffed.type }], () =>
      inTransaction(this.ds, async (m) => {
        await requireNotSuspendedToUpload(m, organizationId, true);
        const [row] = await m.query<Row[]>(
          `INSERT INTO catalog.documents (organization_id, kind, filename, content_type, size_bytes, storage_key, uploaded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
          [organizationId, input.kind, input.filename, sniffed.type, bytes.length, key, user.id],
        );
        await recordAudit(m, { actorId: user.id, action: 'organization.document_uploaded', subject: 'ORGANIZATION', subjectId: organizationId, after: { id: row.id, kind: row.kind, filename: row.filename } });
        return toDocument(row);
      }),
    );
  }

  async list(viewer: AuthUser | null, organizationId: string): Promise<OrganizationDocument[] | null> {
    if (!canSeePrivate(viewer, organizationId)) return null;
    const rows = await this.ds.query<Row[]>(`SELECT * FROM catalog.documents WHERE organization_id = $1 ORDER BY created_at`, [organizationId]);
    return rows.map(toDocument);
  }

  /** Another organization's document reads as not found. */
  async open(viewer: AuthUser, id: string): Promise<{ doc: OrganizationDocument; stream: Readable }> {
    if (!isUuid(id)) throw notFound();
    const [row] = await this.ds.query<Row[]>(`SELECT * FROM catalog.documents WHERE id = $1`, [id]);
    if (!row || !canSeePrivate(viewer, row.organization_id)) throw notFound();
    const stream = await this.storage.open(row.storage_key).catch((e: unknown) => {
      throw e instanceof StoredFileMissing ? notFound() : e;
    });
    return { doc: toDocument(row), stream };
  }
}
