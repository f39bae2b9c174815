import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { HandlesJob, JobHandler, JobPayloads } from '@lienket/queue';
import { OutgoingMailService } from './outgoing-mail.service';
import { InAppNotifier } from '../in-app/in-app.service';
import { needDecided, needNotice } from './templates';

/**
 * A need approved or rejected (catalog tells it after procurement applied the decision): an in-app
 * notice and an e-mail to each owner and manager of the buyer, keyed by decision and recipient.
 */
@Injectable()
@HandlesJob('need.moderation_decided')
export class NeedDecidedHandler implements JobHandler<'need.moderation_decided'> {
  constructor(
    private readonly mail: OutgoingMailService,
    private readonly inApp: InAppNotifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(p: JobPayloads['need.moderation_decided']): Promise<void> {
    for (const r of p.recipients) {
      await this.inApp.notifyOnce(`need:${p.decisionId}:${r.userId}`, { userId: r.userId, kind: `need.${p.outcome.toLowerCase()}`, ...needNotice(p, r) });
      await this.mail.sendOnce(`need:${p.decisionId}:${r.email}`, needDecided(p, r, this.config.gateway.publicUrl));
    }
  }
}
