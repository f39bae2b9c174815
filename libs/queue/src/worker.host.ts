import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Type } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Job, Queue, Worker } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { DEFAULT_JOB_OPTIONS, EVENTS_QUEUE, isJobName, JobName, JobPayloads, QueueName, queueJobs, redisConnection, SCHEDULE_TIMEZONE, SCHEDULED_JOBS } from './contracts';
import { buildHandlerRegistry, JobHandler } from './handler-registry';
import { HandlesJob } from './job-handler.decorator';

/**
 * A provider consuming one queue with the handlers discovered in its app (`@HandlesJob`), exactly one
 * per job that queue carries; closes gracefully (finishes running jobs). The events queue's host also
 * upserts the recurring jobs.
 */
export function workerHost(queue: QueueName, concurrency: (config: AppConfig) => number): Type<OnApplicationBootstrap & OnApplicationShutdown> {
  @Injectable()
  class QueueWorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
    private readonly logger = new Logger(`Worker:${queue}`);
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
      const registry = buildHandlerRegistry(entries, queueJobs(queue));
      this.worker = new Worker(
        queue,
        async (job: Job) => {
          if (!isJobName(job.name) || !registry.has(job.name)) throw new Error(`unknown job ${job.name}`);
          await registry.get(job.name)!.handle(job.data as JobPayloads[JobName], job.id!);
        },
        { connection: redisConnection(this.config.redisUrl), prefix: this.config.queuePrefix, concurrency: concurrency(this.config) },
      );
      this.worker.on('failed', (job, err) => this.logger.warn(`job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`));
      this.worker.on('error', (err) => this.logger.error(`worker error: ${err.message}`));
      if (queue === EVENTS_QUEUE) await this.schedule();
      this.logger.log(`consuming "${queue}" with handlers for ${[...registry.keys()].join(', ')}`);
    }

    /** Upserts the recurring jobs: every worker may do so at start, BullMQ keeps one scheduler per id. */
    private async schedule() {
      const q = new Queue(queue, { connection: redisConnection(this.config.redisUrl), prefix: this.config.queuePrefix });
      try {
        for (const job of SCHEDULED_JOBS) {
          await q.upsertJobScheduler(job.id, { pattern: job.pattern, tz: SCHEDULE_TIMEZONE }, { name: job.name, data: job.data, opts: DEFAULT_JOB_OPTIONS });
        }
      } finally {
        await q.close();
      }
    }

    async onApplicationShutdown() {
      await this.worker?.close();
    }
  }
  return QueueWorkerHost;
}

/** The matcher's worker: the events queue, as many jobs at once as WORKER_CONCURRENCY. */
export const WorkerHost = workerHost(EVENTS_QUEUE, (config) => config.matcher.concurrency);
