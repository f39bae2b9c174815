import { useQuery } from '@apollo/client/react';
import { Button, Select } from 'antd';
import { useMemo, type AriaAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { foldDiacritics } from './text';
import { pickerPopupRender } from './pickers';

const ProvincesQuery = graphql(`
  query Provinces {
    provinces {
      code
      name
    }
  }
`);

interface ProvinceOption {
  value: string;
  label: string;
  /** The name folded once, so filtering 34 options per keystroke stays trivial. */
  folded: string;
}

// Spaces are ignored too: the English names run words together ("Hanoi") where people type
// them apart ("ha noi"), and the other way round.
function compact(text: string): string {
  return text.replace(/ /g, '');
}

function matches(input: string, option?: ProvinceOption): boolean {
  return option ? compact(option.folded).includes(compact(foldDiacritics(input))) : false;
}

// Names with a word starting with what was typed come first: "ha" offers Hà Nội, Hà Tĩnh and
// Hải Phòng before Khánh Hòa and Thanh Hóa, which merely contain it. Word starts rather than
// the name's start, because names may carry a prefix such as "Tỉnh" or "Thành phố".
function wordStartRank(folded: string, query: string): number {
  return folded.startsWith(query) || folded.includes(` ${query}`) ? 1 : 0;
}

function startsFirst(
  a: ProvinceOption,
  b: ProvinceOption,
  { searchValue }: { searchValue: string },
) {
  const query = foldDiacritics(searchValue);
  return wordStartRank(b.folded, query) - wordStartRank(a.folded, query);
}

/** `id`, `value`, `onChange` and the aria attributes are what Form.Item injects. */
export interface ProvinceSelectProps extends AriaAttributes {
  id?: string;
  value?: string;
  /** Called with undefined when cleared (only with `allowClear`). */
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  /** A cross to clear the choice, for optional filters. */
  allowClear?: boolean;
  'data-testid'?: string;
}

/** Province picker fed by the `provinces` query; search ignores diacritics and case. */
export function ProvinceSelect({
  id,
  value,
  onChange,
  placeholder,
  allowClear,
  'data-testid': testId,
  ...aria
}: ProvinceSelectProps) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(ProvincesQuery);
  const options = useMemo<ProvinceOption[]>(
    () =>
      (data?.provinces ?? []).map((p) => ({
        value: p.code,
        label: p.name,
        folded: foldDiacritics(p.name),
      })),
    [data],
  );

  return (
    <div>
      <Select<string, ProvinceOption>
        popupRender={pickerPopupRender}
        {...aria}
        id={id}
        data-testid={testId}
        value={value}
        onChange={(code) => onChange?.(code)}
        options={options}
        loading={loading}
        placeholder={placeholder}
        allowClear={allowClear}
        // All 34 options stay in the DOM, so tests and assistive tech can reach any of them;
        // virtual scrolling buys nothing at this size.
        virtual={false}
        showSearch={{ filterOption: matches, filterSort: startsFirst }}
        notFoundContent={loading ? t('app.loading') : t('signUp.noProvince')}
        popupMatchSelectWidth
      />
      {error && (
        <div className="inline-error" role="alert">
          <span>{t('signUp.provinceLoadError')}</span>{' '}
          <Button type="link" size="small" onClick={() => void refetch()}>
            {t('signUp.provinceRetry')}
          </Button>
        </div>
      )}
    </div>
  );
}
