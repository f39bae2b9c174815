import { useQuery } from '@apollo/client/react';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { graphql } from '../gql';
import { useSignedIn } from '../lib/auth';
import { CompleteContract, ReceiptForms, ShipmentForm } from '../lib/ContractDelivery';
import { DisputeActions } from '../lib/ContractDispute';
import { ContractFacts, ContractStatusTag, type ContractDetail } from '../lib/ContractParts';
import { ReorderButton, ReviewForm } from '../lib/ContractReview';
import { CONTRACTS_NS } from '../lib/contracts-i18n';
import { ContractThread } from '../lib/ContractThread';
import { ContractTimeline } from '../lib/ContractTimeline';
import { formatDateTime } from '../lib/datetime';
import { hasErrorCode } from '../lib/errors';
import { useLanguage } from '../lib/i18n';
import { useNeedPoster } from '../lib/need-poster';
import { QueryFallback } from '../lib/QueryFallback';

const ContractPageDocument = graphql(`
  query ContractPage($id: ID!) {
    contract(id: $id) {
      ...ContractDetailFields
    }
  }
`);

/** The open (or last) dispute in words: who opened it and why, the other side's statement, the outcome. */
function DisputeNotice({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation(CONTRACTS_NS);
  const language = useLanguage();
  const d = c.dispute;
  if (!d || d.resolvedAt) return null;
  return (
    <Alert
      className="form-notice"
      type="warning"
      showIcon
      data-testid="contract-dispute"
      title={t('dispute.title')}
      description={
        <>
          <p>
            {t('dispute.openedBy', {
              name: d.openedBy.name,
              at: formatDateTime(d.openedAt, language),
            })}
          </p>
          <p className="pre-wrap">{d.reason}</p>
          <p className="muted">{d.statement ? d.statement : t('dispute.noStatement')}</p>
          <p>{t('dispute.waiting')}</p>
        </>
      }
    />
  );
}

/** What the reader's organization may do now; the server judges every step again. */
function ContractActions({ contract: c, orgId }: { contract: ContractDetail; orgId: string }) {
  const { t } = useTranslation(CONTRACTS_NS);
  const buyer = c.buyer.id === orgId;
  const delivering = c.status === 'ACTIVE' || c.status === 'DELIVERING';
  return (
    <section
      className="card contract-actions"
      aria-labelledby="contract-actions"
      data-testid="contract-actions"
    >
      <h2 id="contract-actions">{t('page.actions')}</h2>
      {!buyer && delivering && <ShipmentForm contract={c} />}
      {buyer && c.status === 'DELIVERING' && <ReceiptForms contract={c} />}
      {buyer && <CompleteContract contract={c} />}
      <DisputeActions contract={c} orgId={orgId} />
      <ReviewForm contract={c} orgId={orgId} />
      {buyer && <ReorderButton contract={c} />}
      {(c.status === 'CANCELLED' ||
        (c.status === 'DISPUTED' && c.dispute?.openedBy.id === orgId)) && (
        <p className="muted">{t('page.noActions')}</p>
      )}
    </section>
  );
}

function ContractView({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation(CONTRACTS_NS);
  const poster = useNeedPoster();
  const orgId = poster?.organizationId ?? null;
  const party = !!orgId && (c.buyer.id === orgId || c.supplier.id === orgId);
  return (
    <>
      <h1 data-testid="contract-title">{c.need.title}</h1>
      <div className="product-status">
        <ContractStatusTag status={c.status} />
        <Link to={`/nhu-cau/${c.need.id}`}>{t('page.need', { title: c.need.title })}</Link>
      </div>
      <DisputeNotice contract={c} />
      <div className="supplier-sections">
        <section className="card" aria-label={c.need.title}>
          <ContractFacts contract={c} />
        </section>
        {party && poster?.manager && <ContractActions contract={c} orgId={orgId} />}
        <ContractTimeline contract={c} />
        {party && <ContractThread key={c.id} contractId={c.id} orgId={orgId} />}
      </div>
    </>
  );
}

/**
 * One contract, for both parties (all their people; OWNERs and MANAGERs act) and platform staff.
 * Anyone else reads it as not found, as the server answers.
 */
function Contract() {
  const { t } = useTranslation(CONTRACTS_NS);
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(ContractPageDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const notFound = hasErrorCode(error, 'NOT_FOUND');
  const contract = notFound ? null : data?.contract;
  return (
    <div className="page contract-page">
      {contract ? (
        <ContractView contract={contract} />
      ) : (
        <>
          <QueryFallback
            answered={!!data || notFound}
            error={notFound ? undefined : error}
            onRetry={() => void refetch()}
            notFound={{ title: t('page.notFound'), testId: 'contract-not-found' }}
            loadError={t('page.loadError')}
          />
          <p>
            <Link to="/hop-dong">{t('page.toList')}</Link>
          </p>
        </>
      )}
    </div>
  );
}

export default function ContractPage() {
  const signedIn = useSignedIn();
  const location = useLocation();
  if (!signedIn) return <Navigate to="/dang-nhap" replace state={{ from: location.pathname }} />;
  return <Contract />;
}
