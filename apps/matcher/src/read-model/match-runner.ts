import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MatchIndex, NeedSpec, Offer, SupplierRecord } from '@lienket/matching';
import { findCategory, findUnit, provinceDistanceKm } from '@lienket/reference-data';
import { JobPayloads } from '@lienket/queue';

/** How many ranked suppliers are stored per need. */
export const MATCHES_PER_NEED = 20;

interface OfferRow {
  listing_id: string;
  organization_id: string;
  category_code: string;
  unit_code: string;
  monthly_capacity: string;
  harvest_months: number[];
  certifications: { kind: string; validUntil: string | null }[];
  price_min: string | null;
  price_max: string | null;
  price_unit_code: string | null;
  province_code: string | null;
}

const factor = (unitCode: string | null | undefined) => Number(findUnit(unitCode ?? '')?.factor ?? NaN);
const baseOf = (unitCode: string) => findUnit(unitCode)?.baseCode ?? unitCode;
const perBase = (price: string | null, unitCode: string | null) => (price === null ? null : Number(price) / factor(unitCode));

/**
 * Ranks the suppliers of a need and stores the ranking (decision 141). Candidates come from the read
 * model by SQL — approved listings in the need's chapter of verified cooperatives other than the
 * buyer — and are scored in Node by @lienket/matching; the stored set is replaced as a whole, so a
 * retried job stores the same ranking once.
 */
@Injectable()
export class MatchRunner {
  private readonly logger = new Logger(MatchRunner.name);

  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /**
   * Ranks again the needs still open for bids that a change may concern: those of a chapter (a
   * listing changed) or those fitting any listing of an organization (a supplier changed). Events
   * of one queue may be handled in any order, so a need opened just before a listing's approval
   * reached the model is ranked again when it does.
   */
  async rematchFor(changed: { categoryCode: string } | { organizationId: string }): Promise<void> {
    const needs = await this.ds.query<{ spec: JobPayloads['need.opened'] }[]>(
      'categoryCode' in changed
        ? `SELECT spec FROM matching.needs WHERE (spec->>'bidDeadline')::timestamptz > now() AND left(spec->>'categoryCode', 2) = left($1, 2)`
        : `SELECT n.spec FROM matching.needs n WHERE (n.spec->>'bidDeadline')::timestamptz > now()
              AND EXISTS (SELECT 1 FROM matching.offers o WHERE o.organization_id = $1 AND left(o.category_code, 2) = left(n.spec->>'categoryCode', 2))`,
      ['categoryCode' in changed ? changed.categoryCode : changed.organizationId],
    );
    for (const { spec } of needs) await this.match(spec);
  }

  async match(p: JobPayloads['need.opened']): Promise<number> {
    const rows = await this.ds.query<OfferRow[]>(
      `SELECT o.listing_id, o.organization_id, o.category_code, o.unit_code, o.monthly_capacity::text, o.harvest_months, o.certifications,
              o.price_min::text, o.price_max::text, o.price_unit_code, s.province_code
         FROM matching.offers o JOIN matching.suppliers s ON s.organization_id = o.organization_id
        WHERE o.status = 'APPROVED' AND left(o.category_code, 2) = left($1, 2)
          AND s.kind = 'COOPERATIVE' AND s.verification = 'VERIFIED' AND s.province_code IS NOT NULL AND s.organization_id <> $2`,
      [p.categoryCode, p.buyerOrgId],
    );
    const base = baseOf(p.unitCode);
    const offers: Offer[] = rows
      .filter((r) => baseOf(r.unit_code) === base)
      .map((r) => ({
        listingId: r.listing_id,
        organizationId: r.organization_id,
        headingCode: r.category_code.slice(0, 4),
        provinceCode: r.province_code!,
        baseUnit: base,
        monthlyCapacity: Number(r.monthly_capacity) * factor(r.unit_code),
        harvestMonths: r.harvest_months,
        certifications: r.certifications.map((c) => ({ code: c.kind, validUntil: c.validUntil })),
        priceMin: perBase(r.price_min, r.price_unit_code ?? r.unit_code),
        priceMax: perBase(r.price_max, r.price_unit_code ?? r.unit_code),
      }));
    const suppliers = new Map<string, SupplierRecord>();
    for (const o of offers) {
      suppliers.set(o.organizationId, {
        organizationId: o.organizationId,
        provinceCode: o.provinceCode,
        suspended: false,
        // Track records arrive with the contract events (not yet relayed here): everyone is a newcomer.
        track: { completedContracts: 0, onTimeRate: null, fillRate: null, averageRating: null, contractsByBuyer: {} },
      });
    }
    const need: NeedSpec = {
      needId: p.needId,
      buyerOrgId: p.buyerOrgId,
      categoryCode: p.categoryCode,
      quantity: Number(p.quantity) * factor(p.unitCode),
      baseUnit: base,
      deliveryFrom: p.deliveryFrom,
      deliveryTo: p.deliveryTo,
      provinceCode: p.deliveryProvinceCode,
      requiredCertifications: p.requiredCertifications,
      targetUnitPrice: perBase(p.targetUnitPrice, p.unitCode),
    };
    const index = new MatchIndex({
      distanceKm: (a, b) => provinceDistanceKm(a, b) ?? 0,
      labels: { category: findCategory, unit: findUnit },
    });
    for (const s of suppliers.values()) index.upsertSupplier(s);
    for (const o of offers) index.upsertOffer(o);
    const ranked = index.top(need, MATCHES_PER_NEED);
    await this.ds.transaction(async (em) => {
      await em.query(`DELETE FROM matching.matches WHERE need_id = $1`, [p.needId]);
      for (const [i, m] of ranked.entries()) {
        await em.query(
          `INSERT INTO matching.matches (need_id, organization_id, listing_id, rank, score, coverage, reasons) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
          [p.needId, m.organizationId, m.listingId, i + 1, m.score, m.coverage, JSON.stringify(m.reasons)],
        );
      }
      await em.query(`UPDATE matching.needs SET matched_at = now() WHERE need_id = $1`, [p.needId]);
    });
    this.logger.log(`need ${p.needId}: ${ranked.length} suppliers ranked of ${offers.length} listings`);
    return ranked.length;
  }
}
