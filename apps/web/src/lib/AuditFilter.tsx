import { useQuery } from '@apollo/client/react';
import { Button } from 'antd';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { AuditSubject } from '../gql/graphql';
import { AUDIT_SUBJECTS, isOneOf } from './audit-words';
import { DESK_NS } from './desk-i18n';
import { Input } from './inputs';

const AuditActorsDocument = graphql(`
  query AuditActors {
    auditActors {
      id
      fullName
    }
  }
`);

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Every filter of the log, as the URL carries it (`id`, `loai`, `nguoi`, `tu`, `den`: days in Vietnam). */
export interface Filters {
  subjectId: string | null;
  subject: AuditSubject | null;
  actorId: string | null;
  from: string | null;
  to: string | null;
}

export function readFilters(params: URLSearchParams): Filters {
  const day = (name: string) => {
    const value = params.get(name);
    return value && DAY.test(value) ? value : null;
  };
  const subject = params.get('loai');
  return {
    subjectId: params.get('id')?.trim() || null,
    subject: isOneOf(AUDIT_SUBJECTS, subject) ? subject : null,
    actorId: params.get('nguoi') || null,
    from: day('tu'),
    to: day('den'),
  };
}

export function toParams(f: Filters): Record<string, string> {
  const entries: [string, string | null][] = [
    ['id', f.subjectId],
    ['loai', f.subject],
    ['nguoi', f.actorId],
    ['tu', f.from],
    ['den', f.to],
  ];
  return Object.fromEntries(entries.filter((e): e is [string, string] => !!e[1]));
}

export const anyFilter = (f: Filters) => Object.values(f).some((v) => v !== null);

/** The log's filters as a form: applied together, so the URL (and the list) changes once. */
export function AuditFilter({
  filters,
  onChange,
}: {
  filters: Filters;
  onChange: (next: Filters) => void;
}) {
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
              set({ subject: isOneOf(AUDIT_SUBJECTS, e.target.value) ? e.target.value : null })
            }
          >
            <option value="">{td('audit.anySubject')}</option>
            {AUDIT_SUBJECTS.map((s) => (
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
