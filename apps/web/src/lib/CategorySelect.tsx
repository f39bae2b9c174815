import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { useMemo, type AriaAttributes } from 'react';
import { graphql } from '../gql';
import { foldDiacritics } from './text';

const CategoriesQuery = graphql(`
  query Categories($parentCode: String) {
    categories(parentCode: $parentCode) {
      code
      name
    }
  }
`);

interface CategoryOption {
  value: string;
  label: string;
  /** Code and name folded once: "09 ca phe, che" matches both "09" and "ca phe". */
  folded: string;
}

function matches(input: string, option?: CategoryOption): boolean {
  return option ? option.folded.includes(foldDiacritics(input)) : false;
}

/** `id`, `value`, `onChange` and the aria attributes are what Form.Item injects. */
export interface CategorySelectProps extends AriaAttributes {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Chapters when absent; the headings of this chapter otherwise. */
  parentCode?: string;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  'data-testid'?: string;
}

/** An HS chapter or heading picker fed by `categories`; search ignores diacritics. */
export function CategorySelect({
  id,
  value,
  onChange,
  parentCode,
  placeholder,
  disabled,
  allowClear,
  'data-testid': testId,
  ...aria
}: CategorySelectProps) {
  const { data, loading } = useQuery(CategoriesQuery, {
    variables: { parentCode: parentCode ?? null },
    skip: disabled,
  });
  const options = useMemo<CategoryOption[]>(
    () =>
      (data?.categories ?? []).map((c) => ({
        value: c.code,
        label: `${c.code} · ${c.name}`,
        folded: foldDiacritics(`${c.code} ${c.name}`),
      })),
    [data],
  );
  return (
    <Select<string, CategoryOption>
      {...aria}
      id={id}
      data-testid={testId}
      value={value}
      onChange={(code) => onChange?.(code)}
      options={options}
      loading={loading}
      disabled={disabled}
      allowClear={allowClear}
      placeholder={placeholder}
      // Every option stays in the DOM so tests and assistive tech can reach it (~100 chapters).
      virtual={false}
      showSearch={{ filterOption: matches }}
      popupMatchSelectWidth={false}
    />
  );
}
