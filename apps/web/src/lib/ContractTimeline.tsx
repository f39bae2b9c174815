import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractDetail } from './ContractParts';
import { CONTRACTS_NS } from './contracts-i18n';
import { formatDateTime } from './datetime';
import { useLanguage } from './i18n';
import { formatQuantity } from './products';

interface Step {
  key: string;
  at: string;
  /** Steps at the same instant keep the order they were written in. */
  order: number;
  body: ReactNode;
}

/** Every step of the contract as one list, oldest first: what happened, when, and who said what. */
function useSteps(c: ContractDetail): Step[] {
  const { t } = useTranslation(CONTRACTS_NS);
  const language = useLanguage();
  const unit = c.need.unit.name;
  const q = (value: string) => formatQuantity(value, language);
  const note = (text: string | null | undefined) =>
    text && <p className="muted pre-wrap">{t('timeline.note', { note: text })}</p>;
  const steps: Step[] = [
    {
      key: 'awarded',
      at: c.createdAt,
      order: 0,
      body: t('timeline.awarded', { quantity: q(c.quantity), unit }),
    },
  ];
  c.shipments.forEach((s, i) => {
    steps.push({
      key: `shipped-${s.id}`,
      at: s.shippedAt,
      order: 1 + i,
      body: (
        <>
          {t('timeline.shipped', { quantity: q(s.quantity), unit })}{' '}
          <Tag
            color={s.onTime ? 'green' : 'orange'}
            data-testid="timeline-on-time"
            data-on-time={s.onTime}
          >
            {s.onTime ? t('timeline.onTime') : t('timeline.late')}
          </Tag>
          {!s.receivedAt && <span className="muted"> · {t('timeline.awaitingReceipt')}</span>}
          {note(s.note)}
        </>
      ),
    });
    if (s.receivedAt && s.acceptedQuantity != null) {
      steps.push({
        key: `received-${s.id}`,
        at: s.receivedAt,
        order: 1 + i,
        body: (
          <>
            {t('timeline.received', { accepted: q(s.acceptedQuantity), unit })}
            {note(s.receiptNote)}
          </>
        ),
      });
    }
  });
  const d = c.dispute;
  if (d) {
    steps.push({
      key: 'dispute',
      at: d.openedAt,
      order: 0,
      body: (
        <>
          {t('timeline.disputeOpened', { name: d.openedBy.name })}
          <p className="pre-wrap">{d.reason}</p>
          {d.statement && (
            <p className="pre-wrap">
              <strong>{t('timeline.statement')}:</strong> {d.statement}
            </p>
          )}
        </>
      ),
    });
    if (d.resolvedAt && d.outcome) {
      steps.push({
        key: 'resolved',
        at: d.resolvedAt,
        order: 0,
        body: (
          <>
            {t('timeline.disputeResolved')}: <strong>{t(`timeline.outcome.${d.outcome}`)}</strong>
            <p className="pre-wrap">{d.resolution}</p>
          </>
        ),
      });
    }
  }
  if (c.completedAt)
    steps.push({ key: 'completed', at: c.completedAt, order: 0, body: t('timeline.completed') });
  c.reviews.forEach((r, i) =>
    steps.push({
      key: `review-${r.reviewer.id}`,
      at: r.createdAt,
      order: i,
      body: (
        <>
          {t('timeline.reviewed', { name: r.reviewer.name, rating: r.rating })}
          {r.comment && <p className="pre-wrap">{r.comment}</p>}
        </>
      ),
    }),
  );
  return steps.sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order);
}

export function ContractTimeline({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation(CONTRACTS_NS);
  const language = useLanguage();
  const steps = useSteps(contract);
  return (
    <section className="card" aria-labelledby="contract-timeline">
      <h2 id="contract-timeline">{t('page.timeline')}</h2>
      <ol className="contract-timeline" data-testid="contract-timeline">
        {steps.map((s) => (
          <li key={s.key} data-testid={`timeline-${s.key.replace(/-.*/, '')}`}>
            <time dateTime={s.at} className="muted">
              {formatDateTime(s.at, language)}
            </time>
            <div>{s.body}</div>
          </li>
        ))}
      </ol>
    </section>
  );
}
