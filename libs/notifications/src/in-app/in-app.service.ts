import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface InAppNotice {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

/** Writes in-app notifications once per dedupe key, so a redelivered job adds nothing. */
@Injectable()
export class InAppNotifier {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async notifyOnce(dedupeKey: string, n: InAppNotice): Promise<void> {
    await this.ds.query(
      `INSERT INTO matching.notifications (user_id, kind, title, body, link, dedupe_key) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [n.userId, n.kind, n.title, n.body, n.link, dedupeKey],
    );
  }
}
