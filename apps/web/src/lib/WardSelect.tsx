import { useQuery } from '@apollo/client/react';
import { Button, Select } from 'antd';
import { useMemo, type AriaAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { ORG_NS } from './org-i18n';
import { foldDiacritics } from './text';
import { pickerPopupRender } from './pickers';

const WardsQuery = graphql(`
  query Wards($provinceCode: String!) {
    wards(provinceCode: $provinceCode) {
      code
      name
    }
  }
`);

interface WardOption {
  value: string;
  label: string;
  folded: string;
}

const matches = (input: string, option?: WardOption) =>
  option ? option.folded.includes(foldDiacritics(input)) : false;

export interface WardSelectProps extends AriaAttributes {
  id?: string;
  value?: string | null;
  onChange?: (code: string | null) => void;
  /** Only the wards of this province: an organization's address is in its own province. */
  provinceCode: string;
  provinceName: string;
  disabled?: boolean;
  'data-testid'?: string;
}

/** A ward (phường, xã) picker over the API's reference data for one province; search ignores diacritics. */
export function WardSelect({
  id,
  value,
  onChange,
  provinceCode,
  provinceName,
  disabled,
  'data-testid': testId,
  ...aria
}: WardSelectProps) {
  const { t } = useTranslation(ORG_NS);
  const { data, loading, error, refetch } = useQuery(WardsQuery, { variables: { provinceCode } });
  const options = useMemo<WardOption[]>(
    () =>
      (data?.wards ?? []).map((w) => ({
        value: w.code,
        label: w.name,
        folded: foldDiacritics(w.name),
      })),
    [data],
  );
  return (
    <div>
      <Select<string, WardOption>
        popupRender={pickerPopupRender}
        {...aria}
        id={id}
        data-testid={testId}
        value={value ?? undefined}
        onChange={(code) => onChange?.(code ?? null)}
        options={options}
        loading={loading}
        disabled={disabled}
        placeholder={t('profile.wardPlaceholder', { province: provinceName })}
        allowClear
        showSearch={{ filterOption: matches }}
        notFoundContent={loading ? t('app.loading', { ns: 'translation' }) : t('profile.noWard')}
      />
      {error && (
        <div className="inline-error" role="alert">
          <span>{t('profile.wardLoadError')}</span>{' '}
          <Button type="link" size="small" onClick={() => void refetch()}>
            {t('admin.retry', { ns: 'translation' })}
          </Button>
        </div>
      )}
    </div>
  );
}
