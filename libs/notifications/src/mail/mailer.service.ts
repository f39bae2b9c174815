import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '@lienket/config';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends e-mail over SMTP_URL; without it, e-mails are logged instead of sent. */
@Injectable()
export class MailerService implements OnApplicationShutdown {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.mail.smtpUrl ? nodemailer.createTransport(config.mail.smtpUrl) : null;
  }

  async send(mail: Mail): Promise<void> {
    if (!this.transport) {
      this.logger.log(`e-mail not sent (SMTP_URL unset): to=${mail.to} subject="${mail.subject}"`);
      return;
    }
    await this.transport.sendMail({ from: this.config.mail.from, ...mail });
  }

  onApplicationShutdown() {
    this.transport?.close();
  }
}
