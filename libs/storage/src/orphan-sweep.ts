import { Inject, Injectable, Logger, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { HandlesJob, JobHandler } from '@lienket/queue';
import { FileStorage } from './file.storage';
import { FileStorageModule } from './storage.module';

/**
 * The keys, among those given, that no row points at: documents, listing photos and their
 * thumbnails, logos and their thumbnails, needs' attachments and their thumbnails (procurement's
 * table, column grant to the worker). Each lookup is by a unique index (an organization's logo by
 * its primary key, which the key's first segment names).
 */
const UNREFERENCED = `
  SELECT k AS key FROM unnest($1::text[]) AS k
   WHERE NOT EXISTS (SELECT 1 FROM catalog.documents d WHERE d.storage_key = k)
     AND NOT EXISTS (SELECT 1 FROM catalog.product_photos p WHERE p.storage_key = k)
     AND NOT EXISTS (SELECT 1 FROM catalog.product_photos p WHERE p.thumbnail_key = k)
     AND NOT EXISTS (SELECT 1 FROM catalog.organizations o
                      WHERE o.id = split_part(k, '/', 1)::uuid AND k IN (o.logo_key, o.logo_thumbnail_key))
     AND NOT EXISTS (SELECT 1 FROM procurement.need_attachments a WHERE a.storage_key = k)
     AND NOT EXISTS (SELECT 1 FROM procurement.need_attachments a WHERE a.thumbnail_key = k)`;

/**
 * Uploads store their bytes first and commit the row after, in a short transaction that holds no
 * lock across the storage call; a crash or a refused insert in between, or a failed delete after a
 * row went, leaves bytes nothing points at. This sweep removes them once older than the grace
 * period, which is far longer than any upload takes between storing and committing, so an upload
 * in flight is never touched. It runs in the worker (the matcher) as a scheduled job; it reads the
 * key columns only, of catalog's and procurement's tables (docs/decisions.md 61).
 */
@Injectable()
@HandlesJob('uploads.orphan_sweep')
export class OrphanSweepHandler implements JobHandler<'uploads.orphan_sweep'> {
  private readonly logger = new Logger('OrphanSweep');

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(FileStorage) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(): Promise<void> {
    const cutoff = Date.now() - this.config.uploads.orphanGraceSeconds * 1000;
    let removed = 0;
    for await (const page of this.storage.list()) {
      const old = page.filter((o) => o.modified.getTime() < cutoff).map((o) => o.key);
      if (!old.length) continue;
      const orphans = await this.ds.query<{ key: string }[]>(UNREFERENCED, [old]);
      for (const { key } of orphans) await this.storage.delete(key);
      removed += orphans.length;
    }
    if (removed) this.logger.log(`removed ${removed} stored file(s) no row points at`);
  }
}

/** The sweep with its storage, for the worker process. */
@Module({ imports: [FileStorageModule], providers: [OrphanSweepHandler] })
export class OrphanSweepModule {}
