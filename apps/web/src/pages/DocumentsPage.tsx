import { useQuery } from '@apollo/client/react';
import { Alert, Button, Select, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { DocumentKind, MyDocumentsQuery } from '../gql/graphql';
import { fetchWithSession } from '../lib/apollo';
import { formatDateTime } from '../lib/datetime';
import { formatBytes } from '../lib/files';
import { useLanguage } from '../lib/i18n';
import { OrgFrame } from '../lib/OrgFrame';
import { ORG_NS } from '../lib/org-i18n';
import { QueryFallback } from '../lib/QueryFallback';
import { revealElement } from '../lib/reveal-errors';
import { VERIFICATION_STYLE } from '../lib/verification';
import { pickerPopupRender } from '../lib/pickers';

const DocumentsDocument = graphql(`
  query MyDocuments {
    me {
      id
      organizationRole
      organization {
        id
        verification
        documents {
          id
          kind
          filename
          contentType
          size
          createdAt
          url
        }
      }
    }
  }
`);

type Organization = NonNullable<NonNullable<MyDocumentsQuery['me']>['organization']>;
type Doc = NonNullable<Organization['documents']>[number];

const KINDS: readonly DocumentKind[] = ['BUSINESS_REGISTRATION', 'CERTIFICATE', 'OTHER'];
// The server's default limit (MAX_UPLOAD_BYTES); it checks again and says so if it is lower.
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png'];
const ACCEPT_ATTRIBUTE = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** Why a chosen file cannot go, before spending the upload on it; null when it may. */
function problemOf(
  file: File,
  t: ReturnType<typeof useTranslation<typeof ORG_NS>>['t'],
  language: string,
): string | null {
  if (file.size === 0) return t('documents.empty');
  if (file.size > MAX_BYTES)
    return t('documents.tooLarge', {
      size: formatBytes(file.size, language),
      max: formatBytes(MAX_BYTES, language),
    });
  const byName = /\.(pdf|jpe?g|png)$/i.test(file.name);
  if (!ACCEPTED.includes(file.type) && !byName) return t('documents.wrongType');
  return null;
}

function UploadForm({ onUploaded }: { onUploaded: () => void }) {
  const { t } = useTranslation(ORG_NS);
  const language = useLanguage();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<DocumentKind>('BUSINESS_REGISTRATION');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  // The problem is this form's only "field error": bring it into view and focus, as forms do.
  useEffect(() => {
    if (problem) revealElement(problemRef.current);
  }, [problem]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function choose(chosen: File | null) {
    setDone(null);
    setFile(chosen);
    setProblem(chosen ? problemOf(chosen, t, language) : null);
  }

  async function upload() {
    // A success from the last upload never stands beside this attempt's problem.
    setDone(null);
    if (!file) return setProblem(t('documents.fileRequired'));
    const early = problemOf(file, t, language);
    if (early) return setProblem(early);
    setBusy(true);
    setProblem(null);
    try {
      const body = new FormData();
      body.append('kind', kind);
      body.append('file', file);
      const response = await fetchWithSession('/api/documents', { method: 'POST', body });
      if (!response.ok) {
        const answer = (await response.json().catch(() => null)) as {
          errors?: { message?: string }[];
        } | null;
        setProblem(answer?.errors?.[0]?.message ?? t('documents.uploadError'));
        return;
      }
      setDone(file.name);
      setFile(null);
      if (input.current) input.current.value = '';
      onUploaded();
    } catch {
      setProblem(t('documents.uploadError'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="upload-title">
      <h2 id="upload-title">{t('documents.upload')}</h2>
      <div className="form-row">
        <label className="filter">
          <span>{t('documents.kind')}</span>
          <Select<DocumentKind>
            popupRender={pickerPopupRender}
            data-testid="document-kind"
            value={kind}
            onChange={setKind}
            options={KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
          />
        </label>
        <div className="filter">
          <span id="document-file-label">{t('documents.file')}</span>
          {/* The native control would speak the browser's language ("Choose File"); a button
              in the page's language opens it instead. */}
          <input
            ref={input}
            type="file"
            className="visually-hidden"
            aria-labelledby="document-file-label"
            data-testid="document-file"
            accept={ACCEPT_ATTRIBUTE}
            onChange={(event) => choose(event.target.files?.[0] ?? null)}
          />
          <Button onClick={() => input.current?.click()} data-testid="document-choose">
            {t('documents.choose')}
          </Button>
        </div>
      </div>
      <p className="muted">{t('documents.accepted', { max: formatBytes(MAX_BYTES, language) })}</p>
      {file && (
        <p className="file-chosen" data-testid="document-chosen">
          {t('documents.chosen', { name: file.name, size: formatBytes(file.size, language) })}
        </p>
      )}
      {problem && (
        <div ref={problemRef} className="form-alert" role="alert" tabIndex={-1} data-testid="document-error">
          <p>{problem}</p>
        </div>
      )}
      {done && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('documents.uploaded', { name: done })}
          data-testid="document-uploaded"
        />
      )}
      <Button
        data-testid="document-upload"
        type="primary"
        size="large"
        block
        loading={busy}
        disabled={!!file && !!problemOf(file, t, language)}
        onClick={() => void upload()}
      >
        {t('documents.upload')}
      </Button>
    </section>
  );
}

function DocumentRow({ doc }: { doc: Doc }) {
  const { t } = useTranslation(ORG_NS);
  const language = useLanguage();
  const [failed, setFailed] = useState(false);

  // Downloads need the bearer token, so the file comes through fetch and opens from a blob.
  async function open() {
    setFailed(false);
    try {
      const response = await fetchWithSession(doc.url);
      if (!response.ok) throw new Error(String(response.status));
      const href = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = href;
      link.download = doc.filename;
      link.click();
      window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
    } catch {
      setFailed(true);
    }
  }

  return (
    <li className="document-row" data-testid="document" data-kind={doc.kind}>
      <div>
        <div className="document-name">{doc.filename}</div>
        <div className="muted">
          {t(`documents.kinds.${doc.kind}`)} · {formatBytes(doc.size, language)} ·{' '}
          {t('documents.submittedAt', { date: formatDateTime(doc.createdAt, language) })}
        </div>
        {failed && (
          <div className="inline-error" role="alert">
            {t('documents.openError')}
          </div>
        )}
      </div>
      <Button onClick={() => void open()}>{t('documents.open')}</Button>
    </li>
  );
}

function DocumentsView({
  organization,
  canUpload,
  refetch,
}: {
  organization: Organization;
  canUpload: boolean;
  refetch: () => void;
}) {
  const { t } = useTranslation(ORG_NS);
  const { t: tMain } = useTranslation();
  const documents = organization.documents ?? [];
  const style = VERIFICATION_STYLE[organization.verification];
  return (
    <>
      <p>
        {t('documents.status')}:{' '}
        <Tag
          color={style.tag}
          data-testid="documents-verification"
          data-status={organization.verification}
        >
          {tMain(`verification.${organization.verification}.label`)}
        </Tag>
      </p>
      {canUpload ? (
        <UploadForm onUploaded={refetch} />
      ) : (
        <Alert type="info" showIcon title={t('profile.readOnly')} />
      )}
      <section aria-labelledby="documents-title">
        <h2 id="documents-title">{t('documents.list')}</h2>
        {documents.length === 0 ? (
          <p className="muted" data-testid="documents-none">
            {t('documents.none')}
          </p>
        ) : (
          <ul className="document-list" data-testid="document-list">
            {documents.map((doc) => (
              <DocumentRow key={doc.id} doc={doc} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export default function DocumentsPage() {
  const { t } = useTranslation(ORG_NS);
  const { data, error, refetch } = useQuery(DocumentsDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const me = data?.me;
  const organization = me?.organization;
  const canUpload = me?.organizationRole === 'OWNER' || me?.organizationRole === 'MANAGER';
  return (
    <OrgFrame title={t('documents.title')} organizationId={organization?.id}>
      <p className="muted">{t('documents.intro')}</p>
      {organization ? (
        <DocumentsView
          organization={organization}
          canUpload={canUpload}
          refetch={() => void refetch()}
        />
      ) : (
        <QueryFallback
          answered={!!data}
          error={error}
          onRetry={() => void refetch()}
          notFound={{ title: t('profile.noOrganization'), testId: 'org-none' }}
          loadError={t('documents.loadError')}
        />
      )}
    </OrgFrame>
  );
}
