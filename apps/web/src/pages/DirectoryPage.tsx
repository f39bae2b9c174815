import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { OrganizationFilter, OrganizationKind } from '../gql/graphql';
import { ORG_NS } from '../lib/org-i18n';
import { ListQueryResults } from '../lib/ListQueryResults';
import { SearchBox } from '../lib/SearchBox';
import { Filter, ListingFilters, SearchFilters } from '../lib/SearchFilters';
import { SupplierCard } from '../lib/SupplierCard';
import { usePagedQuery } from '../lib/use-paged-query';
import { useUrlSearch } from '../lib/url-search';
import { pickerPopupRender } from '../lib/pickers';

const DirectoryDocument = graphql(`
  query SupplierDirectory(
    $query: String
    $filter: OrganizationFilter
    $first: Int!
    $after: String
  ) {
    searchOrganizations(query: $query, filter: $filter, first: $first, after: $after) {
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
          logoUrl
          logoThumbnailUrl
          kind
          province {
            code
            name
          }
          productCount
          certifications {
            kind
          }
        }
      }
    }
  }
`);

const PAGE_SIZE = 20;
const TOTAL_CAP = 1000;
const KINDS: readonly OrganizationKind[] = ['COOPERATIVE', 'ENTERPRISE'];

/** The directory lives in the URL (q, loai, tinh, nhom, chung-nhan), so it can be shared. */
type Param = 'loai' | 'tinh' | 'nhom' | 'chung-nhan';

function filterOf(params: URLSearchParams): OrganizationFilter | null {
  const filter: OrganizationFilter = {};
  const kind = params.get('loai');
  if (kind && (KINDS as readonly string[]).includes(kind)) filter.kind = kind as OrganizationKind;
  const province = params.get('tinh');
  const category = params.get('nhom');
  const certification = params.get('chung-nhan');
  if (province) filter.provinceCode = province;
  if (category) filter.categoryCode = category;
  if (certification) filter.certification = certification;
  return Object.keys(filter).length > 0 ? filter : null;
}

function Results({ query, filter }: { query: string; filter: OrganizationFilter | null }) {
  const { t } = useTranslation(ORG_NS);
  const list = usePagedQuery(
    DirectoryDocument,
    { query: query || null, filter, first: PAGE_SIZE },
    'searchOrganizations',
  );
  const total = list.page?.totalCount ?? 0;
  return (
    <ListQueryResults
      query={list}
      label={t('directory.resultsLabel')}
      summary={
        total >= TOTAL_CAP ? t('directory.countCapped') : t('directory.count', { count: total })
      }
      empty={t('directory.empty')}
      loadError={t('directory.loadError')}
      render={(node) => <SupplierCard key={node.id} supplier={node} />}
      listClassName="supplier-grid"
      testId="directory"
    />
  );
}

export default function DirectoryPage() {
  const { t } = useTranslation(ORG_NS);
  const { t: tMain } = useTranslation();
  const { params, text, setText, query, set, clearFilters, filtersOpen } = useUrlSearch<Param>();
  const filter = filterOf(params);
  return (
    <div className="page directory-page">
      <h1>{t('directory.title')}</h1>
      <p className="muted">{t('directory.intro')}</p>
      <SearchBox
        id="directory-query"
        testId="directory-input"
        text={text}
        onText={setText}
        onSubmit={() => set('q', text)}
        label={t('directory.queryLabel')}
        placeholder={t('directory.queryPlaceholder')}
        submitLabel={t('directory.submit')}
      />
      <SearchFilters
        open={filtersOpen}
        active={filter ? Object.keys(filter).length : 0}
        onClear={clearFilters}
        testId="directory"
      >
        <Filter label={t('directory.kind')}>
          <Select<string>
            popupRender={pickerPopupRender}
            data-testid="directory-kind"
            value={params.get('loai') ?? undefined}
            onChange={(kind) => set('loai', kind)}
            placeholder={t('directory.anyKind')}
            allowClear
            options={KINDS.map((kind) => ({ value: kind, label: tMain(`kind.${kind}`) }))}
          />
        </Filter>
        <ListingFilters params={params} set={set} testId="directory" />
      </SearchFilters>
      <Results query={query} filter={filter} />
    </div>
  );
}
