export { AuditLog1763800300000 } from './1763800300000-audit-log';
export { AuditTruncate1763805800001 } from './1763805800001-audit-truncate';
export { AuditActor1763806400000 } from './1763806400000-audit-actor';
