import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, requireOrganizationManager } from '@lienket/auth';
import { badInput, DomainError, ErrorCode, isUuid, notFound, trimDecimal, validateInput } from '@lienket/graphql';
import { clock } from '@lienket/reference-data';
import { inAudience } from '../needs/need-audience';
import { NeedVisibility, PUBLIC_NEED_STATUSES } from '../needs/need.entity';
import { biddingEnded } from './bid-deadline';
import { BidReadService, BidView, CURSOR_AT } from './bid-read.service';
import { BidSealer } from './bid-sealing';
import { BidStatus } from './bid.entity';
import { requireBidder } from './bidder';
import { BidData, bidSchema } from './dto/bid.schema';

/** The need as a bid is judged against, read with the row locked FOR SHARE. */
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
}

const deadlinePassed = () => new DomainError(ErrorCode.DEADLINE_PASSED, 'bidDeadlinePassed');

/**
 * Submitting, revising and withdrawing sealed bids. Each runs in one transaction that first locks the
 * need FOR SHARE and judges the deadline by the server's clock inside it: the close (or a deadline
 * extension) locks the need FOR UPDATE, so it waits for a bid in flight and a bid waits for it, and
 * nothing is accepted after the deadline. Nothing here reads another organization's bid, so the
 * work and the answers are the same whether or not others have bid.
 */
@Injectable()
export class BidService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly sealer: BidSealer,
    private readonly reads: BidReadService,
  ) {}

  /** The caller organization's first bid on the need, or its next revision (every version kept). */
  async submit(user: AuthUser, raw: unknown): Promise<BidView> {
    requireOrganizationManager(user);
    const input = validateInput(bidSchema, raw);
    if (!isUuid(input.needId)) throw notFound('need');
    return this.ds.transaction(async (em) => {
      const need = await this.lockNeed(em, input.needId, input.quantity);
      // Anything not public (a draft, a need in review, a cancelled one) does not exist to a bidder,
      // nor does an INVITED need to a supplier it does not invite.
      if (!need || !PUBLIC_NEED_STATUSES.includes(need.status as never)) throw notFound('need');
      if (!inAudience(user, { visibility: need.visibility, buyerOrgId: need.buyer_org_id, invitedSupplierIds: need.invited_supplier_ids })) throw notFound('need');
      if (need.buyer_org_id === user.organizationId) throw new DomainError(ErrorCode.FORBIDDEN, 'bidOwnNeed');
      const supplierOrgId = await requireBidder(em, user);
      const now = clock.now();
      if (biddingEnded({ status: need.status, bidDeadline: need.bid_deadline })) throw deadlinePassed();
      judge(need, input);
      return this.write(em, user, supplierOrgId, need.currency, input, now);
    });
  }

  /** Withdraws the caller organization's live bid before the deadline; it may bid again afterwards. */
  async withdraw(user: AuthUser, id: string): Promise<BidView> {
    const supplierOrgId = requireOrganizationManager(user);
    if (!isUuid(id)) throw notFound('bid');
    return this.ds.transaction(async (em) => {
      // Need first, then bid: the same order as submit, so the two never wait on each other in a cycle.
      const [owned] = await em.query<{ need_id: string }[]>(`SELECT need_id FROM procurement.bids WHERE id = $1 AND supplier_org_id = $2`, [id, supplierOrgId]);
      if (!owned) throw notFound('bid');
      const need = await this.lockNeed(em, owned.need_id, '1');
      if (!need || biddingEnded({ status: need.status, bidDeadline: need.bid_deadline })) throw deadlinePassed();
      const [bid] = await em.query<{ status: BidStatus }[]>(`SELECT status FROM procurement.bids WHERE id = $1 FOR UPDATE`, [id]);
      if (bid.status !== BidStatus.SUBMITTED) throw new DomainError(ErrorCode.CONFLICT, 'bidNotWithdrawable');
      await em.query(`UPDATE procurement.bids SET status = 'WITHDRAWN', withdrawn_at = $2 WHERE id = $1`, [id, clock.now()]);
      const [view] = await this.reads.own(em, supplierOrgId, { bidId: id });
      return view;
    });
  }

  /** The live bid's next revision (the first, if none is live) and its sealed content. */
  private async write(em: EntityManager, user: AuthUser, supplierOrgId: string, currency: string, input: BidData, now: Date): Promise<BidView> {
    const [bid] = await em.query<{ id: string; revision: number; status: BidStatus; cursor_at: string }[]>(
      `INSERT INTO procurement.bids AS b (need_id, supplier_org_id, submitted_at) VALUES ($1, $2, $3)
       ON CONFLICT (need_id, supplier_org_id) WHERE status <> 'WITHDRAWN'
       DO UPDATE SET revision = b.revision + 1, submitted_at = EXCLUDED.submitted_at
       RETURNING id, revision, status, ${CURSOR_AT}`,
      [input.needId, supplierOrgId, now],
    );
    const content = { unitPrice: input.unitPrice.amount, quantity: input.quantity, deliveryDate: input.deliveryDate, note: input.note };
    const sealed = this.sealer.seal(content, { needId: input.needId, supplierOrgId, revision: bid.revision });
    await em.query(
      `INSERT INTO procurement.bid_revisions (bid_id, revision, submitted_by, submitted_at, sealed) VALUES ($1, $2, $3, $4, $5)`,
      [bid.id, bid.revision, user.id, now, sealed],
    );
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

  private async lockNeed(em: EntityManager, needId: string, quantity: string): Promise<LockedNeed | undefined> {
    const [need] = await em.query<LockedNeed[]>(
      `SELECT buyer_org_id, visibility, invited_supplier_ids, status, bid_deadline, quantity::text, currency, allow_partial,
              delivery_from::text, delivery_to::text, $2::numeric <= quantity AS fits, $2::numeric = quantity AS whole
         FROM procurement.needs WHERE id = $1 FOR SHARE`,
      [needId, quantity],
    );
    return need;
  }
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
