import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { canSeePrivate, checkImage, FileStorage, StoredFileMissing } from '@lienket/accounts';
import { recordAudit } from '@lienket/audit';
import { AuthUser, loader, RequestContext } from '@lienket/auth';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { inTransaction } from '@lienket/database';
import { badInput, isUuid, notFound } from '@lienket/graphql';
import { ListingStatus } from '../products/product.entity';
import { publicListingSql } from '../products/public-listing';
import { listingConflict, lockOwn, requireEditor, requireNotSuspended } from '../products/product.service';
import { ProductPhoto } from './photo.type';

interface PhotoRow {
  id: string;
  product_id: string;
  organization_id: string;
  storage_key: string;
  content_type: string;
  width: number;
  height: number;
}

const toPhoto = (r: PhotoRow): ProductPhoto => ({ id: r.id, url: `/api/photos/${r.id}`, width: r.width, height: r.height });

/**
 * Listing photos. Owners and managers add and remove them on their own listings (not a material
 * edit: see docs/decisions.md); a public listing's photos are public, a private one's are seen only
 * by its organization and platform staff.
 */
@Injectable()
export class ProductPhotoService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FileStorage) private readonly storage: FileStorage,
  ) {}

  /** Everything is checked before a byte is stored; a failure after storing removes the bytes. */
  async add(user: AuthUser, productId: string, bytes: Buffer | undefined): Promise<ProductPhoto> {
    const organizationId = requireEditor(user);
    const image = checkImage(bytes, this.config.photos.maxBytes);
    const id = randomUUID();
    const key = `${organizationId}/photos/${id}.${image.ext}`;
    let stored = false;
    try {
      return await inTransaction(this.ds, async (m) => {
        await requireNotSuspended(m, organizationId);
        // The listing row lock also serialises concurrent uploads, so the count cannot be overrun.
        const product = await lockOwn(m, organizationId, productId);
        if (product.status === ListingStatus.ARCHIVED) throw listingConflict('listingArchived');
        const [{ n }] = await m.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM catalog.product_photos WHERE product_id = $1`, [product.id]);
        const max = this.config.photos.maxPerProduct;
        if (n >= max) throw badInput('file', 'tooManyPhotos', { max });
        await this.storage.put(key, bytes!, image.type);
        stored = true;
        const [row] = await m.query<PhotoRow[]>(
          `INSERT INTO catalog.product_photos (id, product_id, organization_id, storage_key, content_type, size_bytes, width, height, uploaded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
          [id, product.id, organizationId, key, image.type, bytes!.length, image.width, image.height, user.id],
        );
        await recordAudit(m, { actorId: user.id, action: 'product.photo_added', subject: 'PRODUCT', subjectId: product.id, after: { photoId: id } });
        return toPhoto(row);
      });
    } catch (e) {
      if (stored) await this.storage.delete(key).catch(() => undefined);
      throw e;
    }
  }

  /** Removes the row in one transaction, then the bytes (a leftover file is harmless, a dangling row is not). */
  async remove(user: AuthUser, productId: string, photoId: string): Promise<void> {
    const organizationId = requireEditor(user);
    const key = await inTransaction(this.ds, async (m) => {
      await requireNotSuspended(m, organizationId);
      const product = await lockOwn(m, organizationId, productId);
      if (!isUuid(photoId)) throw notFound('photo');
      // Through a CTE: TypeORM answers a bare DELETE … RETURNING as [rows, count].
      const [row] = await m.query<PhotoRow[]>(
        `WITH gone AS (DELETE FROM catalog.product_photos WHERE id = $1 AND product_id = $2 RETURNING *) SELECT * FROM gone`,
        [photoId, product.id],
      );
      if (!row) throw notFound('photo');
      await recordAudit(m, { actorId: user.id, action: 'product.photo_removed', subject: 'PRODUCT', subjectId: product.id, before: { photoId } });
      return row.storage_key;
    });
    await this.storage.delete(key).catch(() => undefined);
  }

  /** A photo's bytes, if the caller may see its listing; otherwise it does not exist. */
  async open(viewer: AuthUser | null, photoId: string): Promise<{ contentType: string; stream: Readable; public: boolean }> {
    if (!isUuid(photoId)) throw notFound('photo');
    const [row] = await this.ds.query<(PhotoRow & { public: boolean })[]>(
      `SELECT ph.*, ${publicListingSql()} AS public
         FROM catalog.product_photos ph
         JOIN catalog.products p ON p.id = ph.product_id
         JOIN catalog.organizations o ON o.id = ph.organization_id
        WHERE ph.id = $1`,
      [photoId],
    );
    if (!row || (!row.public && !canSeePrivate(viewer, row.organization_id))) throw notFound('photo');
    const stream = await this.storage.open(row.storage_key).catch((e: unknown) => {
      throw e instanceof StoredFileMissing ? notFound('photo') : e;
    });
    return { contentType: row.content_type, stream, public: row.public };
  }

  /** Photos of listings the caller can already see, oldest (the cover) first; one query per request. */
  loader(ctx: RequestContext): DataLoader<string, ProductPhoto[]> {
    return loader(ctx, 'productPhotos', () => new DataLoader<string, ProductPhoto[]>(async (ids) => {
      const rows = await this.ds.query<PhotoRow[]>(
        `SELECT * FROM catalog.product_photos WHERE product_id = ANY($1::uuid[]) ORDER BY created_at, id`,
        [ids],
      );
      return ids.map((id) => rows.filter((r) => r.product_id === id).map(toPhoto));
    }));
  }
}
