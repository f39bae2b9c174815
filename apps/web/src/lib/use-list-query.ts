import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useLoadMore } from './LoadMore';

/**
 * A root field that is a plain list paged by `first` and `after` = the last item's id (the
 * contracts' lists: decision 118), shown `size` at a time: `more` appends the next page, and the
 * list has more while the last page came back full.
 */
export function useListQuery<
  TData extends { [P in K]: { id: string }[] },
  TVariables extends OperationVariables & { first: number },
  K extends string,
>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, field: K) {
  const result = useQuery(document, {
    variables,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: false,
  } as useQuery.Options<TData, TVariables>);
  const items = (result.data as TData | undefined)?.[field];
  const [ended, setEnded] = useState<string | null>(null);
  const last = items?.[items.length - 1]?.id ?? null;
  const more = useLoadMore(async () => {
    const next = await result.fetchMore({
      variables: { after: last } as unknown as Partial<TVariables>,
      updateQuery: (shown, { fetchMoreResult }) =>
        ({
          ...shown,
          [field]: [...(shown as TData)[field], ...(fetchMoreResult as TData)[field]],
        }) as typeof shown,
    });
    if ((next.data as TData | undefined)?.[field].length !== variables.first) setEnded(last);
  });
  const hasNextPage =
    !!items && items.length > 0 && items.length % variables.first === 0 && ended !== last;
  return { ...result, items, more, hasNextPage };
}
