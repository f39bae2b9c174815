import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A dialog's two buttons: "Huỷ" (disabled while sending) and the confirming one, which submits the
 * dialog's form unless `onConfirm` is given.
 */
export function DialogActions({
  onCancel,
  busy,
  confirmLabel,
  confirmTestId,
  danger,
  disabled,
  onConfirm,
}: {
  onCancel: () => void;
  busy: boolean;
  confirmLabel: string;
  confirmTestId: string;
  danger?: boolean;
  disabled?: boolean;
  onConfirm?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="dialog-actions">
      <Button size="large" onClick={onCancel} disabled={busy}>
        {t('moderation.cancel')}
      </Button>
      <Button
        type="primary"
        danger={danger}
        htmlType={onConfirm ? 'button' : 'submit'}
        size="large"
        disabled={disabled}
        loading={busy}
        onClick={onConfirm}
        data-testid={confirmTestId}
      >
        {confirmLabel}
      </Button>
    </div>
  );
}
