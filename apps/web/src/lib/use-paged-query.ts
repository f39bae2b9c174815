import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useLoadMore } from './LoadMore';
import { appendPage } from './pagination';

interface Connection {
  edges: { node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * A list the page shows one page at a time (a root connection field): the first page
 * cache-and-network, and `more` appending the next page after the shown ones (appendPage).
 * `items` and `hasNextPage` are the shown nodes and whether more follow, for ListQueryResults.
 */
export function usePagedQuery<
  TData extends { [P in K]: Connection },
  TVariables extends OperationVariables,
  K extends string,
>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, field: K) {
  const result = useQuery(document, {
    variables,
    fetchPolicy: 'cache-and-network',
  } as useQuery.Options<TData, TVariables>);
  const page = (result.data as TData | undefined)?.[field];
  const more = useLoadMore(() =>
    result.fetchMore({
      variables: { after: page?.pageInfo.endCursor } as unknown as Partial<TVariables>,
      updateQuery: (shown, { fetchMoreResult }) =>
        ({
          ...shown,
          [field]: appendPage((shown as TData)[field], (fetchMoreResult as TData)[field]),
        }) as typeof shown,
    }),
  );
  const items = page?.edges.map((edge) => edge.node as TData[K]['edges'][number]['node']);
  return { ...result, page, items, more, hasNextPage: !!page?.pageInfo.hasNextPage };
}
