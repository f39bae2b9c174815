import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from './ReasonDialog';

interface ReviewDecisionActionsProps {
  /** Still waiting for a decision: only then are the buttons offered. */
  pending: boolean;
  /** What the server refused of the last approval (useReviewDecision's `problem`). */
  problem: ReactNode;
  approving: boolean;
  rejecting: boolean;
  setRejecting: (open: boolean) => void;
  onApprove: () => void;
  onReject: (reason: string) => Promise<void>;
  /** The reject dialog's texts, from the subject's own namespace. */
  reject: { title: string; intro: ReactNode; reasonLabel: string; templates?: readonly string[] };
}

/**
 * A moderator's decision on what is under review (a listing, a need): the server's refusal above
 * the approve and reject buttons, and the reject dialog that asks for the reason. The decision's
 * state comes from useReviewDecision, the texts from the subject's page.
 */
export function ReviewDecisionActions({
  pending,
  problem,
  approving,
  rejecting,
  setRejecting,
  onApprove,
  onReject,
  reject,
}: ReviewDecisionActionsProps) {
  const { t } = useTranslation();
  return (
    <>
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
      {pending && (
        <div className="review-actions">
          <Button
            data-testid="mod-approve"
            type="primary"
            size="large"
            loading={approving}
            onClick={onApprove}
          >
            {t('moderation.approve')}
          </Button>
          <Button
            data-testid="mod-reject"
            danger
            size="large"
            disabled={approving}
            onClick={() => setRejecting(true)}
          >
            {t('moderation.reject')}
          </Button>
        </div>
      )}
      <ReasonDialog
        open={rejecting}
        title={reject.title}
        intro={reject.intro}
        reasonLabel={reject.reasonLabel}
        confirmLabel={t('moderation.rejectDialog.confirm')}
        danger
        templates={reject.templates}
        testIdPrefix="mod-reject"
        onConfirm={onReject}
        onClose={() => setRejecting(false)}
      />
    </>
  );
}
