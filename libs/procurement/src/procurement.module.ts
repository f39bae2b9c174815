import { Module } from '@nestjs/common';
import { BidNeedResolver } from './bids/bid-need.resolver';
import { BidOpening } from './bids/bid-opening';
import { BidReadService } from './bids/bid-read.service';
import { BidSealer } from './bids/bid-sealing';
import { BidResolver } from './bids/bid.resolver';
import { BidService } from './bids/bid.service';
import { NeedResolver } from './needs/need.resolver';
import { NeedService } from './needs/need.service';
import { StripeWebhookController } from './payments/stripe-webhook.controller';
import { NotificationResolver } from './notifications/notification.resolver';
import { NotificationService } from './notifications/notification.service';
import { ReliabilityResolver } from './reliability/reliability.resolver';
import { ReliabilityService } from './reliability/reliability.service';

/** Procurement needs (and, with later work, bids, awards, contracts and payments), suppliers' reliability. */
@Module({ exports: [BidOpening], providers: [NeedService, NeedResolver, NotificationService, NotificationResolver, ReliabilityService, ReliabilityResolver, BidSealer, BidOpening, BidService, BidReadService, BidResolver, BidNeedResolver], controllers: [StripeWebhookController] })
export class ProcurementDomainModule {}
