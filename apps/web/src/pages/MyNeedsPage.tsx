import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { graphql } from '../gql';
import { useSignedIn } from '../lib/auth';
import { useMyOrganizationStatus } from '../lib/BuyerNotice';
import { NeedCard } from '../lib/NeedCard';
import { NEEDS_NS } from '../lib/needs-i18n';
import { QueryFallback } from '../lib/QueryFallback';
import { ResultList } from '../lib/ResultList';
import { usePagedQuery } from '../lib/use-paged-query';

const MyNeedsDocument = graphql(`
  query MyNeeds($first: Int!, $after: String) {
    needs(filter: { mine: true }, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...NeedSummaryFields
        }
      }
    }
  }
`);

const PAGE_SIZE = 20;

function Needs() {
  const { t } = useTranslation(NEEDS_NS);
  const { page, error, refetch, more } = usePagedQuery(
    MyNeedsDocument,
    { first: PAGE_SIZE },
    'needs',
  );
  if (!page) {
    return (
      <QueryFallback
        answered={false}
        error={error}
        onRetry={() => void refetch()}
        loadError={t('mine.loadError')}
        rows={6}
      />
    );
  }
  return (
    <ResultList
      label={t('mine.label')}
      summary={page.totalCount != null ? t('mine.count', { count: page.totalCount }) : null}
      empty={t('mine.empty')}
      items={page.edges.map((edge) => edge.node)}
      render={(need) => <NeedCard key={need.id} need={need} editable />}
      listClassName="my-products"
      hasNextPage={page.pageInfo.hasNextPage}
      more={more}
      testId="my-needs"
    />
  );
}

/** The buyer's own needs in every status, newest first; drafts can be edited from here. */
function MyNeeds() {
  const { t } = useTranslation(NEEDS_NS);
  const organization = useMyOrganizationStatus();
  // A cooperative has no needs of its own: it is sent to the open ones instead.
  const buyer = organization?.kind !== 'COOPERATIVE';
  return (
    <div className="page page-narrow my-products-page">
      <div className="page-title-row">
        <h1>{t('mine.title')}</h1>
        {buyer && (
          <Link
            to="/nhu-cau/moi"
            className="link-button link-button-primary"
            data-testid="need-new"
          >
            {t('mine.new')}
          </Link>
        )}
      </div>
      {buyer ? (
        <Needs />
      ) : (
        <Alert
          type="info"
          showIcon
          data-testid="need-not-buyer"
          title={t('mine.notBuyer')}
          description={<Link to="/nhu-cau">{t('wizard.toOpenNeeds')}</Link>}
        />
      )}
    </div>
  );
}

export default function MyNeedsPage() {
  const signedIn = useSignedIn();
  if (!signedIn) return <Navigate to="/dang-nhap" replace state={{ from: '/nhu-cau/cua-toi' }} />;
  return <MyNeeds />;
}
