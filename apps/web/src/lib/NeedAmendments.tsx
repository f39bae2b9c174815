import { useMutation } from '@apollo/client/react';
import { Button, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { NeedStatus } from '../gql/graphql';
import { formatDateTime, formatDay } from './datetime';
import { DialogActions } from './DialogActions';
import { FormProblems } from './FormProblems';
import { useLanguage } from './i18n';
import { NEEDS_NS } from './needs-i18n';
import { ReasonDialog } from './ReasonDialog';
import { useFormSubmit } from './use-form-submit';
import { vietnamDateTime, vietnamInstant } from './vietnam-time';

/** What the need page reads for this section (spread into its query). */
export const NeedAmendmentFields = graphql(`
  fragment NeedAmendmentFields on ProcurementNeed {
    id
    bidDeadline
    clarifications {
      id
      text
      publishedAt
    }
    deadlineHistory {
      id
      previousDeadline
      newDeadline
      changedAt
    }
  }
`);

// The answer carries the deadline and its history, so Apollo's cache moves the countdown at once.
const ExtendNeedDeadlineDocument = graphql(`
  mutation ExtendNeedDeadline($needId: ID!, $bidDeadline: DateTime!) {
    extendNeedDeadline(needId: $needId, bidDeadline: $bidDeadline) {
      ...NeedAmendmentFields
      status
    }
  }
`);

const PublishClarificationDocument = graphql(`
  mutation PublishClarification($needId: ID!, $text: String!) {
    publishClarification(needId: $needId, text: $text) {
      id
    }
  }
`);

/** publishClarification's limit. */
const CLARIFICATION_MAX_LENGTH = 2000;
const EXTEND_FIELDS = { bidDeadline: 'date' } as const;

export interface AmendableNeed {
  id: string;
  status: NeedStatus;
  bidDeadline: string;
  deliveryFrom: string;
  clarifications: { id: string; text: string; publishedAt: string }[];
  deadlineHistory: {
    id: string;
    previousDeadline: string;
    newDeadline: string;
    changedAt: string;
  }[];
}

interface ExtendValues {
  date?: string;
  time?: string;
}

/** The new deadline, typed on Việt Nam's clock (native pickers on a phone), checked as the server will. */
function ExtendForm({ need, onDone }: { need: AmendableNeed; onDone: () => void }) {
  const { t } = useTranslation(NEEDS_NS);
  const language = useLanguage();
  const [form] = Form.useForm<ExtendValues>();
  const [extend] = useMutation(ExtendNeedDeadlineDocument);
  const { problems, busy, run, formProps } = useFormSubmit(form, EXTEND_FIELDS);
  const current = vietnamDateTime(need.bidDeadline);
  const instant = (v: ExtendValues) => vietnamInstant(v.date ?? '', v.time ?? '');
  const later = {
    validator: (_: unknown, date?: string) => {
      if (!date) return Promise.reject(new Error(t('amend.dateRequired')));
      if (date > need.deliveryFrom)
        return Promise.reject(new Error(t('wizard.deadlineAfterDelivery')));
      const at = instant({ date, time: form.getFieldValue('time') as string | undefined });
      return at && new Date(at) <= new Date(need.bidDeadline)
        ? Promise.reject(new Error(t('amend.notLater')))
        : Promise.resolve();
    },
  };

  async function submit(values: ExtendValues) {
    const ok = await run(() =>
      extend({ variables: { needId: need.id, bidDeadline: instant(values) ?? '' } }),
    );
    if (ok) onDone();
  }

  return (
    <Form<ExtendValues>
      {...formProps}
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={current ?? {}}
      onFinish={(values) => void submit(values)}
      noValidate
    >
      <p className="muted">
        {t('amend.extendIntro', {
          current: formatDateTime(need.bidDeadline, language),
          deliveryFrom: formatDay(need.deliveryFrom, language),
        })}
      </p>
      <div className="form-row">
        <Form.Item
          name="date"
          label={t('amend.date')}
          dependencies={['time']}
          rules={[later]}
          required
        >
          <input
            type="date"
            className="native-input"
            data-testid="need-extend-date"
            max={need.deliveryFrom}
          />
        </Form.Item>
        <Form.Item
          name="time"
          label={t('amend.time')}
          rules={[{ required: true, message: t('amend.timeRequired') }]}
        >
          <input type="time" className="native-input" data-testid="need-extend-time" />
        </Form.Item>
      </div>
      <FormProblems problems={problems} />
      <DialogActions
        onCancel={onDone}
        busy={busy}
        confirmLabel={t('amend.extendConfirm')}
        confirmTestId="need-extend-confirm"
      />
    </Form>
  );
}

/** Clarifications and extensions, oldest first, as one list. */
function History({ need }: { need: AmendableNeed }) {
  const { t } = useTranslation(NEEDS_NS);
  const language = useLanguage();
  const entries = [
    ...need.clarifications.map((c) => ({
      id: c.id,
      at: c.publishedAt,
      text: c.text,
      title: t('amend.clarified'),
    })),
    ...need.deadlineHistory.map((d) => ({
      id: d.id,
      at: d.changedAt,
      text: null,
      title: t('amend.extended', {
        from: formatDateTime(d.previousDeadline, language),
        to: formatDateTime(d.newDeadline, language),
      }),
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  if (!entries.length) return <p className="muted">{t('amend.none')}</p>;
  return (
    <ol className="need-amendments" data-testid="need-amendments">
      {entries.map((e) => (
        <li key={e.id} data-testid="need-amendment">
          <p className="need-amendment-head">
            <strong>{e.title}</strong>{' '}
            <time className="muted" dateTime={e.at}>
              {formatDateTime(e.at, language)}
            </time>
          </p>
          {e.text && <p className="pre-wrap">{e.text}</p>}
        </li>
      ))}
    </ol>
  );
}

/**
 * The buyer's clarifications and deadline extensions, for everyone who reads the need. While the
 * need is open the buyer's OWNER or MANAGER extends ("Gia hạn") and clarifies ("Đăng làm rõ"); a
 * material change is a cancellation and a new need, which the section says.
 */
export function NeedAmendments({
  need,
  manages,
  onChanged,
}: {
  need: AmendableNeed;
  manages: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation(NEEDS_NS);
  const [dialog, setDialog] = useState<'extend' | 'clarify' | null>(null);
  const [publish] = useMutation(PublishClarificationDocument);
  const amendable = manages && need.status === 'OPEN';
  if (!amendable && !need.clarifications.length && !need.deadlineHistory.length) return null;
  return (
    <section className="card" aria-labelledby="need-amend" data-testid="need-amend">
      <h2 id="need-amend">{t('amend.title')}</h2>
      <History need={need} />
      {amendable && (
        <>
          <p className="muted">{t('amend.help')}</p>
          <p className="muted" data-testid="need-material-change">
            {t('amend.material')}
          </p>
          <div className="form-actions">
            <Button size="large" data-testid="need-extend" onClick={() => setDialog('extend')}>
              {t('amend.extend')}
            </Button>
            <Button size="large" data-testid="need-clarify" onClick={() => setDialog('clarify')}>
              {t('amend.clarify')}
            </Button>
          </div>
        </>
      )}
      <Modal
        open={dialog === 'extend'}
        title={t('amend.extendTitle')}
        onCancel={() => setDialog(null)}
        footer={null}
        mask={{ closable: false }}
        destroyOnHidden
      >
        <ExtendForm need={need} onDone={() => setDialog(null)} />
      </Modal>
      <ReasonDialog
        open={dialog === 'clarify'}
        title={t('amend.clarifyTitle')}
        intro={t('amend.clarifyIntro')}
        reasonLabel={t('amend.clarifyLabel')}
        requiredMessage={t('amend.clarifyRequired')}
        confirmLabel={t('amend.clarifyConfirm')}
        maxLength={CLARIFICATION_MAX_LENGTH}
        testIdPrefix="need-clarify"
        onConfirm={async (text) => {
          await publish({ variables: { needId: need.id, text } });
          await onChanged();
          setDialog(null);
        }}
        onClose={() => setDialog(null)}
      />
    </section>
  );
}
