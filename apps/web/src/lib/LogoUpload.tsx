import { useApolloClient } from '@apollo/client/react';
import { Alert, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { deleteFile, uploadFile, usePrivateImage } from './files';
import { ImagePicker, useFileAction } from './ImagePicker';

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
  const { busy, problem, run } = useFileAction();
  const logoUrl = organization.logoUrl ?? null;
  // The logo of an unverified organization is private: fetch it with the token.
  const src = usePrivateImage(logoUrl);

  /** Applies the server's answer to every cached view of this organization. */
  const change = (work: () => Promise<string | null>) =>
    run(async () => {
      const next = await work();
      client.cache.modify({
        id: client.cache.identify({ __typename: 'Organization', id: organization.id }),
        fields: { logoUrl: () => next },
      });
    });

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
          <ImagePicker
            busy={busy}
            inputTestId="logo-input"
            buttonTestId="logo-choose"
            onPick={(file) =>
              void change(
                async () =>
                  (await uploadFile<{ logoUrl: string }>('/api/organization/logo', file)).logoUrl,
              )
            }
          >
            {logoUrl ? t('logo.replace') : t('logo.upload')}
          </ImagePicker>
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
