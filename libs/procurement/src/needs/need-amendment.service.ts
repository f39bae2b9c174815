import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuthUser, loader, RequestContext } from '@lienket/auth';
import { badInput, DomainError, ErrorCode, forbidden, MessageKey, text, validateInput } from '@lienket/graphql';
import { NeedAmendment, writeOutbox } from '@lienket/queue';
import { clock, vietnamDate } from '@lienket/reference-data';
import { organizationFacts } from '../events/organization-changed.handler';
import { NeedDeadlineScheduler } from './need-clock';
import { lockOwn, requireNeedManager } from './need-lifecycle.service';
import { NeedEntity, NeedStatus } from './need.entity';

const clarificationSchema = z.object({ text: text(2000) });
/** Farthest a new deadline may lie from now: further is a typo, or a need that should be posted again. */
export const MAX_EXTENSION_DAYS = 90;
/** Each amendment is e-mailed to every bidder: past these, the buyer should post a new need. */
export const MAX_EXTENSIONS = 5;
export const MAX_CLARIFICATIONS = 20;

export interface AmendmentRow {
  id: string;
  need_id: string;
  kind: 'CLARIFICATION' | 'DEADLINE_EXTENDED';
  text: string | null;
  previous_deadline: Date | null;
  new_deadline: Date | null;
  published_at: Date;
}

const amendPassed = () => new DomainError(ErrorCode.DEADLINE_PASSED, 'amendDeadlinePassed');

/**
 * What a buyer may change on an OPEN need before its deadline (decision "Amendments"): the
 * deadline, later, and clarifications. Both lock the need FOR UPDATE and read the clock once the
 * lock is held, so a close, an opening of the bids or a bid in flight either went first (and the
 * need reads as past its deadline) or waits for this. Each live bidder is told; nothing else about
 * a need changes once it is submitted (a material change is a cancellation and a new need).
 */
@Injectable()
export class NeedAmendmentService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly deadlines: NeedDeadlineScheduler,
  ) {}

  /** Moves the deadline later (still on or before the delivery start's day); the closing job follows it. */
  async extend(user: AuthUser, needId: string, bidDeadline: Date): Promise<NeedEntity> {
    const buyerOrgId = requireNeedManager(user);
    const { need, previous } = await this.ds.transaction(async (em) => {
      const { row, now } = await this.lockOpen(em, needId, buyerOrgId);
      if (bidDeadline.getTime() <= row.bidDeadline.getTime()) throw badInput('bidDeadline', 'extensionNotLater');
      if (bidDeadline.getTime() > now.getTime() + MAX_EXTENSION_DAYS * 86400_000) throw badInput('bidDeadline', 'extensionTooFar', { days: MAX_EXTENSION_DAYS });
      if (vietnamDate(bidDeadline) > row.deliveryFrom) throw badInput('bidDeadline', 'deadlineAfterDelivery');
      await requireRoom(em, row.id, 'DEADLINE_EXTENDED', MAX_EXTENSIONS, 'tooManyExtensions');
      // Conditional on the deadline still ahead and no opening of the bids: the lock already
      // ensures both, and this keeps it true should anything ever move the row without the lock.
      const moved = await em.query<{ id: string }[]>(
        `WITH moved AS (
           UPDATE procurement.needs n SET bid_deadline = $2, updated_at = now()
            WHERE n.id = $1 AND n.status = 'OPEN' AND n.bid_deadline > $3
              AND NOT EXISTS (SELECT 1 FROM procurement.bid_openings o WHERE o.need_id = n.id)
           RETURNING n.id)
         SELECT id FROM moved`,
        [row.id, bidDeadline, now],
      );
      if (!moved.length) throw amendPassed();
      const a = await record(em, row.id, user.id, now, { kind: 'DEADLINE_EXTENDED', previous: row.bidDeadline, next: bidDeadline });
      await tellConcerned(em, row, a.id, { change: 'DEADLINE_EXTENDED', previousDeadline: row.bidDeadline.toISOString(), bidDeadline: bidDeadline.toISOString() });
      return { need: Object.assign(row, { bidDeadline }), previous: a.previous_deadline! };
    });
    await this.deadlines.reschedule(need.id, previous, need.bidDeadline);
    return need;
  }

  /** Publishes a clarification (≤ 2,000 characters) on the need, for everyone who reads it. */
  async clarify(user: AuthUser, needId: string, rawText: string): Promise<AmendmentRow> {
    const buyerOrgId = requireNeedManager(user);
    const input = validateInput(clarificationSchema, { text: rawText });
    return this.ds.transaction(async (em) => {
      const { row, now } = await this.lockOpen(em, needId, buyerOrgId);
      await requireRoom(em, row.id, 'CLARIFICATION', MAX_CLARIFICATIONS, 'tooManyClarifications');
      const a = await record(em, row.id, user.id, now, { kind: 'CLARIFICATION', text: input.text });
      await tellConcerned(em, row, a.id, { change: 'CLARIFICATION', text: input.text });
      return a;
    });
  }

  /** A need's amendments, oldest first: one statement per request for every need asked. */
  forNeed(ctx: RequestContext, needId: string): Promise<AmendmentRow[]> {
    return loader(ctx, 'needAmendments', () => new DataLoader<string, AmendmentRow[]>(async (ids) => {
      const rows = await this.ds.query<AmendmentRow[]>(
        `SELECT id, need_id, kind, text, previous_deadline, new_deadline, published_at FROM procurement.need_amendments
          WHERE need_id = ANY($1::uuid[]) ORDER BY published_at, id`,
        [ids],
      );
      return ids.map((id) => rows.filter((r) => r.need_id === id));
    })).load(needId);
  }

  /**
   * The caller's need locked FOR UPDATE, OPEN and before its deadline by the clock read now that
   * the lock is held. Another organization's need is NOT_FOUND; a suspended buyer is refused.
   */
  private async lockOpen(em: EntityManager, needId: string, buyerOrgId: string): Promise<{ row: NeedEntity; now: Date }> {
    const row = await lockOwn(em, needId, buyerOrgId);
    if ((await organizationFacts(em, buyerOrgId))?.verification === 'SUSPENDED') throw forbidden('organizationSuspendedNeeds');
    const now = clock.now();
    const ended = row.status === NeedStatus.CLOSED || row.status === NeedStatus.AWARDED;
    if (ended || (row.status === NeedStatus.OPEN && now.getTime() >= row.bidDeadline.getTime())) throw amendPassed();
    if (row.status !== NeedStatus.OPEN) throw new DomainError(ErrorCode.CONFLICT, 'needNotAmendable', { status: row.status });
    return { row, now };
  }
}

async function requireRoom(em: EntityManager, needId: string, kind: AmendmentRow['kind'], max: number, key: MessageKey) {
  const [{ n }] = await em.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM procurement.need_amendments WHERE need_id = $1 AND kind = $2`, [needId, kind]);
  if (n >= max) throw new DomainError(ErrorCode.CONFLICT, key, { max });
}

type Change = { kind: 'CLARIFICATION'; text: string } | { kind: 'DEADLINE_EXTENDED'; previous: Date; next: Date };

async function record(em: EntityManager, needId: string, userId: string, now: Date, c: Change): Promise<AmendmentRow> {
  const [a] = await em.query<AmendmentRow[]>(
    `INSERT INTO procurement.need_amendments (need_id, kind, text, previous_deadline, new_deadline, published_by, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, need_id, kind, text, previous_deadline, new_deadline, published_at`,
    [needId, c.kind, c.kind === 'CLARIFICATION' ? c.text : null, c.kind === 'DEADLINE_EXTENDED' ? c.previous : null, c.kind === 'DEADLINE_EXTENDED' ? c.next : null, userId, now],
  );
  return a;
}

/**
 * One event per organization concerned — a live bid or a question on the need (decision 120's
 * notices): the worker tells its owners and managers. The event names that organization and carries
 * the buyer's change, nothing of any bid or question.
 */
async function tellConcerned(em: EntityManager, need: NeedEntity, amendmentId: string, change: NeedAmendment) {
  const concerned = await em.query<{ org_id: string }[]>(
    `SELECT supplier_org_id AS org_id FROM procurement.bids WHERE need_id = $1 AND status <> 'WITHDRAWN'
     UNION SELECT asker_org_id FROM procurement.need_questions WHERE need_id = $1`,
    [need.id],
  );
  for (const c of concerned) {
    await writeOutbox(em, 'procurement', 'need.amended', {
      occurrenceId: `amendment:${amendmentId}`,
      organizationId: c.org_id,
      needId: need.id,
      needTitle: need.title,
      contractId: null,
      ...change,
    });
  }
}
