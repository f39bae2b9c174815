import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { OUTBOX_CHANNEL, ServiceSchema } from '@lienket/database';
import { Backoff } from './backoff';
import { DEFAULT_JOB_OPTIONS, EVENT_ROUTES, EventName, QueueName, redisConnection } from './contracts';

interface OutboxRow {
  id: string;
  event_id: string;
  event_type: string;
  payload: object;
}

/**
 * Publishes committed outbox rows to BullMQ, each to the queues EVENT_ROUTES names (fan-out: the
 * matcher's `events`, procurement's `procurement-events`). Wakes on NOTIFY (sent at commit) and also polls, so an
 * event written while the relay was down still leaves. The job id is the row's `event_id` (a uuid
 * generated at insert), so a row published twice (crash between add and mark) is one job, and a
 * database restored to an earlier dump cannot hand out an id an earlier job already has.
 *
 * Its two connections (one for work, one for LISTEN) outlive restarts of PostgreSQL: when either
 * fails, both are dropped and opened again with backoff, the channel is listened to again and the
 * outbox drained (what was committed meanwhile was not announced to this listener). Redis failing
 * fails a pass, which rolls back: the rows stay unpublished and the next poll tries again.
 */
export class OutboxRelay {
  private readonly logger = new Logger(`OutboxRelay:${this.schema}`);
  private readonly queues = new Map<QueueName, Queue>();
  private listener?: Client;
  private worker?: Client;
  private timer?: NodeJS.Timeout;
  private reconnectTimer?: NodeJS.Timeout;
  private readonly backoff = new Backoff();
  private running = false;
  private again = false;
  private stopped = false;
  /** Set while passes fail, so an outage is logged when it starts and when it ends, not every poll. */
  private failing = false;

  constructor(
    private readonly schema: ServiceSchema,
    private readonly databaseUrl: string,
    redisUrl: string,
    prefix: string,
    private readonly pollMs = 1000,
  ) {
    for (const name of new Set(Object.values(EVENT_ROUTES).flat() as QueueName[])) {
      // Fail fast while Redis is away: a pass must roll back, not wait with its rows locked.
      const queue = new Queue(name, { connection: redisConnection(redisUrl, { failFast: true }), prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      queue.on('error', (e) => this.logger.warn(`${name} queue: ${e.message}`));
      this.queues.set(name, queue);
    }
  }

  /** Connects (or keeps trying in the background) and starts polling. */
  async start(): Promise<void> {
    this.timer = setInterval(() => void this.drain(), this.pollMs);
    await this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const worker = new Client({ connectionString: this.databaseUrl, application_name: `outbox-relay-${this.schema}` });
    const listener = new Client({ connectionString: this.databaseUrl, application_name: `outbox-listen-${this.schema}` });
    for (const c of [worker, listener]) {
      // A pg Client without an 'error' listener takes the process down when its backend goes away.
      c.on('error', (e) => this.lost(c, e));
      c.on('end', () => this.lost(c, new Error('connection ended')));
    }
    listener.on('notification', (n) => {
      if (n.payload === this.schema) void this.drain();
    });
    try {
      await worker.connect();
      await listener.connect();
      await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (e) {
      await Promise.allSettled([worker.end(), listener.end()]);
      this.retry(e as Error);
      return;
    }
    if (this.stopped) {
      await Promise.allSettled([worker.end(), listener.end()]);
      return;
    }
    this.worker = worker;
    this.listener = listener;
    if (this.backoff.attempts > 0) this.logger.log('reconnected to PostgreSQL; listening again');
    this.backoff.reset();
    await this.drain();
  }

  /** One of the current connections failed: drop both and reconnect (once, however many events). */
  private lost(client: Client, e: Error) {
    if (this.stopped || (client !== this.worker && client !== this.listener)) return;
    const [worker, listener] = [this.worker, this.listener];
    this.worker = this.listener = undefined;
    void Promise.allSettled([worker?.end(), listener?.end()]);
    this.retry(e);
  }

  private retry(e: Error) {
    if (this.stopped || this.reconnectTimer) return;
    const delay = this.backoff.next();
    this.logger.warn(`PostgreSQL connection lost (${e.message}); reconnecting in ${delay} ms`);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, delay);
  }

  /** Publishes everything pending; concurrent calls coalesce into one more pass. */
  async drain(): Promise<void> {
    if (this.stopped || !this.worker) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        while (!this.stopped && this.worker && (await this.publishBatch(this.worker)) > 0);
      } while (this.again && !this.stopped);
      if (this.failing) this.logger.log('outbox relay passes succeed again');
      this.failing = false;
    } catch (e) {
      if (!this.failing) this.logger.error(`outbox relay pass failed (retried every ${this.pollMs} ms): ${(e as Error).message}`);
      this.failing = true;
    } finally {
      this.running = false;
    }
  }

  private async publishBatch(db: Client): Promise<number> {
    await db.query('BEGIN');
    try {
      const { rows } = await db.query<OutboxRow>(
        `SELECT id, event_id, event_type, payload FROM "${this.schema}".outbox
          WHERE published_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length) {
        // One copy per routed queue under the same job id; a queue that failed is retried with the
        // rest, and the copies already added are the same jobs again (deduplicated by id).
        for (const [name, queue] of this.queues) {
          const mine = rows.filter((r) => (EVENT_ROUTES[r.event_type as EventName] as readonly QueueName[] | undefined)?.includes(name));
          if (mine.length) await queue.addBulk(mine.map((r) => ({ name: r.event_type, data: r.payload, opts: { jobId: r.event_id } })));
        }
        await db.query(`UPDATE "${this.schema}".outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      }
      await db.query('COMMIT');
      return rows.length;
    } catch (e) {
      await db.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    while (this.running) await new Promise((r) => setImmediate(r));
    await Promise.allSettled([this.listener?.end(), this.worker?.end(), ...[...this.queues.values()].map((q) => q.close())]);
  }
}
