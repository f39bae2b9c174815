import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Mail, MailerService } from './mailer.service';

/**
 * Sends each e-mail at most once per dedupe key. The key row is written in a transaction that
 * commits only after SMTP accepted the message, so a failure leaves no row and the retry sends.
 */
@Injectable()
export class OutgoingMailService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly mailer: MailerService,
  ) {}

  async sendOnce(dedupeKey: string, mail: Mail): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const inserted: unknown[] = await m.query(
        `INSERT INTO matching.sent_emails (dedupe_key, recipient) VALUES ($1, $2)
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING dedupe_key`,
        [dedupeKey, mail.to],
      );
      if (inserted.length === 0) return false;
      await this.mailer.send(mail);
      return true;
    });
  }
}
