import { useMutation } from '@apollo/client/react';
import { Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { DisputeOutcome } from '../gql/graphql';
import { ChoiceCards } from './ChoiceCards';
import { CONTRACTS_NS } from './contracts-i18n';
import { DialogActions } from './DialogActions';
import { FormProblems } from './FormProblems';
import { useFormSubmit } from './use-form-submit';

const ResolveDisputeDocument = graphql(`
  mutation ResolveDispute($contractId: ID!, $resolution: String!, $outcome: DisputeOutcome!) {
    resolveDispute(contractId: $contractId, resolution: $resolution, outcome: $outcome) {
      id
      status
    }
  }
`);

const RESOLUTION_MAX_LENGTH = 2000;
const OUTCOMES: readonly DisputeOutcome[] = ['RESUME', 'CANCEL'];
const FIELDS = { resolution: 'resolution', outcome: 'outcome' } as const;

interface Values {
  outcome?: DisputeOutcome;
  resolution?: string;
}

function ResolveForm({
  contractId,
  onDone,
  onClose,
}: {
  contractId: string;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation(CONTRACTS_NS);
  const [form] = Form.useForm<Values>();
  const resolution = Form.useWatch('resolution', form);
  const [resolve] = useMutation(ResolveDisputeDocument, {
    refetchQueries: ['DisputedContracts'],
    awaitRefetchQueries: true,
  });
  const { problems, busy, run, formProps } = useFormSubmit(form, FIELDS);
  async function submit(values: Values) {
    const ok = await run(() =>
      resolve({
        variables: { contractId, outcome: values.outcome!, resolution: values.resolution!.trim() },
      }),
    );
    if (ok) onDone();
  }
  return (
    <Form<Values>
      {...formProps}
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => void submit(values)}
      noValidate
    >
      <Form.Item
        name="outcome"
        label={t('admin.outcome')}
        rules={[{ required: true, message: t('admin.outcome') }]}
      >
        <ChoiceCards<DisputeOutcome>
          name="dispute-outcome"
          label={t('admin.outcome')}
          choices={OUTCOMES.map((o) => ({
            value: o,
            title: t(`timeline.outcome.${o}`),
            hint: t(`admin.outcomeHelp.${o}`),
            testId: `resolve-outcome-${o}`,
          }))}
          compact
          testId="resolve-outcome"
        />
      </Form.Item>
      <Form.Item
        name="resolution"
        label={t('admin.resolution')}
        extra={`${resolution?.length ?? 0} / ${RESOLUTION_MAX_LENGTH}`}
        rules={[{ required: true, whitespace: true, message: t('admin.resolutionRequired') }]}
      >
        <textarea
          className="reason-input"
          rows={4}
          maxLength={RESOLUTION_MAX_LENGTH}
          data-testid="resolve-resolution"
        />
      </Form.Item>
      <FormProblems problems={problems} />
      <DialogActions
        onCancel={onClose}
        busy={busy}
        confirmLabel={t('admin.confirm')}
        confirmTestId="resolve-confirm"
      />
    </Form>
  );
}

/** An ADMIN ends a dispute: the contract resumes where it was, or is cancelled; both sides read the resolution. */
export function ResolveDisputeDialog({
  contractId,
  onDone,
  onClose,
}: {
  contractId: string | null;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation(CONTRACTS_NS);
  return (
    <Modal
      open={!!contractId}
      title={t('admin.resolveTitle')}
      onCancel={onClose}
      footer={null}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {contractId && <ResolveForm contractId={contractId} onDone={onDone} onClose={onClose} />}
    </Modal>
  );
}
