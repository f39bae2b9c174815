import { useMutation } from '@apollo/client/react';
import { Button, Form, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { fromMilli, sumMilli, toMilli } from './contract-math';
import type { ContractDetail } from './ContractParts';
import { CONTRACTS_NS } from './contracts-i18n';
import { formatDateTime } from './datetime';
import { FormProblems } from './FormProblems';
import { useLanguage, type Language } from './i18n';
import { apiErrorsOf } from './errors';
import { Input } from './inputs';
import { useNumberRule } from './NumberFields';
import { readNumber } from './numbers';
import { formatQuantity } from './products';
import { useFormSubmit } from './use-form-submit';

const RecordShipmentDocument = graphql(`
  mutation RecordShipment($contractId: ID!, $quantity: Decimal!, $note: String) {
    recordShipment(contractId: $contractId, quantity: $quantity, note: $note) {
      id
    }
  }
`);
const ConfirmReceiptDocument = graphql(`
  mutation ConfirmReceipt($shipmentId: ID!, $acceptedQuantity: Decimal!, $note: String) {
    confirmReceipt(shipmentId: $shipmentId, acceptedQuantity: $acceptedQuantity, note: $note) {
      id
    }
  }
`);
const CompleteContractDocument = graphql(`
  mutation CompleteContract($contractId: ID!) {
    completeContract(contractId: $contractId) {
      ...ContractDetailFields
    }
  }
`);

/** The page's query, read again after a step that answers only the shipment. */
const REFETCH = { refetchQueries: ['ContractPage'], awaitRefetchQueries: true };
const NOTE_MAX_LENGTH = 1000;

interface QuantityValues {
  quantity: string;
  note?: string;
}

const written = (value: string, language: Language) =>
  language === 'vi' ? value.replace('.', ',') : value;

/** One quantity and a note: the supplier's shipment and the buyer's receipt alike. */
function QuantityForm({
  label,
  initial,
  noteLabel,
  submitLabel,
  fields,
  testId,
  zeroAllowed = false,
  onSubmit,
}: {
  label: string;
  initial: string;
  noteLabel: string;
  submitLabel: string;
  /** The server's field names for the quantity and the note. */
  fields: Record<string, 'quantity' | 'note'>;
  testId: string;
  /** An accepted quantity may be 0: the buyer refuses the whole shipment. */
  zeroAllowed?: boolean;
  onSubmit: (quantity: string, note: string | null) => Promise<unknown>;
}) {
  const { t } = useTranslation(CONTRACTS_NS);
  const language = useLanguage();
  const [form] = Form.useForm<QuantityValues>();
  const numberRule = useNumberRule();
  const { problems, busy, run, formProps } = useFormSubmit(form, fields);
  async function submit(values: QuantityValues) {
    const quantity = readNumber(values.quantity, language);
    await run(() =>
      onSubmit(quantity.ok ? quantity.value : values.quantity, values.note?.trim() || null),
    );
  }
  return (
    <Form<QuantityValues>
      {...formProps}
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ quantity: written(initial, language), note: '' }}
      onFinish={(values) => void submit(values)}
      data-testid={testId}
    >
      <Form.Item
        name="quantity"
        label={label}
        rules={[
          zeroAllowed
            ? {
                validator: (_: unknown, text: string | undefined) =>
                  readNumber(text, language).ok
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('award.invalid'))),
              }
            : numberRule({ required: t('award.invalid'), example: t('ship.example') }),
        ]}
      >
        <Input inputMode="decimal" data-testid={`${testId}-quantity`} />
      </Form.Item>
      <Form.Item name="note" label={noteLabel}>
        <textarea
          className="reason-input"
          rows={2}
          maxLength={NOTE_MAX_LENGTH}
          data-testid={`${testId}-note`}
        />
      </Form.Item>
      <FormProblems problems={problems} />
      <Button type="primary" htmlType="submit" loading={busy} data-testid={`${testId}-submit`}>
        {submitLabel}
      </Button>
    </Form>
  );
}

/** The supplier records a shipment of what is left (or less). */
export function ShipmentForm({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation(CONTRACTS_NS);
  const language = useLanguage();
  const [record] = useMutation(RecordShipmentDocument, REFETCH);
  const shipped = sumMilli(c.shipments.map((s) => toMilli(s.quantity) ?? 0n));
  const leftMilli = (toMilli(c.quantity) ?? 0n) - shipped;
  const left = fromMilli(leftMilli);
  const unit = c.need.unit.name;
  // Everything shipped: the server would refuse any more, so no form proposes "0".
  if (leftMilli <= 0n) {
    return (
      <p className="muted" data-testid="ship-all-sent">
        {t('ship.allSent', { quantity: formatQuantity(c.quantity, language), unit })}
      </p>
    );
  }
  return (
    <section aria-labelledby="contract-ship">
      <h3 id="contract-ship">{t('ship.title')}</h3>
      <p className="muted">{t('ship.help', { left: formatQuantity(left, language), unit })}</p>
      <QuantityForm
        // A new shipment empties the form and proposes what is left.
        key={c.shipments.length}
        label={t('ship.quantity', { unit })}
        initial={left}
        noteLabel={t('ship.note')}
        submitLabel={t('ship.submit')}
        fields={{ quantity: 'quantity', note: 'note' }}
        testId="ship"
        onSubmit={(quantity, note) => record({ variables: { contractId: c.id, quantity, note } })}
      />
    </section>
  );
}

/** The buyer confirms each shipment still waiting, with the quantity it accepts. */
export function ReceiptForms({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation(CONTRACTS_NS);
  const language = useLanguage();
  const [confirm] = useMutation(ConfirmReceiptDocument, REFETCH);
  const unit = c.need.unit.name;
  const waiting = c.shipments.filter((s) => !s.receivedAt);
  if (waiting.length === 0) return null;
  return (
    <section aria-labelledby="contract-receive">
      <h3 id="contract-receive">{t('receive.title')}</h3>
      {waiting.map((s) => (
        <div key={s.id} className="contract-receipt" data-testid="receipt" data-shipment-id={s.id}>
          <p>
            {t('receive.shipment', {
              quantity: formatQuantity(s.quantity, language),
              unit,
              at: formatDateTime(s.shippedAt, language),
            })}
          </p>
          <QuantityForm
            label={t('receive.accepted', { unit })}
            initial={s.quantity}
            noteLabel={t('receive.note')}
            submitLabel={t('receive.submit')}
            fields={{ acceptedQuantity: 'quantity', note: 'note' }}
            testId="receive"
            zeroAllowed
            onSubmit={(acceptedQuantity, note) =>
              confirm({ variables: { shipmentId: s.id, acceptedQuantity, note } })
            }
          />
        </div>
      ))}
    </section>
  );
}

/** The buyer completes a contract once every shipment is confirmed. */
export function CompleteContract({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation(CONTRACTS_NS);
  const [complete, { loading }] = useMutation(CompleteContractDocument);
  const [problem, setProblem] = useState<string[]>([]);
  if (c.status !== 'DELIVERING' || c.shipments.some((s) => !s.receivedAt)) return null;
  return (
    <section aria-labelledby="contract-complete">
      <h3 id="contract-complete">{t('complete.title')}</h3>
      <p className="muted">{t('complete.help')}</p>
      <FormProblems problems={problem} />
      <Popconfirm
        title={t('complete.confirm')}
        okButtonProps={{ 'data-testid': 'complete-confirm' }}
        onConfirm={() =>
          complete({ variables: { contractId: c.id } }).then(
            () => setProblem([]),
            (e: unknown) =>
              setProblem([
                apiErrorsOf(e)[0]?.message ?? t('errors.network', { ns: 'translation' }),
              ]),
          )
        }
      >
        <Button type="primary" loading={loading} data-testid="complete">
          {t('complete.submit')}
        </Button>
      </Popconfirm>
    </section>
  );
}
