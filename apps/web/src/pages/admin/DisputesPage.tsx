import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { DisputedContractsQuery, PlatformRole } from '../../gql/graphql';
import { AdminHeader } from '../../lib/AdminHeader';
import { ContractStatusTag } from '../../lib/ContractParts';
import { CONTRACTS_NS } from '../../lib/contracts-i18n';
import { formatDateTime } from '../../lib/datetime';
import { useLanguage } from '../../lib/i18n';
import { formatAmount } from '../../lib/products';
import { ListQueryResults } from '../../lib/ListQueryResults';
import { ResolveDisputeDialog } from '../../lib/ResolveDisputeDialog';
import { StaffGate } from '../../lib/StaffGate';
import { useListQuery } from '../../lib/use-list-query';

const DisputedContractsDocument = graphql(`
  query DisputedContracts($first: Int!, $after: String) {
    disputedContracts(first: $first, after: $after) {
      ...ContractSummaryFields
      dispute {
        openedBy {
          id
          name
        }
        reason
        openedAt
        statement
      }
    }
  }
`);

type Disputed = DisputedContractsQuery['disputedContracts'][number];

const STAFF: readonly PlatformRole[] = ['ADMIN', 'MODERATOR'];
const PAGE_SIZE = 20;

function DisputeCard({ contract: c, onResolve }: { contract: Disputed; onResolve?: () => void }) {
  const { t } = useTranslation(CONTRACTS_NS);
  const language = useLanguage();
  const d = c.dispute;
  return (
    <li className="my-product need-card" data-testid="disputes-item" data-contract-id={c.id}>
      <div className="my-product-head">
        <Link to={`/hop-dong/${c.id}`} className="my-product-name">
          {c.need.title}
        </Link>
        <ContractStatusTag status={c.status} />
      </div>
      <p className="muted">
        {t('admin.parties', { buyer: c.buyer.name, supplier: c.supplier.name })} ·{' '}
        {t('facts.money', { amount: formatAmount(c.total.amount, language) })}
      </p>
      {d && (
        <>
          <p>
            {t('dispute.openedBy', {
              name: d.openedBy.name,
              at: formatDateTime(d.openedAt, language),
            })}
          </p>
          <p className="pre-wrap" data-testid="disputes-reason">
            {d.reason}
          </p>
          <p className="muted pre-wrap">{d.statement ?? t('dispute.noStatement')}</p>
        </>
      )}
      {onResolve && (
        <Button type="primary" onClick={onResolve} data-testid="disputes-resolve">
          {t('admin.resolve')}
        </Button>
      )}
    </li>
  );
}

/** Staff's queue of disputed contracts; only an ADMIN resolves one (moderators read). */
function Disputes({ role }: { role: PlatformRole }) {
  const { t } = useTranslation(CONTRACTS_NS);
  const [resolving, setResolving] = useState<string | null>(null);
  const [resolved, setResolved] = useState(false);
  const list = useListQuery(DisputedContractsDocument, { first: PAGE_SIZE }, 'disputedContracts');
  return (
    <>
      <AdminHeader role={role} title={t('admin.title')} />
      <p className="muted">{t('admin.intro')}</p>
      {role !== 'ADMIN' && <p className="muted">{t('admin.moderatorOnlyReads')}</p>}
      {resolved && (
        <Alert
          className="form-notice"
          type="success"
          showIcon
          role="status"
          data-testid="disputes-notice"
          title={t('admin.resolved')}
        />
      )}
      <ListQueryResults
        query={list}
        label={t('admin.label')}
        empty={t('admin.empty')}
        loadError={t('admin.loadError')}
        render={(c) => (
          <DisputeCard
            key={c.id}
            contract={c}
            onResolve={
              role === 'ADMIN' ? () => (setResolved(false), setResolving(c.id)) : undefined
            }
          />
        )}
        testId="disputes"
      />
      <ResolveDisputeDialog
        contractId={resolving}
        onDone={() => {
          setResolving(null);
          setResolved(true);
        }}
        onClose={() => setResolving(null)}
      />
    </>
  );
}

export default function DisputesPage() {
  return (
    <div className="page admin">
      <StaffGate roles={STAFF}>{(role) => <Disputes role={role} />}</StaffGate>
    </div>
  );
}
