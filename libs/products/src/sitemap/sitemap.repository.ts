import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Which public pages a sitemap lists: suppliers (`/nha-cung-cap/:id`) and listings (`/san-pham/:id/xem`). */
export type SitemapKind = 'supplier' | 'product';

/**
 * The ids behind the public pages, in id order so that a page of the sitemap stays the same page
 * between two crawls. Public means what the pages themselves show to a visitor: a VERIFIED
 * organization (`organization(id)`), a public listing (`catalog.public_listings`, decision 63).
 */
@Injectable()
export class SitemapRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async count(kind: SitemapKind): Promise<number> {
    const [row] = await this.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${SOURCE[kind]}`);
    return row?.n ?? 0;
  }

  /** One page of ids; `offset` is bounded by the page count the index announced. */
  async ids(kind: SitemapKind, offset: number, limit: number): Promise<string[]> {
    const rows = await this.ds.query<{ id: string }[]>(`SELECT id FROM ${SOURCE[kind]} ORDER BY id OFFSET $1 LIMIT $2`, [offset, limit]);
    return rows.map((r) => r.id);
  }
}

const SOURCE: Record<SitemapKind, string> = {
  supplier: `catalog.organizations WHERE verification = 'VERIFIED'`,
  product: `catalog.public_listings`,
};
