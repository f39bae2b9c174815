import { Alert, Button, Popconfirm, Progress } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { NeedAttachmentFieldsFragment } from '../gql/graphql';
import {
  deleteFile,
  FileRequestError,
  formatBytes,
  openPrivateFile,
  uploadFileWithProgress,
  usePrivateImage,
} from './files';
import { useLanguage } from './i18n';
import { NEEDS_NS } from './needs-i18n';

export const NeedAttachmentFields = graphql(`
  fragment NeedAttachmentFields on NeedAttachment {
    id
    fileName
    contentType
    byteSize
    url
    thumbnailUrl
  }
`);

type Attachment = NeedAttachmentFieldsFragment;

// The server's defaults (MAX_ATTACHMENTS_PER_NEED, MAX_UPLOAD_BYTES); it checks again and says so.
const MAX_FILES = 5;
const MAX_BYTES = 10 * 1024 * 1024;
// The picker offers these; the server decides by the bytes.
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,application/pdf,image/jpeg,image/png,image/webp';

/** A photo's thumbnail (fetched with the token: a draft's files are private), or the PDF mark. */
function Preview({ file }: { file: Attachment }) {
  const src = usePrivateImage(file.thumbnailUrl ?? null);
  if (!file.thumbnailUrl) return <span className="attachment-pdf" aria-hidden="true">PDF</span>;
  return src ? (
    <img className="attachment-thumb" src={src} alt="" />
  ) : (
    <span className="attachment-thumb photo-placeholder" />
  );
}

function AttachmentRow({
  file,
  onRemove,
  busy,
}: {
  file: Attachment;
  onRemove?: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation(NEEDS_NS);
  const language = useLanguage();
  const [failed, setFailed] = useState(false);
  const open = () => {
    setFailed(false);
    openPrivateFile(file.url, file.fileName).catch(() => setFailed(true));
  };
  return (
    <li className="document-row attachment-row" data-testid="need-attachment">
      <Preview file={file} />
      <div>
        <div className="document-name" data-testid="need-attachment-name">
          {file.fileName}
        </div>
        <div className="muted">{formatBytes(file.byteSize, language)}</div>
        {failed && (
          <div className="inline-error" role="alert">
            {t('attachments.openError')}
          </div>
        )}
      </div>
      <Button
        onClick={open}
        data-testid="need-attachment-open"
        aria-label={t('attachments.openOne', { name: file.fileName })}
      >
        {t('attachments.open')}
      </Button>
      {onRemove && (
        <Popconfirm
          title={t('attachments.removeConfirm')}
          okText={t('attachments.remove')}
          cancelText={t('attachments.cancel')}
          okButtonProps={{ danger: true, 'data-testid': 'need-attachment-remove-confirm' }}
          onConfirm={onRemove}
        >
          <Button
            danger
            disabled={busy}
            data-testid="need-attachment-remove"
            aria-label={t('attachments.removeOne', { name: file.fileName })}
          >
            {t('attachments.remove')}
          </Button>
        </Popconfirm>
      )}
    </li>
  );
}

/** A need's files to read (the need page, the moderators' review): nothing when there are none. */
export function NeedAttachmentList({ attachments }: { attachments: readonly Attachment[] }) {
  const { t } = useTranslation(NEEDS_NS);
  if (attachments.length === 0) return null;
  return (
    <section className="card" aria-labelledby="need-attachments-title">
      <h2 id="need-attachments-title">{t('attachments.title')}</h2>
      <ul className="document-list" data-testid="need-attachments">
        {attachments.map((file) => (
          <AttachmentRow key={file.id} file={file} busy={false} />
        ))}
      </ul>
    </section>
  );
}

/**
 * A draft's files in the wizard: attach (PDF, JPEG, PNG, WebP), with the share sent shown while a
 * large file goes up, and remove. Files are saved at once, not with the form; `onChanged` re-reads
 * them. A need never saved has no place for files yet: choosing one saves it first (`saveFirst`).
 */
export function NeedAttachments({
  needId,
  attachments,
  onChanged,
  saveFirst,
}: {
  /** None until the need's first save. */
  needId?: string;
  attachments: readonly Attachment[];
  onChanged: (needId: string) => Promise<unknown>;
  /** Saves the draft as "Lưu nháp" does: its id, or null if it could not (the wizard says why). */
  saveFirst?: () => Promise<string | null>;
}) {
  const { t } = useTranslation(NEEDS_NS);
  const { t: tMain } = useTranslation();
  const language = useLanguage();
  const input = useRef<HTMLInputElement>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const pathOf = (id: string) => `/api/needs/${id}/attachments`;

  async function run(id: string, work: () => Promise<unknown>) {
    setBusy(true);
    setProblem(null);
    try {
      await work();
      await onChanged(id);
    } catch (e) {
      setProblem(
        e instanceof FileRequestError && e.serverMessage ? e.serverMessage : tMain('errors.network'),
      );
    } finally {
      setBusy(false);
      setSent(null);
    }
  }

  /** The draft's id, a new need saved first: busy meanwhile, so a second file cannot save it. */
  async function savedDraft(): Promise<string | null> {
    if (needId) return needId;
    if (!saveFirst) return null;
    setBusy(true);
    setProblem(null);
    try {
      return await saveFirst();
    } finally {
      setBusy(false);
    }
  }

  async function pick(file: File) {
    // Said before spending a phone's data on a file the server would refuse for its size.
    if (file.size > MAX_BYTES) {
      setProblem(t('attachments.tooLarge', { max: formatBytes(MAX_BYTES, language) }));
      return;
    }
    const id = await savedDraft();
    if (!id) return;
    setSent(0);
    await run(id, () => uploadFileWithProgress(pathOf(id), file, setSent));
  }

  return (
    <section className="card need-attachments" aria-labelledby="need-attachments-edit">
      <h2 id="need-attachments-edit">{t('attachments.title')}</h2>
      <p className="muted">
        {t('attachments.hint', { max: MAX_FILES, size: formatBytes(MAX_BYTES, language) })}
      </p>
      {!needId && <p className="muted">{t('attachments.saveFirst')}</p>}
      {attachments.length > 0 && (
        <ul className="document-list" data-testid="need-attachments">
          {attachments.map((file) => (
            <AttachmentRow
              key={file.id}
              file={file}
              busy={busy}
              onRemove={
                needId
                  ? () => void run(needId, () => deleteFile(`${pathOf(needId)}/${file.id}`))
                  : undefined
              }
            />
          ))}
        </ul>
      )}
      {sent !== null && (
        <Progress
          percent={Math.round(sent * 100)}
          aria-label={t('attachments.sending')}
          data-testid="need-attachment-progress"
        />
      )}
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="need-attachment-problem"
          title={problem}
        />
      )}
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        style={{ display: 'none' }}
        data-testid="need-attachment-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void pick(file);
        }}
      />
      <Button
        size="large"
        block
        loading={busy}
        disabled={busy || attachments.length >= MAX_FILES}
        data-testid="need-attachment-add"
        onClick={() => input.current?.click()}
      >
        {t('attachments.add')}
      </Button>
    </section>
  );
}
