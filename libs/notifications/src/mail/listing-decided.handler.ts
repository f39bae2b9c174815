import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { HandlesJob, JobHandler, JobPayloads } from '@lienket/queue';
import { OutgoingMailService } from './outgoing-mail.service';
import { InAppNotifier } from '../in-app/in-app.service';
import { listingDecided, listingNotice } from './templates';

/**
 * A listing approved or rejected: an in-app notice and an e-mail to each owner and manager, in
 * their language. Keyed by the decision (its audit entry) and the recipient: a redelivered job
 * adds nothing, a later decision on the same listing is told again.
 */
@Injectable()
@HandlesJob('product.moderation_decided')
export class ListingDecidedHandler implements JobHandler<'product.moderation_decided'> {
  constructor(
    private readonly mail: OutgoingMailService,
    private readonly inApp: InAppNotifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(p: JobPayloads['product.moderation_decided']): Promise<void> {
    for (const r of p.recipients) {
      await this.inApp.notifyOnce(`listing:${p.decisionId}:${r.userId}`, { userId: r.userId, kind: `product.${p.outcome.toLowerCase()}`, ...listingNotice(p, r) });
      await this.mail.sendOnce(`listing:${p.decisionId}:${r.email}`, listingDecided(p, r, this.config.gateway.publicUrl));
    }
  }
}
