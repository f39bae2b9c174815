import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { OUTBOX_CHANNEL, ServiceSchema } from '@lienket/database';
import { DEFAULT_JOB_OPTIONS, EVENTS_QUEUE, redisConnection } from './contracts';

interface OutboxRow {
  id: string;
  event_type: string;
  payload: object;
}

/**
 * Publishes committed outbox rows to BullMQ. Wakes on NOTIFY (sent at commit) and also polls, so an
 * event written while the relay was down still leaves. The job id is derived from the row id, so a
 * row published twice (crash between add and mark) is one job.
 */
export class OutboxRelay {
  private readonly logger = new Logger(`OutboxRelay:${this.schema}`);
  private queue: Queue;
  private listener?: Client;
  private worker?: Client;
  private timer?: NodeJS.Timeout;
  private running = false;
  private again = false;
  private stopped = false;

  constructor(
    private readonly schema: ServiceSchema,
    private readonly databaseUrl: string,
    redisUrl: string,
    prefix: string,
    private readonly pollMs = 1000,
  ) {
    this.queue = new Queue(EVENTS_QUEUE, { connection: redisConnection(redisUrl), prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  }

  async start(): Promise<void> {
    this.worker = new Client({ connectionString: this.databaseUrl, application_name: `outbox-relay-${this.schema}` });
    await this.worker.connect();
    this.listener = new Client({ connectionString: this.databaseUrl });
    await this.listener.connect();
    this.listener.on('notification', (n) => {
      if (n.payload === this.schema) void this.drain();
    });
    await this.listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.timer = setInterval(() => void this.drain(), this.pollMs);
    await this.drain();
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
        while (!this.stopped && (await this.publishBatch()) > 0);
      } while (this.again && !this.stopped);
    } catch (e) {
      this.logger.error(`outbox relay pass failed: ${(e as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  private async publishBatch(): Promise<number> {
    const db = this.worker!;
    await db.query('BEGIN');
    try {
      const { rows } = await db.query<OutboxRow>(
        `SELECT id, event_type, payload FROM "${this.schema}".outbox
          WHERE published_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length) {
        await this.queue.addBulk(
          rows.map((r) => ({ name: r.event_type, data: r.payload, opts: { jobId: `${this.schema}-${r.id}` } })),
        );
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
    while (this.running) await new Promise((r) => setImmediate(r));
    await Promise.allSettled([this.listener?.end(), this.worker?.end(), this.queue.close()]);
  }
}
