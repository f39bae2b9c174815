import { useApolloClient } from '@apollo/client/react';
import { Alert, Button, Popconfirm } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteFile, FileRequestError, IMAGE_ACCEPT, uploadFile, usePrivateImage } from './files';

export interface LogoUploadProps {
  /** The organization whose logo this is (the caller's own when `editable`). */
  organization: { id: string; name: string; logoUrl?: string | null };
  /** Owners and managers may change it; everyone else only sees it. */
  editable: boolean;
}

/**
 * An organization's logo with upload, replace and remove. Self-contained: it talks to
 * /api/organization/logo itself and writes the new `logoUrl` into Apollo's cache, so every query
 * showing this organization follows.
 */
export function LogoUpload({ organization, editable }: LogoUploadProps) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const logoUrl = organization.logoUrl ?? null;
  // The logo of an unverified organization is private: fetch it with the token.
  const src = usePrivateImage(logoUrl);

  async function change(work: () => Promise<string | null>) {
    setBusy(true);
    setProblem(null);
    try {
      const next = await work();
      client.cache.modify({
        id: client.cache.identify({ __typename: 'Organization', id: organization.id }),
        fields: { logoUrl: () => next },
      });
    } catch (e) {
      setProblem(
        e instanceof FileRequestError && e.serverMessage ? e.serverMessage : t('errors.network'),
      );
    } finally {
      setBusy(false);
    }
  }

  function picked(files: FileList | null) {
    const file = files?.[0];
    if (input.current) input.current.value = '';
    if (file)
      void change(
        async () => (await uploadFile<{ logoUrl: string }>('/api/organization/logo', file)).logoUrl,
      );
  }

  return (
    <div className="logo-upload" data-testid="logo-upload">
      {logoUrl && src ? (
        <img
          className="logo-upload-image"
          data-testid="logo-image"
          src={src}
          alt={t('logo.alt', { name: organization.name })}
        />
      ) : editable ? (
        <span className="muted">{t('logo.none')}</span>
      ) : null}
      {editable && (
        <div className="logo-upload-actions">
          <input
            ref={input}
            type="file"
            accept={IMAGE_ACCEPT}
            hidden
            data-testid="logo-input"
            onChange={(e) => picked(e.target.files)}
          />
          <Button
            loading={busy}
            disabled={busy}
            data-testid="logo-choose"
            onClick={() => input.current?.click()}
          >
            {logoUrl ? t('logo.replace') : t('logo.upload')}
          </Button>
          {logoUrl && (
            <Popconfirm
              title={t('logo.removeConfirm')}
              okText={t('logo.remove')}
              cancelText={t('logo.cancel')}
              okButtonProps={{ danger: true, 'data-testid': 'logo-remove-confirm' }}
              onConfirm={() =>
                change(async () => (await deleteFile('/api/organization/logo'), null))
              }
            >
              <Button danger disabled={busy} data-testid="logo-remove">
                {t('logo.remove')}
              </Button>
            </Popconfirm>
          )}
          <p className="muted">{t('logo.hint')}</p>
        </div>
      )}
      {problem && (
        <Alert type="error" showIcon role="alert" data-testid="logo-problem" title={problem} />
      )}
    </div>
  );
}
