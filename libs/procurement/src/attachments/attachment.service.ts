import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, isPlatformStaff, loader, RequestContext, Viewer } from '@lienket/auth';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { inTransaction } from '@lienket/database';
import { badInput, DomainError, ErrorCode, forbidden, isUuid, notFound } from '@lienket/graphql';
import { deleteReplaced, FileStorage, storeThenCommit, StoredFileMissing, thumbnailKey } from '@lienket/storage';
import { organizationFacts } from '../events/organization-changed.handler';
import { lockOwn, requireNeedManager } from '../needs/need-lifecycle.service';
import { NeedEntity, NeedStatus, PUBLIC_NEED_STATUSES } from '../needs/need.entity';
import { NeedService } from '../needs/need.service';
import { attachmentFileName, storeableAttachment } from './attachment-file';
import { NeedAttachment } from './attachment.type';

interface AttachmentRow {
  id: string;
  need_id: string;
  file_name: string;
  content_type: string;
  byte_size: number;
  storage_key: string;
  thumbnail_key: string | null;
}

const toAttachment = (r: AttachmentRow): NeedAttachment => {
  const url = `/api/needs/${r.need_id}/attachments/${r.id}`;
  return { id: r.id, fileName: r.file_name, contentType: r.content_type, byteSize: r.byte_size, url, thumbnailUrl: r.thumbnail_key ? `${url}/thumbnail` : null };
};

/** What GET answers: the bytes and how to label them. */
export interface OpenedAttachment {
  fileName: string;
  contentType: string;
  stream: Readable;
}

/**
 * A need's attachments. The buyer's owners and managers add and remove them while the need is a
 * DRAFT (moderation reviews what was submitted; afterwards a change is a clarification); whoever
 * may read the need reads them, and anyone else finds neither the need nor its files.
 */
@Injectable()
export class NeedAttachmentService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FileStorage) private readonly storage: FileStorage,
    private readonly needs: NeedService,
  ) {}

  /**
   * Every rule is checked before a byte is stored; the bytes (and a photo's thumbnail) are then
   * stored under fresh keys and the row commits in a short transaction that checks again under the
   * need's row lock, which also serialises concurrent uploads so the count cannot be overrun.
   */
  async add(user: AuthUser, needId: string, fileName: string | undefined, bytes: Buffer | undefined): Promise<NeedAttachment> {
    const buyerOrgId = requireNeedManager(user);
    await inTransaction(this.ds, (m) => this.lockDraft(m, buyerOrgId, needId, true));
    const file = await storeableAttachment(bytes, { maxBytes: this.config.maxUploadBytes, maxPixels: this.config.uploads.maxImagePixels });
    const id = randomUUID();
    const key = `${buyerOrgId}/needs/${id}.${file.ext}`;
    const thumb = file.thumbnail ? thumbnailKey(key) : null;
    const files = [{ key, bytes: file.bytes, contentType: file.type }, ...(thumb && file.thumbnail ? [{ key: thumb, bytes: file.thumbnail, contentType: 'image/webp' }] : [])];
    return storeThenCommit(this.storage, files, () =>
      inTransaction(this.ds, async (m) => {
        const need = await this.lockDraft(m, buyerOrgId, needId, true);
        const [row] = await m.query<AttachmentRow[]>(
          `INSERT INTO procurement.need_attachments (id, need_id, buyer_org_id, file_name, content_type, byte_size, storage_key, thumbnail_key, uploaded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
          [id, need.id, buyerOrgId, attachmentFileName(fileName, file.ext), file.type, file.bytes.length, key, thumb, user.id],
        );
        return toAttachment(row);
      }),
    );
  }

  /** Removes the row in one transaction, then the bytes (a leftover file is the orphan sweep's). */
  async remove(user: AuthUser, needId: string, attachmentId: string): Promise<void> {
    const buyerOrgId = requireNeedManager(user);
    const row = await inTransaction(this.ds, async (m) => {
      const need = await this.lockDraft(m, buyerOrgId, needId, false);
      if (!isUuid(attachmentId)) throw notFound('attachment');
      // Through a CTE: TypeORM answers a bare DELETE … RETURNING as [rows, count].
      const [gone] = await m.query<AttachmentRow[]>(
        `WITH gone AS (DELETE FROM procurement.need_attachments WHERE id = $1 AND need_id = $2 RETURNING *) SELECT * FROM gone`,
        [attachmentId, need.id],
      );
      if (!gone) throw notFound('attachment');
      return gone;
    });
    await deleteReplaced(this.storage, [row.storage_key, row.thumbnail_key]);
  }

  /**
   * The caller's organization's DRAFT need, locked, its organization not suspended (procurement's
   * copy of catalog's facts), and — when adding — with room for one more file.
   */
  private async lockDraft(m: EntityManager, buyerOrgId: string, needId: string, adding: boolean): Promise<NeedEntity> {
    const need = await lockOwn(m, needId, buyerOrgId);
    if ((await organizationFacts(m, buyerOrgId))?.verification === 'SUSPENDED') throw forbidden('organizationSuspendedNeeds');
    if (need.status !== NeedStatus.DRAFT) throw new DomainError(ErrorCode.CONFLICT, 'needAttachmentsDraftOnly', { status: need.status });
    if (!adding) return need;
    const [{ n }] = await m.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM procurement.need_attachments WHERE need_id = $1`, [need.id]);
    const max = this.config.needAttachments.maxPerNeed;
    if (n >= max) throw badInput('file', 'tooManyAttachments', { max });
    return need;
  }

  /** One attachment's bytes (or its thumbnail's) for whoever may read the need (NeedService.get); otherwise NOT_FOUND. */
  async open(viewer: Viewer, needId: string, attachmentId: string, variant: 'full' | 'thumbnail' = 'full'): Promise<OpenedAttachment> {
    if (!isUuid(needId) || !isUuid(attachmentId)) throw notFound('attachment');
    const need = await this.needs.get(viewer, needId);
    const [row] = await this.ds.query<AttachmentRow[]>(`SELECT * FROM procurement.need_attachments WHERE id = $1 AND need_id = $2`, [attachmentId, need.id]);
    const key = variant === 'thumbnail' ? row?.thumbnail_key : row?.storage_key;
    if (!row || !key) throw notFound('attachment');
    const stream = await this.storage.open(key).catch((e: unknown) => {
      throw e instanceof StoredFileMissing ? notFound('attachment') : e;
    });
    return { fileName: row.file_name, contentType: variant === 'thumbnail' ? 'image/webp' : row.content_type, stream };
  }

  /**
   * `ProcurementNeed.attachments`, oldest first, one statement per request. Checked here as
   * NeedService.get checks the need (not left to whoever resolved it): the buyer's organization in
   * every status, staff once submitted, anyone while it is public and its buyer verified.
   */
  loader(ctx: RequestContext): DataLoader<string, NeedAttachment[]> {
    const viewer = ctx.user;
    return loader(ctx, `needAttachments:${viewer?.id ?? ''}`, () => new DataLoader<string, NeedAttachment[]>(async (ids) => {
      const rows = await this.ds.query<AttachmentRow[]>(
        `SELECT a.* FROM procurement.need_attachments a JOIN procurement.needs n ON n.id = a.need_id
          WHERE a.need_id = ANY($1::uuid[])
            AND (n.buyer_org_id = $2 OR ($3 AND n.status <> 'DRAFT')
                 OR (n.status = ANY($4::text[]) AND EXISTS (SELECT 1 FROM procurement.organizations o WHERE o.id = n.buyer_org_id AND o.verification = 'VERIFIED')))
          ORDER BY a.created_at, a.id`,
        [ids, viewer?.organizationId ?? null, isPlatformStaff(viewer), PUBLIC_NEED_STATUSES],
      );
      return ids.map((id) => rows.filter((r) => r.need_id === id).map(toAttachment));
    }));
  }
}
