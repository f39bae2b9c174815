import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';
import type { StaffNeedQuery } from '../gql/graphql';
import { formatDateTime } from './datetime';
import { Field } from './Field';
import { useLanguage } from './i18n';
import { NeedStatusTag } from './NeedCard';
import { NeedAttachmentList } from './NeedAttachments';
import { NeedFacts } from './NeedFacts';
import { NEEDS_NS } from './needs-i18n';
import { QueryFallback } from './QueryFallback';
import { ReviewDecisionActions } from './ReviewDecisionActions';
import { NeedInvitedSuppliers } from './NeedInvitedSuppliers';
import { useReviewDecision, type ReviewOutcome } from './use-review-decision';

const StaffNeedDocument = graphql(`
  query StaffNeed($id: ID!) {
    need(id: $id) {
      ...NeedDetailFields
      createdAt
      visibility
      invitedSuppliers {
        id
        name
      }
      buyer {
        id
        name
        verification
      }
    }
  }
`);

const ModerateNeedDocument = graphql(`
  mutation ModerateNeed($subjectId: ID!, $decision: ModerationDecision!, $reason: String) {
    moderate(subject: NEED, subjectId: $subjectId, decision: $decision, reason: $reason) {
      id
      subjectId
    }
  }
`);

export type StaffNeed = NonNullable<StaffNeedQuery['need']>;

/**
 * One pending need as moderators judge it: its fields as bidders will read them, its buyer (a link
 * to the organization's desk) and the deadline in Việt Nam time, with approve and reject-with-reason.
 * The server refuses an approval when too little time is left to bid; that reason is shown here.
 * Render with `key={id}`.
 */
export function NeedModerationReview({
  id,
  onDone,
  onStale,
}: {
  id: string;
  onDone: (outcome: ReviewOutcome, need: StaffNeed) => void;
  onStale?: () => void;
}) {
  const { t } = useTranslation(NEEDS_NS);
  const language = useLanguage();
  const { data, loading, error, refetch } = useQuery(StaffNeedDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const [moderate] = useMutation(ModerateNeedDocument);
  const need = data?.need;
  const { problem, approving, rejecting, setRejecting, approve, reject } =
    useReviewDecision<StaffNeed>({
      decide: (decision, reason) =>
        moderate({ variables: { subjectId: id, decision, reason: reason ?? null } }),
      onDone,
      onStale,
      refetch,
    });

  if (!need) {
    return (
      <QueryFallback
        answered={!error && !loading && !!data}
        error={error}
        onRetry={() => void refetch()}
        notFound={{ title: t('review.notFound'), testId: 'mod-not-found' }}
        loadError={t('review.loadError')}
        rows={7}
      />
    );
  }
  return (
    <article className="card review" aria-labelledby="review-title">
      <p className="card-eyebrow">{t('review.subject')}</p>
      <h2 id="review-title" data-testid="mod-detail-name">
        {need.title}
      </h2>
      <p data-testid="mod-detail-status" data-status={need.status}>
        <NeedStatusTag status={need.status} />
      </p>
      <dl className="fields">
        <Field label={t('review.buyerDesk')}>
          <Link
            to={`/quan-tri?tab=to-chuc&id=${encodeURIComponent(need.buyer.id)}`}
            data-testid="mod-need-buyer"
          >
            {need.buyer.name}
          </Link>
        </Field>
        <Field label={t('page.deadline')}>
          <time dateTime={need.bidDeadline} data-testid="mod-need-deadline">
            {formatDateTime(need.bidDeadline, language)}
          </time>{' '}
          <span className="muted">({t('page.vietnamTime')})</span>
        </Field>
        <Field label={t('audience.label')}>
          <span data-testid="mod-need-visibility" data-visibility={need.visibility}>
            {need.visibility === 'INVITED' ? t('audience.invited') : t('audience.public')}
          </span>
        </Field>
      </dl>
      <NeedInvitedSuppliers suppliers={need.invitedSuppliers} />
      <NeedFacts need={need} withBuyer={false} />
      {need.description && (
        <>
          <h3>{t('page.description')}</h3>
          <p className="supplier-description pre-wrap">{need.description}</p>
        </>
      )}
      <NeedAttachmentList attachments={need.attachments} />
      <ReviewDecisionActions
        pending={need.status === 'PENDING_REVIEW'}
        problem={problem}
        approving={approving}
        rejecting={rejecting}
        setRejecting={setRejecting}
        onApprove={() => void approve(need)}
        onReject={(reason) => reject(need, reason)}
        reject={{
          title: t('review.rejectTitle', { name: need.title }),
          intro: t('review.rejectIntro'),
          reasonLabel: t('review.reasonLabel'),
        }}
      />
    </article>
  );
}
