import { useMutation } from '@apollo/client/react';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';
import type { ContractStatus } from '../gql/graphql';
import { AwardDialog, type AwardBid, type AwardNeed } from './AwardDialog';
import { DebriefText, type Debrief } from './Debrief';
import { ContractStatusTag } from './ContractParts';
import { CONTRACTS_NS } from './contracts-i18n';
import { useLanguage } from './i18n';
import { formatAmount, formatQuantity } from './products';
import { ReasonDialog } from './ReasonDialog';

const CloseWithoutAwardDocument = graphql(`
  mutation CloseWithoutAward($needId: ID!, $reason: String!) {
    closeWithoutAward(needId: $needId, reason: $reason) {
      id
      status
      closingReason
    }
  }
`);

/** The need page and the comparison read again once the need is decided. */
const DECIDED = { refetchQueries: ['NeedPage', 'BidComparison'], awaitRefetchQueries: true };

/**
 * The buyer's decision on a closed need, beside the comparison: award one or more bids (split
 * quantities) or close without award with a reason every bidder reads.
 */
export function AwardActions({ need, bids }: { need: AwardNeed; bids: readonly AwardBid[] }) {
  const { t } = useTranslation(CONTRACTS_NS);
  const [dialog, setDialog] = useState<'award' | 'close' | null>(null);
  const [close] = useMutation(CloseWithoutAwardDocument, DECIDED);
  return (
    <div className="award-actions" data-testid="award-actions">
      <p className="muted">{t('award.help')}</p>
      <div className="form-actions">
        {bids.length > 0 && (
          <Button
            type="primary"
            size="large"
            data-testid="award-open"
            onClick={() => setDialog('award')}
          >
            {t('award.open')}
          </Button>
        )}
        <Button size="large" danger data-testid="award-close" onClick={() => setDialog('close')}>
          {t('award.close')}
        </Button>
      </div>
      <AwardDialog
        need={need}
        bids={bids}
        open={dialog === 'award'}
        onClose={() => setDialog(null)}
        onAwarded={() => setDialog(null)}
        refetchQueries={DECIDED}
      />
      <ReasonDialog
        open={dialog === 'close'}
        title={t('award.closeTitle')}
        intro={t('award.closeIntro')}
        reasonLabel={t('award.closeReason')}
        confirmLabel={t('award.closeConfirm')}
        danger
        testIdPrefix="award-close"
        onConfirm={async (reason) => {
          await close({ variables: { needId: need.id, reason } });
          setDialog(null);
        }}
        onClose={() => setDialog(null)}
      />
    </div>
  );
}

interface OutcomeContract {
  id: string;
  status: ContractStatus;
  quantity: string;
  total: { amount: string };
  supplier: { name: string };
}
/**
 * How the need ended, for whoever may know: the contracts (the buyer all, a winner its own), the
 * buyer's reason for closing without award, and a losing bidder's debrief.
 */
export function NeedOutcome({
  contracts,
  closingReason,
  debrief,
  unit,
}: {
  contracts: readonly OutcomeContract[];
  closingReason: string | null | undefined;
  debrief: Debrief | null | undefined;
  unit: { name: string };
}) {
  const { t } = useTranslation(CONTRACTS_NS);
  const language = useLanguage();
  if (!contracts.length && !closingReason && !debrief) return null;
  return (
    <section className="card" aria-labelledby="need-outcome" data-testid="need-outcome">
      <h2 id="need-outcome">{t(closingReason ? 'award.closingReason' : 'award.contracts')}</h2>
      {closingReason && (
        <p className="pre-wrap" data-testid="need-closing-reason">
          {closingReason}
        </p>
      )}
      {contracts.length > 0 && (
        <ul className="need-contracts">
          {contracts.map((c) => (
            <li key={c.id} data-testid="need-contract">
              <Link to={`/hop-dong/${c.id}`}>
                {t('award.contractLine', {
                  name: c.supplier.name,
                  quantity: formatQuantity(c.quantity, language),
                  unit: unit.name,
                  amount: formatAmount(c.total.amount, language),
                })}
              </Link>{' '}
              <ContractStatusTag status={c.status} />
            </li>
          ))}
        </ul>
      )}
      {debrief && (
        <Alert
          className="form-notice"
          type="info"
          showIcon
          title={t('debrief.title')}
          description={<DebriefText debrief={debrief} />}
        />
      )}
    </section>
  );
}
