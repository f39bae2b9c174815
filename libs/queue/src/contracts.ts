import { JobsOptions } from 'bullmq';
import { redisRetry } from './backoff';

/** The queue the matcher's worker consumes: notices, e-mail and scheduled jobs. */
export const EVENTS_QUEUE = 'events';
/** The queue the procurement app's worker consumes: catalog's organization facts and needs' deadlines. */
export const PROCUREMENT_QUEUE = 'procurement-events';
export type QueueName = typeof EVENTS_QUEUE | typeof PROCUREMENT_QUEUE;

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
  /**
   * An organization as catalog now has it, for procurement's copy (procurement.organizations).
   * `version` grows with every change of one organization (a catalog sequence drawn under the
   * organization's row lock), so a late or repeated event never rolls the copy back.
   */
  'organization.changed': {
    organizationId: string;
    kind: 'COOPERATIVE' | 'ENTERPRISE';
    name: string;
    verification: 'PENDING_VERIFICATION' | 'VERIFIED' | 'REJECTED' | 'SUSPENDED';
    trustedBuyer: boolean;
    /** The province the organization is in (the matcher's distance); absent from events written before it. */
    provinceCode?: string;
    version: string;
  };
  /**
   * A listing's public version as catalog now has it, for the matcher's read model: APPROVED (a new
   * approved version) or ARCHIVED (off the market). `version` grows with every change of the listing,
   * so a late or repeated event never rolls the model back.
   */
  'listing.changed': {
    listingId: string;
    organizationId: string;
    status: 'APPROVED' | 'ARCHIVED';
    categoryCode: string;
    unitCode: string;
    /** Decimal strings, in the listing's unit (monthly capacity) and VND per its price unit. */
    monthlyCapacity: string;
    harvestMonths: number[];
    certifications: { kind: string; validUntil: string | null }[];
    priceMin: string | null;
    priceMax: string | null;
    priceUnitCode: string | null;
    version: string;
  };
  /** A need opened for bids (approved, or submitted by a trusted buyer): what the matcher scores it on. */
  'need.opened': {
    needId: string;
    buyerOrgId: string;
    title: string;
    categoryCode: string;
    quantity: string;
    unitCode: string;
    targetUnitPrice: string | null;
    deliveryProvinceCode: string;
    deliveryFrom: string;
    deliveryTo: string;
    requiredCertifications: string[];
    bidDeadline: string;
    visibility: 'PUBLIC' | 'INVITED';
  };
  /** A moderator approved or rejected a submitted need: told to its buyer's owners and managers. */
  'need.moderation_decided': {
    needId: string;
    needTitle: string;
    organizationId: string;
    outcome: ListingOutcome;
    reason: string | null;
    /** Audit entry id (catalog writes it): one notice and one e-mail per recipient however often the job runs. */
    decisionId: string;
    recipients: { userId: string; email: string; name: string; locale: 'VI' | 'EN' }[];
  };
  /**
   * A need's bid deadline passed and it closed (written once, by the flip that closed it): its
   * buyer's owners and managers are told how many bids wait (the count was never sealed).
   */
  'need.closed': ProcurementNotice & { buyerOrgId: string; bidDeadline: string; bidCount: number };
  /** A need opened that invites this supplier to quote: told to its owners and managers (one per need and supplier). */
  'need.invited': ProcurementNotice & { bidDeadline: string };
  /** Delayed until a need's bid deadline (see NeedDeadlineScheduler): closes it if still open. */
  'need.deadline_reached': { needId: string; bidDeadline: string };
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
  /**
   * The buyer clarified an open need or extended its deadline: told to each organization with a
   * live bid on it (one event per bidder), with the text or the deadlines, never anything of a bid.
   */
  'need.amended': ProcurementNotice & NeedAmendment;
  /** A cooperative asked on an open need: told to the buyer's owners and managers, never who asked. */
  'question.asked': ProcurementNotice & { question: string };
  /** The buyer answered: told to the asking organization's owners and managers (the only event naming it). */
  'question.answered': ProcurementNotice & { question: string; answer: string };
  /** Daily (see SCHEDULED_JOBS): tells owners of certifications that expire within 30 days. */
  'certifications.expiry_scan': Record<string, never>;
  /** Hourly (see SCHEDULED_JOBS): removes stored upload bytes that no row points at (see OrphanSweepHandler). */
  'uploads.orphan_sweep': Record<string, never>;
}
export type JobName = keyof JobPayloads;
/** Jobs that only the worker's schedulers create: no service writes them to an outbox. */
export type ScheduledJobName = 'certifications.expiry_scan' | 'uploads.orphan_sweep';
/** Jobs a service adds to its own queue itself (delayed), never through an outbox. */
export type DirectJobName = 'need.deadline_reached';
/** What a service may write to its outbox (see writeOutbox): each is routed by EVENT_ROUTES. */
export type EventName = Exclude<JobName, ScheduledJobName | DirectJobName>;
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
/** A clarification's text, or an extension's deadlines (ISO 8601). */
export type NeedAmendment =
  | { change: 'CLARIFICATION'; text: string }
  | { change: 'DEADLINE_EXTENDED'; previousDeadline: string; bidDeadline: string };
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
  'organization.changed',
  'need.moderation_decided',
  'need.closed',
  'need.invited',
  'need.deadline_reached',
  'listing.changed',
  'need.opened',
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
  'need.amended',
  'question.asked',
  'question.answered',
];

/**
 * Which queues an outbox relay puts each event on (a copy per queue, same job id). An event with no
 * queue is kept in its outbox as the record of what happened, for consumers still to come.
 * `satisfies` makes a new event without a route fail to compile.
 */
export const EVENT_ROUTES = {
  'organization.registered': [EVENTS_QUEUE],
  'organization.verification_decided': [EVENTS_QUEUE],
  'product.moderation_decided': [EVENTS_QUEUE],
  'member.invited': [EVENTS_QUEUE],
  'password.reset_requested': [EVENTS_QUEUE],
  'organization.changed': [PROCUREMENT_QUEUE, EVENTS_QUEUE],
  'listing.changed': [EVENTS_QUEUE],
  'need.opened': [EVENTS_QUEUE],
  'need.moderation_decided': [EVENTS_QUEUE],
  'need.closed': [EVENTS_QUEUE],
  'need.invited': [EVENTS_QUEUE],
  'need.awarded': [EVENTS_QUEUE],
  'bid.not_awarded': [EVENTS_QUEUE],
  'shipment.recorded': [EVENTS_QUEUE],
  'receipt.confirmed': [EVENTS_QUEUE],
  'dispute.opened': [EVENTS_QUEUE],
  'dispute.resolved': [EVENTS_QUEUE],
  'review.received': [EVENTS_QUEUE],
  'contract.message': [EVENTS_QUEUE],
  'need.amended': [EVENTS_QUEUE],
  'question.asked': [EVENTS_QUEUE],
  'question.answered': [EVENTS_QUEUE],
} as const satisfies Record<EventName, readonly QueueName[]>;

const DIRECT_JOBS: Record<DirectJobName, QueueName> = { 'need.deadline_reached': PROCUREMENT_QUEUE };

/** The jobs each queue carries, so its worker refuses to start without exactly one handler for each. */
export function queueJobs(queue: QueueName): JobName[] {
  return JOB_NAMES.filter((name) => {
    if (name in DIRECT_JOBS) return DIRECT_JOBS[name as DirectJobName] === queue;
    if (SCHEDULED_JOBS.some((j) => j.name === name)) return queue === EVENTS_QUEUE;
    return (EVENT_ROUTES[name as EventName] as readonly QueueName[]).includes(queue);
  });
}

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
