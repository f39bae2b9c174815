import { Alert, Button, Popconfirm } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteFile, FileRequestError, IMAGE_ACCEPT, uploadFile, usePrivateImage } from './files';
import { PRODUCTS_NS } from './products-i18n';

export interface EditedPhoto {
  id: string;
  url: string;
  width: number;
  height: number;
}

/** Mirrors the server's MAX_PHOTOS_PER_PRODUCT default; the server has the last word. */
const MAX_PHOTOS = 8;

function Thumbnail({
  photo,
  index,
  onRemove,
  busy,
}: {
  photo: EditedPhoto;
  index: number;
  onRemove: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation(PRODUCTS_NS);
  const src = usePrivateImage(photo.url);
  return (
    <li className="photo-thumb" data-testid="product-photo" data-photo-id={photo.id}>
      {src ? (
        <img
          src={src}
          alt={t('photos.alt', { n: index + 1 })}
          width={photo.width}
          height={photo.height}
        />
      ) : (
        <span className="photo-placeholder" />
      )}
      {index === 0 && <span className="photo-cover">{t('photos.cover')}</span>}
      <Popconfirm
        title={t('photos.removeConfirm')}
        okText={t('photos.remove')}
        cancelText={t('editor.cancel')}
        okButtonProps={{ danger: true, 'data-testid': 'product-photo-remove-confirm' }}
        onConfirm={onRemove}
      >
        <Button
          size="small"
          danger
          disabled={busy}
          data-testid="product-photo-remove"
          aria-label={t('photos.removeOne', { n: index + 1 })}
        >
          {t('photos.remove')}
        </Button>
      </Popconfirm>
    </li>
  );
}

/**
 * A listing's photos in the editor: upload (JPEG/PNG/WebP), remove, the first is the cover.
 * Photos are files, not form fields: each change is saved at once, and `onChanged` refetches.
 */
export function ProductPhotos({
  productId,
  photos,
  onChanged,
}: {
  productId: string;
  photos: EditedPhoto[];
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation(PRODUCTS_NS);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function run(work: () => Promise<unknown>) {
    setBusy(true);
    setProblem(null);
    try {
      await work();
      await onChanged();
    } catch (e) {
      setProblem(
        e instanceof FileRequestError && e.serverMessage
          ? e.serverMessage
          : t('errors.network', { ns: 'translation' }),
      );
    } finally {
      setBusy(false);
    }
  }

  function picked(files: FileList | null) {
    const file = files?.[0];
    if (input.current) input.current.value = '';
    if (file) void run(() => uploadFile(`/api/products/${productId}/photos`, file));
  }

  return (
    <section className="product-photos" aria-labelledby="photos-title">
      <h2 id="photos-title">{t('photos.title')}</h2>
      <p className="muted">{t('photos.hint', { max: MAX_PHOTOS })}</p>
      {photos.length > 0 && (
        <ul className="photo-grid">
          {photos.map((p, i) => (
            <Thumbnail
              key={p.id}
              photo={p}
              index={i}
              busy={busy}
              onRemove={() =>
                void run(() => deleteFile(`/api/products/${productId}/photos/${p.id}`))
              }
            />
          ))}
        </ul>
      )}
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="product-photo-problem"
          title={problem}
        />
      )}
      <input
        ref={input}
        type="file"
        accept={IMAGE_ACCEPT}
        hidden
        data-testid="product-photo-input"
        onChange={(e) => picked(e.target.files)}
      />
      <Button
        loading={busy}
        disabled={busy || photos.length >= MAX_PHOTOS}
        data-testid="product-photo-add"
        onClick={() => input.current?.click()}
      >
        {t('photos.add')}
      </Button>
    </section>
  );
}
