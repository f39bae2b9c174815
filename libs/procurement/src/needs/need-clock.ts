import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { DomainError, ErrorCode, isUuid, notFound } from '@lienket/graphql';
import { DEFAULT_JOB_OPTIONS, HandlesJob, JobHandler, JobPayloads, PROCUREMENT_QUEUE, redisConnection, writeOutbox } from '@lienket/queue';
import { clock } from '@lienket/reference-data';
import { BidOpening } from '../bids/bid-opening';
import { NeedStatus } from './need.entity';

/** Statuses in which a need exists for a bidder at all; any other answers NOT_FOUND. */
const BIDDER_VISIBLE: readonly NeedStatus[] = [NeedStatus.OPEN, NeedStatus.CLOSED, NeedStatus.AWARDED];

/**
 * The flip `OPEN → CLOSED` of every need whose deadline is at or before `now` (or only `needId`),
 * in the caller's transaction, with its `need.closed` event. The conditional UPDATE is the
 * once-only gate: of two transactions racing for one need, the second re-reads the row after the
 * first commits, finds it no longer OPEN and closes nothing (so writes no event).
 * `closed_at` is the deadline: the need closed then, whenever a job or a read noticed.
 */
export async function closeDueNeeds(em: EntityManager, now: Date, needId?: string): Promise<string[]> {
  if (needId !== undefined && !isUuid(needId)) return [];
  // A CTE: TypeORM answers a bare UPDATE … RETURNING as [rows, count].
  const closed = await em.query<{ id: string; buyer_org_id: string; bid_deadline: Date; title: string; bid_count: number }[]>(
    `WITH closed AS (
       UPDATE procurement.needs SET status = 'CLOSED', closed_at = bid_deadline, updated_at = now()
        WHERE status = 'OPEN' AND bid_deadline <= $1 AND ($2::uuid IS NULL OR id = $2::uuid)
       RETURNING id, buyer_org_id, bid_deadline, title)
     SELECT c.*, (SELECT count(*)::int FROM procurement.bids b WHERE b.need_id = c.id AND b.status <> 'WITHDRAWN') AS bid_count
       FROM closed c`,
    [now, needId ?? null],
  );
  for (const n of closed) {
    // The buyer is told its bids are ready (how many: the count was public all along, no content).
    await writeOutbox(em, 'procurement', 'need.closed', {
      needId: n.id,
      buyerOrgId: n.buyer_org_id,
      bidDeadline: n.bid_deadline.toISOString(),
      bidCount: n.bid_count,
      occurrenceId: `closed:${n.id}`,
      organizationId: n.buyer_org_id,
      needTitle: n.title,
      contractId: null,
    });
  }
  return closed.map((n) => n.id);
}

/** Whether a need read as OPEN is in fact past its deadline (the flip may not have run yet). */
export const isPastDeadline = (n: { status: NeedStatus; bidDeadline: Date }, now: Date = clock.now()) =>
  n.status === NeedStatus.OPEN && n.bidDeadline.getTime() <= now.getTime();

/**
 * For bids: in the bid's transaction, locks the need FOR SHARE (the closing UPDATE waits for the
 * bid to commit, and the bid cannot start once the need closed) and checks that it takes bids at
 * `now`: OPEN and `now` before the deadline. A need past its deadline → DEADLINE_PASSED; one that
 * is not public (or does not exist) → NOT_FOUND. Never closes the need itself: two bidders holding
 * the share lock would deadlock upgrading it; the deadline job and reads close it.
 */
export async function assertBiddable(em: EntityManager, needId: string, now: Date): Promise<void> {
  if (!isUuid(needId)) throw notFound('need');
  const [need] = await em.query<{ status: NeedStatus; bid_deadline: Date }[]>(
    `SELECT status, bid_deadline FROM procurement.needs WHERE id = $1 FOR SHARE`,
    [needId],
  );
  if (!need || !BIDDER_VISIBLE.includes(need.status)) throw notFound('need');
  if (need.status !== NeedStatus.OPEN || now.getTime() >= need.bid_deadline.getTime()) {
    throw new DomainError(ErrorCode.DEADLINE_PASSED, 'deadlinePassed');
  }
}

/** The deadline job's id: one per need and deadline, so scheduling again adds nothing. */
export const deadlineJobId = (needId: string, deadline: Date) => `need-deadline:${needId}:${deadline.getTime()}`;

/**
 * Adds the delayed job that closes an opened need at its deadline, after the opening committed.
 * If Redis refuses, the need still closes on time for everyone who looks (every read and write
 * checks the deadline); the failure is logged, not thrown at a buyer whose need did open.
 */
@Injectable()
export class NeedDeadlineScheduler implements OnApplicationShutdown {
  private readonly logger = new Logger('NeedDeadlines');
  private readonly queue: Queue;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.queue = new Queue(PROCUREMENT_QUEUE, { connection: redisConnection(config.redisUrl, { failFast: true }), prefix: config.queuePrefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
    this.queue.on('error', (e) => this.logger.warn(`${PROCUREMENT_QUEUE} queue: ${e.message}`));
  }

  async schedule(needId: string, deadline: Date): Promise<void> {
    const data: JobPayloads['need.deadline_reached'] = { needId, bidDeadline: deadline.toISOString() };
    const delay = Math.max(0, deadline.getTime() - clock.now().getTime());
    await this.queue.add('need.deadline_reached', data, { jobId: deadlineJobId(needId, deadline), delay }).catch((e: Error) => {
      this.logger.warn(`could not schedule the deadline of need ${needId} (reads still close it): ${e.message}`);
    });
  }

  /**
   * Moves the closing job of an extended need (after the extension committed): the new deadline's
   * job is added first, then the old one removed, so no moment is left without one. Should the
   * old job run anyway (Redis refused the removal, or it was already taken), it closes nothing:
   * the flip checks the row's deadline, which is the new one.
   */
  async reschedule(needId: string, previous: Date, deadline: Date): Promise<void> {
    await this.schedule(needId, deadline);
    await this.queue.remove(deadlineJobId(needId, previous)).catch((e: Error) => {
      this.logger.warn(`could not remove the old deadline job of need ${needId} (it will close nothing): ${e.message}`);
    });
  }

  async onApplicationShutdown() {
    await this.queue.close();
  }
}

/**
 * Closes a need at its deadline. Early by a clock's skew (Redis' delay against this server's
 * clock), it throws so BullMQ retries with backoff rather than leaving the need to the next read.
 */
@Injectable()
@HandlesJob('need.deadline_reached')
export class NeedDeadlineHandler implements JobHandler<'need.deadline_reached'> {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly opening: BidOpening,
  ) {}

  async handle(p: JobPayloads['need.deadline_reached']): Promise<void> {
    const now = clock.now();
    if (now.getTime() < Date.parse(p.bidDeadline)) throw new Error(`need ${p.needId}: deadline ${p.bidDeadline} not reached at ${now.toISOString()}`);
    // The close and the bid-opening record in one transaction (a read that closed the need first
    // left the opening to this job or to the buyer's first read of the bids: each opens once).
    await this.ds.transaction(async (em) => {
      await closeDueNeeds(em, now, p.needId);
      await this.opening.open(em, p.needId);
    });
  }
}
