import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NeedFilter, NeedStatus } from '../gql/graphql';
import { CategorySelect } from '../lib/CategorySelect';
import { NeedResults } from '../lib/NeedResults';
import { PUBLIC_NEED_STATUSES } from '../lib/need-summary';
import { NEEDS_NS } from '../lib/needs-i18n';
import { pickerPopupRender } from '../lib/pickers';
import { ProvinceSelect } from '../lib/ProvinceSelect';
import { Filter, SearchFilters } from '../lib/SearchFilters';
import { useUrlSearch } from '../lib/url-search';

/** The filters live in the URL (nhom, tinh, trang-thai), so a browse can be shared. */
type Param = 'nhom' | 'tinh' | 'trang-thai';

const isPublicStatus = (value: string | null): value is NeedStatus =>
  !!value && (PUBLIC_NEED_STATUSES as readonly string[]).includes(value);

function filterOf(params: URLSearchParams): NeedFilter | null {
  const filter: NeedFilter = {};
  const category = params.get('nhom');
  const province = params.get('tinh');
  const status = params.get('trang-thai');
  if (category) filter.categoryCode = category;
  if (province) filter.provinceCode = province;
  if (isPublicStatus(status)) filter.status = status;
  return Object.keys(filter).length > 0 ? filter : null;
}

/**
 * Public needs for everyone, signed in or not, newest first, filtered by category (a chapter
 * includes its headings), delivery province and status. The API has no text search or delivery
 * month filter for needs yet.
 */
export default function OpenNeedsPage() {
  const { t } = useTranslation(NEEDS_NS);
  const { params, set, clearFilters, filtersOpen } = useUrlSearch<Param>();
  const filter = filterOf(params);
  return (
    <div className="page open-needs-page">
      <h1>{t('open.title')}</h1>
      <p className="muted">{t('open.intro')}</p>
      <SearchFilters
        open={filtersOpen}
        active={filter ? Object.keys(filter).length : 0}
        onClear={clearFilters}
        testId="open-needs"
      >
        <Filter label={t('open.category')}>
          <CategorySelect
            data-testid="open-needs-category"
            value={params.get('nhom') ?? undefined}
            onChange={(code) => set('nhom', code)}
            placeholder={t('open.allCategories')}
            allowClear
          />
        </Filter>
        <Filter label={t('open.province')}>
          <ProvinceSelect
            data-testid="open-needs-province"
            value={params.get('tinh') ?? undefined}
            onChange={(code) => set('tinh', code)}
            placeholder={t('open.allProvinces')}
            allowClear
          />
        </Filter>
        <Filter label={t('open.status')}>
          <Select<string>
            popupRender={pickerPopupRender}
            data-testid="open-needs-status"
            value={params.get('trang-thai') ?? undefined}
            onChange={(status) => set('trang-thai', status)}
            placeholder={t('open.anyStatus')}
            allowClear
            options={PUBLIC_NEED_STATUSES.map((status) => ({
              value: status,
              label: t(`status.${status}`),
            }))}
          />
        </Filter>
      </SearchFilters>
      <NeedResults filter={filter} testId="open-needs" />
    </div>
  );
}
