import { useQuery } from '@apollo/client/react';
import { Alert, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { graphql } from '../gql';
import type { MyProductsQuery } from '../gql/graphql';
import { useSignedIn } from '../lib/auth';
import { BuyerNotice, useMyOrganizationStatus } from '../lib/BuyerNotice';
import { useLanguage } from '../lib/i18n';
import { formatQuantity, LISTING_STATUS_COLOR } from '../lib/products';
import { PRODUCTS_NS } from '../lib/products-i18n';
import { QueryFallback } from '../lib/QueryFallback';

const MyProductsDocument = graphql(`
  query MyProducts {
    me {
      id
      organization {
        id
        kind
        products(first: 50) {
          totalCount
          edges {
            node {
              id
              name
              status
              moderationNote
              monthlyCapacity
              unit {
                code
                name
              }
              category {
                code
                shortName
              }
              updatedAt
            }
          }
        }
      }
    }
  }
`);

type Listing = NonNullable<
  NonNullable<MyProductsQuery['me']>['organization']
>['products']['edges'][number]['node'];

function ListingRow({ listing }: { listing: Listing }) {
  const { t } = useTranslation(PRODUCTS_NS);
  const language = useLanguage();
  return (
    <li className="my-product" data-testid="my-product" data-product-id={listing.id}>
      <div className="my-product-head">
        <Link to={`/san-pham/${listing.id}`} className="my-product-name">
          {listing.name}
        </Link>
        <Tag
          color={LISTING_STATUS_COLOR[listing.status]}
          data-testid="product-status"
          data-status={listing.status}
        >
          {t(`status.${listing.status}`)}
        </Tag>
      </div>
      <p className="muted">
        {listing.category.shortName} ·{' '}
        {t('card.perMonth', {
          amount: formatQuantity(listing.monthlyCapacity, language),
          unit: listing.unit.name,
        })}
      </p>
      {listing.status === 'REJECTED' && listing.moderationNote && (
        <p className="verification-note">
          <span className="verification-note-label">{t('mine.note')}</span>{' '}
          <span data-testid="my-product-note">{listing.moderationNote}</span>
        </p>
      )}
    </li>
  );
}

function Listings() {
  const { t } = useTranslation(PRODUCTS_NS);
  const { data, error, refetch } = useQuery(MyProductsDocument, {
    fetchPolicy: 'cache-and-network',
  });
  if (data) {
    const organization = data.me?.organization;
    if (!organization) return <Alert type="info" showIcon title={t('mine.noOrganization')} />;
    if (organization.kind === 'ENTERPRISE') return <BuyerNotice />;
    const listings = organization.products.edges.map((edge) => edge.node);
    if (listings.length === 0) {
      return (
        <p className="search-empty" data-testid="my-products-empty">
          {t('mine.empty')}
        </p>
      );
    }
    return (
      <ul className="my-products">
        {listings.map((listing) => (
          <ListingRow key={listing.id} listing={listing} />
        ))}
      </ul>
    );
  }
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

function MyProducts() {
  const { t } = useTranslation(PRODUCTS_NS);
  // A buyer has no listings to show and may not start one: it is told why instead. The button
  // waits until the organization's kind is known, so a buyer never sees it while that loads.
  const organization = useMyOrganizationStatus();
  const mayList = !!organization && organization.kind !== 'ENTERPRISE';
  return (
    <div className="page page-narrow my-products-page">
      <div className="page-title-row">
        <h1>{t('mine.title')}</h1>
        {mayList && (
          <Link
            to="/san-pham/moi"
            className="link-button link-button-primary"
            data-testid="product-new"
          >
            {t('mine.new')}
          </Link>
        )}
      </div>
      <Listings />
    </div>
  );
}

export default function MyProductsPage() {
  const signedIn = useSignedIn();
  if (!signedIn) return <Navigate to="/dang-nhap" replace state={{ from: '/san-pham' }} />;
  return <MyProducts />;
}
