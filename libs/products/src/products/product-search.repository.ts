import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ListingStatus, ProductEntity, ProductSnapshot } from './product.entity';
import {
  planSearch,
  resolveSql,
  type Resolved,
  SEARCH_INDEX_KIND_SQL,
  type SearchCriteria,
  type SearchIndexKind,
  searchSql,
} from './product-search.sql';

export interface SearchHit {
  product: ProductEntity;
  /** The listing's place in the order (reliability, then latest approval), a bigint as a string: the keyset cursor. */
  rank: string;
}

interface Row {
  total: number;
  rank: string | null;
  id: string | null;
  organization_id: string;
  approved: ProductSnapshot;
  currency: string;
  status: ListingStatus;
  created_at: Date;
  updated_at: Date;
}

/** The hot SQL of `searchProducts`, in one place so that its plans are reviewed with it. */
@Injectable()
export class ProductSearchRepository {
  private readonly logger = new Logger('ProductSearch');
  /**
   * The kind of `product_search_doc` (RUM, or the GIN fallback), read once per process at the first
   * search — migrateAll builds the index before the services start. Not in onModuleInit: printing
   * the schema initialises the module without a database.
   */
  private index?: Promise<SearchIndexKind>;

  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  private indexKind(): Promise<SearchIndexKind> {
    this.index ??= this.ds.query<{ kind: string }[]>(SEARCH_INDEX_KIND_SQL).then(([row]) => {
      if (row?.kind !== 'rum' && row?.kind !== 'gin') throw new Error(`catalog.product_search_doc is ${row?.kind ?? 'missing'}: run the migrations`);
      if (row.kind === 'gin') this.logger.warn('product search runs on its GIN fallback, without the RUM index (decision 62)');
      return row.kind;
    });
    // A failed read (the database restarting) is tried again by the next search.
    this.index.catch(() => (this.index = undefined));
    return this.index;
  }

  async search(c: SearchCriteria): Promise<{ hits: SearchHit[]; total: number }> {
    const r = resolveSql(c);
    const [row] = await this.ds.query<Resolved[]>(r.sql, r.params);
    const plan = planSearch(c, row, await this.indexKind());
    if (!plan) return { hits: [], total: 0 };
    const { sql, params } = searchSql(c, plan);
    const rows = await this.ds.query<Row[]>(sql, params);
    const hits = rows
      .filter((x) => x.id !== null)
      .map((x) => ({ rank: x.rank!, product: toEntity(x) }));
    return { hits, total: rows[0]?.total ?? 0 };
  }
}

function toEntity(r: Row): ProductEntity {
  const e = new ProductEntity();
  Object.assign(e, {
    id: r.id,
    organizationId: r.organization_id,
    approved: r.approved,
    currency: r.currency,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
  return e;
}
