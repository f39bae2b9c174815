import { Alert, Button, Skeleton } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import type { PlatformRole } from '../../gql/graphql';
import { AdminHeader } from '../../lib/AdminHeader';
import { anyFilter, AuditFilter, readFilters, toParams, type Filters } from '../../lib/AuditFilter';
import { AuditLogEntry } from '../../lib/AuditLogEntry';
import { apiErrorsOf } from '../../lib/errors';
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

const ADMINS: readonly PlatformRole[] = ['ADMIN'];
const PAGE_SIZE = 20;

/** The start of a calendar day in Vietnam, as the server's DateTime: the log is read in Vietnam's time. */
const dayStart = (day: string) => `${day}T00:00:00+07:00`;
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
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
            <AuditLogEntry
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
      <AuditFilter filters={filters} onChange={apply} />
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
