import { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, QueueEvents } from 'bullmq';
import { EVENTS_QUEUE, redisConnection } from '@lienket/queue';

/**
 * A worker in this process, as apps/matcher starts it: the matcher by default, or a module of the
 * test's own. The matcher is imported only now, so the environment the test set (SMTP_URL…) is the
 * one its configuration reads.
 */
export async function startWorker(module?: Type<unknown>): Promise<INestApplicationContext> {
  const host = module ?? (await import('../../apps/matcher/src/matcher.module.js')).MatcherModule;
  const worker = await NestFactory.createApplicationContext(host, { logger: false });
  await worker.init();
  return worker;
}

/** The events queue and its event stream, ready: to add jobs and await what became of them. */
export async function eventsQueue(redisUrl: string, prefix: string) {
  const queue = new Queue(EVENTS_QUEUE, { connection: redisConnection(redisUrl), prefix });
  const events = new QueueEvents(EVENTS_QUEUE, { connection: redisConnection(redisUrl), prefix });
  await events.waitUntilReady();
  return { queue, events, close: async () => void (await Promise.all([events.close(), queue.close()])) };
}
