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
 * expiry date: each message has its own dedupe key, and the notice row, written once every message
 * went out, keeps later scans from looking at the certification again.
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

  /**
   * Tells one certification's recipients, then records the notice. No transaction spans the
   * messages: each message is its own unit (its dedupe key commits with it), so this never holds a
   * pooled connection while asking for another, and a job needs one connection at a time (a worker
   * at full concurrency cannot starve its pool; decision 57). A concurrent scan sends nothing twice
   * (the second insert of a key waits for the first to commit, then finds it); a failed message
   * fails the job before the notice is written, and the retry sends only what is missing.
   */
  private async tell(c: Candidate): Promise<boolean> {
    const recipients = await this.ds.query<ExpiryRecipient[]>(
      `SELECT id AS "userId", email, full_name AS name, locale FROM catalog.users
        WHERE organization_id = $1 AND organization_role IN ('OWNER', 'MANAGER') ORDER BY created_at`,
      [c.organizationId],
    );
    const key = `certification-expiry:${c.productId}:${c.kind}:${c.validUntil}`;
    for (const r of recipients) {
      await this.inApp.notifyOnce(`${key}:${r.userId}`, { userId: r.userId, kind: 'product.certification_expiring', ...expiryNotice(c, r) });
      await this.mail.sendOnce(`${key}:${r.email}`, expiryMail(c, r, this.config.gateway.publicUrl));
    }
    const recorded = await this.ds.query<unknown[]>(
      `INSERT INTO matching.certification_expiry_notices (product_id, kind, valid_until, organization_id, recipients)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING product_id`,
      [c.productId, c.kind, c.validUntil, c.organizationId, recipients.length],
    );
    return recorded.length > 0;
  }
}
