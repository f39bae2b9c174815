import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { graphql } from '../gql';
import type { PublicProductQuery } from '../gql/graphql';
import { CertificationList } from '../lib/Certifications';
import { formatDate } from '../lib/datetime';
import { servedFirstScreen } from '../lib/first-paint';
import { Field } from '../lib/Field';
import { useLanguage } from '../lib/i18n';
import { ORG_NS } from '../lib/org-i18n';
import { usePriceText } from '../lib/ProductCard';
import { formatQuantity } from '../lib/products';
import { QueryFallback } from '../lib/QueryFallback';
import { RequestQuoteButton } from '../lib/RequestQuoteButton';
import { OrgLogo } from '../lib/SupplierCard';
import { usePageSubject } from '../lib/page-meta';

const PublicProductDocument = graphql(`
  query PublicProduct($id: ID!) {
    product(id: $id) {
      ...ProductDetailFields
      publishedAt
      organization {
        id
        name
        logoUrl
        logoThumbnailUrl
        kind
        province {
          code
          name
        }
      }
    }
  }
`);

type Product = NonNullable<PublicProductQuery['product']>;

function ProductView({ product }: { product: Product }) {
  const { t } = useTranslation(ORG_NS);
  const { t: tMain } = useTranslation();
  const language = useLanguage();
  const price = usePriceText(product);
  const amount = (value: string) => `${formatQuantity(value, language)} ${product.unit.name}`;
  return (
    <>
      <h1 data-testid="product-title">{product.name}</h1>
      {product.publishedAt && (
        <p className="muted">
          {t('product.published', { date: formatDate(product.publishedAt, language) })}
        </p>
      )}
      {product.photos.length > 0 && (
        <ul className="product-gallery" data-testid="product-photos">
          {product.photos.map((photo, i) => (
            <li key={photo.id}>
              <img
                src={photo.url}
                width={photo.width}
                height={photo.height}
                alt={t('product.photoAlt', { name: product.name, n: i + 1 })}
                loading={i === 0 ? 'eager' : 'lazy'}
                decoding="async"
              />
            </li>
          ))}
        </ul>
      )}
      <div className="supplier-sections">
        <section className="card" aria-label={product.name}>
          <dl className="fields">
            <Field label={t('product.category')}>
              <span data-testid="product-category">{product.category.shortName}</span>
              {/* The tariff wording, for buyers who check it against customs papers. */}
              <span className="category-tariff">
                {t('product.hsCode', { code: product.category.code })} — {product.category.name}
              </span>
            </Field>
            <Field label={t('product.capacity')}>{amount(product.monthlyCapacity)}</Field>
            {product.minOrderQuantity && (
              <Field label={t('product.minOrder')}>{amount(product.minOrderQuantity)}</Field>
            )}
            <Field label={t('product.price')}>
              <span data-testid="product-price">{price}</span>
            </Field>
            {product.harvestMonths.length > 0 && (
              <Field label={t('product.harvest')}>
                {product.harvestMonths.map((month) => t('product.month', { month })).join(', ')}
              </Field>
            )}
          </dl>
          {product.description && (
            <>
              <h2>{t('product.description')}</h2>
              <p className="supplier-description">{product.description}</p>
            </>
          )}
        </section>
        <section className="card" aria-labelledby="product-certs">
          <h2 id="product-certs">{t('product.certifications')}</h2>
          <CertificationList
            certifications={product.certifications}
            empty={t('product.noCertifications')}
          />
        </section>
        <section className="card" aria-labelledby="product-supplier">
          <h2 id="product-supplier">{t('product.supplier')}</h2>
          <div className="supplier-head">
            <OrgLogo
              name={product.organization.name}
              logoUrl={product.organization.logoThumbnailUrl ?? product.organization.logoUrl}
            />
            <div>
              <p className="member-name">{product.organization.name}</p>
              <p className="muted">
                {tMain(`kind.${product.organization.kind}`)} · {product.organization.province.name}
              </p>
            </div>
          </div>
          <Link to={`/nha-cung-cap/${product.organization.id}`} data-testid="product-supplier-link">
            {t('product.toSupplier')}
          </Link>
          <RequestQuoteButton
            supplierId={product.organization.id}
            supplierKind={product.organization.kind}
            categoryCode={product.category.code}
          />
        </section>
      </div>
    </>
  );
}

/** A listing as the public sees it (its approved version); the owner's editor is /san-pham/:id. */
export default function ProductPage() {
  const { t } = useTranslation(ORG_NS);
  const { id = '' } = useParams();
  const { pathname } = useLocation();
  const { data, error, refetch } = useQuery(PublicProductDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const product = data?.product;
  usePageSubject(
    'product',
    product && {
      name: product.name,
      supplier: product.organization.name,
      description: product.description,
    },
    !!data,
  );
  // On the first load the product's first screen came with the page: it stays until the answer
  // replaces it, rather than turning into loading bars and back (decision 92).
  const served = !data && !error ? servedFirstScreen(pathname) : null;
  if (served) return served;
  return (
    <div className="page product-page">
      {data?.product ? (
        <ProductView product={data.product} />
      ) : (
        <QueryFallback
          answered={!!data}
          error={error}
          onRetry={() => void refetch()}
          notFound={{ title: t('product.notFound'), testId: 'product-not-found' }}
          loadError={t('product.loadError')}
        />
      )}
    </div>
  );
}
