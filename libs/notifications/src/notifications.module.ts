import { Module } from '@nestjs/common';
import { CertificationExpiryHandler } from './certification-expiry/certification-expiry.handler';
import { InAppNotifier } from './in-app/in-app.service';
import { MailerService } from './mail/mailer.service';
import { OutgoingMailService } from './mail/outgoing-mail.service';
import { RegistrationReceivedHandler } from './mail/registration-received.handler';
import { VerificationDecidedHandler } from './mail/verification-decided.handler';
import { MemberInvitedHandler } from './mail/member-invited.handler';
import { PasswordResetHandler } from './mail/password-reset.handler';
import { ListingDecidedHandler } from './mail/listing-decided.handler';
import { NeedDecidedHandler } from './mail/need-decided.handler';
import { PROCUREMENT_NOTICE_HANDLERS } from './procurement/procurement-notice.handler';

/** E-mail and in-app notifications, driven by domain events. */
@Module({ providers: [InAppNotifier, MailerService, OutgoingMailService, RegistrationReceivedHandler, VerificationDecidedHandler, MemberInvitedHandler, PasswordResetHandler, CertificationExpiryHandler, ListingDecidedHandler, NeedDecidedHandler, ...PROCUREMENT_NOTICE_HANDLERS], exports: [OutgoingMailService] })
export class NotificationsModule {}
