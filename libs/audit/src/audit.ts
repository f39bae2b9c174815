import { EntityManager } from 'typeorm';

export interface AuditRecord {
  actorId: string | null;
  /** What happened, as `<subject>.<verb>`, e.g. `organization.verified`, `product.submitted`. */
  action: string;
  subject: 'ORGANIZATION' | 'PRODUCT' | 'NEED' | 'USER';
  subjectId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/**
 * Appends one entry in the caller's transaction, so a change and its record land together.
 * Returns the entry's id (a stable key for "this decision", e.g. to send its e-mail once).
 */
export async function recordAudit(m: EntityManager, r: AuditRecord): Promise<string> {
  const detail = { before: r.before ?? null, after: r.after ?? null, ...(r.reason ? { reason: r.reason } : {}) };
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO catalog.audit_log (actor_id, action, subject, subject_id, detail) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [r.actorId, r.action, r.subject, r.subjectId, JSON.stringify(detail)],
  );
  return String(row.id);
}
