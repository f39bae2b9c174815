import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Modal, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';
import type { PlatformRole, StaffOrganizationQuery, VerificationStatus } from '../gql/graphql';
import { formatDateTime } from './datetime';
import { DESK_NS } from './desk-i18n';
import { DeskDocuments, DeskDuplicates, TaxCodeState } from './DeskEvidence';
import { apiErrorsOf, hasErrorCode } from './errors';
import { Field } from './Field';
import { useLanguage } from './i18n';
import { ReasonDialog } from './ReasonDialog';
import { TrustedBuyerSwitch } from './TrustedBuyerSwitch';
import { VERIFICATION_STYLE } from './verification';
import { QueryFallback } from './QueryFallback';

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

const ModerateOrganizationDocument = graphql(`
  mutation ModerateOrganization($subjectId: ID!, $decision: ModerationDecision!, $reason: String) {
    moderate(subject: ORGANIZATION, subjectId: $subjectId, decision: $decision, reason: $reason) {
      id
      subjectId
    }
  }
`);

const SuspendOrganizationDocument = graphql(`
  mutation SuspendOrganization($id: ID!, $reason: String!) {
    suspendOrganization(id: $id, reason: $reason) {
      id
      verification
      verificationNote
    }
  }
`);

const ReinstateOrganizationDocument = graphql(`
  mutation ReinstateOrganization($id: ID!, $reason: String!) {
    reinstateOrganization(id: $id, reason: $reason) {
      id
      verification
      verificationNote
    }
  }
`);

export type StaffOrganization = NonNullable<StaffOrganizationQuery['organization']>;
export type ReviewOutcome = 'approved' | 'rejected' | 'suspended' | 'reinstated';
type Dialog = 'reject' | 'suspend' | 'reinstate' | 'approveNoDocs';

const REJECT_TEMPLATES = [
  'taxCodeMismatch',
  'missingDocuments',
  'contactUnverifiable',
  'duplicate',
] as const;
const SUSPEND_TEMPLATES = ['fraudReports', 'deliveryFailures', 'documentsExpired'] as const;

/**
 * Someone else acted on the organization first (CONFLICT), or it no longer exists: the screen
 * is out of date rather than the request wrong.
 */
function isStale(error: unknown): boolean {
  return hasErrorCode(error, 'CONFLICT') || hasErrorCode(error, 'NOT_FOUND');
}

function Facts({ organization }: { organization: StaffOrganization }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const missing = <span className="muted">{t('admin.notProvided')}</span>;
  return (
    <dl className="fields">
      <Field label={t('moderation.fields.kind')}>{t(`kind.${organization.kind}`)}</Field>
      <Field label={t('moderation.fields.taxCode')}>
        <span className="mono">{organization.taxCode}</span>{' '}
        <TaxCodeState valid={organization.taxCodeValid} />
      </Field>
      <Field label={t('moderation.fields.province')}>{organization.province.name}</Field>
      <Field label={t('moderation.fields.address')}>{organization.address ?? missing}</Field>
      <Field label={t('moderation.fields.phone')}>
        {organization.phone ? (
          <a href={`tel:${organization.phone}`}>{organization.phone}</a>
        ) : (
          missing
        )}
      </Field>
      <Field label={t('moderation.fields.memberCount')}>
        {organization.memberCount ?? missing}
      </Field>
      <Field label={t('moderation.fields.createdAt')}>
        <time dateTime={organization.createdAt} title={t('admin.timeZoneNote')}>
          {formatDateTime(organization.createdAt, language)}
        </time>
      </Field>
      <Field label={t('moderation.fields.id')}>
        <span className="mono selectable">{organization.id}</span>
      </Field>
    </dl>
  );
}

function StatusLine({ organization }: { organization: StaffOrganization }) {
  const { t } = useTranslation();
  const status: VerificationStatus = organization.verification;
  return (
    <div className="review-status">
      <Tag
        color={VERIFICATION_STYLE[status].tag}
        data-testid="mod-detail-status"
        data-status={status}
      >
        {t(`verification.${status}.label`)}
      </Tag>
      {organization.verificationNote && (
        <p className="review-note">
          <span className="muted">{t('moderation.fields.note')}:</span>{' '}
          {organization.verificationNote}
        </p>
      )}
    </div>
  );
}

interface ActionsProps {
  organization: StaffOrganization;
  onDone: (outcome: ReviewOutcome) => void;
  /** A failure that no dialog shows: approving, or a decision that came too late. */
  onFailure: (error: unknown) => void;
}

function ReviewActions({ organization, onDone, onFailure }: ActionsProps) {
  const { t } = useTranslation();
  const { t: td } = useTranslation(DESK_NS);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [approving, setApproving] = useState(false);
  const [moderate] = useMutation(ModerateOrganizationDocument);
  const [suspend] = useMutation(SuspendOrganizationDocument);
  const [reinstate] = useMutation(ReinstateOrganizationDocument);
  const { id } = organization;

  // `moderate` answers with the queue item, not the organization, so the cached organization
  // is brought up to date by hand; suspend and reinstate return it and update the cache alone.
  function decide(decision: 'APPROVE' | 'REJECT', reason: string | null) {
    return moderate({
      variables: { subjectId: id, decision, reason },
      update(cache) {
        cache.modify({
          id: cache.identify({ __typename: 'Organization', id }),
          fields: {
            verification: () => (decision === 'APPROVE' ? 'VERIFIED' : 'REJECTED'),
            verificationNote: () => reason,
          },
        });
      },
    });
  }

  async function approve() {
    setApproving(true);
    try {
      await decide('APPROVE', null);
      onDone('approved');
    } catch (error) {
      onFailure(error);
    } finally {
      setApproving(false);
    }
  }

  /** Runs a decision from a dialog; a stale screen closes it, anything else stays in it. */
  async function confirm(run: () => Promise<unknown>, outcome: ReviewOutcome) {
    try {
      await run();
    } catch (error) {
      if (!isStale(error)) throw error;
      setDialog(null);
      onFailure(error);
      return;
    }
    setDialog(null);
    onDone(outcome);
  }

  const name = organization.name;
  return (
    <>
      <div className="review-actions">
        {organization.verification === 'PENDING_VERIFICATION' && (
          <>
            <Button
              data-testid="mod-approve"
              type="primary"
              size="large"
              loading={approving}
              // No evidence to compare with: the moderator confirms that this is deliberate.
              onClick={() =>
                organization.documents?.length === 0 ? setDialog('approveNoDocs') : void approve()
              }
            >
              {t('moderation.approve')}
            </Button>
            <Button
              data-testid="mod-reject"
              danger
              size="large"
              disabled={approving}
              onClick={() => setDialog('reject')}
            >
              {t('moderation.reject')}
            </Button>
          </>
        )}
        {organization.verification === 'VERIFIED' && (
          <Button
            data-testid="mod-suspend"
            danger
            size="large"
            onClick={() => setDialog('suspend')}
          >
            {t('moderation.suspend')}
          </Button>
        )}
        {organization.verification === 'SUSPENDED' && (
          <Button
            data-testid="mod-reinstate"
            type="primary"
            size="large"
            onClick={() => setDialog('reinstate')}
          >
            {t('moderation.reinstate')}
          </Button>
        )}
        {organization.verification === 'REJECTED' && (
          <p className="muted">{t('moderation.noActions')}</p>
        )}
      </div>
      <Modal
        open={dialog === 'approveNoDocs'}
        title={td('approveNoDocs.title', { name })}
        onCancel={() => setDialog(null)}
        destroyOnHidden
        footer={
          <div className="dialog-actions">
            <Button
              size="large"
              onClick={() => setDialog(null)}
              data-testid="mod-approve-nodocs-cancel"
            >
              {td('approveNoDocs.cancel')}
            </Button>
            <Button
              type="primary"
              size="large"
              data-testid="mod-approve-nodocs-confirm"
              onClick={() => {
                setDialog(null);
                void approve();
              }}
            >
              {td('approveNoDocs.confirm')}
            </Button>
          </div>
        }
      >
        <p data-testid="mod-approve-nodocs">{td('approveNoDocs.body')}</p>
      </Modal>
      <ReasonDialog
        open={dialog === 'reject'}
        title={t('moderation.rejectDialog.title', { name })}
        intro={t('moderation.rejectDialog.intro')}
        reasonLabel={t('moderation.rejectDialog.reasonLabel')}
        confirmLabel={t('moderation.rejectDialog.confirm')}
        danger
        templates={REJECT_TEMPLATES.map((key) => t(`moderation.rejectTemplates.${key}`))}
        testIdPrefix="mod-reject"
        onConfirm={(reason) => confirm(() => decide('REJECT', reason), 'rejected')}
        onClose={() => setDialog(null)}
      />
      <ReasonDialog
        open={dialog === 'suspend'}
        title={t('moderation.suspendDialog.title', { name })}
        intro={t('moderation.suspendDialog.intro')}
        reasonLabel={t('moderation.suspendDialog.reasonLabel')}
        confirmLabel={t('moderation.suspendDialog.confirm')}
        danger
        templates={SUSPEND_TEMPLATES.map((key) => t(`moderation.suspendTemplates.${key}`))}
        testIdPrefix="mod-suspend"
        onConfirm={(reason) => confirm(() => suspend({ variables: { id, reason } }), 'suspended')}
        onClose={() => setDialog(null)}
      />
      <ReasonDialog
        open={dialog === 'reinstate'}
        title={t('moderation.reinstateDialog.title', { name })}
        intro={t('moderation.reinstateDialog.intro')}
        reasonLabel={t('moderation.reinstateDialog.reasonLabel')}
        confirmLabel={t('moderation.reinstateDialog.confirm')}
        testIdPrefix="mod-reinstate"
        onConfirm={(reason) =>
          confirm(() => reinstate({ variables: { id, reason } }), 'reinstated')
        }
        onClose={() => setDialog(null)}
      />
    </>
  );
}

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
        <StatusLine organization={organization} />
        <div className="desk-review">
          <div>
            <Facts organization={organization} />
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
