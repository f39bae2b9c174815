import { Form, Modal } from 'antd';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceCards } from './ChoiceCards';
import { DialogActions } from './DialogActions';
import { FormProblems } from './FormProblems';
import { useFormSubmit } from './use-form-submit';

// The server's limit for a moderation reason.
const REASON_MAX_LENGTH = 1000;
const REASON_FIELDS = { reason: 'reason' } as const;

interface ReasonValues {
  reason: string;
}

export interface ReasonDialogProps {
  open: boolean;
  title: string;
  intro: ReactNode;
  reasonLabel: string;
  confirmLabel: string;
  /** The server's limit for this reason, when it is not a moderation reason's. */
  maxLength?: number;
  /** What an empty field says, when the text asked for is not a reason (a clarification, say). */
  requiredMessage?: string;
  /** Red confirm button, for decisions that hurt the organization. */
  danger?: boolean;
  /** Ready-made reasons; picking one puts its text in the field, where it can still be edited. */
  templates?: readonly string[];
  /** `mod-reject` gives `mod-reject-reason`, `mod-reject-template` and `mod-reject-confirm`. */
  testIdPrefix: string;
  /** Sends the reason. A rejection is shown in the dialog, on the field when it names one. */
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}

type ReasonFormProps = Omit<ReasonDialogProps, 'open' | 'title'>;

function ReasonForm({
  intro,
  reasonLabel,
  confirmLabel,
  maxLength = REASON_MAX_LENGTH,
  requiredMessage,
  danger = false,
  templates = [],
  testIdPrefix,
  onConfirm,
  onClose,
}: ReasonFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReasonValues>();
  const reason = Form.useWatch('reason', form);
  const { problems, busy: sending, run, formProps } = useFormSubmit(form, REASON_FIELDS);

  async function submit({ reason: text }: ReasonValues) {
    await run(() => onConfirm(text.trim()));
  }

  function pickTemplate(text: string) {
    form.setFields([{ name: 'reason', value: text, errors: [] }]);
  }

  return (
    <Form<ReasonValues>
      {...formProps}
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => void submit(values)}
      noValidate
    >
      <p className="muted">{intro}</p>
      {templates.length > 0 && (
        <div className="reason-templates">
          <p className="reason-templates-label">{t('moderation.templatesLabel')}</p>
          <ChoiceCards<string>
            name={`${testIdPrefix}-template`}
            label={t('moderation.templatesLabel')}
            value={templates.find((template) => template === reason?.trim())}
            onChange={pickTemplate}
            choices={templates.map((template) => ({ value: template, title: template }))}
            compact
            testId={`${testIdPrefix}-template`}
          />
          <p className="muted reason-templates-hint">{t('moderation.templatesHint')}</p>
        </div>
      )}
      <Form.Item
        name="reason"
        label={reasonLabel}
        extra={`${reason?.length ?? 0} / ${maxLength}`}
        rules={[
          {
            required: true,
            whitespace: true,
            message: requiredMessage ?? t('moderation.reasonRequired'),
          },
        ]}
      >
        {/* A plain text area: antd's pulls its text-area code into the chunk shared with the
            sign-in and sign-up forms (~2 kB gzip on every first visit). */}
        <textarea
          className="reason-input"
          data-testid={`${testIdPrefix}-reason`}
          rows={4}
          maxLength={maxLength}
        />
      </Form.Item>
      <FormProblems problems={problems} />
      <DialogActions
        onCancel={onClose}
        busy={sending}
        confirmLabel={confirmLabel}
        confirmTestId={`${testIdPrefix}-confirm`}
        danger={danger}
      />
    </Form>
  );
}

/**
 * Asks for the reason behind a decision that an organization will read (a rejection, a
 * suspension). The form is remounted on every opening, so no earlier reason lingers.
 */
export function ReasonDialog({ open, title, onClose, ...form }: ReasonDialogProps) {
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      footer={null}
      // A stray tap beside the dialog on a phone must not throw away a half-written reason.
      mask={{ closable: false }}
      destroyOnHidden
    >
      <ReasonForm {...form} onClose={onClose} />
    </Modal>
  );
}
