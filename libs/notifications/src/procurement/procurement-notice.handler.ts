import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { HandlesJob, JobHandler, JobPayloads } from '@lienket/queue';
import { InAppNotifier } from '../in-app/in-app.service';
import { OutgoingMailService } from '../mail/outgoing-mail.service';
import { NoticeEvent, NoticeRecipient, procurementMail, procurementNotice } from './procurement-notice.templates';

/**
 * A procurement step told to one organization (decision NN): its owners and managers, read from
 * catalog.users (the worker's column grant; procurement has no users), each in their language, in
 * the app and by e-mail, once per occurrence and recipient however often the job runs.
 */
abstract class ProcurementNoticeHandler<N extends NoticeEvent> implements JobHandler<N> {
  protected abstract readonly event: N;

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly inApp: InAppNotifier,
    private readonly mail: OutgoingMailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(p: JobPayloads[N]): Promise<void> {
    const recipients = await this.ds.query<NoticeRecipient[]>(
      `SELECT id AS "userId", email, full_name AS name, locale FROM catalog.users
        WHERE organization_id = $1 AND organization_role IN ('OWNER', 'MANAGER') ORDER BY created_at`,
      [p.organizationId],
    );
    for (const r of recipients) {
      const key = `${this.event}:${p.occurrenceId}`;
      await this.inApp.notifyOnce(`${key}:${r.userId}`, { userId: r.userId, kind: this.event, ...procurementNotice(this.event, p, r) });
      await this.mail.sendOnce(`${key}:${r.email}`, procurementMail(this.event, p, r, this.config.gateway.publicUrl));
    }
  }
}

@Injectable()
@HandlesJob('need.awarded')
export class NeedAwardedHandler extends ProcurementNoticeHandler<'need.awarded'> {
  protected readonly event = 'need.awarded' as const;
}
@Injectable()
@HandlesJob('bid.not_awarded')
export class BidNotAwardedHandler extends ProcurementNoticeHandler<'bid.not_awarded'> {
  protected readonly event = 'bid.not_awarded' as const;
}
@Injectable()
@HandlesJob('shipment.recorded')
export class ShipmentRecordedHandler extends ProcurementNoticeHandler<'shipment.recorded'> {
  protected readonly event = 'shipment.recorded' as const;
}
@Injectable()
@HandlesJob('receipt.confirmed')
export class ReceiptConfirmedHandler extends ProcurementNoticeHandler<'receipt.confirmed'> {
  protected readonly event = 'receipt.confirmed' as const;
}
@Injectable()
@HandlesJob('dispute.opened')
export class DisputeOpenedHandler extends ProcurementNoticeHandler<'dispute.opened'> {
  protected readonly event = 'dispute.opened' as const;
}
@Injectable()
@HandlesJob('dispute.resolved')
export class DisputeResolvedHandler extends ProcurementNoticeHandler<'dispute.resolved'> {
  protected readonly event = 'dispute.resolved' as const;
}
@Injectable()
@HandlesJob('review.received')
export class ReviewReceivedHandler extends ProcurementNoticeHandler<'review.received'> {
  protected readonly event = 'review.received' as const;
}
@Injectable()
@HandlesJob('contract.message')
export class ContractMessageHandler extends ProcurementNoticeHandler<'contract.message'> {
  protected readonly event = 'contract.message' as const;
}

export const PROCUREMENT_NOTICE_HANDLERS = [
  NeedAwardedHandler, BidNotAwardedHandler, ShipmentRecordedHandler, ReceiptConfirmedHandler,
  DisputeOpenedHandler, DisputeResolvedHandler, ReviewReceivedHandler, ContractMessageHandler,
];
