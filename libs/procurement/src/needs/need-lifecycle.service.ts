import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuthUser, requireOrganizationManager } from '@lienket/auth';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { badInput, DomainError, ErrorCode, forbidden, isUuid, notFound, text, validateInput } from '@lienket/graphql';
import { clock } from '@lienket/reference-data';
import { organizationFacts } from '../events/organization-changed.handler';
import { checkInvitees, tellOpened } from './need-audience';
import { closeDueNeeds, isPastDeadline, NeedDeadlineScheduler } from './need-clock';
import { NeedEntity, NeedStatus } from './need.entity';

const cancelSchema = z.object({ reason: text(500) });
const rejectSchema = z.object({ reason: text(1000) });
const CANCELLABLE: readonly NeedStatus[] = [NeedStatus.DRAFT, NeedStatus.PENDING_REVIEW, NeedStatus.OPEN];

/** A need waiting for a moderator, as catalog's moderation queue lists it (the internal route's answer). */
export interface PendingNeed {
  id: string;
  title: string;
  buyerName: string | null;
  provinceCode: string;
  submittedAt: string;
}

/** A moderator's decision on a need, as procurement applied it (the internal route's answer). */
export interface NeedDecision {
  id: string;
  title: string;
  buyerOrgId: string;
  status: 'OPEN' | 'REJECTED';
  submittedAt: string;
}

/**
 * A need's way from draft to market: submit (to review, or open at once for a trusted buyer), the
 * moderator's decision (through catalog's internal call), cancel. Verification is judged by
 * procurement's copy of catalog's facts, not by the caller's token. Opening schedules the deadline
 * and tells the invited suppliers (in the opening's transaction, through the outbox).
 */
@Injectable()
export class NeedLifecycleService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deadlines: NeedDeadlineScheduler,
  ) {}

  /** DRAFT → PENDING_REVIEW, or OPEN for a trusted buyer; only a buyer VERIFIED now submits. */
  async submit(user: AuthUser, id: string): Promise<NeedEntity> {
    const buyerOrgId = requireNeedManager(user);
    const need = await this.ds.transaction(async (em) => {
      const row = await lockOwn(em, id, buyerOrgId);
      if (row.status !== NeedStatus.DRAFT) throw new DomainError(ErrorCode.CONFLICT, 'needNotSubmittable', { status: row.status });
      const facts = await organizationFacts(em, buyerOrgId);
      if (facts?.verification === 'SUSPENDED') throw forbidden('organizationSuspendedNeeds');
      // Not yet known (the event is on its way) or not verified: the same refusal, worded for both.
      if (facts?.verification !== 'VERIFIED') throw forbidden('organizationNotVerifiedYet');
      const now = clock.now();
      this.requireWindow(row.bidDeadline, now, () => badInput('bidDeadline', 'deadlineTooSoon', { minutes: this.windowMinutes() }));
      // Judged again: a supplier invited by a draft (a reorder's, say) may have been suspended since.
      await checkInvitees(em, buyerOrgId, row.visibility, row.invitedSupplierIds);
      Object.assign(row, { status: facts.trustedBuyer ? NeedStatus.OPEN : NeedStatus.PENDING_REVIEW, submittedAt: now, rejectionReason: null });
      if (facts.trustedBuyer) await tellOpened(em, row);
      return em.getRepository(NeedEntity).save(row);
    });
    if (need.status === NeedStatus.OPEN) await this.deadlines.schedule(need.id, need.bidDeadline);
    return need;
  }

  /** DRAFT, PENDING_REVIEW or OPEN → CANCELLED with the buyer's reason (≤ 500 characters). */
  async cancel(user: AuthUser, id: string, rawReason: string): Promise<NeedEntity> {
    const buyerOrgId = requireNeedManager(user);
    const { reason } = validateInput(cancelSchema, { reason: rawReason });
    return this.ds.transaction(async (em) => {
      const row = await lockOwn(em, id, buyerOrgId);
      // The deadline check of every write: an OPEN need past it is CLOSED, and closed is final.
      if (isPastDeadline(row)) {
        await closeDueNeeds(em, clock.now(), row.id);
        row.status = NeedStatus.CLOSED;
      }
      if (!CANCELLABLE.includes(row.status)) throw new DomainError(ErrorCode.CONFLICT, 'needNotCancellable', { status: row.status });
      Object.assign(row, { status: NeedStatus.CANCELLED, cancellationReason: reason });
      return em.getRepository(NeedEntity).save(row);
    });
  }

  /**
   * A moderator's decision (the caller, catalog, checked the staff role and writes the audit entry):
   * PENDING_REVIEW → OPEN, refused while fewer than MIN_BID_WINDOW_SECONDS remain to bid, or →
   * REJECTED with the reason the buyer reads. Anything else: CONFLICT, so the moderator sees it.
   */
  async decide(id: string, approve: boolean, rawReason: string | null): Promise<NeedDecision> {
    const reason = approve ? null : validateInput(rejectSchema, { reason: rawReason ?? '' }).reason;
    const need = await this.ds.transaction(async (em) => {
      const row = isUuid(id) ? await em.getRepository(NeedEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!row) throw notFound('need');
      if (row.status !== NeedStatus.PENDING_REVIEW) throw new DomainError(ErrorCode.CONFLICT, 'needNotPending', { status: row.status });
      if (approve) {
        this.requireWindow(row.bidDeadline, clock.now(), () => new DomainError(ErrorCode.CONFLICT, 'needDeadlineTooClose', { minutes: this.windowMinutes() }));
      }
      Object.assign(row, approve ? { status: NeedStatus.OPEN } : { status: NeedStatus.REJECTED, rejectionReason: reason });
      if (approve) await tellOpened(em, row);
      return em.getRepository(NeedEntity).save(row);
    });
    if (need.status === NeedStatus.OPEN) await this.deadlines.schedule(need.id, need.bidDeadline);
    const status = need.status === NeedStatus.OPEN ? 'OPEN' : 'REJECTED';
    return { id: need.id, title: need.title, buyerOrgId: need.buyerOrgId, status, submittedAt: need.submittedAt!.toISOString() };
  }

  /** Needs waiting for review, oldest submission first, after the keyset position (submitted at, id). */
  pending(limit: number, after: [string, string] | null): Promise<PendingNeed[]> {
    return this.ds.query<PendingNeed[]>(
      `SELECT n.id, n.title, o.name AS "buyerName", n.delivery_province_code AS "provinceCode",
              to_char(n.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "submittedAt"
         FROM procurement.needs n LEFT JOIN procurement.organizations o ON o.id = n.buyer_org_id
        WHERE n.status = 'PENDING_REVIEW'
          AND ($1::timestamptz IS NULL OR (n.submitted_at, n.id) > ($1::timestamptz, $2::uuid))
        ORDER BY n.submitted_at, n.id LIMIT $3`,
      [after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  /** Pending needs in all: for the console's counts. */
  async pendingCount(): Promise<number> {
    const [row] = await this.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM procurement.needs WHERE status = 'PENDING_REVIEW'`);
    return row.n;
  }

  private windowMinutes() {
    return Math.ceil(this.config.minBidWindowSeconds / 60);
  }

  private requireWindow(deadline: Date, now: Date, refusal: () => DomainError) {
    if (deadline.getTime() < now.getTime() + this.config.minBidWindowSeconds * 1000) throw refusal();
  }
}

/** The caller's organization, which the caller manages; a token that says SUSPENDED stops here. */
export function requireNeedManager(user: AuthUser): string {
  const buyerOrgId = requireOrganizationManager(user);
  if (user.organizationVerification === 'SUSPENDED') throw forbidden('organizationSuspendedNeeds');
  return buyerOrgId;
}

/** The caller's organization's need, locked for the change; another's reads as not found. */
export async function lockOwn(em: EntityManager, id: string, buyerOrgId: string): Promise<NeedEntity> {
  const need = isUuid(id) ? await em.getRepository(NeedEntity).findOne({ where: { id, buyerOrgId }, lock: { mode: 'pessimistic_write' } }) : null;
  if (!need) throw notFound('need');
  return need;
}
