import { Alert, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { deleteFile, uploadFile, usePrivateImage } from './files';
import { ImagePicker, useFileAction } from './ImagePicker';
import { PRODUCTS_NS } from './products-i18n';

export interface EditedPhoto {
  id: string;
  url: string;
  /** At most 480 px: what the editor's row of photos shows (the moderator's grid shows `url`). */
  thumbnailUrl?: string;
  width: number;
  height: number;
}

/** Mirrors the server's MAX_PHOTOS_PER_PRODUCT default; the server has the last word. */
const MAX_PHOTOS = 8;

/** One photo, fetched with the token (a draft's photos are private); removable in the editor. */
function Thumbnail({
  photo,
  index,
  onRemove,
  busy = false,
}: {
  photo: EditedPhoto;
  index: number;
  onRemove?: () => void;
  busy?: boolean;
}) {
  const { t } = useTranslation(PRODUCTS_NS);
  const src = usePrivateImage(photo.thumbnailUrl ?? photo.url);
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
      {onRemove && (
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
      )}
    </li>
  );
}

/** A listing's photos to look at (the moderator's review), the cover first. */
export function PhotoGrid({ photos }: { photos: readonly EditedPhoto[] }) {
  if (photos.length === 0) return null;
  return (
    <ul className="photo-grid" data-testid="review-photos">
      {photos.map((photo, index) => (
        <Thumbnail key={photo.id} photo={photo} index={index} />
      ))}
    </ul>
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
  const { busy, problem, run } = useFileAction();
  const change = (work: () => Promise<unknown>) =>
    void run(async () => {
      await work();
      await onChanged();
    });

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
              onRemove={() => change(() => deleteFile(`/api/products/${productId}/photos/${p.id}`))}
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
      <ImagePicker
        busy={busy}
        disabled={photos.length >= MAX_PHOTOS}
        inputTestId="product-photo-input"
        buttonTestId="product-photo-add"
        onPick={(file) => change(() => uploadFile(`/api/products/${productId}/photos`, file))}
      >
        {t('photos.add')}
      </ImagePicker>
    </section>
  );
}
