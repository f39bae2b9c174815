import { useMutation } from '@apollo/client/react';
import { Checkbox, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { fromMilli, lineTotal, minMilli, sumMilli, toMilli } from './contract-math';
import { CONTRACTS_NS } from './contracts-i18n';
import { DialogActions } from './DialogActions';
import { apiErrorsOf } from './errors';
import { FormProblems } from './FormProblems';
import { useLanguage, type Language } from './i18n';
import { Input } from './inputs';
import { readNumber } from './numbers';
import { formatAmount, formatQuantity } from './products';

const AwardNeedDocument = graphql(`
  mutation AwardNeed($needId: ID!, $awards: [AwardInput!]!) {
    awardNeed(needId: $needId, awards: $awards) {
      id
    }
  }
`);

export interface AwardBid {
  id: string;
  quantity: string;
  unitPrice: { amount: string };
  supplier: { name: string };
}
export interface AwardNeed {
  id: string;
  quantity: string;
  unit: { name: string; symbol: string };
}

const written = (value: string, language: Language) =>
  language === 'vi' ? value.replace('.', ',') : value;

/** A typed quantity ("2,5" in Vietnamese) as thousandths, or null. */
function typedMilli(text: string, language: Language): bigint | null {
  const reading = readNumber(text, language);
  return reading.ok ? toMilli(reading.value) : null;
}

/** What was typed for one bid, read as thousandths, or why not. */
function readRow(text: string, max: bigint, language: Language) {
  const milli = typedMilli(text, language);
  if (milli === null || milli <= 0n) return { milli: null, problem: 'invalid' as const };
  if (milli > max) return { milli, problem: 'overBid' as const };
  return { milli, problem: null };
}

/**
 * Awarding from the opened bids: tick the winners and split the quantity. A ticked bid proposes its
 * own quantity, bounded by what the need still lacks; the sum and the money total follow every
 * keystroke, exact in thousandths and whole đồng. The server judges it all again.
 */
export function AwardDialog({
  need,
  bids,
  open,
  onClose,
  onAwarded,
  refetchQueries,
}: {
  need: AwardNeed;
  bids: readonly AwardBid[];
  open: boolean;
  onClose: () => void;
  onAwarded: () => void;
  /** What to read again once the award went through. */
  refetchQueries: { refetchQueries: string[]; awaitRefetchQueries: boolean };
}) {
  const { t } = useTranslation(CONTRACTS_NS);
  const language = useLanguage();
  const [award, { loading }] = useMutation(AwardNeedDocument, refetchQueries);
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<string[]>([]);
  const needMilli = toMilli(need.quantity) ?? 0n;
  const unit = need.unit.name;
  const rows = bids
    .filter((b) => b.id in picked)
    .map((b) => ({ bid: b, ...readRow(picked[b.id], toMilli(b.quantity) ?? 0n, language) }));
  const sum = sumMilli(rows.map((r) => r.milli ?? 0n));
  const total = rows.reduce(
    (s, r) => s + (r.milli ? lineTotal(fromMilli(r.milli), r.bid.unitPrice.amount) : 0n),
    0n,
  );
  const overNeed = sum > needMilli;
  const valid = rows.length > 0 && !overNeed && rows.every((r) => r.problem === null);

  function toggle(bid: AwardBid, on: boolean) {
    setProblems([]);
    setPicked((shown) => {
      const next = { ...shown };
      if (!on) {
        delete next[bid.id];
        return next;
      }
      const taken = sumMilli(Object.values(shown).map((text) => typedMilli(text, language) ?? 0n));
      const left = needMilli > taken ? needMilli - taken : 0n;
      next[bid.id] = written(fromMilli(minMilli(toMilli(bid.quantity) ?? 0n, left)), language);
      return next;
    });
  }

  async function confirm() {
    setProblems([]);
    try {
      await award({
        variables: {
          needId: need.id,
          awards: rows.map((r) => ({ bidId: r.bid.id, quantity: fromMilli(r.milli ?? 0n) })),
        },
      });
      onAwarded();
    } catch (e) {
      const messages = apiErrorsOf(e).map((p) => p.message);
      setProblems(messages.length ? messages : [t('errors.network', { ns: 'translation' })]);
    }
  }

  return (
    <Modal
      open={open}
      title={t('award.title')}
      onCancel={onClose}
      footer={null}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <p className="muted">{t('award.help')}</p>
      <ul className="award-rows" data-testid="award-rows">
        {bids.map((b) => {
          const row = rows.find((r) => r.bid.id === b.id);
          const inputId = `award-q-${b.id}`;
          return (
            <li key={b.id} className="award-row" data-testid="award-row">
              <Checkbox
                checked={!!row}
                onChange={(e) => toggle(b, e.target.checked)}
                data-testid="award-pick"
              >
                <strong>{b.supplier.name}</strong>
              </Checkbox>
              <p className="muted">
                {t('award.bidQuantity', {
                  quantity: formatQuantity(b.quantity, language),
                  unit,
                  price: `${formatAmount(b.unitPrice.amount, language)} đ/${need.unit.symbol}`,
                })}
              </p>
              {row && (
                <div className="award-quantity">
                  <label htmlFor={inputId}>{t('award.quantity', { unit })}</label>
                  <Input
                    id={inputId}
                    inputMode="decimal"
                    value={picked[b.id]}
                    status={row.problem ? 'error' : undefined}
                    aria-invalid={!!row.problem}
                    onChange={(e) => setPicked((shown) => ({ ...shown, [b.id]: e.target.value }))}
                    data-testid="award-quantity"
                  />
                  {row.problem && (
                    <p className="inline-error" role="alert">
                      {row.problem === 'overBid'
                        ? t('award.overBid', { max: formatQuantity(b.quantity, language) })
                        : t('award.invalid')}
                    </p>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <div className="award-summary" aria-live="polite">
        <p data-testid="award-sum">
          {t('award.sum', {
            sum: formatQuantity(fromMilli(sum), language),
            need: formatQuantity(need.quantity, language),
            unit,
          })}
        </p>
        <p data-testid="award-total">
          <strong>{t('award.total', { amount: formatAmount(total.toString(), language) })}</strong>
        </p>
        {overNeed && (
          <p className="inline-error" role="alert">
            {t('award.overNeed', { need: formatQuantity(need.quantity, language), unit })}
          </p>
        )}
      </div>
      <FormProblems problems={problems} />
      <DialogActions
        onCancel={onClose}
        busy={loading}
        confirmLabel={t('award.confirm')}
        confirmTestId="award-confirm"
        disabled={!valid}
        onConfirm={() => void confirm()}
      />
    </Modal>
  );
}
