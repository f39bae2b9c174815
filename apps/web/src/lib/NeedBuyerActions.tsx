import { useMutation } from '@apollo/client/react';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';
import type { NeedStatus, VerificationStatus } from '../gql/graphql';
import { apiErrorsOf } from './errors';
import { NEEDS_NS } from './needs-i18n';
import { ReasonDialog } from './ReasonDialog';
import { SubmitBlocked } from './SubmitBlocked';

// The mutations answer the fields the page shows, so Apollo's cache redraws it at once.
const SubmitNeedDocument = graphql(`
  mutation SubmitNeed($id: ID!) {
    submitNeed(id: $id) {
      id
      status
      bidDeadline
    }
  }
`);

const CancelNeedDocument = graphql(`
  mutation CancelNeed($id: ID!, $reason: String!) {
    cancelNeed(id: $id, reason: $reason) {
      id
      status
      cancellationReason
    }
  }
`);

/** cancelNeed's limit for the reason bidders read. */
const CANCEL_REASON_MAX_LENGTH = 500;
const CANCELLABLE: readonly NeedStatus[] = ['DRAFT', 'PENDING_REVIEW', 'OPEN'];

export interface BuyerActionsNeed {
  id: string;
  status: NeedStatus;
}

/**
 * What the buyer's OWNER or MANAGER can do with its need: edit and send a draft for review
 * (disabled, with the reason, until the organization is verified), and cancel it with a reason
 * while it is a draft, pending or open. A rejected need is not sent again (decision: the buyer
 * posts a new one), so it offers "Đăng nhu cầu mới" instead.
 */
export function NeedBuyerActions({
  need,
  verification,
}: {
  need: BuyerActionsNeed;
  verification: VerificationStatus | null;
}) {
  const { t } = useTranslation(NEEDS_NS);
  const [submitNeed, submitting] = useMutation(SubmitNeedDocument);
  const [cancelNeed] = useMutation(CancelNeedDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const draft = need.status === 'DRAFT';
  const blocked = draft && verification !== null && verification !== 'VERIFIED';
  const cancellable = CANCELLABLE.includes(need.status);
  if (!draft && !cancellable && need.status !== 'REJECTED') return null;

  async function submit() {
    setProblem(null);
    try {
      await submitNeed({ variables: { id: need.id } });
    } catch (failure) {
      setProblem(apiErrorsOf(failure)[0]?.message ?? t('errors.network', { ns: 'translation' }));
    }
  }

  return (
    <section className="card" aria-labelledby="need-actions" data-testid="need-actions">
      <h2 id="need-actions">{t('page.actions')}</h2>
      {draft && <p className="muted">{t('actions.submitHelp')}</p>}
      {blocked && verification && <SubmitBlocked verification={verification} />}
      {problem && (
        <Alert
          className="form-notice"
          type="error"
          showIcon
          role="alert"
          data-testid="need-action-problem"
          title={problem}
        />
      )}
      <div className="form-actions">
        {draft && (
          <>
            <Link to={`/nhu-cau/${need.id}/sua`} className="link-button" data-testid="need-edit">
              {t('page.edit')}
            </Link>
            <Button
              type="primary"
              size="large"
              data-testid="need-submit"
              loading={submitting.loading}
              disabled={blocked}
              aria-describedby={blocked ? 'submit-blocked' : undefined}
              onClick={() => void submit()}
            >
              {t('actions.submit')}
            </Button>
          </>
        )}
        {need.status === 'REJECTED' && (
          <Link
            to="/nhu-cau/moi"
            className="link-button link-button-primary"
            data-testid="need-repost"
          >
            {t('actions.repost')}
          </Link>
        )}
        {cancellable && (
          <Button size="large" danger data-testid="need-cancel" onClick={() => setCancelling(true)}>
            {t('actions.cancel')}
          </Button>
        )}
      </div>
      <ReasonDialog
        open={cancelling}
        title={t('actions.cancelTitle')}
        intro={t('actions.cancelIntro')}
        reasonLabel={t('actions.cancelReason')}
        confirmLabel={t('actions.cancelConfirm')}
        maxLength={CANCEL_REASON_MAX_LENGTH}
        danger
        testIdPrefix="need-cancel"
        onConfirm={async (reason) => {
          await cancelNeed({ variables: { id: need.id, reason } });
          setCancelling(false);
        }}
        onClose={() => setCancelling(false)}
      />
    </section>
  );
}

/** Why the need ended where it did: the moderator's reason (buyer only) or the buyer's. */
export function NeedOutcomeReason({
  status,
  rejectionReason,
  cancellationReason,
}: {
  status: NeedStatus;
  rejectionReason?: string | null;
  cancellationReason?: string | null;
}) {
  const { t } = useTranslation(NEEDS_NS);
  if (status === 'REJECTED' && rejectionReason) {
    return (
      <Alert
        className="form-notice"
        type="error"
        showIcon
        data-testid="need-rejection-reason"
        title={t('actions.rejectedTitle')}
        description={<p className="pre-wrap">{rejectionReason}</p>}
      />
    );
  }
  if (status === 'CANCELLED' && cancellationReason) {
    return (
      <Alert
        className="form-notice"
        type="info"
        showIcon
        data-testid="need-cancellation-reason"
        title={t('actions.cancelledTitle')}
        description={<p className="pre-wrap">{cancellationReason}</p>}
      />
    );
  }
  return null;
}
