import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ListingStatus, ProductEntity, ProductSnapshot } from './product.entity';
import { planSearch, resolveSql, type Resolved, type SearchCriteria, searchSql } from './product-search.sql';

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
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async search(c: SearchCriteria): Promise<{ hits: SearchHit[]; total: number }> {
    const r = resolveSql(c);
    const [row] = await this.ds.query<Resolved[]>(r.sql, r.params);
    const plan = planSearch(c, row);
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
