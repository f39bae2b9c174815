import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { ProductFilter } from '../gql/graphql';
import { Input } from '../lib/inputs';
import { ProductCard } from '../lib/ProductCard';
import { useLanguage, type Language } from '../lib/i18n';
import { readNumber } from '../lib/numbers';
import { timesThousand, toDecimal } from '../lib/products';
import { PRODUCTS_NS } from '../lib/products-i18n';
import { ListQueryResults } from '../lib/ListQueryResults';
import { SearchBox } from '../lib/SearchBox';
import { Filter, ListingFilters, SearchFilters } from '../lib/SearchFilters';
import { useUrlSearch } from '../lib/url-search';
import { usePagedQuery } from '../lib/use-paged-query';

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
          ...ProductCardFields
        }
      }
    }
  }
`);

const PAGE_SIZE = 20;

/** The search lives in the URL (q, nhom, tinh, chung-nhan, san-luong), so it can be shared. */
type Param = 'q' | 'nhom' | 'tinh' | 'chung-nhan' | 'san-luong';

/** What was typed as tonnes ("1.500", "2,5 tấn") as the URL's decimal; nothing when it is not one number. */
function typedTonnes(text: string, language: Language): string | undefined {
  const reading = readNumber(text, language);
  return reading.ok ? (toDecimal(reading.value) ?? undefined) : undefined;
}

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
  const list = usePagedQuery(
    SearchProductsDocument,
    { query: query || null, filter, first: PAGE_SIZE },
    'searchProducts',
  );
  const total = list.page?.totalCount;
  return (
    <ListQueryResults
      query={list}
      label={t('search.resultsLabel')}
      summary={total != null ? t('search.count', { count: total }) : null}
      empty={t('search.empty')}
      loadError={t('search.loadError')}
      render={(node) => <ProductCard key={node.id} product={node} />}
      listClassName="product-grid"
      testId="search"
    />
  );
}

export default function SearchPage() {
  const { t } = useTranslation(PRODUCTS_NS);
  const language = useLanguage();
  const {
    params,
    text,
    setText,
    query,
    set,
    clearFilters: clear,
    filtersOpen,
  } = useUrlSearch<Param>();
  const [capacity, setCapacity] = useState(params.get('san-luong') ?? '');

  function clearFilters() {
    setCapacity('');
    clear();
  }

  const filter = filterOf(params);
  return (
    <div className="page search-page">
      <h1>{t('search.title')}</h1>
      <p className="muted">{t('search.intro')}</p>
      <SearchBox
        id="search-query"
        testId="search-input"
        text={text}
        onText={setText}
        onSubmit={() => set('q', text)}
        label={t('search.queryLabel')}
        placeholder={t('search.queryPlaceholder')}
        submitLabel={t('search.submit')}
      />
      <SearchFilters
        open={filtersOpen}
        active={filter ? Object.keys(filter).length : 0}
        onClear={clearFilters}
        testId="search"
      >
        <ListingFilters params={params} set={set} testId="search" />
        <Filter label={t('search.minCapacity')}>
          <Input
            data-testid="search-min-capacity"
            inputMode="decimal"
            value={capacity}
            onChange={(event) => setCapacity(event.target.value)}
            onBlur={() => set('san-luong', typedTonnes(capacity, language))}
            onPressEnter={() => set('san-luong', typedTonnes(capacity, language))}
            title={t('search.minCapacityHint')}
          />
        </Filter>
      </SearchFilters>
      <Results query={query} filter={filter} />
    </div>
  );
}
