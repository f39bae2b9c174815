import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModerationDecision } from '../gql/graphql';
import { apiErrorsOf, hasErrorCode } from './errors';

export type ReviewOutcome = 'approved' | 'rejected';

// Someone else decided first, the subject is gone, or (a need) it can no longer be approved: the
// screen is stale, not the request wrong.
const isStale = (error: unknown) =>
  hasErrorCode(error, 'CONFLICT') || hasErrorCode(error, 'NOT_FOUND');

/**
 * Approve and reject of one item in the moderation console (a listing, a need): the approval's
 * problem shown above the buttons; a rejection's stays in its dialog, on the field, unless the
 * screen was stale, which closes the dialog, says why and re-reads the item and the queue.
 */
export function useReviewDecision<Subject>({
  decide,
  onDone,
  onStale,
  refetch,
}: {
  decide: (decision: ModerationDecision, reason?: string) => Promise<unknown>;
  onDone: (outcome: ReviewOutcome, subject: Subject) => void;
  onStale?: () => void;
  refetch: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [approving, setApproving] = useState(false);

  function handleFailure(failure: unknown) {
    setProblem(apiErrorsOf(failure)[0]?.message ?? t('errors.network'));
    if (isStale(failure)) {
      void refetch().catch(() => undefined);
      onStale?.();
    }
  }

  async function approve(current: Subject) {
    setProblem(null);
    setApproving(true);
    try {
      await decide('APPROVE');
      onDone('approved', current);
    } catch (failure) {
      handleFailure(failure);
    } finally {
      setApproving(false);
    }
  }

  async function reject(current: Subject, reason: string) {
    try {
      await decide('REJECT', reason);
    } catch (failure) {
      if (!isStale(failure)) throw failure;
      setRejecting(false);
      handleFailure(failure);
      return;
    }
    setRejecting(false);
    onDone('rejected', current);
  }

  return { problem, approving, rejecting, setRejecting, approve, reject };
}
