import type { ReactNode } from 'react';
import { QueryFallback } from './QueryFallback';
import { ResultList } from './ResultList';
import type { useListQuery } from './use-list-query';

type ListQuery<T> = Pick<
  ReturnType<typeof useListQuery>,
  'error' | 'refetch' | 'more' | 'hasNextPage'
> & { items: T[] | undefined };

/** A list read by `useListQuery`: its items once answered, a skeleton or the load error before. */
export function ListQueryResults<T extends { id: string }>({
  query,
  label,
  empty,
  loadError,
  render,
  testId,
}: {
  query: ListQuery<T>;
  label: string;
  empty: string;
  loadError: string;
  render: (item: T) => ReactNode;
  testId: string;
}) {
  return query.items ? (
    <ResultList
      label={label}
      empty={empty}
      items={query.items}
      render={render}
      listClassName="my-products"
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
