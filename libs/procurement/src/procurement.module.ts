import { Module } from '@nestjs/common';
import { BidNeedResolver } from './bids/bid-need.resolver';
import { BidOpening } from './bids/bid-opening';
import { BidReadService } from './bids/bid-read.service';
import { BidSealer } from './bids/bid-sealing';
import { BidResolver } from './bids/bid.resolver';
import { BidService } from './bids/bid.service';
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
 * Procurement needs, sealed bids (and, with later work, awards, contracts and payments), suppliers'
 * reliability, and the handlers of the procurement queue (organizations' facts, needs' deadlines),
 * which the app's worker (workerHost(PROCUREMENT_QUEUE)) discovers.
 */
@Module({
  imports: [SessionRevocationsModule],
  exports: [BidOpening],
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
    BidSealer,
    BidOpening,
    BidService,
    BidReadService,
    BidResolver,
    BidNeedResolver,
  ],
  controllers: [StripeWebhookController, NeedModerationController],
})
export class ProcurementDomainModule {}
