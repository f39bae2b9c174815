import { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { simpleParser } from 'mailparser';
import { checkServices } from '@lienket/database';
import { errorCode, gql, SIGN_IN, SIGN_UP, signUpInput, SmtpListener, ThrowawayRedis } from '@lienket/testing';
import { RunningApp, startSubgraph } from '../support/subgraph';
import { CatalogAppModule } from '../../apps/catalog/src/app.module';
import { startWorker } from '../support/worker';

// Every Redis client honours a password in REDIS_URL: the shared ioredis client (sign-in throttles,
// session revocations, health), BullMQ's connections (outbox relay, worker) and the start-up check.
// Against a throwaway `redis-server --requirepass`, with characters that must be percent-encoded.
const password = `p@ss/wo:rd#${randomBytes(12).toString('hex')}`;
let redis: ThrowawayRedis;
let catalog: RunningApp;
let worker: INestApplicationContext;
let smtp: SmtpListener;
const saved = { REDIS_URL: process.env.REDIS_URL, SMTP_URL: process.env.SMTP_URL };

beforeAll(async () => {
  redis = await ThrowawayRedis.start({ password });
  process.env.REDIS_URL = redis.url();
  smtp = new SmtpListener();
  process.env.SMTP_URL = await smtp.start();
  catalog = await startSubgraph(CatalogAppModule);
  worker = await startWorker();
}, 60_000);
afterAll(async () => {
  await worker?.close();
  await catalog?.close();
  await smtp?.stop();
  await redis.stop();
  Object.assign(process.env, saved);
});

describe('Redis with a password', () => {
  it('refuses a client without the password or with a wrong one (the server really requires it)', async () => {
    for (const url of [redis.url({ password: '' }), redis.url({ password: 'wrong-password' })]) {
      const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      const errors: string[] = [];
      client.on('error', (e: Error) => errors.push(e.message));
      await expect(client.connect().then(() => client.ping())).rejects.toThrow();
      expect(errors.join()).toMatch(/NOAUTH|WRONGPASS/);
      client.disconnect();
    }
  });

  it('passes the start-up check, which reports a wrong password without printing it', async () => {
    const databaseUrl = process.env.DATABASE_URL!;
    expect(await checkServices(databaseUrl, redis.url())).toEqual([]);
    const problems = await checkServices(databaseUrl, redis.url({ password: 'wrong-password' }));
    expect(problems).toEqual([expect.stringMatching(/^Redis at 127\.0\.0\.1:\d+\/0 refused the credentials in REDIS_URL \(WRONGPASS/)]);
    expect(problems.join()).not.toContain('wrong-password');
  });

  it('carries a sign-up through the outbox relay, BullMQ and the worker to the e-mail', async () => {
    const input = signUpInput();
    const r = await gql(catalog.url, SIGN_UP, { input });
    expect(r.errors).toBeUndefined();
    const mail = await simpleParser((await smtp.waitFor(input.email)).raw);
    expect(mail.subject).toContain(input.organization.name);
    // The job went through the password-protected server (the machine's Redis never saw it).
    const client = new Redis(redis.url());
    expect((await client.keys(`${process.env.QUEUE_PREFIX}:events:*`)).length).toBeGreaterThan(0);
    client.disconnect();
  });

  it('keeps sign-in throttles and answers health there', async () => {
    const input = signUpInput();
    expect((await gql(catalog.url, SIGN_UP, { input })).errors).toBeUndefined();
    const codes: unknown[] = [];
    for (let i = 0; i < 6; i++) codes.push(errorCode(await gql(catalog.url, SIGN_IN, { email: input.email, password: 'sai-mat-khau' })));
    expect(codes).toEqual([...Array<string>(5).fill('UNAUTHENTICATED'), 'TOO_MANY_REQUESTS']);
    expect(errorCode(await gql(catalog.url, SIGN_IN, { email: input.email, password: input.password }))).toBe('TOO_MANY_REQUESTS');
    const health = await fetch(catalog.url.replace(/\/graphql$/, '/health'));
    expect(await health.json()).toMatchObject({ status: 'ok', info: { redis: { status: 'up' } } });
  });
});
