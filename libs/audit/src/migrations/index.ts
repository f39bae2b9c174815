export { AuditLog1763800300000 } from './1763800300000-audit-log';
