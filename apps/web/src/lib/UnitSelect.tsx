import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { useMemo, type AriaAttributes } from 'react';
import { graphql } from '../gql';
import { foldDiacritics } from './text';
import { pickerPopupRender } from './pickers';

const UnitsQuery = graphql(`
  query Units {
    units {
      code
      name
      symbol
      label
      baseCode
    }
  }
`);

interface UnitOption {
  value: string;
  label: string;
  folded: string;
}

export interface UnitSelectProps extends AriaAttributes {
  id?: string;
  value?: string;
  onChange?: (code: string) => void;
  'data-testid'?: string;
  /** Only units of this kind (KGM: kg, yến, tạ, tấn…): what a price can be per, given the capacity unit. */
  baseCode?: string;
  disabled?: boolean;
}

/** Unit picker fed by `units`; typing "tan" finds "tấn". */
export function UnitSelect({
  id,
  value,
  onChange,
  'data-testid': testId,
  baseCode,
  disabled,
  ...aria
}: UnitSelectProps) {
  const { data, loading } = useQuery(UnitsQuery);
  const options = useMemo<UnitOption[]>(
    () =>
      (data?.units ?? [])
        .filter((u) => !baseCode || u.baseCode === baseCode)
        .map((u) => ({
          value: u.code,
          label: u.label,
          folded: foldDiacritics(`${u.label} ${u.symbol}`),
        })),
    [data, baseCode],
  );
  return (
    <Select<string, UnitOption>
      popupRender={pickerPopupRender}
      {...aria}
      id={id}
      data-testid={testId}
      value={value}
      onChange={(code) => onChange?.(code)}
      options={options}
      loading={loading}
      disabled={disabled}
      virtual={false}
      showSearch={{
        filterOption: (input, option) =>
          option ? option.folded.includes(foldDiacritics(input)) : false,
      }}
    />
  );
}
