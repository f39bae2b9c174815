import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '@lienket/database';
import { AuthUser, requireOrganizationManager } from '@lienket/auth';
import { badInput, DomainError, ErrorCode, isUuid, notFound, trimDecimal, validateInput } from '@lienket/graphql';
import { clock } from '@lienket/reference-data';
import { inAudience } from '../needs/need-audience';
import { NeedVisibility, PUBLIC_NEED_STATUSES } from '../needs/need.entity';
import { biddingEnded } from './bid-deadline';
import { BidReadService, BidView, CURSOR_AT } from './bid-read.service';
import { BidSealer } from './bid-sealing';
import { BidStatus } from './bid.entity';
import { judgeBidder } from './bidder';
import { BidData, bidSchema } from './dto/bid.schema';
import { OrganizationFacts } from '../events/organization-changed.handler';

/** The need as a bid is judged against, and the version of its row (`xmin`: any change makes another). */
interface LockedNeed {
  buyer_org_id: string;
  visibility: NeedVisibility;
  invited_supplier_ids: string[];
  status: string;
  bid_deadline: Date;
  quantity: string;
  currency: string;
  allow_partial: boolean;
  delivery_from: string;
  delivery_to: string;
  /** The bid's quantity is at most, or exactly, the need's (compared as numeric, exactly). */
  fits: boolean;
  whole: boolean;
  need_version: string;
}

/** With it, in the same statement: the bidder as procurement knows it, and the revision of its live bid. */
interface BidGround extends LockedNeed {
  bidder_kind: OrganizationFacts['kind'] | null;
  bidder_verification: OrganizationFacts['verification'] | null;
  bidder_version: string | null;
  live_revision: number | null;
}

/** A concurrent bid of the same organization took the revision this one was sealed for: run again. */
class RevisionTaken extends Error {}
const ATTEMPTS = 3;

const deadlinePassed = () => new DomainError(ErrorCode.DEADLINE_PASSED, 'bidDeadlinePassed');

/**
 * Submitting, revising and withdrawing sealed bids. Every write holds the need FOR SHARE and judges
 * the deadline by the server's clock: the close (or a deadline change) locks the need FOR UPDATE, so
 * it waits for a bid in flight and a bid waits for it, and nothing is accepted after the deadline.
 * Nothing here reads another organization's bid, so the work and the answers are the same whether
 * or not others have bid.
 */
@Injectable()
export class BidService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly sealer: BidSealer,
    private readonly reads: BidReadService,
  ) {}

  /**
   * The caller organization's first bid on the need, or its next revision (every version kept).
   *
   * Usually two statements and no transaction (decision 138): the need and the bidder's facts read
   * (with the row versions they were read at), judged, then one statement that writes the bid and
   * its sealed revision only if, holding the need's row FOR SHARE, neither the need nor the bidder's
   * facts changed since (same `xmin`), the deadline is still ahead, and the live bid is still the
   * revision it was sealed after. Anything else (a deadline moved, a verification or suspension
   * learned, a concurrent revision by the same organization) runs the locked path below, which
   * judges again with everything locked and gives the precise answer.
   */
  async submit(user: AuthUser, raw: unknown): Promise<BidView> {
    const supplierOrgId = requireOrganizationManager(user);
    const input = validateInput(bidSchema, raw);
    if (!isUuid(input.needId)) throw notFound('need');
    const read = await this.readGround(undefined, input.needId, input.quantity, supplierOrgId, false);
    const { need, now } = judgeGround(user, supplierOrgId, read, input);
    const written = await this.write(undefined, user, supplierOrgId, need.currency, input, now, (need.live_revision ?? 0) + 1, need);
    if (written) return written;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.ds.transaction((em) => this.submitLocked(em, user, supplierOrgId, input, attempt > 1));
      } catch (e) {
        if (!(e instanceof RevisionTaken) || attempt === ATTEMPTS) throw e;
      }
    }
  }

  /**
   * The locked path, in one transaction of four round trips (begin, the need locked with the
   * bidder's facts and its live revision, the write, commit). When a concurrent bid of the same
   * organization took the revision, it runs again with the live bid locked FOR UPDATE after the need
   * (one more statement), so such bids queue on each other.
   */
  private async submitLocked(em: EntityManager, user: AuthUser, supplierOrgId: string, input: BidData, lockLive: boolean): Promise<BidView> {
    const read = await this.readGround(em, input.needId, input.quantity, supplierOrgId, true);
    const { need, now } = judgeGround(user, supplierOrgId, read, input);
    const live = lockLive
      ? (await em.query<{ revision: number }[]>(
          `SELECT revision FROM procurement.bids WHERE need_id = $1 AND supplier_org_id = $2 AND status <> 'WITHDRAWN' FOR UPDATE`,
          [input.needId, supplierOrgId],
        ))[0]?.revision
      : need.live_revision;
    const written = await this.write(em, user, supplierOrgId, need.currency, input, now, (live ?? 0) + 1);
    if (!written) throw new RevisionTaken();
    return written;
  }

  /** Withdraws the caller organization's live bid before the deadline; it may bid again afterwards. */
  async withdraw(user: AuthUser, id: string): Promise<BidView> {
    const supplierOrgId = requireOrganizationManager(user);
    if (!isUuid(id)) throw notFound('bid');
    return this.ds.transaction(async (em) => {
      // Need first, then bid: the same order as submit, so the two never wait on each other in a cycle.
      const [owned] = await em.query<{ need_id: string }[]>(`SELECT need_id FROM procurement.bids WHERE id = $1 AND supplier_org_id = $2`, [id, supplierOrgId]);
      if (!owned) throw notFound('bid');
      const need = await this.readGround(em, owned.need_id, '1', undefined, true);
      if (!need || biddingEnded({ status: need.status, bidDeadline: need.bid_deadline })) throw deadlinePassed();
      const [bid] = await em.query<{ status: BidStatus }[]>(`SELECT status FROM procurement.bids WHERE id = $1 FOR UPDATE`, [id]);
      if (bid.status !== BidStatus.SUBMITTED) throw new DomainError(ErrorCode.CONFLICT, 'bidNotWithdrawable');
      await em.query(`UPDATE procurement.bids SET status = 'WITHDRAWN', withdrawn_at = $2 WHERE id = $1`, [id, clock.now()]);
      const [view] = await this.reads.own(em, supplierOrgId, { bidId: id });
      return view;
    });
  }

  /**
   * The live bid's next revision (the first, if none is live) and its sealed content, in one
   * statement; undefined when the live bid is not at the revision before (a concurrent bid of the
   * same organization moved it). With `unchanged`, also undefined unless, holding the need FOR SHARE,
   * the need and the bidder's facts are the rows judged and the deadline is still ahead.
   */
  private async write(
    em: EntityManager | undefined,
    user: AuthUser,
    supplierOrgId: string,
    currency: string,
    input: BidData,
    now: Date,
    revision: number,
    unchanged?: Pick<BidGround, 'need_version' | 'bidder_version'>,
  ): Promise<BidView | undefined> {
    const content = { unitPrice: input.unitPrice.amount, quantity: input.quantity, deliveryDate: input.deliveryDate, note: input.note };
    const sealed = this.sealer.seal(content, { needId: input.needId, supplierOrgId, revision });
    const params: unknown[] = [input.needId, supplierOrgId, now, user.id, sealed, revision];
    const guard = unchanged
      ? `SELECT 1 FROM procurement.needs n
          WHERE n.id = $1 AND n.xmin = $7::xid AND n.status = 'OPEN' AND n.bid_deadline > $3
            AND (SELECT o.xmin FROM procurement.organizations o WHERE o.id = $2) = $8::xid
          FOR SHARE OF n`
      : 'SELECT 1';
    if (unchanged) params.push(unchanged.need_version, unchanged.bidder_version);
    // A first bid only where none is live; a revision only of the live bid at the revision before.
    const upsert =
      revision === 1
        ? `INSERT INTO procurement.bids (need_id, supplier_org_id, submitted_at, revision) SELECT $1, $2, $3, $6 FROM n
           ON CONFLICT (need_id, supplier_org_id) WHERE status <> 'WITHDRAWN' DO NOTHING`
        : `UPDATE procurement.bids SET revision = revision + 1, submitted_at = $3 FROM n
            WHERE need_id = $1 AND supplier_org_id = $2 AND status <> 'WITHDRAWN' AND revision = $6 - 1`;
    const [bid] = await this.run<{ id: string; revision: number; status: BidStatus; cursor_at: string }>(
      em,
      `WITH n AS (${guard}),
       b AS (${upsert} RETURNING id, revision, status, ${CURSOR_AT}),
       r AS (INSERT INTO procurement.bid_revisions (bid_id, revision, submitted_by, submitted_at, sealed)
             SELECT id, revision, $4, $3, $5 FROM b)
       SELECT * FROM b`,
      params,
    );
    if (!bid) return undefined;
    // The answer is what was just written: no second read (this is the hot path of a closing minute).
    return {
      id: bid.id,
      needId: input.needId,
      supplierOrgId,
      status: bid.status,
      revision: bid.revision,
      submittedAt: now,
      currency,
      content,
      key: [bid.cursor_at, bid.id],
    };
  }

  /** In the transaction of `em`; without one, as a prepared statement of the pool (the unlocked path's two). */
  private run<T>(em: EntityManager | undefined, text: string, values: unknown[]): Promise<T[]> {
    return em ? em.query<T[]>(text, values) : preparedQuery<T>(this.ds, text, values);
  }

  /**
   * The need (FOR SHARE when `lock`), the version of its row; with a bidder given, the bidder's
   * facts as procurement knows them, their row's version, and the revision of its live bid.
   */
  private async readGround(em: EntityManager | undefined, needId: string, quantity: string, bidderOrgId: string | undefined, lock: boolean): Promise<BidGround | undefined> {
    const withBidder = bidderOrgId !== undefined;
    const [need] = await this.run<BidGround>(
      em,
      `SELECT n.buyer_org_id, n.visibility, n.invited_supplier_ids, n.status, n.bid_deadline, n.quantity::text, n.currency, n.allow_partial,
              n.delivery_from::text, n.delivery_to::text, $2::numeric <= n.quantity AS fits, $2::numeric = n.quantity AS whole, n.xmin::text AS need_version
              ${withBidder ? `, o.kind AS bidder_kind, o.verification AS bidder_verification, o.xmin::text AS bidder_version,
              (SELECT b.revision FROM procurement.bids b WHERE b.need_id = n.id AND b.supplier_org_id = $3 AND b.status <> 'WITHDRAWN') AS live_revision` : ''}
         FROM procurement.needs n ${withBidder ? 'LEFT JOIN procurement.organizations o ON o.id = $3' : ''}
        WHERE n.id = $1 ${lock ? 'FOR SHARE OF n' : ''}`,
      bidderOrgId === undefined ? [needId, quantity] : [needId, quantity, bidderOrgId],
    );
    return need;
  }
}

/**
 * Whether this organization may bid this on the need as read: the need readable to it and open, the
 * bidder allowed, the bid within the need. Throws the refusal; otherwise the need and the moment judged at.
 */
function judgeGround(user: AuthUser, supplierOrgId: string, need: BidGround | undefined, input: BidData): { need: BidGround; now: Date } {
  // Anything not public (a draft, a need in review, a cancelled one) does not exist to a bidder,
  // nor does an INVITED need to a supplier it does not invite.
  if (!need || !PUBLIC_NEED_STATUSES.includes(need.status as never)) throw notFound('need');
  if (!inAudience(user, { visibility: need.visibility, buyerOrgId: need.buyer_org_id, invitedSupplierIds: need.invited_supplier_ids })) throw notFound('need');
  if (need.buyer_org_id === supplierOrgId) throw new DomainError(ErrorCode.FORBIDDEN, 'bidOwnNeed');
  judgeBidder(user, need.bidder_kind && need.bidder_verification ? { kind: need.bidder_kind, verification: need.bidder_verification } : null);
  const now = clock.now();
  if (biddingEnded({ status: need.status, bidDeadline: need.bid_deadline })) throw deadlinePassed();
  judge(need, input);
  return { need, now };
}

/** The bid against its need: quantity within it (whole unless partial bids are allowed), the window, the currency. */
function judge(need: LockedNeed, input: BidData): void {
  if (!need.fits) throw badInput('quantity', 'bidQuantityAboveNeed', { max: trimDecimal(need.quantity) });
  if (!need.allow_partial && !need.whole) throw badInput('quantity', 'bidPartialNotAllowed', { quantity: trimDecimal(need.quantity) });
  if (input.deliveryDate < need.delivery_from || input.deliveryDate > need.delivery_to) {
    throw badInput('deliveryDate', 'bidDeliveryOutsideWindow', { from: need.delivery_from, to: need.delivery_to });
  }
  if (input.unitPrice.currency !== need.currency) throw badInput('unitPrice.currency', 'currencyVnd');
}
