import { JobsOptions } from 'bullmq';
import { redisRetry } from './backoff';

/** The one queue that carries domain events from the services' outboxes to the worker. */
export const EVENTS_QUEUE = 'events';

/** Every job the worker handles, with its payload. Adding one here without a handler stops the worker. */
export interface JobPayloads {
  'organization.registered': {
    organizationId: string;
    organizationName: string;
    kind: 'COOPERATIVE' | 'ENTERPRISE';
    ownerUserId: string;
    ownerEmail: string;
    ownerName: string;
    locale: 'VI' | 'EN';
  };
  'organization.verification_decided': {
    organizationId: string;
    organizationName: string;
    outcome: VerificationOutcome;
    reason: string | null;
    /** Audit entry id: one decision, one e-mail per recipient, however often the job runs. */
    decisionId: string;
    recipients: { userId: string; email: string; name: string; locale: 'VI' | 'EN' }[];
  };
  /** A moderator approved or rejected a submitted listing: told to its organization's owners and managers. */
  'product.moderation_decided': {
    productId: string;
    productName: string;
    organizationId: string;
    outcome: ListingOutcome;
    reason: string | null;
    /** Audit entry id: one decision, one notice and one e-mail per recipient, however often the job runs. */
    decisionId: string;
    recipients: { userId: string; email: string; name: string; locale: 'VI' | 'EN' }[];
  };
  'member.invited': {
    invitationId: string;
    /** The link's secret is derived from this (never stored); see invitationToken in @lienket/auth. */
    nonce: string;
    email: string;
    role: 'OWNER' | 'MANAGER' | 'MEMBER';
    organizationName: string;
    inviterName: string;
    locale: 'VI' | 'EN';
  };
  /** Someone asked for a password reset link for an account that exists (nothing is sent otherwise). */
  'password.reset_requested': {
    resetId: string;
    /** The link's secret is derived from this (never stored); see passwordResetToken in @lienket/auth. */
    nonce: string;
    email: string;
    name: string;
    locale: 'VI' | 'EN';
  };
  /** Daily (see SCHEDULED_JOBS): tells owners of certifications that expire within 30 days. */
  'certifications.expiry_scan': Record<string, never>;
  /** Hourly (see SCHEDULED_JOBS): removes stored upload bytes that no row points at (see OrphanSweepHandler). */
  'uploads.orphan_sweep': Record<string, never>;
}
export type JobName = keyof JobPayloads;
/** Jobs that only the worker's schedulers create: no service writes them to an outbox. */
export type ScheduledJobName = 'certifications.expiry_scan' | 'uploads.orphan_sweep';
/** What a service may write to its outbox (see writeOutbox): every one has a handler. */
export type EventName = Exclude<JobName, ScheduledJobName>;
export type VerificationOutcome = 'VERIFIED' | 'REJECTED' | 'SUSPENDED' | 'REINSTATED';
export type ListingOutcome = 'APPROVED' | 'REJECTED';
export const JOB_NAMES: readonly JobName[] = [
  'organization.registered',
  'organization.verification_decided',
  'product.moderation_decided',
  'member.invited',
  'password.reset_requested',
  'certifications.expiry_scan',
  'uploads.orphan_sweep',
];

/** Jobs the worker schedules itself (BullMQ job schedulers, upserted at every start: no duplicates). */
export interface ScheduledJob<N extends ScheduledJobName = ScheduledJobName> {
  /** The scheduler id: one scheduler per id however many workers start. */
  id: string;
  name: N;
  data: JobPayloads[N];
  /** A cron pattern in Vietnam time. */
  pattern: string;
}
export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  { id: 'certifications-expiry-daily', name: 'certifications.expiry_scan', data: {}, pattern: '0 7 * * *' },
  { id: 'uploads-orphan-sweep-hourly', name: 'uploads.orphan_sweep', data: {}, pattern: '23 * * * *' },
];
export const SCHEDULE_TIMEZONE = 'Asia/Ho_Chi_Minh';

export function isJobName(name: string): name is JobName {
  return (JOB_NAMES as readonly string[]).includes(name);
}

/** Bounded retries with backoff; failures are kept for inspection, successes trimmed. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 1000, age: 24 * 3600 },
  removeOnFail: false,
};

/**
 * BullMQ connection options from a redis:// URL. Workers need maxRetriesPerRequest null (their
 * blocking commands wait through an outage); a producer that must not wait (`failFast`, the outbox
 * relay) has its commands refused while Redis is away. Either way the connection is retried for
 * ever with backoff.
 */
export function redisConnection(url: string, o: { failFast?: boolean } = {}) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    db: Number(u.pathname.slice(1) || 0),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: o.failFast ? 1 : null,
    enableOfflineQueue: !o.failFast,
    retryStrategy: redisRetry(),
  };
}
