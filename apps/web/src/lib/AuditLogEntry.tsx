import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditLogQuery } from '../gql/graphql';
import { parseAuditDetail, type AuditChange } from './audit-detail';
import {
  AUDIT_DESK_FIELDS,
  AUDIT_FIELDS,
  AUDIT_SUBJECTS,
  isOneOf,
  useActionText,
  useValueText,
} from './audit-words';
import { formatDateTime } from './datetime';
import { DESK_NS } from './desk-i18n';
import { useLanguage } from './i18n';

export type AuditEntry = AuditLogQuery['auditLog']['edges'][number]['node'];

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
            {isOneOf(AUDIT_FIELDS, change.field)
              ? t(`auditLog.fields.${change.field}`)
              : isOneOf(AUDIT_DESK_FIELDS, change.field)
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

/** One recorded action: what, when, on what and by whom, what changed and why; links to its subject. */
export function AuditLogEntry({
  entry,
  onFilter,
}: {
  entry: AuditEntry;
  onFilter: (subjectId: string) => void;
}) {
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
            {isOneOf(AUDIT_SUBJECTS, entry.subject)
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
