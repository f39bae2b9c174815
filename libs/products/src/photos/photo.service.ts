import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { canSeePrivate, VerificationStatus } from '@lienket/accounts';
import { deleteReplaced, FileStorage, PHOTO_SIZES, storeableImage, storeThenCommit, StoredFileMissing, thumbnailKey } from '@lienket/storage';
import { recordAudit } from '@lienket/audit';
import { AuthUser, loader, RequestContext } from '@lienket/auth';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { inTransaction } from '@lienket/database';
import { badInput, isUuid, notFound } from '@lienket/graphql';
import { ListingStatus, ProductEntity } from '../products/product.entity';
import { publicListingSql } from '../products/public-listing';
import { listingConflict, lockOwn, requireEditor, requireNotSuspended } from '../products/product.service';
import { ProductPhoto } from './photo.type';

interface PhotoRow {
  id: string;
  product_id: string;
  organization_id: string;
  storage_key: string;
  thumbnail_key: string | null;
  content_type: string;
  width: number;
  height: number;
}

const toPhoto = (r: PhotoRow): ProductPhoto => ({
  id: r.id,
  url: `/api/photos/${r.id}`,
  thumbnailUrl: r.thumbnail_key ? `/api/photos/${r.id}/thumbnail` : `/api/photos/${r.id}`,
  width: r.width,
  height: r.height,
});

/** A photo is public when its listing is: approved, not archived, of a VERIFIED organization ($2). */
const PUBLIC_PHOTO = publicListingSql('$2');
const PHOTO_WITH_LISTING = `catalog.product_photos ph
  JOIN catalog.products p ON p.id = ph.product_id
  JOIN catalog.organizations o ON o.id = ph.organization_id`;

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

  /**
   * Every check runs before a byte is stored; the re-encoded photo and its thumbnail are then stored
   * under fresh keys, and the row commits in one short transaction that checks again under the
   * listing's row lock (which also serialises concurrent uploads, so the count cannot be overrun).
   */
  async add(user: AuthUser, productId: string, bytes: Buffer | undefined): Promise<ProductPhoto> {
    const organizationId = requireEditor(user);
    await inTransaction(this.ds, (m) => this.lockSlot(m, organizationId, productId));
    const image = await storeableImage(bytes, { maxBytes: this.config.photos.maxBytes, maxPixels: this.config.uploads.maxImagePixels, ...PHOTO_SIZES });
    const id = randomUUID();
    const key = `${organizationId}/photos/${id}.${image.ext}`;
    const thumb = thumbnailKey(key);
    const files = [{ key, bytes: image.bytes, contentType: image.type }, { key: thumb, bytes: image.thumbnail.bytes, contentType: 'image/webp' }];
    return storeThenCommit(this.storage, files, () =>
      inTransaction(this.ds, async (m) => {
        const product = await this.lockSlot(m, organizationId, productId);
        const [row] = await m.query<PhotoRow[]>(
          `INSERT INTO catalog.product_photos (id, product_id, organization_id, storage_key, thumbnail_key, content_type, size_bytes, width, height, uploaded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
          [id, product.id, organizationId, key, thumb, image.type, image.bytes.length, image.width, image.height, user.id],
        );
        await recordAudit(m, { actorId: user.id, action: 'product.photo_added', subject: 'PRODUCT', subjectId: product.id, after: { photoId: id } });
        return toPhoto(row);
      }),
    );
  }

  /** The caller's listing, locked, when it may take one more photo: not archived, under the limit, organization not suspended. */
  private async lockSlot(m: EntityManager, organizationId: string, productId: string): Promise<ProductEntity> {
    await requireNotSuspended(m, organizationId);
    const product = await lockOwn(m, organizationId, productId);
    if (product.status === ListingStatus.ARCHIVED) throw listingConflict('listingArchived');
    const [{ n }] = await m.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM catalog.product_photos WHERE product_id = $1`, [product.id]);
    const max = this.config.photos.maxPerProduct;
    if (n >= max) throw badInput('file', 'tooManyPhotos', { max });
    return product;
  }

  /** Removes the row in one transaction, then the bytes (a leftover file is the orphan sweep's, a dangling row would be an error). */
  async remove(user: AuthUser, productId: string, photoId: string): Promise<void> {
    const organizationId = requireEditor(user);
    const row = await inTransaction(this.ds, async (m) => {
      await requireNotSuspended(m, organizationId);
      const product = await lockOwn(m, organizationId, productId);
      if (!isUuid(photoId)) throw notFound('photo');
      // Through a CTE: TypeORM answers a bare DELETE … RETURNING as [rows, count].
      const [gone] = await m.query<PhotoRow[]>(
        `WITH gone AS (DELETE FROM catalog.product_photos WHERE id = $1 AND product_id = $2 RETURNING *) SELECT * FROM gone`,
        [photoId, product.id],
      );
      if (!gone) throw notFound('photo');
      await recordAudit(m, { actorId: user.id, action: 'product.photo_removed', subject: 'PRODUCT', subjectId: product.id, before: { photoId } });
      return gone;
    });
    await deleteReplaced(this.storage, [row.storage_key, row.thumbnail_key]);
  }

  /** A photo's bytes (or its thumbnail's), if the viewer may see its listing; otherwise it does not exist. */
  async open(viewer: AuthUser | null, photoId: string, variant: 'full' | 'thumbnail' = 'full'): Promise<{ contentType: string; stream: Readable; public: boolean }> {
    if (!isUuid(photoId)) throw notFound('photo');
    const [row] = await this.ds.query<(PhotoRow & { public: boolean })[]>(
      `SELECT ph.*, ${PUBLIC_PHOTO} AS public FROM ${PHOTO_WITH_LISTING} WHERE ph.id = $1`,
      [photoId, VerificationStatus.VERIFIED],
    );
    if (!row || (!row.public && !canSeePrivate(viewer, row.organization_id))) throw notFound('photo');
    const thumbnail = variant === 'thumbnail' && row.thumbnail_key;
    const stream = await this.storage.open(thumbnail || row.storage_key).catch((e: unknown) => {
      throw e instanceof StoredFileMissing ? notFound('photo') : e;
    });
    return { contentType: thumbnail ? 'image/webp' : row.content_type, stream, public: row.public };
  }

  /**
   * Photos of listings, oldest (the cover) first, as the viewer may see them: a public listing's to
   * anyone, a private one's to its organization and platform staff, none otherwise (the check is
   * here, not left to whoever resolved the listing). One query per request and viewer.
   */
  loader(viewer: AuthUser | null, ctx: RequestContext): DataLoader<string, ProductPhoto[]> {
    const staff = !!viewer?.platformRole;
    return loader(ctx, `productPhotos:${viewer?.id ?? ''}`, () => new DataLoader<string, ProductPhoto[]>(async (ids) => {
      const rows = await this.ds.query<PhotoRow[]>(
        `SELECT ph.* FROM ${PHOTO_WITH_LISTING}
          WHERE ph.product_id = ANY($1::uuid[]) AND (${PUBLIC_PHOTO} OR ph.organization_id = $3 OR $4)
          ORDER BY ph.created_at, ph.id`,
        [ids, VerificationStatus.VERIFIED, viewer?.organizationId ?? null, staff],
      );
      return ids.map((id) => rows.filter((r) => r.product_id === id).map(toPhoto));
    }));
  }
}
