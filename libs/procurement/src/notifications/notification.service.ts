import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badInput, isUuid } from '@lienket/graphql';
import { Notification } from './notification.type';

interface Row {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  read_at: Date | null;
  created_at: Date;
}

/**
 * In-app notifications written by the worker into the matching schema; this subgraph is their API
 * and keeps who read what in its own `notification_reads` (decision 95: the worker's rows are never
 * written here). Every query is bound to the caller's user id: nobody reads or marks another
 * person's notices.
 */
@Injectable()
export class NotificationService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async page(userId: string, unreadOnly: boolean, limit: number, after: (string | number)[] | null) {
    const rows = await this.ds.query<Row[]>(
      `SELECT n.id, n.kind, n.title, n.body, n.link, r.read_at, n.created_at
         FROM matching.notifications n
         LEFT JOIN procurement.notification_reads r ON r.notification_id = n.id
        WHERE n.user_id = $1 AND (NOT $2 OR r.read_at IS NULL)
          AND ($3::timestamptz IS NULL OR (n.created_at, n.id) < ($3::timestamptz, $4::uuid))
        ORDER BY n.created_at DESC, n.id DESC LIMIT $5`,
      [userId, unreadOnly, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    const [{ n }] = await this.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM matching.notifications n
        WHERE n.user_id = $1 AND NOT EXISTS (SELECT 1 FROM procurement.notification_reads r WHERE r.notification_id = n.id)`,
      [userId],
    );
    return { rows: rows.map(toNotification), unreadCount: n };
  }

  /** Marks the caller's own notices read; ids of others' notices are silently not counted. */
  async markRead(userId: string, ids: string[]): Promise<number> {
    if (ids.length > 500) throw badInput('ids', 'tooLong', { max: 500 });
    const valid = ids.filter(isUuid);
    if (!valid.length) return 0;
    // Only the caller's own notices are marked: the id must be one of theirs in the worker's table.
    // A CTE, because TypeORM answers a bare INSERT with [rows, count] rather than the rows.
    const [{ n }] = await this.ds.query<{ n: number }[]>(
      `WITH marked AS (
         INSERT INTO procurement.notification_reads (notification_id, user_id)
         SELECT id, user_id FROM matching.notifications WHERE user_id = $1 AND id = ANY($2::uuid[])
         ON CONFLICT (notification_id) DO NOTHING RETURNING notification_id
       ) SELECT count(*)::int AS n FROM marked`,
      [userId, valid],
    );
    return n;
  }
}

const toNotification = (r: Row): Notification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  readAt: r.read_at,
  createdAt: r.created_at,
});
