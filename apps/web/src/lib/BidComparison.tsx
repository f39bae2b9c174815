import { useQuery } from '@apollo/client/react';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';
import type { BidComparisonQuery } from '../gql/graphql';
import { toCsv } from './csv';
import { formatDay } from './datetime';
import { AwardActions } from './NeedDecision';
import { useLanguage, type Language } from './i18n';
import { NEEDS_NS } from './needs-i18n';
import { formatAmount, formatQuantity } from './products';
import { QueryFallback } from './QueryFallback';

const BidComparisonDocument = graphql(`
  query BidComparison($id: ID!) {
    need(id: $id) {
      id
      title
      status
      quantity
      unit {
        code
        name
        symbol
      }
      bids(first: 100) {
        totalCount
        edges {
          node {
            id
            status
            revision
            unitPrice {
              amount
            }
            quantity
            deliveryDate
            note
            supplier {
              id
              name
              reliability {
                completedContracts
                onTimeRate
                fillRate
                averageRating
              }
            }
          }
        }
      }
    }
  }
`);

/** Hands the document to the browser as a download named `filename`. */
function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the object URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

type Need = NonNullable<BidComparisonQuery['need']>;
type Bid = Need['bids']['edges'][number]['node'];
type SortKey = 'price' | 'date';

// Exact: prices are whole đồng that may pass 2^53, so they compare as BigInt, not as numbers.
const byPrice = (a: Bid, b: Bid) => {
  const d = BigInt(a.unitPrice.amount) - BigInt(b.unitPrice.amount);
  return d < 0n ? -1 : d > 0n ? 1 : a.deliveryDate.localeCompare(b.deliveryDate);
};
const byDate = (a: Bid, b: Bid) => a.deliveryDate.localeCompare(b.deliveryDate) || byPrice(a, b);

const percent = (rate: number | null | undefined, language: Language) =>
  rate == null
    ? '—'
    : new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', {
        style: 'percent',
        maximumFractionDigits: 0,
      }).format(rate);
const rating = (value: number | null | undefined, language: Language) =>
  value == null ? '—' : `${value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB')}/5`;

/** What a bid row shows, cell by cell: the table and the spreadsheet say the same. */
function useColumns(unit: Need['unit']) {
  const { t } = useTranslation(NEEDS_NS);
  const language = useLanguage();
  return [
    { key: 'supplier', label: t('compare.supplier'), text: (b: Bid) => b.supplier.name },
    {
      key: 'price',
      label: t('compare.unitPrice', { unit: unit.symbol }),
      text: (b: Bid) => formatAmount(b.unitPrice.amount, language),
      raw: (b: Bid) => b.unitPrice.amount,
    },
    {
      key: 'quantity',
      label: t('compare.quantity', { unit: unit.name }),
      text: (b: Bid) => formatQuantity(b.quantity, language),
      raw: (b: Bid) => b.quantity,
    },
    {
      key: 'date',
      label: t('compare.deliveryDate'),
      text: (b: Bid) => formatDay(b.deliveryDate, language),
      raw: (b: Bid) => b.deliveryDate,
    },
    { key: 'revisions', label: t('compare.revisions'), text: (b: Bid) => String(b.revision) },
    {
      key: 'contracts',
      label: t('compare.completedContracts'),
      text: (b: Bid) => String(b.supplier.reliability?.completedContracts ?? 0),
    },
    {
      key: 'onTime',
      label: t('compare.onTimeRate'),
      text: (b: Bid) => percent(b.supplier.reliability?.onTimeRate, language),
    },
    {
      key: 'fill',
      label: t('compare.fillRate'),
      text: (b: Bid) => percent(b.supplier.reliability?.fillRate, language),
    },
    {
      key: 'rating',
      label: t('compare.rating'),
      text: (b: Bid) => rating(b.supplier.reliability?.averageRating, language),
    },
    { key: 'note', label: t('compare.note'), text: (b: Bid) => b.note ?? '' },
  ];
}

function Comparison({ need, decide }: { need: Need; decide: boolean }) {
  const { t } = useTranslation(NEEDS_NS);
  const [sort, setSort] = useState<SortKey>('price');
  const columns = useColumns(need.unit);
  const bids = need.bids.edges
    .map((edge) => edge.node)
    .filter((bid) => bid.status !== 'WITHDRAWN')
    .sort(sort === 'price' ? byPrice : byDate);

  function exportCsv() {
    // The spreadsheet keeps plain numbers (prices, quantities, ISO dates) so they sum and sort.
    const rows = [
      columns.map((c) => c.label),
      ...bids.map((bid) => columns.map((c) => (c.raw ?? c.text)(bid))),
    ];
    downloadCsv(t('compare.filename', { id: need.id.slice(0, 8) }), toCsv(rows));
  }

  // The buyer's OWNER or MANAGER decides a closed need from here, the bids in view.
  const actions = decide && need.status === 'CLOSED' && (
    <AwardActions need={need} bids={bids.filter((bid) => bid.status === 'SUBMITTED')} />
  );
  if (bids.length === 0) {
    return (
      <>
        <p className="muted" data-testid="compare-empty">
          {t('compare.empty')}
        </p>
        {actions}
      </>
    );
  }
  return (
    <>
      {actions}
      <div className="compare-tools">
        <div role="group" aria-label={t('compare.sortLabel')} className="mod-subjects">
          {(['price', 'date'] as const).map((key) => (
            <button
              key={key}
              type="button"
              className="admin-nav-link"
              aria-pressed={sort === key}
              data-testid={`compare-sort-${key}`}
              onClick={() => setSort(key)}
            >
              {t(`compare.sort.${key}`)}
            </button>
          ))}
        </div>
        <Button onClick={exportCsv} data-testid="compare-export">
          {t('compare.export')}
        </Button>
      </div>
      {/* One table: on a phone each row reads as a card, each cell under its column's name. */}
      <table className="compare-table" data-testid="compare-table">
        <caption className="visually-hidden">{t('compare.caption', { title: need.title })}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" aria-sort={c.key === sort ? 'ascending' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {bids.map((bid) => (
            <tr key={bid.id} data-testid="compare-row">
              {columns.map((c) =>
                c.key === 'supplier' ? (
                  <th key={c.key} scope="row" data-label={c.label}>
                    <Link to={`/nha-cung-cap/${bid.supplier.id}`} data-testid="compare-supplier">
                      {bid.supplier.name}
                    </Link>
                  </th>
                ) : (
                  <td key={c.key} data-label={c.label} data-testid={`compare-${c.key}`}>
                    {c.text(bid)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/**
 * After the deadline, the buyer's side-by-side view of every opened bid with each supplier's track
 * record, sortable by price or delivery date and exportable as a spreadsheet; `decide` adds the
 * award and close-without-award actions for the buyer's OWNER or MANAGER while the need is CLOSED.
 */
export function BidComparison({ needId, decide = false }: { needId: string; decide?: boolean }) {
  const { t } = useTranslation(NEEDS_NS);
  const { data, error, refetch } = useQuery(BidComparisonDocument, {
    variables: { id: needId },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <section className="card compare" aria-labelledby="compare-title" data-testid="bid-comparison">
      <h2 id="compare-title">{t('compare.title')}</h2>
      {data?.need ? (
        <Comparison need={data.need} decide={decide} />
      ) : (
        <QueryFallback
          answered={!!data}
          error={error}
          onRetry={() => void refetch()}
          loadError={t('compare.loadError')}
          rows={4}
        />
      )}
    </section>
  );
}
