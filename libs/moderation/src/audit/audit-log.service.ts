import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEntry } from '../moderation.types';

interface Row {
  id: string;
  at: Date;
  actor_id: string | null;
  action: string;
  subject: string;
  subject_id: string;
  detail: unknown;
}

/** Reads the append-only audit log, newest first; there is deliberately no write or delete here. */
@Injectable()
export class AuditLogService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async list(subjectId: string | null | undefined, limit: number, beforeId: string | null): Promise<AuditEntry[]> {
    const rows: Row[] = await this.ds.query(
      `SELECT id, at, actor_id, action, subject, subject_id, detail FROM catalog.audit_log
        WHERE ($1::text IS NULL OR subject_id = $1) AND ($2::bigint IS NULL OR id < $2::bigint)
        ORDER BY id DESC LIMIT $3`,
      [subjectId ?? null, beforeId, limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      at: r.at,
      actorId: r.actor_id,
      action: r.action,
      subject: r.subject,
      subjectId: r.subject_id,
      detail: r.detail === null ? null : JSON.stringify(r.detail),
    }));
  }
}
