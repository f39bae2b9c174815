import { useQuery } from '@apollo/client/react';
import { Alert, Button, Form, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import type { AuditLogQuery, PlatformRole } from '../../gql/graphql';
import { AdminHeader } from '../../lib/AdminHeader';
import { parseAuditDetail, type AuditChange } from '../../lib/audit-detail';
import { formatDateTime } from '../../lib/datetime';
import { apiErrorsOf } from '../../lib/errors';
import { useLanguage } from '../../lib/i18n';
import { Input } from '../../lib/inputs';
import { LoadMore, useLoadMore } from '../../lib/LoadMore';
import { appendPage } from '../../lib/pagination';
import { StaffGate } from '../../lib/StaffGate';

const AuditLogDocument = graphql(`
  query AuditLog($subjectId: ID, $first: Int!, $after: String) {
    auditLog(subjectId: $subjectId, first: $first, after: $after) {
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
          detail
        }
      }
    }
  }
`);

type AuditEntry = AuditLogQuery['auditLog']['edges'][number]['node'];

const ADMINS: readonly PlatformRole[] = ['ADMIN'];
const PAGE_SIZE = 20;

// Actions, subjects and fields with a readable name; anything newer shows as recorded.
const ACTIONS = [
  'organization.verified',
  'organization.rejected',
  'organization.suspended',
  'organization.reinstated',
  'organization.profile_updated',
  'organization.member_invited',
  'organization.member_joined',
  'organization.member_left',
  'organization.member_removed',
] as const;
const SUBJECTS = ['ORGANIZATION'] as const;
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
const STATUSES = ['PENDING_VERIFICATION', 'VERIFIED', 'REJECTED', 'SUSPENDED'] as const;
const ORG_ROLES = ['OWNER', 'MANAGER', 'MEMBER'] as const;

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}

/** A recorded value as plain text; React escapes it, so nothing recorded can become markup. */
function useValueText() {
  const { t } = useTranslation();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
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
  const valueText = useValueText();
  if (changes.length === 0) return <p className="muted">{t('auditLog.noChanges')}</p>;
  return (
    <ul className="audit-changes" aria-label={t('auditLog.changes')}>
      {changes.map((change) => (
        <li key={change.field}>
          <span className="audit-field">
            {isOneOf(FIELDS, change.field) ? t(`auditLog.fields.${change.field}`) : change.field}:
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
  const language = useLanguage();
  const detail = parseAuditDetail(entry.detail);
  return (
    <li className="audit-entry" data-testid="audit-entry" data-action={entry.action}>
      <div className="audit-entry-head">
        <h2 className="audit-action">
          {isOneOf(ACTIONS, entry.action) ? t(`auditLog.actions.${entry.action}`) : entry.action}
        </h2>
        <time dateTime={entry.at} title={t('admin.timeZoneNote')}>
          {formatDateTime(entry.at, language)}
        </time>
      </div>
      <dl className="audit-facts">
        <div>
          <dt>{t('auditLog.subject')}</dt>
          <dd>
            {isOneOf(SUBJECTS, entry.subject)
              ? t(`auditLog.subjects.${entry.subject}`)
              : entry.subject}{' '}
            <span className="mono selectable">{entry.subjectId}</span>
          </dd>
        </div>
        <div>
          <dt>{t('auditLog.actor')}</dt>
          <dd>
            {entry.actorId ? (
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

interface FilterValues {
  subjectId?: string;
}

function Filter({
  subjectId,
  onChange,
}: {
  subjectId: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();

  useEffect(() => {
    // The filter also changes from an entry's "only this subject" and from the back button.
    form.setFieldsValue({ subjectId: subjectId ?? '' });
  }, [form, subjectId]);

  return (
    <Form<FilterValues>
      form={form}
      layout="vertical"
      className="audit-filter"
      onFinish={({ subjectId: value }) => onChange(value?.trim() || null)}
    >
      <Form.Item name="subjectId" label={t('auditLog.filterLabel')}>
        <Input
          data-testid="audit-filter"
          autoComplete="off"
          spellCheck={false}
          className="mono"
          placeholder={t('auditLog.filterPlaceholder')}
        />
      </Form.Item>
      <div className="audit-filter-actions">
        <Button data-testid="audit-filter-apply" type="primary" htmlType="submit" size="large">
          {t('auditLog.filterApply')}
        </Button>
        {subjectId && (
          <Button data-testid="audit-filter-clear" size="large" onClick={() => onChange(null)}>
            {t('auditLog.filterClear')}
          </Button>
        )}
      </div>
    </Form>
  );
}

function AuditLog({ role }: { role: PlatformRole }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const subjectId = params.get('id')?.trim() || null;
  const { data, error, refetch, fetchMore } = useQuery(AuditLogDocument, {
    variables: { subjectId, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const log = data?.auditLog;
  const more = useLoadMore(() =>
    fetchMore({
      variables: { after: log?.pageInfo.endCursor },
      updateQuery: (shown, { fetchMoreResult }) => ({
        ...shown,
        auditLog: appendPage(shown.auditLog, fetchMoreResult.auditLog),
      }),
    }),
  );

  function filter(id: string | null) {
    setParams(id ? { id } : {});
  }

  let body;
  if (log) {
    body =
      log.edges.length === 0 ? (
        <p className="muted" data-testid="audit-empty">
          {subjectId ? t('auditLog.emptyFiltered') : t('auditLog.empty')}
        </p>
      ) : (
        <ol className="audit-list" aria-label={t('auditLog.listLabel')}>
          {log.edges.map(({ node }) => (
            <Entry key={node.id} entry={node} onFilter={filter} />
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
      <Filter subjectId={subjectId} onChange={filter} />
      {subjectId && <p className="audit-filtered">{t('auditLog.filtered', { id: subjectId })}</p>}
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
