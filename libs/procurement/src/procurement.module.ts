import { Module } from '@nestjs/common';
import { NeedResolver } from './needs/need.resolver';
import { NeedService } from './needs/need.service';
import { StripeWebhookController } from './payments/stripe-webhook.controller';
import { NotificationResolver } from './notifications/notification.resolver';
import { NotificationService } from './notifications/notification.service';
import { ReliabilityResolver } from './reliability/reliability.resolver';
import { ReliabilityService } from './reliability/reliability.service';

/** Procurement needs (and, with later work, bids, awards, contracts and payments), suppliers' reliability. */
@Module({ providers: [NeedService, NeedResolver, NotificationService, NotificationResolver, ReliabilityService, ReliabilityResolver], controllers: [StripeWebhookController] })
export class ProcurementDomainModule {}
