import type { ReactNode } from 'react';
import { LoadMore, useLoadMore } from './LoadMore';

export interface ResultListProps<T extends { id: string }> {
  /** Names the region for screen readers; updates are announced politely. */
  label: string;
  /** "12 nhà cung cấp" above the list, when known. */
  summary?: string | null;
  empty: string;
  items: readonly T[];
  render: (item: T) => ReactNode;
  listClassName: string;
  hasNextPage: boolean;
  more: ReturnType<typeof useLoadMore>;
  /** The list's test id; `${testId}-count`, `-empty` and `-load-more` for the rest. */
  testId: string;
}

/** A page of search results or listings: a count, the cards or an empty note, and "Tải thêm". */
export function ResultList<T extends { id: string }>(p: ResultListProps<T>) {
  return (
    <section aria-label={p.label} aria-live="polite">
      {p.summary != null && (
        <p className="muted" data-testid={`${p.testId}-count`}>
          {p.summary}
        </p>
      )}
      {p.items.length === 0 ? (
        <p className="search-empty" data-testid={`${p.testId}-empty`}>
          {p.empty}
        </p>
      ) : (
        <ul className={p.listClassName} data-testid={p.testId}>
          {p.items.map(p.render)}
        </ul>
      )}
      {p.hasNextPage && (
        <LoadMore
          loading={p.more.loading}
          failed={p.more.failed}
          onLoad={() => void p.more.run()}
          testId={`${p.testId}-load-more`}
        />
      )}
    </section>
  );
}
