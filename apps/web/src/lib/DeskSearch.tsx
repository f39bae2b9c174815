import { useQuery } from '@apollo/client/react';
import { Button } from 'antd';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { graphql } from '../gql';
import type { PlatformRole, VerificationStatus } from '../gql/graphql';
import { DESK_NS } from './desk-i18n';
import { Input } from './inputs';
import { LoadMore } from './LoadMore';
import {
  OrganizationReview,
  type ReviewOutcome,
  type StaffOrganization,
} from './OrganizationReview';
import { QueryFallback } from './QueryFallback';
import { usePagedQuery } from './use-paged-query';

const ModerationCountsDocument = graphql(`
  query ModerationCounts {
    moderationCounts {
      subject
      state
      count
    }
  }
`);

const StaffOrganizationsDocument = graphql(`
  query StaffOrganizations(
    $search: String
    $status: VerificationStatus
    $first: Int!
    $after: String
  ) {
    staffOrganizations(search: $search, status: $status, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
          taxCode
          verification
          province {
            code
            name
          }
        }
      }
    }
  }
`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUSES: VerificationStatus[] = [
  'PENDING_VERIFICATION',
  'VERIFIED',
  'REJECTED',
  'SUSPENDED',
];
const PAGE_SIZE = 20;
const MAX_SEARCH = 100;

/** How many organizations and listings wait or sit in each state; `version` re-reads it after a decision. */
export function QueueCounts({ version }: { version: number }) {
  const { t } = useTranslation(DESK_NS);
  const { data, refetch } = useQuery(ModerationCountsDocument, {
    fetchPolicy: 'cache-and-network',
  });
  useEffect(() => {
    if (version > 0) void refetch().catch(() => undefined);
  }, [version, refetch]);
  const counts = data?.moderationCounts;
  if (!counts) return null;
  const group = (subject: 'ORGANIZATION' | 'PRODUCT') =>
    counts.filter((c) => c.subject === subject && c.state !== 'DRAFT');
  return (
    <section className="desk-counts" aria-label={t('counts.label')} data-testid="desk-counts">
      {(['ORGANIZATION', 'PRODUCT'] as const).map((subject) => (
        <div key={subject} className="desk-count-group">
          <h2>{subject === 'ORGANIZATION' ? t('counts.organizations') : t('counts.products')}</h2>
          <ul>
            {group(subject).map((c) => (
              <li key={c.state} data-testid={`desk-count-${subject}-${c.state}`}>
                <strong>{c.count}</strong>{' '}
                {t(`counts.${subject}.${c.state}` as 'counts.ORGANIZATION.VERIFIED')}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function Results({
  search,
  status,
  onOpen,
}: {
  search: string | null;
  status: VerificationStatus | null;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation(DESK_NS);
  const { t: tm } = useTranslation();
  const {
    page: found,
    error,
    refetch,
    more,
  } = usePagedQuery(
    StaffOrganizationsDocument,
    { search, status, first: PAGE_SIZE },
    'staffOrganizations',
  );
  if (!found) {
    return (
      <QueryFallback
        answered={false}
        error={error}
        onRetry={() => void refetch()}
        loadError={t('search.loadError')}
        rows={4}
      />
    );
  }
  if (found.edges.length === 0) {
    return (
      <p className="mod-empty" data-testid="desk-search-empty">
        {t('search.empty')}
      </p>
    );
  }
  return (
    <>
      <ul className="mod-queue-list" aria-label={t('search.results')}>
        {found.edges.map(({ node }) => (
          <li key={node.id}>
            <button
              type="button"
              className="mod-queue-item"
              data-testid="desk-search-result"
              data-subject-id={node.id}
              onClick={() => onOpen(node.id)}
            >
              <span className="mod-queue-summary">{node.name}</span>
              <span className="mod-queue-meta">
                <span className="mono">{node.taxCode}</span>
                <span>{node.province.name}</span>
                <span>{tm(`verification.${node.verification}.label`)}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {found.pageInfo.hasNextPage && (
        <LoadMore
          loading={more.loading}
          failed={more.failed}
          onLoad={() => void more.run()}
          testId="desk-search-more"
        />
      )}
    </>
  );
}

/**
 * The "Organizations" tab: find any organization by name (diacritics ignored) or tax code, narrowed
 * by status, and review the one chosen; a pasted ID opens it directly. Everything is in the URL
 * (`q`, `trang-thai`, `id`), so a link from the audit log or a duplicate opens the same view.
 */
export function OrganizationSearch({
  role,
  onSuccess,
}: {
  role: PlatformRole;
  onSuccess: (outcome: ReviewOutcome, organization: StaffOrganization) => void;
}) {
  const { t } = useTranslation(DESK_NS);
  const { t: tm } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = params.get('q')?.trim() || null;
  const rawStatus = params.get('trang-thai');
  const status = STATUSES.find((s) => s === rawStatus) ?? null;
  const requested = params.get('id')?.trim() ?? '';
  const id = UUID.test(requested) ? requested.toLowerCase() : null;
  const [text, setText] = useState(search ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  const detailRef = useRef<HTMLElement>(null);

  useEffect(() => setText(search ?? ''), [search]);
  useEffect(() => {
    // Stacked on a phone, the review opens below the results, out of sight: bring it into view.
    if (id && window.matchMedia('(max-width: 959px)').matches) {
      detailRef.current?.scrollIntoView({ block: 'start' });
    }
  }, [id]);

  function go(next: { q?: string | null; status?: string | null; id?: string | null }) {
    const p = new URLSearchParams({ tab: 'to-chuc' });
    const q = next.q === undefined ? search : next.q;
    const s = next.status === undefined ? status : next.status;
    if (q) p.set('q', q);
    if (s) p.set('trang-thai', s);
    if (next.id) p.set('id', next.id);
    setParams(p);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const value = text.trim();
    if (value.length > MAX_SEARCH) return setProblem(t('search.tooLong'));
    setProblem(null);
    if (UUID.test(value)) return go({ id: value.toLowerCase() });
    go({ q: value || null });
  }

  return (
    <div className="desk-search-layout">
      <div>
        <form className="desk-search" role="search" onSubmit={submit} noValidate>
          <label htmlFor="desk-search-text" className="desk-label">
            {t('search.label')}
          </label>
          <p id="desk-search-hint" className="muted desk-hint">
            {t('search.hint')}
          </p>
          <div className="desk-search-row">
            <Input
              id="desk-search-text"
              data-testid="desk-search"
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-describedby={
                problem ? 'desk-search-hint desk-search-problem' : 'desk-search-hint'
              }
              aria-invalid={problem ? true : undefined}
              autoComplete="off"
              spellCheck={false}
              size="large"
              enterKeyHint="search"
            />
            <Button type="primary" htmlType="submit" size="large" data-testid="desk-search-submit">
              {t('search.submit')}
            </Button>
          </div>
          {problem && (
            <p id="desk-search-problem" className="desk-problem" role="alert">
              {problem}
            </p>
          )}
          <label htmlFor="desk-search-status" className="desk-label">
            {t('search.status')}
          </label>
          <select
            id="desk-search-status"
            className="native-input"
            data-testid="desk-search-status"
            value={status ?? ''}
            onChange={(e) => go({ status: e.target.value || null })}
          >
            <option value="">{t('search.allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`counts.ORGANIZATION.${s}`)}
              </option>
            ))}
          </select>
        </form>
        <Results search={search} status={status} onOpen={(next) => go({ id: next })} />
      </div>
      {id && (
        <section ref={detailRef} className="mod-detail" aria-label={tm('moderation.detailLabel')}>
          <OrganizationReview
            key={id}
            id={id}
            role={role}
            onDone={(outcome, organization) => onSuccess(outcome, organization)}
          />
        </section>
      )}
    </div>
  );
}
