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
  /** Awarded: told to the winner's owners and managers (one event per contract). */
  'need.awarded': ProcurementNotice & { quantity: string; total: string };
  /** Not awarded (or closed without award, with the buyer's reason): told to each losing bidder, with its debrief. */
  'bid.not_awarded': ProcurementNotice & { reason: string | null; debrief: BidDebrief | null };
  'shipment.recorded': ProcurementNotice & { quantity: string };
  'receipt.confirmed': ProcurementNotice & { acceptedQuantity: string };
  'dispute.opened': ProcurementNotice & { reason: string };
  'dispute.resolved': ProcurementNotice & { outcome: 'RESUME' | 'CANCEL'; resolution: string };
  'review.received': ProcurementNotice & { rating: number };
  'contract.message': ProcurementNotice & { body: string };
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
/**
 * A procurement step told to one organization: the worker finds its owners and managers in
 * catalog.users (procurement has no users) and tells each in their language, once per occurrence.
 */
export interface ProcurementNotice {
  /** What happened, unique per occurrence (e.g. `shipment:<id>`): one notice and e-mail per recipient. */
  occurrenceId: string;
  /** The organization whose owners and managers are told. */
  organizationId: string;
  needId: string;
  needTitle: string;
  contractId: string | null;
}
/** How a losing bid ranked against the awarded ones: ranks and gaps, never another bidder's identity or price. */
export interface BidDebrief {
  priceRank: number;
  priceGapPercent: number;
  deliveryRank: number;
  deliveryGapDays: number;
  awardedCount: number;
  totalBids: number;
}
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
  'need.awarded',
  'bid.not_awarded',
  'shipment.recorded',
  'receipt.confirmed',
  'dispute.opened',
  'dispute.resolved',
  'review.received',
  'contract.message',
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
