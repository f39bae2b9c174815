import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { loader, RequestContext } from '@lienket/auth';
import { BidDebrief } from '@lienket/queue';

/**
 * Debriefs (decision 114): how a losing bid ranked against the awarded ones, from the opening record
 * and the contracts. Ranks count the awarded bids that were cheaper (earlier) plus one; the gaps are
 * to the cheapest awarded price in whole percent (rounded half away from zero) and to the earliest
 * awarded delivery date in days, negative when the losing bid was better on that count. No other
 * bidder's identity or exact price is in it.
 */
@Injectable()
export class DebriefService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** Debriefs of the given NOT_AWARDED bids (bids that were not, or whose need had no award, are absent). */
  async of(em: EntityManager, bidIds: readonly string[]): Promise<Map<string, BidDebrief>> {
    const rows = await em.query<(BidDebrief & { bid_id: string })[]>(
      `WITH me AS (SELECT l.bid_id, l.need_id, l.unit_price, l.delivery_date FROM procurement.bid_opening_lines l
                     JOIN procurement.bids b ON b.id = l.bid_id WHERE l.bid_id = ANY($1::uuid[]) AND b.status = 'NOT_AWARDED'),
            won AS (SELECT c.need_id, w.unit_price, w.delivery_date FROM procurement.contracts c
                     JOIN procurement.bid_opening_lines w ON w.bid_id = c.bid_id WHERE c.need_id IN (SELECT need_id FROM me))
       SELECT me.bid_id,
              (1 + count(*) FILTER (WHERE won.unit_price < me.unit_price))::int AS "priceRank",
              round((me.unit_price - min(won.unit_price)) * 100 / min(won.unit_price))::int AS "priceGapPercent",
              (1 + count(*) FILTER (WHERE won.delivery_date < me.delivery_date))::int AS "deliveryRank",
              (me.delivery_date - min(won.delivery_date))::int AS "deliveryGapDays",
              count(*)::int AS "awardedCount",
              (SELECT count(*) FROM procurement.bid_opening_lines t WHERE t.need_id = me.need_id)::int AS "totalBids"
         FROM me JOIN won ON won.need_id = me.need_id
        GROUP BY me.bid_id, me.need_id, me.unit_price, me.delivery_date`,
      [bidIds],
    );
    return new Map(rows.map(({ bid_id, ...d }) => [bid_id, d]));
  }

  /** `Bid.debrief` for a page of bids, one statement. */
  loader(ctx: RequestContext): DataLoader<string, BidDebrief | null> {
    return loader(ctx, 'debriefs', () => new DataLoader<string, BidDebrief | null>(async (ids) => {
      const byBid = await this.of(this.ds.manager, ids);
      return ids.map((id) => byBid.get(id) ?? null);
    }));
  }
}
