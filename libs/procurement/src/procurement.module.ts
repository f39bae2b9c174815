import { Module } from '@nestjs/common';
import { NeedResolver } from './needs/need.resolver';
import { NeedService } from './needs/need.service';
import { StripeWebhookController } from './payments/stripe-webhook.controller';
import { NotificationResolver } from './notifications/notification.resolver';
import { NotificationService } from './notifications/notification.service';

/** Procurement needs (and, with later work, bids, awards, contracts and payments). */
@Module({ providers: [NeedService, NeedResolver, NotificationService, NotificationResolver], controllers: [StripeWebhookController] })
export class ProcurementDomainModule {}
