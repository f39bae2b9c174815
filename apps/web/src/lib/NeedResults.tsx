import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { NeedFilter } from '../gql/graphql';
import { NeedCard } from './NeedCard';
import { NEEDS_NS } from './needs-i18n';
import { ListQueryResults } from './ListQueryResults';
import { usePagedQuery } from './use-paged-query';

/** One document for every list of needs (the buyer's own with `mine`, the public ones otherwise). */
const NeedListDocument = graphql(`
  query NeedList($filter: NeedFilter, $first: Int!, $after: String) {
    needs(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...NeedSummaryFields
        }
      }
    }
  }
`);

const PAGE_SIZE = 20;

/**
 * A page of needs, 20 at a time with "Tải thêm": the buyer's own (`mine`, each draft with its
 * "Sửa" when `editable`) or the public ones (each with its buyer's name).
 */
export function NeedResults({
  filter,
  editable = false,
  testId,
}: {
  filter: NeedFilter | null;
  /** Offer "Sửa" on drafts: the reader may edit its organization's needs. */
  editable?: boolean;
  testId: string;
}) {
  const { t } = useTranslation(NEEDS_NS);
  const mine = !!filter?.mine;
  const texts = mine ? 'mine' : 'open';
  const list = usePagedQuery(NeedListDocument, { filter, first: PAGE_SIZE }, 'needs');
  const total = list.page?.totalCount;
  return (
    <ListQueryResults
      query={list}
      label={t(`${texts}.label`)}
      summary={total != null ? t(`${texts}.count`, { count: total }) : null}
      empty={t(`${texts}.empty`)}
      loadError={t(`${texts}.loadError`)}
      render={(need) => (
        <NeedCard key={need.id} need={need} editable={mine && editable} showBuyer={!mine} />
      )}
      testId={testId}
    />
  );
}
