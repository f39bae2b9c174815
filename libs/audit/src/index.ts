import { AuditLog1763800300000, AuditTruncate1763805800001 } from './migrations';

export * from './audit';
export const AUDIT_MIGRATIONS = [AuditLog1763800300000, AuditTruncate1763805800001];
