import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { useMemo, type AriaAttributes, type ReactNode } from 'react';
import { graphql } from '../gql';
import { foldDiacritics } from './text';
import { pickerPopupRender } from './pickers';

const AllCategoriesQuery = graphql(`
  query AllCategories {
    allCategories {
      code
      name
      shortName
      shortNameVi
      shortNameEn
      parent {
        code
        shortName
      }
    }
  }
`);

interface CategoryOption {
  value: string;
  /** What the option shows: the everyday name, then the code and its chapter. */
  label: ReactNode;
  /** The tariff wording, shown on hover: the secondary detail for those who need it. */
  title: string;
  shortName: string;
  /** Both everyday names folded once: "ca phe" and "coffee" both find 0901. */
  folded: string;
  /** The tariff wording folded: a last resort, ranked after every everyday-name match. */
  foldedTariff: string;
}

/**
 * How well an option answers what was typed, higher first: the everyday name is the query, starts
 * with it, has a word starting with it, contains it; then the code; then only the tariff text does.
 */
function rank(option: CategoryOption, query: string): number {
  if (!query) return 0;
  const names = option.folded.split(' | ');
  if (names.includes(query)) return 6;
  if (names.some((n) => n.startsWith(query))) return 5;
  if (names.some((n) => n.includes(` ${query}`))) return 4;
  if (option.folded.includes(query)) return 3;
  if (option.value.startsWith(query)) return 2;
  return option.foldedTariff.includes(query) ? 1 : 0;
}

/** `id`, `value`, `onChange` and the aria attributes are what Form.Item injects. */
export interface CategorySelectProps extends AriaAttributes {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  'data-testid'?: string;
}

/**
 * One searchable picker over every HS chapter and heading, by everyday name: "ca phe" or "coffee"
 * finds "Cà phê" (0901) without choosing a chapter first. Used by the product editor and the
 * search filters; a chapter is a valid choice (a filter on it includes its headings).
 */
export function CategorySelect({
  id,
  value,
  onChange,
  placeholder,
  disabled,
  allowClear,
  'data-testid': testId,
  ...aria
}: CategorySelectProps) {
  const { data, loading } = useQuery(AllCategoriesQuery);
  const options = useMemo<CategoryOption[]>(
    () =>
      (data?.allCategories ?? []).map((c) => ({
        value: c.code,
        label: (
          <span className="category-option" data-code={c.code}>
            <span className="category-option-name">{c.shortName}</span>
            <span className="category-option-detail">
              {c.code}
              {c.parent ? ` · ${c.parent.shortName}` : ''}
            </span>
          </span>
        ),
        title: c.name,
        shortName: c.shortName,
        folded: `${foldDiacritics(c.shortNameVi)} | ${foldDiacritics(c.shortNameEn)}`,
        foldedTariff: foldDiacritics(c.name),
      })),
    [data],
  );
  const byCode = useMemo(() => new Map(options.map((o) => [o.value, o])), [options]);
  return (
    <Select<string, CategoryOption>
      popupRender={pickerPopupRender}
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
      // The chosen category reads as its everyday name and code, on one line.
      labelRender={({ value: code }) => {
        const option = byCode.get(String(code));
        return option ? `${option.shortName} (${option.value})` : String(code);
      }}
      // Every option stays in the DOM so tests and assistive tech can reach it (223 rows).
      virtual={false}
      showSearch={{
        filterOption: (input, option) => (option ? rank(option, foldDiacritics(input)) > 0 : false),
        filterSort: (a, b, { searchValue }) => {
          const query = foldDiacritics(searchValue);
          return rank(b, query) - rank(a, query) || a.value.localeCompare(b.value);
        },
      }}
      // As wide as the field: long names wrap instead of running past the screen's edge.
      popupMatchSelectWidth
    />
  );
}
