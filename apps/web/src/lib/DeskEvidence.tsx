import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StaffOrganizationQuery } from '../gql/graphql';
import { formatDateTime } from './datetime';
import { DESK_NS } from './desk-i18n';
import { fileFetch } from './files';
import { useLanguage } from './i18n';

type Org = NonNullable<StaffOrganizationQuery['organization']>;
type Doc = NonNullable<Org['documents']>[number];

type Loaded =
  { state: 'loading' } | { state: 'error' } | { state: 'ready'; src: string; type: string };

/**
 * A private document as an object URL: the file needs the bearer token, which neither <img> nor a
 * frame can send. `?inline=1` asks the server for the staff-only inline disposition.
 */
function useDocument(url: string): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let made: string | null = null;
    let gone = false;
    setLoaded({ state: 'loading' });
    fileFetch(`${url}?inline=1`)
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        const blob = await res.blob();
        if (gone) return;
        made = URL.createObjectURL(blob);
        setLoaded({ state: 'ready', src: made, type: blob.type });
      })
      .catch(() => {
        if (!gone) setLoaded({ state: 'error' });
      });
    return () => {
      gone = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [url]);
  return loaded;
}

function DocumentView({ doc }: { doc: Doc }) {
  const { t } = useTranslation(DESK_NS);
  const loaded = useDocument(doc.url);
  if (loaded.state === 'loading')
    return <p className="muted desk-doc-frame">{t('evidence.loading')}</p>;
  if (loaded.state === 'error') {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('evidence.loadError')}
        data-testid="desk-doc-error"
      />
    );
  }
  return (
    <div className="desk-doc-view">
      {doc.contentType === 'application/pdf' ? (
        <iframe
          className="desk-doc-frame"
          src={loaded.src}
          title={t('evidence.pdfTitle', { name: doc.filename })}
          data-testid="desk-doc-pdf"
        />
      ) : (
        <img
          className="desk-doc-image"
          src={loaded.src}
          alt={doc.filename}
          data-testid="desk-doc-image"
        />
      )}
      <a href={loaded.src} target="_blank" rel="noopener" className="desk-doc-open">
        {t('evidence.open')}
      </a>
    </div>
  );
}

/** The organization's uploaded evidence: a list, and the chosen one shown in place. */
export function DeskDocuments({ documents }: { documents: Doc[] }) {
  const { t } = useTranslation(DESK_NS);
  const language = useLanguage();
  const [shownId, setShownId] = useState<string | null>(documents[0]?.id ?? null);
  const shown = documents.find((d) => d.id === shownId) ?? documents[0];
  return (
    <section
      className="desk-evidence"
      aria-labelledby="desk-evidence-title"
      data-testid="desk-documents"
    >
      <h3 id="desk-evidence-title">{t('evidence.title')}</h3>
      {documents.length === 0 ? (
        <p className="desk-none" data-testid="desk-no-documents">
          {t('evidence.none')}
        </p>
      ) : (
        <>
          <ul className="desk-doc-list" aria-label={t('evidence.listLabel')}>
            {documents.map((d) => (
              <li key={d.id}>
                <button
                  type="button"
                  className="desk-doc-item"
                  aria-pressed={d.id === shown?.id}
                  onClick={() => setShownId(d.id)}
                  data-testid="desk-doc"
                >
                  <span className="desk-doc-name">{d.filename}</span>
                  <span className="muted">
                    {t(`evidence.kind.${d.kind}`)} ·{' '}
                    {t('evidence.size', { size: Math.max(1, Math.round(d.size / 1024)) })} ·{' '}
                    {t('evidence.uploadedAt', { at: formatDateTime(d.createdAt, language) })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {shown && <DocumentView key={shown.id} doc={shown} />}
        </>
      )}
    </section>
  );
}

/** Whether the tax code passes the mã số thuế checksum, as the server judged it. */
export function TaxCodeState({ valid }: { valid: boolean | null | undefined }) {
  const { t } = useTranslation(DESK_NS);
  if (valid == null) return null;
  return (
    <span
      className={valid ? 'desk-badge desk-badge-ok' : 'desk-badge desk-badge-bad'}
      data-testid="desk-taxcode"
      data-valid={String(valid)}
    >
      {valid ? t('taxCode.valid') : t('taxCode.invalid')}
    </span>
  );
}

/** Other organizations with the same tax code (any branch) or phone, each a link to its review. */
export function DeskDuplicates({ duplicates }: { duplicates: NonNullable<Org['duplicates']> }) {
  const { t } = useTranslation(DESK_NS);
  const { t: tm } = useTranslation();
  return (
    <section
      className="desk-duplicates"
      aria-labelledby="desk-duplicates-title"
      data-testid="desk-duplicates"
    >
      <h3 id="desk-duplicates-title">{t('duplicates.title')}</h3>
      {duplicates.length === 0 ? (
        <p className="desk-none">{t('duplicates.none')}</p>
      ) : (
        <ul className="desk-duplicate-list">
          {duplicates.map(({ organization: o, sameTaxCode, samePhone }) => (
            <li key={o.id} data-testid="desk-duplicate">
              <Link
                to={`/quan-tri?tab=to-chuc&id=${o.id}`}
                aria-label={t('duplicates.open', { name: o.name })}
              >
                {o.name}
              </Link>{' '}
              <span className="mono">{o.taxCode}</span>
              <span className="desk-duplicate-why">
                {sameTaxCode && (
                  <span className="desk-badge desk-badge-warn">{t('duplicates.sameTaxCode')}</span>
                )}
                {samePhone && (
                  <span className="desk-badge desk-badge-warn">{t('duplicates.samePhone')}</span>
                )}
                <span className="desk-badge">{tm(`verification.${o.verification}.label`)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
