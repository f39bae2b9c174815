import { useQuery } from '@apollo/client/react';
import { Alert } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';
import type { PlatformRole } from '../gql/graphql';
import { DeskDocuments, DeskDuplicates } from './DeskEvidence';
import { apiErrorsOf } from './errors';
import {
  OrganizationFacts,
  OrganizationStatusLine,
  type StaffOrganization,
} from './OrganizationFacts';
import { isStale, ReviewActions, type ReviewOutcome } from './OrganizationReviewActions';
import { QueryFallback } from './QueryFallback';
import { TrustedBuyerSwitch } from './TrustedBuyerSwitch';

export type { StaffOrganization } from './OrganizationFacts';
export type { ReviewOutcome } from './OrganizationReviewActions';

const StaffOrganizationDocument = graphql(`
  query StaffOrganization($id: ID!) {
    organization(id: $id) {
      id
      kind
      name
      taxCode
      province {
        code
        name
      }
      verification
      verificationNote
      memberCount
      address
      phone
      createdAt
      taxCodeValid
      trustedBuyer
      documents {
        id
        kind
        filename
        contentType
        size
        createdAt
        url
      }
      duplicates {
        sameTaxCode
        samePhone
        organization {
          id
          name
          taxCode
          verification
        }
      }
    }
  }
`);

export interface OrganizationReviewProps {
  id: string;
  role: PlatformRole;
  onDone: (outcome: ReviewOutcome, organization: StaffOrganization) => void;
  /** Someone else decided first: whatever list led here is out of date. */
  onStale?: () => void;
}

/**
 * One organization as platform staff see it, with the decisions its status allows. Render it
 * with `key={id}` so that a message about one organization never shows on the next.
 */
export function OrganizationReview({ id, role, onDone, onStale }: OrganizationReviewProps) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(StaffOrganizationDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const organization = data?.organization;

  function handleFailure(failure: unknown) {
    setProblem(apiErrorsOf(failure)[0]?.message ?? t('errors.network'));
    if (isStale(failure)) {
      // Show what the other moderator decided, and let the list drop what is no longer waiting.
      void refetch().catch(() => undefined);
      onStale?.();
    }
  }

  if (organization) {
    return (
      <article className="card review" aria-labelledby="review-title">
        <p className="card-eyebrow">{t(`kind.${organization.kind}`)}</p>
        <h2 id="review-title" data-testid="mod-detail-name">
          {organization.name}
        </h2>
        <OrganizationStatusLine organization={organization} />
        <div className="desk-review">
          <div>
            <OrganizationFacts organization={organization} />
            {organization.duplicates && <DeskDuplicates duplicates={organization.duplicates} />}
          </div>
          {organization.documents && <DeskDocuments documents={organization.documents} />}
        </div>
        {problem && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            className="review-problem"
            data-testid="mod-problem"
            title={t('moderation.problemTitle')}
            description={problem}
          />
        )}
        <ReviewActions
          organization={organization}
          onDone={(outcome) => {
            setProblem(null);
            onDone(outcome, organization);
          }}
          onFailure={handleFailure}
        />
        {role === 'ADMIN' && organization.kind === 'ENTERPRISE' && (
          <TrustedBuyerSwitch organization={organization} />
        )}
        {role === 'ADMIN' && (
          <p className="review-audit-link">
            <Link to={`/quan-tri/nhat-ky?id=${encodeURIComponent(organization.id)}`}>
              {t('moderation.viewAudit')}
            </Link>
          </p>
        )}
      </article>
    );
  }
  return (
    <QueryFallback
      answered={!error && !loading && !!data}
      error={error}
      onRetry={() => void refetch()}
      notFound={{ title: t('moderation.notFound'), testId: 'mod-not-found' }}
      loadError={t('moderation.detailLoadError')}
      rows={7}
    />
  );
}
