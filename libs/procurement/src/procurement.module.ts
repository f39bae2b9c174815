import { Module } from '@nestjs/common';
import { AwardResolver } from './awards/award.resolver';
import { AwardService } from './awards/award.service';
import { DebriefService } from './awards/debrief.service';
import { ContractActionsResolver } from './contracts/contract-actions.resolver';
import { ContractEvents } from './contracts/contract-events';
import { ContractMessageService } from './contracts/contract-message.service';
import { ContractNeedResolver } from './contracts/contract-need.resolver';
import { ContractReadService } from './contracts/contract-read.service';
import { ContractResolver } from './contracts/contract.resolver';
import { ContractService } from './contracts/contract.service';
import { DisputeService } from './contracts/dispute.service';
import { ReorderService } from './contracts/reorder.service';
import { BidNeedResolver } from './bids/bid-need.resolver';
import { MatchNeedResolver } from './matching/match-need.resolver';
import { MatchReadService } from './matching/match-read.service';
import { BidOpening } from './bids/bid-opening';
import { BidReadService } from './bids/bid-read.service';
import { BidSealer } from './bids/bid-sealing';
import { BidResolver } from './bids/bid.resolver';
import { BidService } from './bids/bid.service';
import { SessionRevocationsModule } from '@lienket/auth';
import { FileStorageModule } from '@lienket/storage';
import { NeedAttachmentController } from './attachments/attachment.controller';
import { NeedAttachmentResolver } from './attachments/attachment.resolver';
import { NeedAttachmentService } from './attachments/attachment.service';
import { OrganizationChangedHandler } from './events/organization-changed.handler';
import { NeedAmendmentResolver } from './needs/need-amendment.resolver';
import { NeedAmendmentService } from './needs/need-amendment.service';
import { NeedDeadlineHandler, NeedDeadlineScheduler } from './needs/need-clock';
import { NeedLifecycleService } from './needs/need-lifecycle.service';
import { NeedModerationController } from './needs/need-moderation.controller';
import { NeedResolver } from './needs/need.resolver';
import { NeedService } from './needs/need.service';
import { StripeWebhookController } from './payments/stripe-webhook.controller';
import { NotificationResolver } from './notifications/notification.resolver';
import { NotificationService } from './notifications/notification.service';
import { QuestionResolver } from './questions/question.resolver';
import { QuestionService } from './questions/question.service';
import { ReliabilityResolver } from './reliability/reliability.resolver';
import { ReliabilityService } from './reliability/reliability.service';

/**
 * Procurement needs with their attachments and public questions, sealed bids, awards and contracts (payments come later), suppliers'
 * reliability, and the handlers of the procurement queue (organizations' facts, needs' deadlines),
 * which the app's worker (workerHost(PROCUREMENT_QUEUE)) discovers.
 */
@Module({
  imports: [SessionRevocationsModule, FileStorageModule],
  exports: [BidOpening],
  providers: [
    NeedService,
    NeedResolver,
    NeedAttachmentService,
    NeedAttachmentResolver,
    NotificationService,
    NotificationResolver,
    ReliabilityService,
    ReliabilityResolver,
    NeedLifecycleService,
    NeedAmendmentService,
    NeedAmendmentResolver,
    NeedDeadlineScheduler,
    NeedDeadlineHandler,
    OrganizationChangedHandler,
    BidSealer,
    BidOpening,
    BidService,
    BidReadService,
    BidResolver,
    BidNeedResolver,
    MatchNeedResolver,
    MatchReadService,
    AwardService,
    DebriefService,
    AwardResolver,
    ContractEvents,
    ContractReadService,
    ContractService,
    DisputeService,
    ContractMessageService,
    ReorderService,
    ContractResolver,
    ContractActionsResolver,
    ContractNeedResolver,
    QuestionService,
    QuestionResolver,
  ],
  controllers: [StripeWebhookController, NeedModerationController, NeedAttachmentController],
})
export class ProcurementDomainModule {}
