import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { HandlesJob, JobHandler, JobPayloads } from '@lienket/queue';
import { OutgoingMailService } from './outgoing-mail.service';
import { registrationReceived } from './templates';

@Injectable()
@HandlesJob('organization.registered')
export class RegistrationReceivedHandler implements JobHandler<'organization.registered'> {
  constructor(
    private readonly mail: OutgoingMailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(p: JobPayloads['organization.registered']): Promise<void> {
    await this.mail.sendOnce(`registration-received:${p.organizationId}`, registrationReceived(p, this.config.gateway.publicUrl));
  }
}
