import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { HandlesJob, JobHandler, JobPayloads } from '@lienket/queue';
import { InAppNotifier } from '../in-app/in-app.service';
import { OutgoingMailService } from '../mail/outgoing-mail.service';
import { NOTICE_EVENTS, NoticeEvent, NoticeRecipient, procurementMail, procurementNotice } from './procurement-notice.templates';

/**
 * A procurement step told to one organization (decision 120): its owners and managers, read from
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

/** One handler class per event (the worker wants exactly one per job name), all told alike. */
function handlerFor<N extends NoticeEvent>(event: N) {
  @Injectable()
  @HandlesJob(event)
  class Handler extends ProcurementNoticeHandler<N> {
    protected readonly event = event;
  }
  Object.defineProperty(Handler, 'name', { value: `ProcurementNotice(${event})` });
  return Handler;
}

export const PROCUREMENT_NOTICE_HANDLERS = NOTICE_EVENTS.map(handlerFor);
