import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { loader, RequestContext } from '@lienket/auth';
import { isUuid } from '@lienket/graphql';
import { OrganizationRef, organizationRef } from '../shared/organization-ref.type';
import { Reliability } from './reliability.type';

/** Nothing has been recorded yet: an organization without a record. */
export const NO_RECORD: Reliability = { completedContracts: 0, onTimeRate: null, fillRate: null, averageRating: null, repeatBuyers: 0, receiptPunctuality: null };

/** Receipts confirmed within this long of their shipment count as punctual (decision 117). */
export const PUNCTUAL_RECEIPT = '3 days';

/**
 * Track records come from completed contracts only (decision 117), computed on read by one grouped
 * statement for every organization of a request (a DataLoader): always exact, nothing to keep in
 * step. Contracts exist only between verified organizations (bidders and buyers are), and an id
 * without completed contracts — unknown, unverified or hidden — answers exactly as every other
 * such id (NO_RECORD), so `_entities` here tells neither whether an organization exists nor its
 * verification, and never its name or tax code (this subgraph has neither).
 */
@Injectable()
export class ReliabilityService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** A reference to an organization by id; anything that cannot be an id resolves to nothing. */
  reference(id: string): OrganizationRef | null {
    return isUuid(id) ? organizationRef(id) : null;
  }

  forOrganization(ctx: RequestContext, organizationId: string): Promise<Reliability> {
    return loader(ctx, 'reliability', () => new DataLoader<string, Reliability>((ids) => this.records(ids))).load(organizationId);
  }

  private async records(ids: readonly string[]): Promise<Reliability[]> {
    const rows = await this.ds.query<(Reliability & { org: string })[]>(
      `WITH orgs AS (SELECT DISTINCT unnest($1::uuid[]) AS org),
            done AS (SELECT id, buyer_org_id, supplier_org_id, quantity FROM procurement.contracts
                      WHERE status = 'COMPLETED' AND (buyer_org_id = ANY($1::uuid[]) OR supplier_org_id = ANY($1::uuid[])))
       SELECT o.org,
              (SELECT count(*) FROM done d WHERE o.org IN (d.buyer_org_id, d.supplier_org_id))::int AS "completedContracts",
              (SELECT avg(s.on_time::int) FROM done d JOIN procurement.shipments s ON s.contract_id = d.id WHERE d.supplier_org_id = o.org)::float8 AS "onTimeRate",
              ((SELECT sum(s.accepted_quantity) FROM done d JOIN procurement.shipments s ON s.contract_id = d.id WHERE d.supplier_org_id = o.org)
                / nullif((SELECT sum(d.quantity) FROM done d WHERE d.supplier_org_id = o.org), 0))::float8 AS "fillRate",
              (SELECT avg(r.rating) FROM procurement.contract_reviews r JOIN done d ON d.id = r.contract_id WHERE r.reviewee_org_id = o.org)::float8 AS "averageRating",
              (SELECT count(*) FROM (SELECT 1 FROM done d WHERE d.supplier_org_id = o.org GROUP BY d.buyer_org_id HAVING count(*) >= 2) x)::int AS "repeatBuyers",
              (SELECT avg((s.received_at <= s.shipped_at + interval '${PUNCTUAL_RECEIPT}')::int) FROM done d
                 JOIN procurement.shipments s ON s.contract_id = d.id WHERE d.buyer_org_id = o.org)::float8 AS "receiptPunctuality"
         FROM orgs o`,
      [ids.filter(isUuid)],
    );
    return ids.map((id) => {
      const r = rows.find((x) => x.org === id);
      return r ? { ...NO_RECORD, ...strip(r) } : NO_RECORD;
    });
  }
}

const strip = ({ org: _org, ...r }: Reliability & { org: string }): Reliability => r;
