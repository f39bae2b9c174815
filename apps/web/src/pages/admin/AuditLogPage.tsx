import { useQuery } from '@apollo/client/react';
import { Alert, Button, Skeleton } from 'antd';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import type { AuditLogQuery, AuditSubject, PlatformRole } from '../../gql/graphql';
import { AdminHeader } from '../../lib/AdminHeader';
import { DESK_NS } from '../../lib/desk-i18n';
import { parseAuditDetail, type AuditChange } from '../../lib/audit-detail';
import { formatDateTime } from '../../lib/datetime';
import { apiErrorsOf } from '../../lib/errors';
import { useLanguage } from '../../lib/i18n';
import { Input } from '../../lib/inputs';
import { LoadMore } from '../../lib/LoadMore';
import { StaffGate } from '../../lib/StaffGate';
import { usePagedQuery } from '../../lib/use-paged-query';

const AuditLogDocument = graphql(`
  query AuditLog(
    $subjectId: ID
    $subject: AuditSubject
    $actorId: ID
    $from: DateTime
    $to: DateTime
    $first: Int!
    $after: String
  ) {
    auditLog(
      subjectId: $subjectId
      subject: $subject
      actorId: $actorId
      from: $from
      to: $to
      first: $first
      after: $after
    ) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          at
          actorId
          action
          subject
          subjectId
          subjectName
          actor {
            id
            fullName
          }
          detail
        }
      }
    }
  }
`);

const AuditActorsDocument = graphql(`
  query AuditActors {
    auditActors {
      id
      fullName
    }
  }
`);

type AuditEntry = AuditLogQuery['auditLog']['edges'][number]['node'];

const ADMINS: readonly PlatformRole[] = ['ADMIN'];
const PAGE_SIZE = 20;

// Fields with a readable name; actions and subjects are looked up in the desk texts. Anything
// newer shows as recorded rather than as a missing-text key.
const FIELDS = [
  'verification',
  'name',
  'address',
  'phone',
  'memberCount',
  'description',
  'email',
  'role',
  'userId',
] as const;
const DESK_FIELDS = ['status', 'kind', 'filename', 'logoId', 'photoId', 'id'] as const;
const SUBJECTS = [
  'ORGANIZATION',
  'PRODUCT',
  'NEED',
  'USER',
] as const satisfies readonly AuditSubject[];
const LISTING_STATUSES = ['DRAFT', 'PENDING_REVIEW', 'APPROVED', 'REJECTED', 'ARCHIVED'] as const;
const DOCUMENT_KINDS = ['BUSINESS_REGISTRATION', 'CERTIFICATE', 'OTHER'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The start of a calendar day in Vietnam, as the server's DateTime: the log is read in Vietnam's time. */
const dayStart = (day: string) => `${day}T00:00:00+07:00`;
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** An action's words in the reader's language ("organization.verified" → "Xác minh tổ chức"), or the code when there are none yet. */
function useActionText() {
  const { t, i18n } = useTranslation(DESK_NS);
  return (action: string) => {
    const key = `audit.actions.${action}`;
    return /^[a-z_]+\.[a-z_]+$/.test(action) && i18n.exists(key, { ns: DESK_NS })
      ? t(key as 'audit.actions.user.password_reset')
      : action;
  };
}
const STATUSES = ['PENDING_VERIFICATION', 'VERIFIED', 'REJECTED', 'SUSPENDED'] as const;
const ORG_ROLES = ['OWNER', 'MANAGER', 'MEMBER'] as const;

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}

/** A recorded value as plain text; React escapes it, so nothing recorded can become markup. */
function useValueText() {
  const { t } = useTranslation();
  const { t: td } = useTranslation(DESK_NS);
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'status' && isOneOf(LISTING_STATUSES, value))
      return td(`audit.statuses.${value}`);
    if (field === 'kind' && isOneOf(DOCUMENT_KINDS, value)) return td(`evidence.kind.${value}`);
    if (field === 'verification' && isOneOf(STATUSES, value)) {
      return t(`verification.${value}.label`);
    }
    if (field === 'role' && isOneOf(ORG_ROLES, value)) return t(`orgRole.${value}`);
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return JSON.stringify(value);
  };
}

function Changes({ changes }: { changes: AuditChange[] }) {
  const { t } = useTranslation();
  const { t: td } = useTranslation(DESK_NS);
  const valueText = useValueText();
  if (changes.length === 0) return <p className="muted">{t('auditLog.noChanges')}</p>;
  return (
    <ul className="audit-changes" aria-label={t('auditLog.changes')}>
      {changes.map((change) => (
        <li key={change.field}>
          <span className="audit-field">
            {isOneOf(FIELDS, change.field)
              ? t(`auditLog.fields.${change.field}`)
              : isOneOf(DESK_FIELDS, change.field)
                ? td(`audit.fields.${change.field}`)
                : change.field}
            :
          </span>{' '}
          <span className="audit-before">{valueText(change.field, change.before)}</span>
          <span className="audit-arrow"> → </span>
          <span className="audit-after">{valueText(change.field, change.after)}</span>
        </li>
      ))}
    </ul>
  );
}

function Entry({ entry, onFilter }: { entry: AuditEntry; onFilter: (subjectId: string) => void }) {
  const { t } = useTranslation();
  const { t: td } = useTranslation(DESK_NS);
  const actionText = useActionText();
  const language = useLanguage();
  const detail = parseAuditDetail(entry.detail);
  return (
    <li className="audit-entry" data-testid="audit-entry" data-action={entry.action}>
      <div className="audit-entry-head">
        <h2 className="audit-action">{actionText(entry.action)}</h2>
        <time dateTime={entry.at} title={t('admin.timeZoneNote')}>
          {formatDateTime(entry.at, language)}
        </time>
      </div>
      <dl className="audit-facts">
        <div>
          <dt>{t('auditLog.subject')}</dt>
          <dd data-testid="audit-subject">
            {isOneOf(SUBJECTS, entry.subject)
              ? td(`audit.subjects.${entry.subject}`)
              : entry.subject}
            {': '}
            <strong>{entry.subjectName ?? td('audit.subjectGone')}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('auditLog.actor')}</dt>
          <dd data-testid="audit-actor">
            {entry.actor ? (
              entry.actor.fullName
            ) : entry.actorId ? (
              <span className="mono selectable">{entry.actorId}</span>
            ) : (
              t('auditLog.system')
            )}
          </dd>
        </div>
      </dl>
      <Changes changes={detail.changes} />
      {detail.reason && (
        <p className="audit-reason">
          <span className="muted">{t('auditLog.reason')}:</span> {detail.reason}
        </p>
      )}
      {detail.raw && (
        <details className="audit-raw">
          <summary>{t('auditLog.rawDetail')}</summary>
          <pre>{detail.raw}</pre>
        </details>
      )}
      <details className="audit-ids">
        <summary>{td('audit.idLabel')}</summary>
        <span className="mono selectable">{entry.subjectId}</span>
      </details>
      <div className="audit-links">
        {entry.subject === 'ORGANIZATION' && (
          <Link to={`/quan-tri?tab=to-chuc&id=${encodeURIComponent(entry.subjectId)}`}>
            {t('auditLog.openSubject')}
          </Link>
        )}
        <button type="button" className="text-button" onClick={() => onFilter(entry.subjectId)}>
          {t('auditLog.filterThis')}
        </button>
      </div>
    </li>
  );
}

/** Every filter of the log, as the URL carries it (`id`, `loai`, `nguoi`, `tu`, `den`: days in Vietnam). */
interface Filters {
  subjectId: string | null;
  subject: AuditSubject | null;
  actorId: string | null;
  from: string | null;
  to: string | null;
}

function readFilters(params: URLSearchParams): Filters {
  const day = (name: string) => {
    const value = params.get(name);
    return value && DAY.test(value) ? value : null;
  };
  const subject = params.get('loai');
  return {
    subjectId: params.get('id')?.trim() || null,
    subject: isOneOf(SUBJECTS, subject) ? subject : null,
    actorId: params.get('nguoi') || null,
    from: day('tu'),
    to: day('den'),
  };
}

function toParams(f: Filters): Record<string, string> {
  const entries: [string, string | null][] = [
    ['id', f.subjectId],
    ['loai', f.subject],
    ['nguoi', f.actorId],
    ['tu', f.from],
    ['den', f.to],
  ];
  return Object.fromEntries(entries.filter((e): e is [string, string] => !!e[1]));
}

const anyFilter = (f: Filters) => Object.values(f).some((v) => v !== null);

function Filter({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const { t } = useTranslation();
  const { t: td } = useTranslation(DESK_NS);
  const [draft, setDraft] = useState(filters);
  const [problem, setProblem] = useState<string | null>(null);
  const actors =
    useQuery(AuditActorsDocument, { fetchPolicy: 'cache-and-network' }).data?.auditActors ?? [];

  useEffect(() => {
    // The filters also change from an entry's "only this subject" and from the back button.
    setDraft(filters);
  }, [filters]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setProblem(td('audit.dateOrder'));
      return;
    }
    setProblem(null);
    onChange({ ...draft, subjectId: draft.subjectId?.trim() || null });
  }

  const set = (patch: Partial<Filters>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <form className="audit-filter" onSubmit={submit} noValidate aria-label={td('audit.filters')}>
      <div className="audit-filter-grid">
        <div className="audit-filter-field">
          <label htmlFor="audit-subject-kind">{td('audit.subjectKind')}</label>
          <select
            id="audit-subject-kind"
            className="native-input"
            data-testid="audit-filter-subject"
            value={draft.subject ?? ''}
            onChange={(e) =>
              set({ subject: isOneOf(SUBJECTS, e.target.value) ? e.target.value : null })
            }
          >
            <option value="">{td('audit.anySubject')}</option>
            {SUBJECTS.map((s) => (
              <option key={s} value={s}>
                {td(`audit.subjects.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="audit-filter-field">
          <label htmlFor="audit-actor">{td('audit.actor')}</label>
          <select
            id="audit-actor"
            className="native-input"
            data-testid="audit-filter-actor"
            value={draft.actorId ?? ''}
            onChange={(e) => set({ actorId: e.target.value || null })}
          >
            <option value="">{td('audit.anyActor')}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.fullName}
              </option>
            ))}
          </select>
        </div>
        <div className="audit-filter-field">
          <label htmlFor="audit-from">{td('audit.from')}</label>
          <input
            id="audit-from"
            type="date"
            className="native-input"
            data-testid="audit-filter-from"
            value={draft.from ?? ''}
            max={draft.to ?? undefined}
            onChange={(e) => set({ from: e.target.value || null })}
          />
        </div>
        <div className="audit-filter-field">
          <label htmlFor="audit-to">{td('audit.to')}</label>
          <input
            id="audit-to"
            type="date"
            className="native-input"
            data-testid="audit-filter-to"
            value={draft.to ?? ''}
            min={draft.from ?? undefined}
            onChange={(e) => set({ to: e.target.value || null })}
          />
        </div>
        <div className="audit-filter-field audit-filter-wide">
          <label htmlFor="audit-subject-id">{t('auditLog.filterLabel')}</label>
          <Input
            id="audit-subject-id"
            data-testid="audit-filter"
            autoComplete="off"
            spellCheck={false}
            className="mono"
            placeholder={t('auditLog.filterPlaceholder')}
            value={draft.subjectId ?? ''}
            onChange={(e) => set({ subjectId: e.target.value })}
          />
        </div>
      </div>
      {problem && (
        <p className="desk-problem" role="alert" data-testid="audit-filter-problem">
          {problem}
        </p>
      )}
      <div className="audit-filter-actions">
        <Button data-testid="audit-filter-apply" type="primary" htmlType="submit" size="large">
          {td('audit.apply')}
        </Button>
        {anyFilter(filters) && (
          <Button
            data-testid="audit-filter-clear"
            size="large"
            onClick={() => onChange(readFilters(new URLSearchParams()))}
          >
            {td('audit.clear')}
          </Button>
        )}
      </div>
    </form>
  );
}

function AuditLog({ role }: { role: PlatformRole }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // Re-read only when the URL changes, so the form's effect does not reset what is being typed.
  const filters = useMemo(() => readFilters(new URLSearchParams(key)), [key]);
  const {
    page: log,
    error,
    refetch,
    more,
  } = usePagedQuery(
    AuditLogDocument,
    {
      subjectId: filters.subjectId,
      subject: filters.subject,
      actorId: filters.actorId,
      from: filters.from ? dayStart(filters.from) : null,
      // The end day is included: the server's `to` is exclusive, so ask up to the next midnight.
      to: filters.to ? dayStart(nextDay(filters.to)) : null,
      first: PAGE_SIZE,
    },
    'auditLog',
  );

  const apply = (next: Filters) => setParams(toParams(next));

  let body;
  if (log) {
    body =
      log.edges.length === 0 ? (
        <p className="muted" data-testid="audit-empty">
          {anyFilter(filters) ? t('auditLog.emptyFiltered') : t('auditLog.empty')}
        </p>
      ) : (
        <ol className="audit-list" aria-label={t('auditLog.listLabel')}>
          {log.edges.map(({ node }) => (
            <Entry
              key={node.id}
              entry={node}
              onFilter={(subjectId) => apply({ ...filters, subjectId })}
            />
          ))}
        </ol>
      );
  } else if (error) {
    body = (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('auditLog.loadError')}
        description={apiErrorsOf(error)[0]?.message ?? t('errors.network')}
        action={<Button onClick={() => void refetch()}>{t('admin.retry')}</Button>}
      />
    );
  } else {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  }

  return (
    <>
      <AdminHeader role={role} title={t('auditLog.title')} />
      <p className="muted">{t('auditLog.intro')}</p>
      <Filter filters={filters} onChange={apply} />
      {body}
      {log?.pageInfo.hasNextPage && (
        <LoadMore
          loading={more.loading}
          failed={more.failed}
          onLoad={() => void more.run()}
          testId="audit-load-more"
        />
      )}
    </>
  );
}

export default function AuditLogPage() {
  const { t } = useTranslation();
  return (
    <div className="page admin">
      <StaffGate roles={ADMINS} refusal={t('admin.auditAdminsOnly')}>
        {(role) => <AuditLog role={role} />}
      </StaffGate>
    </div>
  );
}
