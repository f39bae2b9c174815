import { useMutation } from '@apollo/client/react';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { ContractDetail } from './ContractParts';
import { CONTRACTS_NS } from './contracts-i18n';
import { ReasonDialog } from './ReasonDialog';

const OpenDisputeDocument = graphql(`
  mutation OpenDispute($contractId: ID!, $reason: String!) {
    openDispute(contractId: $contractId, reason: $reason) {
      ...ContractDetailFields
    }
  }
`);
const DisputeStatementDocument = graphql(`
  mutation DisputeStatement($contractId: ID!, $text: String!) {
    disputeStatement(contractId: $contractId, text: $text) {
      ...ContractDetailFields
    }
  }
`);

/** The server's limit for a dispute's reason and statement. */
const DISPUTE_TEXT_MAX_LENGTH = 2000;

/**
 * Either party's OWNER or MANAGER freezes an active or delivering contract with a reason; while
 * the dispute is open, the side that did not open it gives its statement once.
 */
export function DisputeActions({
  contract: c,
  orgId,
}: {
  contract: ContractDetail;
  orgId: string;
}) {
  const { t } = useTranslation(CONTRACTS_NS);
  const [openDispute] = useMutation(OpenDisputeDocument);
  const [giveStatement] = useMutation(DisputeStatementDocument);
  const [dialog, setDialog] = useState<'open' | 'statement' | null>(null);
  const d = c.dispute;
  const mayOpen = c.status === 'ACTIVE' || c.status === 'DELIVERING';
  const mayState =
    c.status === 'DISPUTED' && !!d && !d.resolvedAt && d.openedBy.id !== orgId && !d.statement;
  if (!mayOpen && !mayState) return null;
  return (
    <section aria-labelledby="contract-dispute-actions">
      <h3 id="contract-dispute-actions">{t('dispute.title')}</h3>
      {mayOpen && (
        <Button danger data-testid="dispute-open" onClick={() => setDialog('open')}>
          {t('dispute.open')}
        </Button>
      )}
      {mayState && (
        <Button
          type="primary"
          data-testid="dispute-statement"
          onClick={() => setDialog('statement')}
        >
          {t('dispute.statement')}
        </Button>
      )}
      <ReasonDialog
        open={dialog === 'open'}
        title={t('dispute.openTitle')}
        intro={t('dispute.openIntro')}
        reasonLabel={t('dispute.reason')}
        confirmLabel={t('dispute.openConfirm')}
        maxLength={DISPUTE_TEXT_MAX_LENGTH}
        danger
        testIdPrefix="dispute"
        onConfirm={async (reason) => {
          await openDispute({ variables: { contractId: c.id, reason } });
          setDialog(null);
        }}
        onClose={() => setDialog(null)}
      />
      <ReasonDialog
        open={dialog === 'statement'}
        title={t('dispute.statementTitle')}
        intro={t('dispute.statementIntro')}
        reasonLabel={t('dispute.statementLabel')}
        confirmLabel={t('dispute.statementConfirm')}
        maxLength={DISPUTE_TEXT_MAX_LENGTH}
        testIdPrefix="statement"
        onConfirm={async (text) => {
          await giveStatement({ variables: { contractId: c.id, text } });
          setDialog(null);
        }}
        onClose={() => setDialog(null)}
      />
    </section>
  );
}
