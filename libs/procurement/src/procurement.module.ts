import { Module } from '@nestjs/common';
import { NeedResolver } from './needs/need.resolver';
import { NeedService } from './needs/need.service';
import { StripeWebhookController } from './payments/stripe-webhook.controller';

/** Procurement needs (and, with later work, bids, awards, contracts and payments). */
@Module({ providers: [NeedService, NeedResolver], controllers: [StripeWebhookController] })
export class ProcurementDomainModule {}
