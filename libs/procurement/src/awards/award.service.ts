import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, requireOrganizationManager } from '@lienket/auth';
import { badInput, DomainError, ErrorCode, isUuid, notFound, trimDecimal, validateInput } from '@lienket/graphql';
import { clock } from '@lienket/reference-data';
import { BidOpening } from '../bids/bid-opening';
import { biddingEnded } from '../bids/bid-deadline';
import { CONTRACT_COLUMNS, ContractRow } from '../contracts/contract-read.service';
import { ContractEvents } from '../contracts/contract-events';
import { NeedEntity, NeedStatus } from '../needs/need.entity';
import { DebriefService } from './debrief.service';
import { awardSchema, closeSchema } from './dto/award.schema';

/** The buyer's OWNER or MANAGER, its organization not suspended (a suspension ends older tokens at once). */
function requireDecider(user: AuthUser): string {
  const buyerOrgId = requireOrganizationManager(user);
  if (user.organizationVerification === 'SUSPENDED') throw new DomainError(ErrorCode.FORBIDDEN, 'organizationSuspendedNeeds');
  return buyerOrgId;
}

interface Check {
  i: number;
  known: boolean;
  fits: boolean;
  max: string | null;
  within: boolean;
  need_quantity: string;
  eligible: boolean;
}

/**
 * Deciding a need after its deadline (decision 111): award one or more opened bids with quantities
 * (one contract per winner), or close without award with a reason every bidder sees. Exactly once:
 * the need is locked FOR UPDATE and its status judged under the lock, and `awards(need_id)` is the
 * backstop. A need still OPEN past its deadline counts as CLOSED (the flip need not have run).
 */
@Injectable()
export class AwardService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly opening: BidOpening,
    private readonly debriefs: DebriefService,
    private readonly events: ContractEvents,
  ) {}

  async award(user: AuthUser, needId: string, awards: unknown): Promise<ContractRow[]> {
    const buyerOrgId = requireDecider(user);
    return this.ds.transaction(async (em) => {
      await this.decidable(em, buyerOrgId, needId);
      const input = validateInput(awardSchema, { awards }).awards;
      input.forEach((a, i) => {
        if (!isUuid(a.bidId)) throw badInput(`awards.${i}.bidId`, 'awardUnknownBid');
        if (input.findIndex((b) => b.bidId.toLowerCase() === a.bidId.toLowerCase()) !== i) throw badInput(`awards.${i}.bidId`, 'awardDuplicateBid');
      });
      await this.opening.open(em, needId);
      const bidIds = input.map((a) => a.bidId.toLowerCase());
      const quantities = input.map((a) => a.quantity);
      await this.judge(em, needId, bidIds, quantities);
      await this.claim(em, needId, user, 'AWARDED', null);
      await em.query(
        `UPDATE procurement.bids SET status = CASE WHEN id = ANY($2::uuid[]) THEN 'AWARDED' ELSE 'NOT_AWARDED' END
          WHERE need_id = $1 AND status = 'SUBMITTED'`,
        [needId, bidIds],
      );
      // round() on numeric rounds half away from zero: half up for these positive totals.
      const contracts = await em.query<ContractRow[]>(
        `INSERT INTO procurement.contracts AS c (need_id, bid_id, buyer_org_id, supplier_org_id, quantity, unit_price, currency, total, promised_date, created_at)
         SELECT $1, l.bid_id, $4, l.supplier_org_id, a.q, l.unit_price, l.currency, round(a.q * l.unit_price), l.delivery_date, $5
           FROM unnest($2::uuid[], $3::numeric[]) AS a (bid, q) JOIN procurement.bid_opening_lines l ON l.bid_id = a.bid
         RETURNING ${CONTRACT_COLUMNS}`,
        [needId, bidIds, quantities, buyerOrgId, clock.now()],
      );
      contracts.sort((a, b) => bidIds.indexOf(a.bid_id) - bidIds.indexOf(b.bid_id));
      for (const c of contracts) {
        await this.events.tell(em, 'need.awarded', this.events.to(c, c.supplier_org_id, `award:${c.id}`), { quantity: trimDecimal(c.quantity), total: c.total });
      }
      await this.tellLosers(em, needId, null);
      return contracts;
    });
  }

  /** Closes the need without award: every live bid NOT_AWARDED, the need CANCELLED, the reason to every bidder. */
  async closeWithoutAward(user: AuthUser, needId: string, raw: unknown): Promise<NeedEntity> {
    const buyerOrgId = requireDecider(user);
    return this.ds.transaction(async (em) => {
      await this.decidable(em, buyerOrgId, needId);
      const { reason } = validateInput(closeSchema, raw);
      await this.opening.open(em, needId);
      await this.claim(em, needId, user, 'NO_AWARD', reason);
      await em.query(`UPDATE procurement.bids SET status = 'NOT_AWARDED' WHERE need_id = $1 AND status = 'SUBMITTED'`, [needId]);
      await em.query(`UPDATE procurement.needs SET status = 'CANCELLED', updated_at = now() WHERE id = $1`, [needId]);
      await this.tellLosers(em, needId, reason);
      return em.getRepository(NeedEntity).findOneByOrFail({ id: needId });
    });
  }

  /** The buyer's need, locked: NOT_FOUND for anyone else's, CONFLICT unless its bidding is over and undecided. */
  private async decidable(em: EntityManager, buyerOrgId: string, needId: string): Promise<void> {
    const [need] = isUuid(needId)
      ? await em.query<{ status: NeedStatus; bid_deadline: Date }[]>(
          `SELECT status, bid_deadline FROM procurement.needs WHERE id = $1 AND buyer_org_id = $2 FOR UPDATE`,
          [needId, buyerOrgId],
        )
      : [];
    if (!need) throw notFound('need');
    if (need.status === NeedStatus.AWARDED || (need.status === NeedStatus.CANCELLED && (await this.decided(em, needId)))) {
      throw new DomainError(ErrorCode.CONFLICT, 'needAlreadyDecided');
    }
    if (need.status !== NeedStatus.OPEN && need.status !== NeedStatus.CLOSED) throw new DomainError(ErrorCode.CONFLICT, 'needNotAwardable');
    if (!biddingEnded({ status: need.status, bidDeadline: need.bid_deadline })) {
      const e = new DomainError(ErrorCode.CONFLICT, 'awardDeadlineNotPassed', { deadline: need.bid_deadline.toISOString() });
      e.reason = 'DEADLINE_NOT_PASSED';
      throw e;
    }
  }

  private async decided(em: EntityManager, needId: string): Promise<boolean> {
    return (await em.query<unknown[]>(`SELECT 1 FROM procurement.awards WHERE need_id = $1`, [needId])).length > 0;
  }

  /** Every award names a live opened bid of this need, within its quantity, and together within the need's. */
  private async judge(em: EntityManager, needId: string, bidIds: string[], quantities: string[]): Promise<void> {
    const checks = await em.query<Check[]>(
      `SELECT a.i::int AS i, l.bid_id IS NOT NULL AS known, coalesce(a.q <= l.quantity, false) AS fits, l.quantity::text AS max,
              sum(a.q) OVER () <= n.quantity AS within, n.quantity::text AS need_quantity,
              coalesce(o.verification = 'VERIFIED', false) AS eligible
         FROM unnest($2::uuid[], $3::numeric[]) WITH ORDINALITY AS a (bid, q, i)
         JOIN procurement.needs n ON n.id = $1
         LEFT JOIN procurement.bid_opening_lines l ON l.bid_id = a.bid AND l.need_id = $1
               AND EXISTS (SELECT 1 FROM procurement.bids b WHERE b.id = l.bid_id AND b.status = 'SUBMITTED')
         LEFT JOIN procurement.organizations o ON o.id = l.supplier_org_id
        ORDER BY a.i`,
      [needId, bidIds, quantities],
    );
    for (const c of checks) {
      const at = c.i - 1;
      if (!c.known) throw badInput(`awards.${at}.bidId`, 'awardUnknownBid');
      if (!c.fits) throw badInput(`awards.${at}.quantity`, 'awardQuantityAboveBid', { max: trimDecimal(c.max!) });
      // Only an organization verified now is awarded: one suspended since it bid is not.
      if (!c.eligible) throw new DomainError(ErrorCode.CONFLICT, 'awardSupplierNotVerified', {}, `awards.${at}.bidId`);
    }
    if (!checks[0].within) throw badInput('awards', 'awardQuantityAboveNeed', { max: trimDecimal(checks[0].need_quantity) });
  }

  /** The decision's row: the backstop of exactly once, whatever the status check saw. */
  private async claim(em: EntityManager, needId: string, user: AuthUser, outcome: 'AWARDED' | 'NO_AWARD', reason: string | null): Promise<void> {
    const claimed = await em.query<unknown[]>(
      `INSERT INTO procurement.awards (need_id, outcome, reason, decided_by, decided_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING need_id`,
      [needId, outcome, reason, user.id, clock.now()],
    );
    if (!claimed.length) throw new DomainError(ErrorCode.CONFLICT, 'needAlreadyDecided');
    if (outcome === 'AWARDED') await em.query(`UPDATE procurement.needs SET status = 'AWARDED', updated_at = now() WHERE id = $1`, [needId]);
  }

  /** Each losing bidder is told, with its debrief when there was an award, or the buyer's reason. */
  private async tellLosers(em: EntityManager, needId: string, reason: string | null): Promise<void> {
    const losers = await em.query<{ id: string; supplier_org_id: string }[]>(
      `SELECT id, supplier_org_id FROM procurement.bids WHERE need_id = $1 AND status = 'NOT_AWARDED' ORDER BY id`,
      [needId],
    );
    const debriefs = await this.debriefs.of(em, losers.map((l) => l.id));
    for (const l of losers) {
      await this.events.tell(
        em,
        'bid.not_awarded',
        { occurrenceId: `not-awarded:${l.id}`, organizationId: l.supplier_org_id, needId, contractId: null },
        { reason, debrief: debriefs.get(l.id) ?? null },
      );
    }
  }
}
