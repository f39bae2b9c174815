import { useQuery } from '@apollo/client/react';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { RequestQuoteButton } from '../lib/RequestQuoteButton';
import { Link, useParams } from 'react-router';
import { graphql } from '../gql';
import type { SupplierPageQuery } from '../gql/graphql';
import { CertificationList } from '../lib/Certifications';
import { Field } from '../lib/Field';
import { useLoadMore } from '../lib/LoadMore';
import { ORG_NS } from '../lib/org-i18n';
import { appendPage } from '../lib/pagination';
import { ProductCard } from '../lib/ProductCard';
import { QueryFallback } from '../lib/QueryFallback';
import { ResultList } from '../lib/ResultList';
import { OrgLogo } from '../lib/SupplierCard';
import { usePageSubject } from '../lib/page-meta';

const SupplierPageDocument = graphql(`
  query SupplierPage($id: ID!, $first: Int!, $after: String) {
    organization(id: $id) {
      id
      name
      logoUrl
      kind
      verification
      description
      memberCount
      foundedYear
      province {
        code
        name
      }
      certifications {
        kind
        issuer
        validUntil
        expired
      }
      reliability {
        completedContracts
        onTimeRate
        fillRate
        averageRating
      }
      products(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            ...ProductCardFields
          }
        }
      }
    }
  }
`);

type Supplier = NonNullable<SupplierPageQuery['organization']>;
const PAGE_SIZE = 12;

const percent = (rate: number | null | undefined, language: string) =>
  rate == null
    ? null
    : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(rate);

function ReliabilityCard({ reliability }: { reliability: Supplier['reliability'] }) {
  const { t, i18n } = useTranslation(ORG_NS);
  const record = reliability && reliability.completedContracts > 0 ? reliability : null;
  return (
    <section
      className="card"
      aria-labelledby="reliability-title"
      data-testid="supplier-reliability"
    >
      <h2 id="reliability-title">{t('supplier.reliability')}</h2>
      {record ? (
        <dl className="fields">
          <Field label={t('supplier.completedContracts')}>{record.completedContracts}</Field>
          <Field label={t('supplier.onTimeRate')}>
            {percent(record.onTimeRate, i18n.language) ?? t('supplier.notYet')}
          </Field>
          <Field label={t('supplier.fillRate')}>
            {percent(record.fillRate, i18n.language) ?? t('supplier.notYet')}
          </Field>
          <Field label={t('supplier.averageRating')}>
            {record.averageRating == null
              ? t('supplier.notYet')
              : `${record.averageRating.toFixed(1)} / 5`}
          </Field>
        </dl>
      ) : (
        <>
          <p className="reliability-empty" data-testid="supplier-no-record">
            {t('supplier.noRecord')}
          </p>
          <p className="muted">{t('supplier.noRecordHint')}</p>
        </>
      )}
    </section>
  );
}

function SupplierView({
  supplier,
  more,
}: {
  supplier: Supplier;
  more: ReturnType<typeof useLoadMore>;
}) {
  const { t } = useTranslation(ORG_NS);
  const { t: tMain } = useTranslation();
  const products = supplier.products;
  return (
    <>
      <header className="supplier-head">
        <OrgLogo name={supplier.name} logoUrl={supplier.logoUrl} size="large" />
        <div>
          <h1 data-testid="supplier-name">{supplier.name}</h1>
          <p className="muted">
            {tMain(`kind.${supplier.kind}`)} · {supplier.province.name}{' '}
            {supplier.verification === 'VERIFIED' && (
              <Tag color="green">{t('supplier.verified')}</Tag>
            )}
          </p>
          <RequestQuoteButton
            supplierId={supplier.id}
            supplierKind={supplier.kind}
            verified={supplier.verification === 'VERIFIED'}
          />
        </div>
      </header>
      <div className="supplier-sections">
        <section className="card" aria-labelledby="about-title">
          <h2 id="about-title">{t('supplier.about')}</h2>
          <p className="supplier-description" data-testid="supplier-description">
            {supplier.description || t('supplier.noDescription')}
          </p>
          <dl className="fields">
            {supplier.memberCount != null && (
              <Field label={t('supplier.memberCount')}>{supplier.memberCount}</Field>
            )}
            {supplier.foundedYear != null && (
              <Field label={t('supplier.foundedYear')}>{supplier.foundedYear}</Field>
            )}
          </dl>
        </section>
        <section
          className="card"
          aria-labelledby="certs-title"
          data-testid="supplier-certifications"
        >
          <h2 id="certs-title">{t('supplier.certifications')}</h2>
          <CertificationList
            certifications={supplier.certifications}
            empty={t('supplier.noCertifications')}
          />
        </section>
        <ReliabilityCard reliability={supplier.reliability} />
      </div>
      <section aria-labelledby="products-title">
        <h2 id="products-title">
          {t('supplier.products')}
          {products.totalCount ? ` (${products.totalCount})` : ''}
        </h2>
        <ResultList
          label={t('supplier.products')}
          empty={t('supplier.noProductsYet')}
          items={products.edges.map((edge) => edge.node)}
          render={(node) => <ProductCard key={node.id} product={node} />}
          listClassName="product-grid"
          hasNextPage={products.pageInfo.hasNextPage}
          more={more}
          testId="supplier-products"
        />
      </section>
    </>
  );
}

export default function SupplierPage() {
  const { t } = useTranslation(ORG_NS);
  const { id = '' } = useParams();
  const { data, error, refetch, fetchMore } = useQuery(SupplierPageDocument, {
    variables: { id, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const supplier = data?.organization;
  usePageSubject('supplier', supplier, !!data);
  const more = useLoadMore(() =>
    fetchMore({
      variables: { after: supplier?.products.pageInfo.endCursor },
      updateQuery: (shown, { fetchMoreResult }) =>
        shown.organization && fetchMoreResult.organization
          ? {
              ...shown,
              organization: {
                ...shown.organization,
                products: appendPage(
                  shown.organization.products,
                  fetchMoreResult.organization.products,
                ),
              },
            }
          : shown,
    }),
  );

  return (
    <div className="page supplier-page">
      <Link to="/nha-cung-cap" className="back-link">
        {t('supplier.back')}
      </Link>
      {supplier ? (
        <SupplierView supplier={supplier} more={more} />
      ) : (
        <QueryFallback
          answered={!!data}
          error={error}
          onRetry={() => void refetch()}
          notFound={{ title: t('supplier.notFound'), testId: 'supplier-not-found' }}
          loadError={t('supplier.loadError')}
        />
      )}
    </div>
  );
}
