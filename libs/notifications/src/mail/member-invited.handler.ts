import { Inject, Injectable } from '@nestjs/common';
import { invitationToken } from '@lienket/auth';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { HandlesJob, JobHandler, JobPayloads } from '@lienket/queue';
import { OutgoingMailService } from './outgoing-mail.service';
import { memberInvited } from './templates';

@Injectable()
@HandlesJob('member.invited')
export class MemberInvitedHandler implements JobHandler<'member.invited'> {
  constructor(
    private readonly mail: OutgoingMailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(p: JobPayloads['member.invited']): Promise<void> {
    const token = invitationToken(p.invitationId, p.nonce, this.config.auth.invitationSecret);
    await this.mail.sendOnce(`invitation:${p.invitationId}:${p.nonce}`, memberInvited(p, token, this.config.gateway.publicUrl));
  }
}
