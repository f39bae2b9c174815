import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { HandlesJob, JobHandler, JobPayloads } from '@lienket/queue';
import { OutgoingMailService } from './outgoing-mail.service';
import { InAppNotifier } from '../in-app/in-app.service';
import { verificationDecided, verificationNotice } from './templates';

@Injectable()
@HandlesJob('organization.verification_decided')
export class VerificationDecidedHandler implements JobHandler<'organization.verification_decided'> {
  constructor(
    private readonly mail: OutgoingMailService,
    private readonly inApp: InAppNotifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(p: JobPayloads['organization.verification_decided']): Promise<void> {
    for (const r of p.recipients) {
      await this.inApp.notifyOnce(`verification:${p.decisionId}:${r.userId}`, { userId: r.userId, kind: `organization.${p.outcome.toLowerCase()}`, ...verificationNotice(p, r) });
      await this.mail.sendOnce(`verification:${p.decisionId}:${r.email}`, verificationDecided(p, r, this.config.gateway.publicUrl));
    }
  }
}
