import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HandlesJob, JobHandler, JobPayloads } from '@lienket/queue';
import { MatchRunner } from './match-runner';

/**
 * The matcher's read model, fed only by events (decision 141). Each upsert keeps the row of the
 * highest version, so a repeated or late event changes nothing: consumers are idempotent and
 * tolerate any order. Replaying every event yields the same tables.
 */
@Injectable()
@HandlesJob('organization.changed')
export class SupplierChangedHandler implements JobHandler<'organization.changed'> {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly runner: MatchRunner,
  ) {}

  async handle(p: JobPayloads['organization.changed']): Promise<void> {
    const changed = await this.ds.query<unknown[]>(
      `INSERT INTO matching.suppliers AS s (organization_id, kind, name, verification, province_code, version)
       VALUES ($1, $2, $3, $4, $5, $6::bigint)
       ON CONFLICT (organization_id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, verification = EXCLUDED.verification,
              province_code = COALESCE(EXCLUDED.province_code, s.province_code), version = EXCLUDED.version
        WHERE s.version < EXCLUDED.version RETURNING 1`,
      [p.organizationId, p.kind, p.name, p.verification, p.provinceCode ?? null, p.version],
    );
    // Verified, suspended or moved: the open needs its listings fit are ranked again.
    if (changed.length && p.kind === 'COOPERATIVE') await this.runner.rematchFor({ organizationId: p.organizationId });
  }
}

@Injectable()
@HandlesJob('listing.changed')
export class ListingChangedHandler implements JobHandler<'listing.changed'> {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly runner: MatchRunner,
  ) {}

  async handle(p: JobPayloads['listing.changed']): Promise<void> {
    const changed = await this.ds.query<unknown[]>(
      `INSERT INTO matching.offers AS o (listing_id, organization_id, status, category_code, unit_code, monthly_capacity, harvest_months,
                                         certifications, price_min, price_max, price_unit_code, version)
       VALUES ($1, $2, $3, $4, $5, $6::numeric, $7::smallint[], $8::jsonb, $9::numeric, $10::numeric, $11, $12::bigint)
       ON CONFLICT (listing_id) DO UPDATE SET organization_id = EXCLUDED.organization_id, status = EXCLUDED.status,
              category_code = EXCLUDED.category_code, unit_code = EXCLUDED.unit_code, monthly_capacity = EXCLUDED.monthly_capacity,
              harvest_months = EXCLUDED.harvest_months, certifications = EXCLUDED.certifications, price_min = EXCLUDED.price_min,
              price_max = EXCLUDED.price_max, price_unit_code = EXCLUDED.price_unit_code, version = EXCLUDED.version
        WHERE o.version < EXCLUDED.version RETURNING 1`,
      [
        p.listingId,
        p.organizationId,
        p.status,
        p.categoryCode,
        p.unitCode,
        p.monthlyCapacity,
        p.harvestMonths,
        JSON.stringify(p.certifications),
        p.priceMin,
        p.priceMax,
        p.priceUnitCode,
        p.version,
      ],
    );
    // A listing approved, changed or archived: the open needs of its chapter are ranked again.
    if (changed.length) await this.runner.rematchFor({ categoryCode: p.categoryCode });
  }
}

@Injectable()
@HandlesJob('need.opened')
export class NeedOpenedHandler implements JobHandler<'need.opened'> {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly runner: MatchRunner,
  ) {}

  /** Stored once (a need opens once), then matched; a retried job matches again and stores the same. */
  async handle(p: JobPayloads['need.opened']): Promise<void> {
    await this.ds.query(
      `INSERT INTO matching.needs (need_id, buyer_org_id, spec) VALUES ($1, $2, $3::jsonb) ON CONFLICT (need_id) DO NOTHING`,
      [p.needId, p.buyerOrgId, JSON.stringify(p)],
    );
    await this.runner.match(p);
  }
}
