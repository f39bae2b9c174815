import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { HandlesJob, JobHandler, JobPayloads } from '@lienket/queue';
import { OutgoingMailService } from './outgoing-mail.service';
import { InAppNotifier } from '../in-app/in-app.service';
import { registrationReceived } from './templates';

@Injectable()
@HandlesJob('organization.registered')
export class RegistrationReceivedHandler implements JobHandler<'organization.registered'> {
  constructor(
    private readonly mail: OutgoingMailService,
    private readonly inApp: InAppNotifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(p: JobPayloads['organization.registered']): Promise<void> {
    const vi = p.locale !== 'EN';
    await this.inApp.notifyOnce(`registration-received:${p.organizationId}`, {
      userId: p.ownerUserId,
      kind: 'organization.registered',
      title: vi ? 'Chào mừng đến với LienKet' : 'Welcome to LienKet',
      body: vi
        ? `Chúng tôi đã nhận đăng ký của ${p.organizationName} và sẽ xác minh trong 1–2 ngày làm việc.`
        : `We received the registration of ${p.organizationName} and will verify it within 1–2 working days.`,
      link: '/tai-khoan',
    });
    await this.mail.sendOnce(`registration-received:${p.organizationId}`, registrationReceived(p, this.config.gateway.publicUrl));
  }
}
