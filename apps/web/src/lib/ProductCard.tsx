import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchProductsQuery } from '../gql/graphql';
import { useLanguage } from './i18n';
import { formatAmount, formatQuantity, isCertificationKind } from './products';
import { PRODUCTS_NS } from './products-i18n';

export type SearchProduct = SearchProductsQuery['searchProducts']['edges'][number]['node'];

type PriceProduct = Pick<SearchProduct, 'priceMin' | 'priceMax' | 'priceUnit'>;

/**
 * "25.000–30.000 đ/kg": a price always says what it is per, which need not be the capacity unit
 * (output counted in tấn, priced per kg). Or what is known of it.
 */
export function usePriceText(product: PriceProduct): string {
  const { t } = useTranslation(PRODUCTS_NS);
  const language = useLanguage();
  const unit = product.priceUnit.symbol;
  const min = product.priceMin ? formatAmount(product.priceMin.amount, language) : null;
  const max = product.priceMax ? formatAmount(product.priceMax.amount, language) : null;
  if (min && max)
    return min === max ? t('card.priceOne', { min, unit }) : t('card.priceRange', { min, max, unit });
  if (min) return t('card.priceFrom', { min, unit });
  if (max) return t('card.priceUpTo', { max, unit });
  return t('card.priceNone');
}

export function CertificationTags({
  certifications,
}: {
  certifications: SearchProduct['certifications'];
}) {
  const { t } = useTranslation(PRODUCTS_NS);
  if (certifications.length === 0) return null;
  return (
    <div className="cert-tags">
      {certifications.map((c, index) => (
        // antd's Tag look in plain CSS: a page of results draws dozens, each paying antd's style
        // hooks on a phone's main thread (decision 92).
        <span key={`${c.kind}-${index}`} className={c.expired ? 'cert-tag' : 'cert-tag cert-tag-blue'}>
          {isCertificationKind(c.kind) ? t(`certKind.${c.kind}`) : c.kind}
          {c.expired && ` (${t('card.expired')})`}
        </span>
      ))}
    </div>
  );
}

/** One search result; every text is rendered as text (names come from cooperatives). */
export function ProductCard({ product }: { product: SearchProduct }) {
  const { t } = useTranslation(PRODUCTS_NS);
  const language = useLanguage();
  const price = usePriceText(product);
  const cover = product.photos[0];
  return (
    <li className="product-card" data-testid="search-result" data-product-id={product.id}>
      {cover && (
        // Cards show public listings, whose photos load without a token (and cache); a private
        // one (the organization's own draft on its supplier page) is hidden rather than broken.
        <img
          className="product-card-photo"
          data-testid="search-result-photo"
          src={cover.thumbnailUrl}
          width={cover.width}
          height={cover.height}
          alt={t('card.photoAlt', { name: product.name })}
          loading="lazy"
          decoding="async"
          onError={(e) => {
            e.currentTarget.hidden = true;
          }}
        />
      )}
      <h3 className="product-card-name">
        <Link to={`/san-pham/${product.id}/xem`}>{product.name}</Link>
      </h3>
      <p className="product-card-category" data-testid="search-result-category">
        {product.category.shortName}
      </p>
      <p className="product-card-org">
        {product.organization.name} · {product.organization.province.name}
      </p>
      <dl className="product-card-facts">
        <div>
          <dt>{t('card.capacity')}</dt>
          <dd>
            {t('card.perMonth', {
              amount: formatQuantity(product.monthlyCapacity, language),
              unit: product.unit.name,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('card.price')}</dt>
          <dd className="product-card-price">{price}</dd>
        </div>
      </dl>
      <CertificationTags certifications={product.certifications} />
    </li>
  );
}
