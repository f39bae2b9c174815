import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Job, Queue, Worker } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { DEFAULT_JOB_OPTIONS, EVENTS_QUEUE, isJobName, JobName, JobPayloads, redisConnection, SCHEDULE_TIMEZONE, SCHEDULED_JOBS } from './contracts';
import { buildHandlerRegistry, JobHandler } from './handler-registry';
import { HandlesJob } from './job-handler.decorator';

/** Consumes the events queue with the discovered handlers; closes gracefully (finishes running jobs). */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private worker?: Worker;

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap() {
    const entries = this.discovery.getProviders({ metadataKey: HandlesJob.KEY }).map((w): Parameters<typeof buildHandlerRegistry>[0][number] => ({
      name: this.discovery.getMetadataByDecorator(HandlesJob, w) ?? '',
      handler: w.instance as JobHandler,
      owner: String(w.name),
    }));
    const registry = buildHandlerRegistry(entries);
    this.worker = new Worker(
      EVENTS_QUEUE,
      async (job: Job) => {
        if (!isJobName(job.name)) throw new Error(`unknown job ${job.name}`);
        await registry.get(job.name)!.handle(job.data as JobPayloads[JobName], job.id!);
      },
      { connection: redisConnection(this.config.redisUrl), prefix: this.config.queuePrefix, concurrency: this.config.matcher.concurrency },
    );
    this.worker.on('failed', (job, err) => this.logger.warn(`job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`));
    this.worker.on('error', (err) => this.logger.error(`worker error: ${err.message}`));
    await this.schedule();
    this.logger.log(`consuming "${EVENTS_QUEUE}" with handlers for ${[...registry.keys()].join(', ')}`);
  }

  /** Upserts the recurring jobs: every worker may do so at start, BullMQ keeps one scheduler per id. */
  private async schedule() {
    const queue = new Queue(EVENTS_QUEUE, { connection: redisConnection(this.config.redisUrl), prefix: this.config.queuePrefix });
    try {
      for (const job of SCHEDULED_JOBS) {
        await queue.upsertJobScheduler(job.id, { pattern: job.pattern, tz: SCHEDULE_TIMEZONE }, { name: job.name, data: job.data, opts: DEFAULT_JOB_OPTIONS });
      }
    } finally {
      await queue.close();
    }
  }

  async onApplicationShutdown() {
    await this.worker?.close();
  }
}
