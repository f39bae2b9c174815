import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { CONTRACTS_NS } from './contracts-i18n';

/** A losing bid's debrief, as the need page and /bao-gia ask for it. */
export const DebriefFields = graphql(`
  fragment DebriefFields on Debrief {
    priceRank
    priceGapPercent
    deliveryRank
    deliveryGapDays
    awardedCount
    totalBids
  }
`);

export interface Debrief {
  priceRank: number;
  priceGapPercent: number;
  deliveryRank: number;
  deliveryGapDays: number;
  awardedCount: number;
  totalBids: number;
}

/** A bidder's debrief in words: how its bid ranked against the awarded ones. */
export function DebriefText({ debrief: d }: { debrief: Debrief }) {
  const { t } = useTranslation(CONTRACTS_NS);
  return (
    <p data-testid="debrief">
      {t('debrief.text', {
        priceRank: d.priceRank,
        priceGap: d.priceGapPercent,
        deliveryRank: d.deliveryRank,
        deliveryGap: d.deliveryGapDays,
        awarded: d.awardedCount,
        total: d.totalBids,
      })}
    </p>
  );
}
