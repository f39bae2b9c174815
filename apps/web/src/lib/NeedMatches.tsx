import { useQuery } from '@apollo/client/react';
import { Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';
import { NEEDS_NS } from './needs-i18n';
import { QueryFallback } from './QueryFallback';

const NeedMatchesDocument = graphql(`
  query NeedMatches($id: ID!) {
    need(id: $id) {
      id
      matches(first: 10) {
        totalCount
        edges {
          node {
            supplier {
              id
              name
            }
            score
            coverage
            reasons {
              code
              message
              weight
            }
          }
        }
      }
    }
  }
`);

/**
 * The suppliers the matcher ranked for the buyer's open need (issue 11): each with its score, how
 * much of the quantity it can supply in the window, and the reasons, as chips. Ranked once the need
 * opened; until the matcher has answered, the list says so.
 */
export function NeedMatches({ needId }: { needId: string }) {
  const { t } = useTranslation(NEEDS_NS);
  const q = useQuery(NeedMatchesDocument, { variables: { id: needId }, fetchPolicy: 'cache-and-network' });
  const matches = q.data?.need?.matches;
  return (
    <section className="card" aria-labelledby="need-matches" data-testid="need-matches">
      <h2 id="need-matches">{t('matches.title')}</h2>
      <p className="muted">{t('matches.help')}</p>
      {!matches ? (
        <QueryFallback answered={!!q.data} error={q.error} onRetry={() => void q.refetch()} loadError={t('matches.loadError')} rows={3} />
      ) : matches.edges.length === 0 ? (
        <p data-testid="need-matches-empty">{t('matches.none')}</p>
      ) : (
        <ol className="need-matches">
          {matches.edges.map(({ node: m }) => (
            <li key={m.supplier.id} className="need-match" data-testid="need-match">
              <div className="need-match-head">
                <Link to={`/nha-cung-cap/${m.supplier.id}`} data-testid="need-match-name">
                  {m.supplier.name}
                </Link>
                <span className="need-match-score">{t('matches.score', { score: Math.round(m.score * 100) })}</span>
              </div>
              {/* The bar draws the share; the words say it (antd's own label fails contrast when full). */}
              <Progress percent={Math.round(Math.min(m.coverage, 1) * 100)} size="small" showInfo={false} aria-hidden />
              <p className="need-match-coverage">
                {t('matches.coverage', { percent: Math.round(Math.min(m.coverage, 1) * 100) })}
              </p>
              <ul className="need-match-reasons">
                {m.reasons.map((r) => (
                  <li key={r.code}>
                    <Tag data-testid="need-match-reason" data-code={r.code}>
                      {r.message}
                    </Tag>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
