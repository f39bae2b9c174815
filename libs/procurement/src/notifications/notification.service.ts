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
 * In-app notifications written by the worker into the matching schema; this subgraph is their API.
 * Every query is bound to the caller's user id: nobody reads or marks another person's notices.
 */
@Injectable()
export class NotificationService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async page(userId: string, unreadOnly: boolean, limit: number, after: (string | number)[] | null) {
    const rows = await this.ds.query<Row[]>(
      `SELECT id, kind, title, body, link, read_at, created_at FROM matching.notifications
        WHERE user_id = $1 AND (NOT $2 OR read_at IS NULL)
          AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $5`,
      [userId, unreadOnly, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    const [{ n }] = await this.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM matching.notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return { rows: rows.map(toNotification), unreadCount: n };
  }

  /** Marks the caller's own notices read; ids of others' notices are silently not counted. */
  async markRead(userId: string, ids: string[]): Promise<number> {
    if (ids.length > 500) throw badInput('ids', 'tooLong', { max: 500 });
    const valid = ids.filter(isUuid);
    if (!valid.length) return 0;
    // A CTE, because TypeORM answers a bare UPDATE with [rows, count] rather than the rows.
    const [{ n }] = await this.ds.query<{ n: number }[]>(
      `WITH changed AS (
         UPDATE matching.notifications SET read_at = now()
          WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL RETURNING id
       ) SELECT count(*)::int AS n FROM changed`,
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
