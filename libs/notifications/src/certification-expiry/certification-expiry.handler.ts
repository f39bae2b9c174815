import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { HandlesJob, JobHandler } from '@lienket/queue';
import { todayInVietnam } from '@lienket/reference-data';
import { InAppNotifier } from '../in-app/in-app.service';
import { OutgoingMailService } from '../mail/outgoing-mail.service';
import { ExpiringCertification, expiryMail, expiryNotice, ExpiryRecipient } from './certification-expiry.templates';

/** How far ahead owners are told (the issue: 30 days). */
export const EXPIRY_NOTICE_DAYS = 30;

interface Candidate extends ExpiringCertification {
  organizationId: string;
}

/**
 * The daily scan: certifications of public listings (their approved version, as buyers see it) that
 * expire within EXPIRY_NOTICE_DAYS by Vietnam's calendar and were not yet told for that expiry date.
 * Owners and managers are told in-app and by e-mail in their language, once per certification and
 * expiry date: the notice row is claimed first (a concurrent scan waits on its key, then skips it),
 * and its transaction commits only after every message went out, so a failure is retried whole while
 * the per-message dedupe keys keep a retry from repeating what was already sent.
 *
 * It reads the catalog's listings and team (no copy of them exists in the matching schema yet) and
 * writes only the matching schema.
 */
@Injectable()
@HandlesJob('certifications.expiry_scan')
export class CertificationExpiryHandler implements JobHandler<'certifications.expiry_scan'> {
  private readonly logger = new Logger('CertificationExpiry');

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly inApp: InAppNotifier,
    private readonly mail: OutgoingMailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(): Promise<void> {
    const candidates = await this.expiringSoon();
    let told = 0;
    for (const c of candidates) if (await this.tell(c)) told++;
    if (told) this.logger.log(`told the owners of ${told} expiring certification(s)`);
  }

  private expiringSoon(): Promise<Candidate[]> {
    return this.ds.query<Candidate[]>(
      `WITH today AS (SELECT $2::date AS d)
       SELECT p.id AS "productId", p.organization_id AS "organizationId", p.approved ->> 'name' AS "productName",
              c ->> 'kind' AS kind, c ->> 'issuer' AS issuer, c ->> 'validUntil' AS "validUntil",
              ((c ->> 'validUntil')::date - today.d) AS "daysLeft"
         FROM catalog.public_listings p
         CROSS JOIN today
         CROSS JOIN LATERAL jsonb_array_elements(p.approved -> 'certifications') c
        WHERE (c ->> 'validUntil')::date BETWEEN today.d AND today.d + $1::int
          AND NOT EXISTS (SELECT 1 FROM matching.certification_expiry_notices n
                           WHERE n.product_id = p.id AND n.kind = c ->> 'kind' AND n.valid_until = (c ->> 'validUntil')::date)
        ORDER BY p.id, kind`,
      [EXPIRY_NOTICE_DAYS, todayInVietnam()],
    );
  }

  /** One transaction per certification: it holds only its own notice key while the messages go out. */
  private tell(c: Candidate): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const recipients = await m.query<ExpiryRecipient[]>(
        `SELECT id AS "userId", email, full_name AS name, locale FROM catalog.users
          WHERE organization_id = $1 AND organization_role IN ('OWNER', 'MANAGER') ORDER BY created_at`,
        [c.organizationId],
      );
      const claimed = await m.query<unknown[]>(
        `INSERT INTO matching.certification_expiry_notices (product_id, kind, valid_until, organization_id, recipients)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING product_id`,
        [c.productId, c.kind, c.validUntil, c.organizationId, recipients.length],
      );
      if (claimed.length === 0) return false;
      for (const r of recipients) {
        const key = `certification-expiry:${c.productId}:${c.kind}:${c.validUntil}`;
        await this.inApp.notifyOnce(`${key}:${r.userId}`, { userId: r.userId, kind: 'product.certification_expiring', ...expiryNotice(c, r) });
        await this.mail.sendOnce(`${key}:${r.email}`, expiryMail(c, r, this.config.gateway.publicUrl));
      }
      return true;
    });
  }
}
