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
import { useOrganizationKind } from '../lib/auth';
import { useLanguage, type Language } from '../lib/i18n';
import { SearchBox } from '../lib/SearchBox';
import { vietnamToday } from '../lib/vietnam-time';

/** "Tháng 3/2027" or "March 2027". */
function formatMonth(month: string, language: Language): string {
  const [year, m] = month.split('-').map(Number);
  return language === 'vi'
    ? `Tháng ${m}/${year}`
    : new Date(Date.UTC(year, m - 1, 1)).toLocaleDateString('en-GB', {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
}

/** The filters live in the URL (q, nhom, tinh, thang, trang-thai, moi), so a browse can be shared. */
type Param = 'nhom' | 'tinh' | 'trang-thai' | 'thang' | 'moi';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Delivery months to pick: from six months back (closed and awarded needs) to eighteen ahead. */
function monthChoices(today: string): string[] {
  const [year, month] = today.split('-').map(Number);
  return Array.from({ length: 25 }, (_, i) => {
    const m = year * 12 + (month - 1) - 6 + i;
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

const isPublicStatus = (value: string | null): value is NeedStatus =>
  !!value && (PUBLIC_NEED_STATUSES as readonly string[]).includes(value);

function filterOf(params: URLSearchParams): NeedFilter | null {
  const filter: NeedFilter = {};
  const category = params.get('nhom');
  const province = params.get('tinh');
  const status = params.get('trang-thai');
  const query = params.get('q')?.trim();
  const month = params.get('thang');
  if (query) filter.query = query;
  if (month && MONTH.test(month)) filter.deliveryMonth = month;
  if (params.get('moi') === '1') filter.invited = true;
  if (category) filter.categoryCode = category;
  if (province) filter.provinceCode = province;
  if (isPublicStatus(status)) filter.status = status;
  return Object.keys(filter).length > 0 ? filter : null;
}

/**
 * Public needs for everyone, signed in or not, newest first: words of the title or description
 * (diacritics ignored), category (a chapter includes its headings), delivery province, delivery
 * month and status; a cooperative also sees the needs that invite it, and may keep only those.
 */
export default function OpenNeedsPage() {
  const { t } = useTranslation(NEEDS_NS);
  const language = useLanguage();
  const cooperative = useOrganizationKind() === 'COOPERATIVE';
  const { params, text, setText, set, clearFilters, filtersOpen } = useUrlSearch<Param>();
  const filter = filterOf(params);
  const active = filter ? Object.keys(filter).filter((key) => key !== 'query').length : 0;
  return (
    <div className="page open-needs-page">
      <h1>{t('open.title')}</h1>
      <p className="muted">{t('open.intro')}</p>
      <SearchBox
        id="open-needs-query"
        testId="open-needs-query"
        text={text}
        onText={setText}
        onSubmit={() => set('q', text)}
        label={t('open.search')}
        placeholder={t('open.searchPlaceholder')}
        submitLabel={t('open.searchSubmit')}
      />
      <SearchFilters open={filtersOpen} active={active} onClear={clearFilters} testId="open-needs">
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
        <Filter label={t('open.month')}>
          <Select<string>
            popupRender={pickerPopupRender}
            data-testid="open-needs-month"
            value={params.get('thang') ?? undefined}
            onChange={(month) => set('thang', month)}
            placeholder={t('open.anyMonth')}
            allowClear
            // 25 months, all in the DOM: reachable by tests and assistive tech without scrolling.
            virtual={false}
            options={monthChoices(vietnamToday()).map((month) => ({
              value: month,
              label: formatMonth(month, language),
            }))}
          />
        </Filter>
        {cooperative && (
          <label className="filter filter-check">
            <input
              type="checkbox"
              data-testid="open-needs-invited"
              checked={params.get('moi') === '1'}
              onChange={(event) => set('moi', event.target.checked ? '1' : undefined)}
            />
            <span>{t('open.invitedOnly')}</span>
          </label>
        )}
      </SearchFilters>
      <NeedResults filter={filter} testId="open-needs" />
    </div>
  );
}
