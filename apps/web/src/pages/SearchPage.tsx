import { useQuery } from '@apollo/client/react';
import { Alert, Button, Select, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { graphql } from '../gql';
import type { ProductFilter } from '../gql/graphql';
import { CategorySelect } from '../lib/CategorySelect';
import { apiErrorsOf } from '../lib/errors';
import { Input } from '../lib/inputs';
import { LoadMore, useLoadMore } from '../lib/LoadMore';
import { appendPage } from '../lib/pagination';
import { ProductCard } from '../lib/ProductCard';
import { CERTIFICATION_KINDS, timesThousand, toDecimal } from '../lib/products';
import { PRODUCTS_NS } from '../lib/products-i18n';
import { ProvinceSelect } from '../lib/ProvinceSelect';

const SearchProductsDocument = graphql(`
  query SearchProducts($query: String, $filter: ProductFilter, $first: Int!, $after: String) {
    searchProducts(query: $query, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
          monthlyCapacity
          unit {
            code
            name
            symbol
          }
          priceMin {
            amount
            currency
          }
          priceMax {
            amount
            currency
          }
          certifications {
            kind
            expired
          }
          organization {
            id
            name
            province {
              code
              name
            }
          }
        }
      }
    }
  }
`);

const PAGE_SIZE = 20;
// Long enough not to search on every keystroke of a word, short enough to feel live.
const TYPING_PAUSE_MS = 350;
const WIDE = '(min-width: 720px)';

/** The search lives in the URL (q, nhom, tinh, chung-nhan, san-luong), so it can be shared. */
type Param = 'q' | 'nhom' | 'tinh' | 'chung-nhan' | 'san-luong';

function filterOf(params: URLSearchParams): ProductFilter | null {
  const filter: ProductFilter = {};
  const category = params.get('nhom');
  const province = params.get('tinh');
  const certification = params.get('chung-nhan');
  const tonnes = toDecimal(params.get('san-luong'));
  if (category) filter.categoryCode = category;
  if (province) filter.provinceCode = province;
  if (certification) filter.certification = certification;
  // The server counts capacity in the listing unit's base unit (kg for tonnes).
  if (tonnes) filter.minMonthlyCapacity = timesThousand(tonnes);
  return Object.keys(filter).length > 0 ? filter : null;
}

function Results({ query, filter }: { query: string; filter: ProductFilter | null }) {
  const { t } = useTranslation(PRODUCTS_NS);
  const { data, error, refetch, fetchMore } = useQuery(SearchProductsDocument, {
    variables: { query: query || null, filter, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const page = data?.searchProducts;
  const more = useLoadMore(() =>
    fetchMore({
      variables: { after: page?.pageInfo.endCursor },
      updateQuery: (shown, { fetchMoreResult }) => ({
        ...shown,
        searchProducts: appendPage(shown.searchProducts, fetchMoreResult.searchProducts),
      }),
    }),
  );

  if (!page) {
    if (error) {
      return (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('search.loadError')}
          description={apiErrorsOf(error)[0]?.message ?? t('errors.network', { ns: 'translation' })}
          action={
            <Button onClick={() => void refetch()}>
              {t('admin.retry', { ns: 'translation' })}
            </Button>
          }
        />
      );
    }
    return <Skeleton active paragraph={{ rows: 6 }} />;
  }
  return (
    <section aria-label={t('search.resultsLabel')} aria-live="polite">
      {page.totalCount != null && (
        <p className="muted" data-testid="search-count">
          {t('search.count', { count: page.totalCount })}
        </p>
      )}
      {page.edges.length === 0 ? (
        <p className="search-empty" data-testid="search-empty">
          {t('search.empty')}
        </p>
      ) : (
        <ul className="product-grid">
          {page.edges.map(({ node }) => (
            <ProductCard key={node.id} product={node} />
          ))}
        </ul>
      )}
      {page.pageInfo.hasNextPage && (
        <LoadMore
          loading={more.loading}
          failed={more.failed}
          onLoad={() => void more.run()}
          testId="search-load-more"
        />
      )}
    </section>
  );
}

export default function SearchPage() {
  const { t } = useTranslation(PRODUCTS_NS);
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [capacity, setCapacity] = useState(params.get('san-luong') ?? '');
  const query = params.get('q')?.trim() ?? '';
  // Read once: after that the person decides, and a re-render must not fold what they opened.
  const [filtersOpen] = useState(() => window.matchMedia(WIDE).matches);

  function set(name: Param, value: string | undefined) {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value?.trim()) next.set(name, value.trim());
        else next.delete(name);
        return next;
      },
      // Typing should not fill the back button with one entry per word.
      { replace: true },
    );
  }

  useEffect(() => {
    if (text.trim() === query) return;
    const timer = window.setTimeout(() => set('q', text), TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
    // Only what was typed restarts the pause; `set` is a fresh closure on every render.
  }, [text, query]);

  function clearFilters() {
    setCapacity('');
    setParams(query ? { q: query } : {}, { replace: true });
  }

  const filter = filterOf(params);
  return (
    <div className="page search-page">
      <h1>{t('search.title')}</h1>
      <p className="muted">{t('search.intro')}</p>
      <form
        role="search"
        className="search-box"
        onSubmit={(event) => {
          event.preventDefault();
          set('q', text);
        }}
      >
        <label htmlFor="search-query" className="visually-hidden">
          {t('search.queryLabel')}
        </label>
        <Input
          id="search-query"
          data-testid="search-input"
          size="large"
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={t('search.queryPlaceholder')}
          autoComplete="off"
          enterKeyHint="search"
        />
        <Button type="primary" size="large" htmlType="submit">
          {t('search.submit')}
        </Button>
      </form>
      {/* Folded on a phone, where open filters would push every result below the fold. */}
      <details className="search-filters" open={filtersOpen}>
        <summary data-testid="search-filters">
          {t('search.filters')}
          {filter && ` (${Object.keys(filter).length})`}
        </summary>
        <div className="search-filter-grid">
          <label className="filter">
            <span>{t('search.category')}</span>
            <CategorySelect
              data-testid="search-category"
              value={params.get('nhom') ?? undefined}
              onChange={(code) => set('nhom', code)}
              placeholder={t('search.allCategories')}
              allowClear
            />
          </label>
          <label className="filter">
            <span>{t('search.province')}</span>
            <ProvinceSelect
              data-testid="search-province"
              value={params.get('tinh') ?? undefined}
              onChange={(code) => set('tinh', code)}
              placeholder={t('search.allProvinces')}
              allowClear
            />
          </label>
          <label className="filter">
            <span>{t('search.certification')}</span>
            <Select<string>
              data-testid="search-certification"
              value={params.get('chung-nhan') ?? undefined}
              onChange={(kind) => set('chung-nhan', kind)}
              placeholder={t('search.anyCertification')}
              allowClear
              options={CERTIFICATION_KINDS.map((kind) => ({
                value: kind,
                label: t(`certKind.${kind}`),
              }))}
            />
          </label>
          <label className="filter">
            <span>{t('search.minCapacity')}</span>
            <Input
              data-testid="search-min-capacity"
              inputMode="decimal"
              value={capacity}
              onChange={(event) => setCapacity(event.target.value)}
              onBlur={() => set('san-luong', toDecimal(capacity) ?? undefined)}
              onPressEnter={() => set('san-luong', toDecimal(capacity) ?? undefined)}
              title={t('search.minCapacityHint')}
            />
          </label>
          {filter && (
            <Button type="link" onClick={clearFilters} data-testid="search-clear">
              {t('search.clear')}
            </Button>
          )}
        </div>
      </details>
      <Results query={query} filter={filter} />
    </div>
  );
}
