import { Button, Select } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CategorySelect } from './CategorySelect';
import { CERTIFICATION_KINDS } from './products';
import { PRODUCTS_NS } from './products-i18n';
import { ProvinceSelect } from './ProvinceSelect';
import { pickerPopupRender } from './pickers';

/** One labelled filter of a search page. */
export function Filter({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="filter">
      <span>{label}</span>
      {children}
    </label>
  );
}

export interface SearchFiltersProps {
  /** Open at first on a wide screen; folded on a phone, where open filters would push every result below the fold. */
  open: boolean;
  /** How many filters are set (shown in the summary). */
  active: number;
  onClear: () => void;
  /** Prefix of the test ids: `${testId}-filters`, `${testId}-clear`. */
  testId: string;
  children: ReactNode;
}

/**
 * The foldable filter panel of a search page, with "Bỏ lọc" while any filter is set. Folded (on a
 * phone), its filters are not built until first opened: their pickers and the reference data they
 * ask for cost a phone's first load most of its main-thread time, for a panel nobody sees yet.
 */
export function SearchFilters({ open, active, onClear, testId, children }: SearchFiltersProps) {
  const { t } = useTranslation(PRODUCTS_NS);
  const [built, setBuilt] = useState(open);
  return (
    <details
      className="search-filters"
      open={open}
      onToggle={(e) => e.currentTarget.open && setBuilt(true)}
    >
      <summary data-testid={`${testId}-filters`}>
        {t('search.filters')}
        {active > 0 && ` (${active})`}
      </summary>
      <div className="search-filter-grid">
        {built && children}
        {active > 0 && (
          <Button type="link" onClick={onClear} data-testid={`${testId}-clear`}>
            {t('search.clear')}
          </Button>
        )}
      </div>
    </details>
  );
}

/**
 * The filters listings and suppliers share, kept in the URL: category (`nhom`, a chapter includes
 * its headings), supplier province (`tinh`) and a certification still valid (`chung-nhan`).
 */
export function ListingFilters({
  params,
  set,
  testId,
}: {
  params: URLSearchParams;
  set: (name: 'nhom' | 'tinh' | 'chung-nhan', value: string | undefined) => void;
  testId: string;
}) {
  const { t } = useTranslation(PRODUCTS_NS);
  return (
    <>
      <Filter label={t('search.category')}>
        <CategorySelect
          data-testid={`${testId}-category`}
          value={params.get('nhom') ?? undefined}
          onChange={(code) => set('nhom', code)}
          placeholder={t('search.allCategories')}
          allowClear
        />
      </Filter>
      <Filter label={t('search.province')}>
        <ProvinceSelect
          data-testid={`${testId}-province`}
          value={params.get('tinh') ?? undefined}
          onChange={(code) => set('tinh', code)}
          placeholder={t('search.allProvinces')}
          allowClear
        />
      </Filter>
      <Filter label={t('search.certification')}>
        <Select<string>
          popupRender={pickerPopupRender}
          data-testid={`${testId}-certification`}
          value={params.get('chung-nhan') ?? undefined}
          onChange={(kind) => set('chung-nhan', kind)}
          placeholder={t('search.anyCertification')}
          allowClear
          options={CERTIFICATION_KINDS.map((kind) => ({
            value: kind,
            label: t(`certKind.${kind}`),
          }))}
        />
      </Filter>
    </>
  );
}
