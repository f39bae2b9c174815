import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { BidStatus, NeedStatus } from '../gql/graphql';
import { formatDateTime, formatDay } from './datetime';
import { Field } from './Field';
import { useLanguage } from './i18n';
import { NEEDS_NS } from './needs-i18n';
import { formatAmount, formatQuantity } from './products';

/** The caller's own bid as the need page shows it. */
export const MyBidFields = graphql(`
  fragment MyBidFields on Bid {
    id
    status
    revision
    submittedAt
    unitPrice {
      amount
      currency
    }
    quantity
    deliveryDate
    note
  }
`);

export interface MyBid {
  id: string;
  status: BidStatus;
  revision: number;
  submittedAt: string;
  unitPrice: { amount: string };
  quantity: string;
  deliveryDate: string;
  note?: string | null;
}

/** The need as its bidding part reads it (BidPanel). */
export interface BidNeed {
  id: string;
  status: NeedStatus;
  quantity: string;
  allowPartial: boolean;
  deliveryFrom: string;
  deliveryTo: string;
  unit: { name: string; symbol: string };
  myBid?: MyBid | null;
}

/** A bid's status in words, with its revision ("Lần sửa 2") once it was revised. */
export function BidStatusLine({ bid }: { bid: MyBid }) {
  const { t } = useTranslation(NEEDS_NS);
  return (
    <p className="bid-status">
      <Tag data-testid="my-bid-status" data-status={bid.status}>
        {t(`bidStatus.${bid.status}`)}
      </Tag>
      {bid.revision > 1 && (
        <span data-testid="my-bid-revision">{t('bid.revision', { n: bid.revision })}</span>
      )}
    </p>
  );
}

/** The caller's bid, read-only: after the deadline, or above the form while it may change. */
export function MyBidSummary({ bid, unit }: { bid: MyBid; unit: BidNeed['unit'] }) {
  const { t } = useTranslation(NEEDS_NS);
  const language = useLanguage();
  return (
    <div className="my-bid" data-testid="my-bid">
      <BidStatusLine bid={bid} />
      <dl className="fields">
        <Field label={t('bid.unitPrice')}>
          <span data-testid="my-bid-price">
            {t('page.price', {
              amount: formatAmount(bid.unitPrice.amount, language),
              unit: unit.symbol,
            })}
          </span>
        </Field>
        <Field label={t('bid.quantity')}>
          {formatQuantity(bid.quantity, language)} {unit.name}
        </Field>
        <Field label={t('bid.deliveryDate')}>{formatDay(bid.deliveryDate, language)}</Field>
        {bid.note && (
          <Field label={t('bid.note')}>
            <span className="pre-wrap">{bid.note}</span>
          </Field>
        )}
        <Field label={t('bid.submittedAt')}>{formatDateTime(bid.submittedAt, language)}</Field>
      </dl>
    </div>
  );
}
