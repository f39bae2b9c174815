import { Inject, Injectable } from '@nestjs/common';
import { passwordResetToken } from '@lienket/auth';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { HandlesJob, JobHandler, JobPayloads } from '@lienket/queue';
import { OutgoingMailService } from './outgoing-mail.service';
import { passwordReset } from './templates';

@Injectable()
@HandlesJob('password.reset_requested')
export class PasswordResetHandler implements JobHandler<'password.reset_requested'> {
  constructor(
    private readonly mail: OutgoingMailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(p: JobPayloads['password.reset_requested']): Promise<void> {
    const token = passwordResetToken(p.resetId, p.nonce, this.config.auth.invitationSecret);
    await this.mail.sendOnce(`password-reset:${p.resetId}`, passwordReset(p, token, this.config.gateway.publicUrl));
  }
}
