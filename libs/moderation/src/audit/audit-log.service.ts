import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditActor, AuditEntry, AuditSubject } from '../moderation.types';

interface Row {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  subject: string;
  subject_id: string;
  subject_name: string | null;
  detail: unknown;
}

/** What the log can be narrowed to; every criterion is optional. `to` is exclusive. */
export interface AuditFilter {
  subjectId: string | null;
  subject: AuditSubject | null;
  actorId: string | null;
  from: Date | null;
  to: Date | null;
}

/** Reads the append-only audit log, newest first; there is deliberately no write or delete here. */
@Injectable()
export class AuditLogService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /**
   * One page, with the actor's and the subject's names as they are now: the log keeps ids (people
   * rename themselves, organizations are renamed), the reader wants names.
   */
  async list(f: AuditFilter, limit: number, beforeId: string | null): Promise<AuditEntry[]> {
    const rows: Row[] = await this.ds.query(
      `SELECT a.id, a.at, a.actor_id, u.full_name AS actor_name, a.action, a.subject, a.subject_id, a.detail,
              CASE a.subject
                WHEN 'ORGANIZATION' THEN (SELECT o.name FROM catalog.organizations o WHERE o.id::text = a.subject_id)
                WHEN 'PRODUCT' THEN (SELECT p.name FROM catalog.products p WHERE p.id::text = a.subject_id)
                WHEN 'USER' THEN (SELECT s.full_name FROM catalog.users s WHERE s.id::text = a.subject_id)
                -- Needs live in procurement: their entries carry the title they had.
                WHEN 'NEED' THEN a.detail->'after'->>'title'
              END AS subject_name
         FROM catalog.audit_log a LEFT JOIN catalog.users u ON u.id = a.actor_id
        WHERE ($1::text IS NULL OR a.subject_id = $1) AND ($2::bigint IS NULL OR a.id < $2::bigint)
          AND ($4::text IS NULL OR a.subject = $4) AND ($5::uuid IS NULL OR a.actor_id = $5::uuid)
          AND ($6::timestamptz IS NULL OR a.at >= $6) AND ($7::timestamptz IS NULL OR a.at < $7)
        ORDER BY a.id DESC LIMIT $3`,
      [f.subjectId, beforeId, limit, f.subject, f.actorId, f.from, f.to],
    );
    return rows.map((r) => ({
      id: String(r.id),
      at: r.at,
      actorId: r.actor_id,
      actor: r.actor_id && r.actor_name !== null ? { id: r.actor_id, fullName: r.actor_name } : null,
      action: r.action,
      subject: r.subject,
      subjectId: r.subject_id,
      subjectName: r.subject_name,
      detail: r.detail === null ? null : JSON.stringify(r.detail),
    }));
  }

  /** The people who appear in the log as actors, by name: what the actor filter offers. */
  async actors(): Promise<AuditActor[]> {
    return this.ds.query<AuditActor[]>(
      `SELECT u.id, u.full_name AS "fullName" FROM catalog.users u
        WHERE EXISTS (SELECT 1 FROM catalog.audit_log a WHERE a.actor_id = u.id)
        ORDER BY u.full_name, u.id LIMIT 500`,
    );
  }
}
