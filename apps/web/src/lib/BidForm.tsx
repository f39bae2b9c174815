import { useMutation } from '@apollo/client/react';
import { Button, Form, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { formatDay } from './datetime';
import { apiErrorsOf, hasErrorCode } from './errors';
import { Field } from './Field';
import { FormProblems } from './FormProblems';
import { useLanguage, type Language } from './i18n';
import { Input } from './inputs';
import { MyBidSummary, type BidNeed } from './MyBidSummary';
import { NEEDS_NS } from './needs-i18n';
import { MoneyInput, useMoneyRule, useNumberRule } from './NumberFields';
import { groupDigits, readNumber, readVnd } from './numbers';
import { formatQuantity } from './products';
import { useFormSubmit } from './use-form-submit';

const SubmitBidDocument = graphql(`
  mutation SubmitBid($input: BidInput!) {
    submitBid(input: $input) {
      ...MyBidFields
      need {
        id
        myBid {
          ...MyBidFields
        }
      }
    }
  }
`);

const WithdrawBidDocument = graphql(`
  mutation WithdrawBid($id: ID!) {
    withdrawBid(id: $id) {
      id
      status
    }
  }
`);

interface BidValues {
  unitPrice: string;
  quantity: string;
  deliveryDate: string;
  note?: string;
}

// The server's field paths (`input.unitPrice.amount`…) to the form's fields.
const BID_FIELDS = {
  unitPrice: 'unitPrice',
  'unitPrice.amount': 'unitPrice',
  'unitPrice.currency': 'unitPrice',
  amount: 'unitPrice',
  quantity: 'quantity',
  deliveryDate: 'deliveryDate',
  note: 'note',
} as const satisfies Record<string, keyof BidValues>;

const NOTE_MAX_LENGTH = 1000;

const written = (value: string, language: Language) =>
  language === 'vi' ? value.replace('.', ',') : value;

function valuesOf(need: BidNeed, language: Language): BidValues {
  const bid = need.myBid;
  return {
    unitPrice: bid ? groupDigits(bid.unitPrice.amount, language) : '',
    quantity: written(bid?.quantity ?? need.quantity, language),
    deliveryDate: bid?.deliveryDate ?? '',
    note: bid?.note ?? '',
  };
}

/** Unit price, quantity (typed when the need takes a part, else the whole), delivery date, note. */
function BidFields({ need }: { need: BidNeed }) {
  const { t } = useTranslation(NEEDS_NS);
  const language = useLanguage();
  const numberRule = useNumberRule();
  const moneyRule = useMoneyRule();
  return (
    <>
      <Form.Item
        name="unitPrice"
        label={t('bid.unitPriceLabel', { unit: need.unit.name })}
        rules={[{ required: true, message: t('bid.unitPriceRequired') }, moneyRule]}
      >
        <MoneyInput data-testid="bid-price" size="large" />
      </Form.Item>
      {need.allowPartial ? (
        <Form.Item
          name="quantity"
          label={t('bid.quantityLabel', { unit: need.unit.name })}
          extra={t('bid.quantityPartial', {
            max: formatQuantity(need.quantity, language),
            unit: need.unit.name,
          })}
          rules={[
            numberRule({
              required: t('bid.quantityRequired'),
              example: language === 'vi' ? '20 hoặc 2,5' : '20 or 2.5',
            }),
          ]}
        >
          <Input data-testid="bid-quantity" size="large" inputMode="decimal" autoComplete="off" />
        </Form.Item>
      ) : (
        <dl className="fields">
          <Field label={t('bid.quantity')}>
            <span data-testid="bid-quantity-fixed">
              {formatQuantity(need.quantity, language)} {need.unit.name}
            </span>
            <span className="category-tariff">{t('bid.quantityWhole')}</span>
          </Field>
        </dl>
      )}
      <Form.Item
        name="deliveryDate"
        label={t('bid.deliveryDate')}
        extra={t('bid.deliveryHint', {
          from: formatDay(need.deliveryFrom, language),
          to: formatDay(need.deliveryTo, language),
        })}
        rules={[
          { required: true, message: t('bid.deliveryRequired') },
          {
            validator: (_: unknown, day?: string) =>
              !day || (day >= need.deliveryFrom && day <= need.deliveryTo)
                ? Promise.resolve()
                : Promise.reject(new Error(t('bid.deliveryOutside'))),
          },
        ]}
      >
        {/* A phone's own date picker, bounded to the need's window. */}
        <input
          type="date"
          className="native-input"
          min={need.deliveryFrom}
          max={need.deliveryTo}
          data-testid="bid-delivery-date"
        />
      </Form.Item>
      <Form.Item name="note" label={t('bid.noteLabel')}>
        <textarea
          className="reason-input"
          rows={3}
          maxLength={NOTE_MAX_LENGTH}
          data-testid="bid-note"
        />
      </Form.Item>
    </>
  );
}

/** A new bid, or the own bid above a form to revise it, with "Rút báo giá" once there is one. */
export function BidForm({
  need,
  onChanged,
  onClosed,
  onSaved,
}: {
  need: BidNeed;
  onChanged: () => void;
  /** The server refused the bid as too late: the page re-reads the need and says why. */
  onClosed: (message: string) => void;
  /** Says what went through, above the form (which remounts when a first bid gets its id). */
  onSaved: (notice: string | null) => void;
}) {
  const { t } = useTranslation(NEEDS_NS);
  const language = useLanguage();
  const [form] = Form.useForm<BidValues>();
  const [submitBid] = useMutation(SubmitBidDocument);
  const [withdrawBid, withdrawing] = useMutation(WithdrawBidDocument);
  const { problems, busy, run, formProps } = useFormSubmit(form, BID_FIELDS, {
    onStart: () => onSaved(null),
  });
  const bid = need.myBid;

  async function submit(values: BidValues) {
    const quantity = need.allowPartial ? readNumber(values.quantity, language) : null;
    let late = false;
    const ok = await run(async () => {
      try {
        await submitBid({
          variables: {
            input: {
              needId: need.id,
              unitPrice: { amount: readVnd(values.unitPrice, language) ?? '', currency: 'VND' },
              quantity: quantity?.ok ? quantity.value : need.quantity,
              deliveryDate: values.deliveryDate,
              note: values.note?.trim() || null,
            },
          },
        });
      } catch (failure) {
        // Bidding closed while the form was open: the form goes, the server's word stays above.
        if (hasErrorCode(failure, 'DEADLINE_PASSED')) {
          late = true;
          onClosed(apiErrorsOf(failure)[0]?.message ?? t('bid.closed'));
          return;
        }
        throw failure;
      }
    });
    if (ok && !late) onSaved(t(bid ? 'bid.revised' : 'bid.submitted'));
  }

  async function withdraw(id: string) {
    if (await run(() => withdrawBid({ variables: { id } }))) onSaved(t('bid.withdrawn'));
    onChanged();
  }

  return (
    <>
      {bid && <MyBidSummary bid={bid} unit={need.unit} />}
      <h3 id="bid-form-title">{bid ? t('bid.reviseTitle') : t('bid.newTitle')}</h3>
      <Form<BidValues>
        {...formProps}
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={valuesOf(need, language)}
        onFinish={(values) => void submit(values)}
        aria-labelledby="bid-form-title"
        noValidate
      >
        <BidFields need={need} />
        <FormProblems problems={problems} />
        <div className="form-actions">
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            loading={busy && !withdrawing.loading}
            data-testid="bid-submit"
          >
            {bid ? t('bid.revise') : t('bid.submit')}
          </Button>
          {bid && (
            <Popconfirm
              title={t('bid.withdrawConfirm')}
              okText={t('bid.withdraw')}
              cancelText={t('bid.keep')}
              okButtonProps={{ danger: true, 'data-testid': 'bid-withdraw-confirm' }}
              onConfirm={() => withdraw(bid.id)}
            >
              <Button size="large" danger loading={withdrawing.loading} data-testid="bid-withdraw">
                {t('bid.withdraw')}
              </Button>
            </Popconfirm>
          )}
        </div>
      </Form>
    </>
  );
}
