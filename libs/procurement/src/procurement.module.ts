import { Module } from '@nestjs/common';
import { SessionRevocationsModule } from '@lienket/auth';
import { OrganizationChangedHandler } from './events/organization-changed.handler';
import { NeedDeadlineHandler, NeedDeadlineScheduler } from './needs/need-clock';
import { NeedLifecycleService } from './needs/need-lifecycle.service';
import { NeedModerationController } from './needs/need-moderation.controller';
import { NeedResolver } from './needs/need.resolver';
import { NeedService } from './needs/need.service';
import { StripeWebhookController } from './payments/stripe-webhook.controller';
import { NotificationResolver } from './notifications/notification.resolver';
import { NotificationService } from './notifications/notification.service';
import { ReliabilityResolver } from './reliability/reliability.resolver';
import { ReliabilityService } from './reliability/reliability.service';

/**
 * Procurement needs (and, with later work, bids, awards, contracts and payments), suppliers'
 * reliability, and the handlers of the procurement queue (organizations' facts, needs' deadlines),
 * which the app's worker (workerHost(PROCUREMENT_QUEUE)) discovers.
 */
@Module({
  imports: [SessionRevocationsModule],
  providers: [
    NeedService,
    NeedResolver,
    NotificationService,
    NotificationResolver,
    ReliabilityService,
    ReliabilityResolver,
    NeedLifecycleService,
    NeedDeadlineScheduler,
    NeedDeadlineHandler,
    OrganizationChangedHandler,
  ],
  controllers: [StripeWebhookController, NeedModerationController],
})
export class ProcurementDomainModule {}
