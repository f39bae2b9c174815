import { useQuery } from '@apollo/client/react';
import { Alert } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { graphql } from '../gql';
import type { NeedPageQuery, NeedStatus, VerificationStatus } from '../gql/graphql';
import { BidComparison } from '../lib/BidComparison';
import { BidPanel } from '../lib/BidPanel';
import { Countdown } from '../lib/Countdown';
import { formatDateTime } from '../lib/datetime';
import { hasErrorCode } from '../lib/errors';
import { useLanguage } from '../lib/i18n';
import { NeedAttachmentList, NeedAttachments } from '../lib/NeedAttachments';
import { NeedFacts } from '../lib/NeedFacts';
import { NeedInvitedSuppliers } from '../lib/NeedInvitedSuppliers';
import { NeedMatches } from '../lib/NeedMatches';
import { NeedAmendments } from '../lib/NeedAmendments';
import { NeedOutcome } from '../lib/NeedDecision';
import { NeedBuyerActions, NeedOutcomeReason } from '../lib/NeedBuyerActions';
import { NeedAudienceTag, NeedStatusTag } from '../lib/NeedCard';
import { NeedQuestions } from '../lib/NeedQuestions';
import { PUBLIC_NEED_STATUSES } from '../lib/need-summary';
import { useNeedPoster } from '../lib/need-poster';
import { NEEDS_NS } from '../lib/needs-i18n';
import { usePageSubject } from '../lib/page-meta';
import { QueryFallback } from '../lib/QueryFallback';

const NeedPageDocument = graphql(`
  query NeedPage($id: ID!) {
    need(id: $id) {
      ...NeedDetailFields
      ...NeedAmendmentFields
      rejectionReason
      cancellationReason
      visibility
      invitesYou
      invitedSuppliers {
        id
        name
      }
      bidCount
      closingReason
      myBid {
        ...MyBidFields
        debrief {
          ...DebriefFields
        }
      }
      contracts {
        id
        status
        quantity
        total {
          amount
        }
        supplier {
          id
          name
        }
      }
      questions {
        ...NeedQuestionFields
      }
    }
  }
`);

type Need = NonNullable<NeedPageQuery['need']>;

// Until the deadline the countdown runs, and says it has passed once bidding closed; a cancelled
// or decided need has no deadline left to count to.
const COUNTED: readonly NeedStatus[] = ['DRAFT', 'PENDING_REVIEW', 'OPEN', 'CLOSED'];
// Past the deadline the bids are opened to the buyer.
const OPENED: readonly NeedStatus[] = ['CLOSED', 'AWARDED'];

function Deadline({ need, onPassed }: { need: Need; onPassed: () => void }) {
  const { t } = useTranslation(NEEDS_NS);
  const language = useLanguage();
  return (
    <section className="card need-deadline" aria-labelledby="need-deadline">
      <h2 id="need-deadline">{t('page.deadline')}</h2>
      <p className="need-deadline-at" data-testid="need-deadline">
        <time dateTime={need.bidDeadline}>{formatDateTime(need.bidDeadline, language)}</time>{' '}
        <span className="muted">({t('page.vietnamTime')})</span>
      </p>
      {COUNTED.includes(need.status) && (
        <Countdown deadline={need.bidDeadline} onPassed={onPassed} testId="need-countdown" />
      )}
    </section>
  );
}

/** Who reads the need, as far as the page needs to know (the server decides anyway). */
interface Reader {
  /** A member of the need's buyer: sees the count, later the comparison, never the bid form. */
  buys: boolean;
  /** The buyer's OWNER or MANAGER: edits, submits and cancels. */
  manages: boolean;
  verification: VerificationStatus | null;
  canBid: boolean;
  cooperative: boolean;
}

/**
 * While bidding is open the buyer learns how many bids came, never what they say; after the
 * deadline it compares them side by side.
 */
function BuyerBids({ need, manages }: { need: Need; manages: boolean }) {
  const { t } = useTranslation(NEEDS_NS);
  if (OPENED.includes(need.status)) return <BidComparison needId={need.id} decide={manages} />;
  return (
    <section className="card" aria-labelledby="need-bids" data-testid="need-bids">
      <h2 id="need-bids">{t('page.bids')}</h2>
      {need.status === 'OPEN' && (
        <p className="need-bid-count" data-testid="need-bid-count">
          {t('page.bidCount', { count: need.bidCount })}
        </p>
      )}
      <p className="muted">{t('page.bidsSealed')}</p>
    </section>
  );
}

function NeedView({
  need,
  reader,
  onPassed,
  onChanged,
}: {
  need: Need;
  reader: Reader;
  onPassed: () => void;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation(NEEDS_NS);
  const location = useLocation();
  const [saved] = useState((location.state as { notice?: string } | null)?.notice === 'saved');
  return (
    <>
      <h1 data-testid="need-title">{need.title}</h1>
      <div className="product-status">
        <NeedStatusTag status={need.status} />
        <NeedAudienceTag need={need} />
        <p className="muted">{t(`statusHelp.${need.status}`)}</p>
      </div>
      <NeedOutcomeReason
        status={need.status}
        rejectionReason={need.rejectionReason}
        cancellationReason={need.cancellationReason}
      />
      {saved && (
        <Alert
          className="form-notice"
          type="success"
          showIcon
          role="status"
          data-testid="need-notice"
          title={t('wizard.saved')}
        />
      )}
      <div className="supplier-sections">
        <section className="card" aria-label={need.title}>
          <NeedFacts need={need} />
          <NeedInvitedSuppliers suppliers={need.invitedSuppliers} />
          {need.description && (
            <>
              <h2>{t('page.description')}</h2>
              <p className="supplier-description pre-wrap">{need.description}</p>
            </>
          )}
        </section>
        {reader.manages && need.status === 'DRAFT' ? (
          <NeedAttachments needId={need.id} attachments={need.attachments} onChanged={onChanged} />
        ) : (
          <NeedAttachmentList attachments={need.attachments} />
        )}
        <Deadline need={need} onPassed={onPassed} />
        <NeedAmendments need={need} manages={reader.manages} onChanged={onChanged} />
        {reader.manages && <NeedBuyerActions need={need} verification={reader.verification} />}
        <NeedOutcome
          contracts={need.contracts}
          closingReason={need.closingReason}
          debrief={need.myBid?.debrief}
          unit={need.unit}
        />
        {reader.buys && need.status === 'OPEN' && <NeedMatches needId={need.id} />}
        {reader.buys
          ? PUBLIC_NEED_STATUSES.includes(need.status) && (
              <BuyerBids need={need} manages={reader.manages} />
            )
          : PUBLIC_NEED_STATUSES.includes(need.status) && (
              <BidPanel
                need={need}
                canBid={reader.canBid}
                cooperative={reader.cooperative}
                onChanged={onPassed}
              />
            )}
        {PUBLIC_NEED_STATUSES.includes(need.status) && (
          <NeedQuestions
            need={need}
            reader={{
              buys: reader.buys,
              manages: reader.manages,
              canAsk: reader.canBid,
              cooperative: reader.cooperative,
            }}
            onChanged={onPassed}
          />
        )}
      </div>
    </>
  );
}

function readerOf(poster: ReturnType<typeof useNeedPoster>, need: Need): Reader {
  const buys = !!poster && poster.organizationId === need.buyer.id;
  return {
    buys,
    manages: buys && !!poster?.canPost,
    verification: poster?.verification ?? null,
    canBid: !buys && !!poster?.canBid,
    cooperative: !!poster?.cooperative,
  };
}

/**
 * One need: its buyer sees it in every status, anyone else once it is public. The server answers
 * NOT_FOUND for another organization's private need exactly as for one that does not exist.
 */
export default function NeedPage() {
  const { t } = useTranslation(NEEDS_NS);
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(NeedPageDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const poster = useNeedPoster();
  const notFound = hasErrorCode(error, 'NOT_FOUND');
  const need = notFound ? null : data?.need;
  usePageSubject(
    'need',
    need && { name: need.title, supplier: need.buyer.name, description: need.description },
    !!data || notFound,
  );
  return (
    <div className="page need-page">
      {need ? (
        <NeedView
          need={need}
          reader={readerOf(poster, need)}
          // The server closes bidding at the deadline: ask it what the need says now.
          onPassed={() => void refetch()}
          onChanged={() => refetch()}
        />
      ) : (
        <>
          <QueryFallback
            answered={!!data || notFound}
            error={notFound ? undefined : error}
            onRetry={() => void refetch()}
            notFound={{ title: t('page.notFound'), testId: 'need-not-found' }}
            loadError={t('page.loadError')}
          />
          {notFound && (
            <p>
              <Link to="/nhu-cau">{t('page.toOpenNeeds')}</Link>
            </p>
          )}
        </>
      )}
    </div>
  );
}
