import type { ReactNode } from 'react';
import type { useLoadMore } from './LoadMore';
import { QueryFallback } from './QueryFallback';
import { ResultList } from './ResultList';

/** A list query as `useListQuery` and `usePagedQuery` answer it. */
interface ListQuery<T> {
  items: readonly T[] | undefined;
  error?: unknown;
  refetch: () => Promise<unknown>;
  more: ReturnType<typeof useLoadMore>;
  hasNextPage: boolean;
}

/**
 * A list read by `useListQuery` or `usePagedQuery`: its items once answered, a skeleton or the
 * load error before.
 */
export function ListQueryResults<T extends { id: string }>({
  query,
  label,
  summary,
  empty,
  loadError,
  render,
  listClassName = 'my-products',
  testId,
}: {
  query: ListQuery<T>;
  label: string;
  /** "12 nhu cầu" above the list, once answered. */
  summary?: string | null;
  empty: string;
  loadError: string;
  render: (item: T) => ReactNode;
  /** The list's layout: cards one under another, or a grid (`product-grid`, `supplier-grid`). */
  listClassName?: string;
  testId: string;
}) {
  return query.items ? (
    <ResultList
      label={label}
      summary={summary}
      empty={empty}
      items={query.items}
      render={render}
      listClassName={listClassName}
      hasNextPage={query.hasNextPage}
      more={query.more}
      testId={testId}
    />
  ) : (
    <QueryFallback
      answered={false}
      error={query.error}
      onRetry={() => void query.refetch()}
      loadError={loadError}
      rows={6}
    />
  );
}
