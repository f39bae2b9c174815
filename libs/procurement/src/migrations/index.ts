export { Needs1763800100000 } from './1763800100000-needs';
export { ProcurementOutboxEventId1763805500000 } from './1763805500000-outbox-event-id';
export { ProcurementServiceRole1763805800000 } from './1763805800000-service-role';
export { Bids1763806610000 } from './1763806610000-bids';
export { NeedLifecycle1763806800000 } from './1763806800000-need-lifecycle';
export { NotificationReads1763806900000 } from './1763806900000-notification-reads';
export { Contracts1763807100000 } from './1763807100000-contracts';
export { NeedVisibilitySearch1763807400000 } from './1763807400000-need-visibility-search';
