import { AuditActor1763806400000, AuditLog1763800300000, AuditTruncate1763805800001 } from './migrations';

export * from './audit';
export const AUDIT_MIGRATIONS = [AuditLog1763800300000, AuditTruncate1763805800001, AuditActor1763806400000];
