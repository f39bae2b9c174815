import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { graphql } from '../gql';
import type { MyBidsQuery } from '../gql/graphql';
import { useSignedIn } from '../lib/auth';
import { formatDateTime, formatDay } from '../lib/datetime';
import { useLanguage } from '../lib/i18n';
import { DebriefText } from '../lib/Debrief';
import { NEEDS_NS } from '../lib/needs-i18n';
import { formatAmount, formatQuantity } from '../lib/products';
import { ListQueryResults } from '../lib/ListQueryResults';
import { usePagedQuery } from '../lib/use-paged-query';

const MyBidsDocument = graphql(`
  query MyBids($first: Int!, $after: String) {
    myBids(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...MyBidFields
          debrief {
            ...DebriefFields
          }
          need {
            id
            title
            status
            bidDeadline
            unit {
              code
              name
              symbol
            }
            buyer {
              id
              name
            }
          }
        }
      }
    }
  }
`);

type Bid = MyBidsQuery['myBids']['edges'][number]['node'];

const PAGE_SIZE = 20;

// A bid's colour: live ones stand out, what was decided reads as decided.
const BID_STATUS_COLOR: Record<Bid['status'], string> = {
  SUBMITTED: 'blue',
  WITHDRAWN: 'default',
  AWARDED: 'green',
  NOT_AWARDED: 'volcano',
};

function BidCard({ bid }: { bid: Bid }) {
  const { t } = useTranslation(NEEDS_NS);
  const language = useLanguage();
  const { need } = bid;
  return (
    <li className="my-product need-card" data-testid="my-bids-item" data-bid-id={bid.id}>
      <div className="my-product-head">
        <Link to={`/nhu-cau/${need.id}`} className="my-product-name">
          {need.title}
        </Link>
        <Tag
          color={BID_STATUS_COLOR[bid.status]}
          data-testid="my-bids-status"
          data-status={bid.status}
        >
          {t(`bidStatus.${bid.status}`)}
        </Tag>
      </div>
      <p className="muted">
        {need.buyer.name} · {t('myBids.needStatus', { status: t(`status.${need.status}`) })}
        {bid.revision > 1 && ` · ${t('bid.revision', { n: bid.revision })}`}
      </p>
      <dl className="product-card-facts need-card-facts">
        <div>
          <dt>{t('bid.unitPrice')}</dt>
          <dd data-testid="my-bids-price">
            {t('page.price', {
              amount: formatAmount(bid.unitPrice.amount, language),
              unit: need.unit.symbol,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('bid.quantity')}</dt>
          <dd>
            {formatQuantity(bid.quantity, language)} {need.unit.name}
          </dd>
        </div>
        <div>
          <dt>{t('bid.deliveryDate')}</dt>
          <dd>{formatDay(bid.deliveryDate, language)}</dd>
        </div>
        <div>
          <dt>{t('card.deadline')}</dt>
          <dd>
            <time dateTime={need.bidDeadline}>{formatDateTime(need.bidDeadline, language)}</time>
          </dd>
        </div>
      </dl>
      {/* A losing bid learns how it ranked against the awarded ones. */}
      {bid.debrief && <DebriefText debrief={bid.debrief} />}
    </li>
  );
}

/** A cooperative's bids on every need, newest first, each with its need, status and price. */
function MyBids() {
  const { t } = useTranslation(NEEDS_NS);
  const list = usePagedQuery(MyBidsDocument, { first: PAGE_SIZE }, 'myBids');
  const total = list.page?.totalCount;
  return (
    <div className="page page-narrow my-products-page">
      <h1>{t('myBids.title')}</h1>
      <p className="muted">{t('myBids.intro')}</p>
      <ListQueryResults
        query={list}
        label={t('myBids.label')}
        summary={total != null ? t('myBids.count', { count: total }) : null}
        empty={t('myBids.empty')}
        loadError={t('myBids.loadError')}
        render={(bid) => <BidCard key={bid.id} bid={bid} />}
        testId="my-bids"
      />
      <p>
        <Link to="/nhu-cau">{t('page.toOpenNeeds')}</Link>
      </p>
    </div>
  );
}

export default function MyBidsPage() {
  const signedIn = useSignedIn();
  if (!signedIn) return <Navigate to="/dang-nhap" replace state={{ from: '/bao-gia' }} />;
  return <MyBids />;
}
