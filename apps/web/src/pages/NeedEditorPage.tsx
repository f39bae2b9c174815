import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Form, Select, type FormInstance } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import { useSignedIn } from '../lib/auth';
import { CategorySelect } from '../lib/CategorySelect';
import { ChoiceCards } from '../lib/ChoiceCards';
import { vietnamInstant, vietnamToday } from '../lib/vietnam-time';
import { hasErrorCode } from '../lib/errors';
import { FormProblems } from '../lib/FormProblems';
import { useLanguage } from '../lib/i18n';
import { Input } from '../lib/inputs';
import {
  EMPTY_NEED,
  NEED_FIELDS,
  NEED_STEPS,
  needInputOf,
  needValuesOf,
  stepOf,
  type NeedValues,
} from '../lib/need-form';
import { useNeedPoster } from '../lib/need-poster';
import { NeedAudience, useInvitePrefill, type KnownSupplier } from '../lib/NeedAudience';
import { NeedReview } from '../lib/NeedReview';
import { NEEDS_NS } from '../lib/needs-i18n';
import { NeedAttachments } from '../lib/NeedAttachments';
import { MoneyInput, useMoneyRule, useNumberRule } from '../lib/NumberFields';
import { pickerPopupRender } from '../lib/pickers';
import { CERTIFICATION_KINDS } from '../lib/products';
import { PRODUCTS_NS } from '../lib/products-i18n';
import { ProvinceSelect } from '../lib/ProvinceSelect';
import { QueryFallback } from '../lib/QueryFallback';
import { revealFirstError } from '../lib/reveal-errors';
import { UnitSelect } from '../lib/UnitSelect';
import { useFormSubmit } from '../lib/use-form-submit';

// Mutations ask for the same fields as the page, so Apollo's cache keeps the need page in step.
graphql(`
  fragment EditedNeed on ProcurementNeed {
    id
    title
    description
    status
    category {
      code
    }
    requiredCertifications
    quantity
    unit {
      code
    }
    targetUnitPrice {
      amount
      currency
    }
    allowPartial
    deliveryProvince {
      code
    }
    deliveryFrom
    deliveryTo
    bidDeadline
    attachments {
      ...NeedAttachmentFields
    }
    visibility
    invitedSuppliers {
      id
      name
    }
  }
`);

const NeedDraftDocument = graphql(`
  query NeedDraft($id: ID!) {
    need(id: $id) {
      ...EditedNeed
    }
  }
`);
const CreateNeedDocument = graphql(`
  mutation CreateNeed($input: NeedInput!) {
    createNeed(input: $input) {
      ...EditedNeed
    }
  }
`);
const UpdateNeedDocument = graphql(`
  mutation UpdateNeed($id: ID!, $input: NeedInput!) {
    updateNeed(id: $id, input: $input) {
      ...EditedNeed
    }
  }
`);

const UnitSymbolsDocument = graphql(`
  query UnitSymbols {
    units {
      code
      symbol
    }
  }
`);

// The server's limits for a need's texts (libs/procurement needs/dto/need.schema.ts).
const TITLE_MAX_LENGTH = 200;
const DESCRIPTION_MAX_LENGTH = 5000;

type Rules = ReturnType<typeof useNeedRules>;

/** The wizard's own checks, each also made by the server; those that compare fields read the form. */
function useNeedRules(form: FormInstance<NeedValues>) {
  const { t } = useTranslation(NEEDS_NS);
  const numberRule = useNumberRule();
  const language = useLanguage();
  const value = (name: keyof NeedValues) => form.getFieldValue(name) as string | undefined;
  const check = (ok: boolean, message: string) =>
    ok ? Promise.resolve() : Promise.reject(new Error(message));
  return {
    quantity: numberRule({
      required: t('wizard.quantityRequired'),
      example: language === 'vi' ? '20 hoặc 2,5' : '20 or 2.5',
    }),
    price: useMoneyRule(),
    deliveryFrom: {
      validator: (_: unknown, day?: string) =>
        !day
          ? check(false, t('wizard.deliveryFromRequired'))
          : check(day >= vietnamToday(), t('wizard.deliveryPast')),
    },
    deliveryTo: {
      validator: (_: unknown, day?: string) => {
        const from = value('deliveryFrom');
        if (!day) return check(false, t('wizard.deliveryToRequired'));
        return check(!from || day >= from, t('wizard.deliveryOrder'));
      },
    },
    deadlineDate: {
      validator: (_: unknown, day?: string) => {
        if (!day) return check(false, t('wizard.deadlineDateRequired'));
        const at = vietnamInstant(day, value('deadlineTime') ?? '23:59');
        if (at && new Date(at).getTime() <= Date.now())
          return check(false, t('wizard.deadlinePast'));
        const from = value('deliveryFrom');
        return check(!from || day <= from, t('wizard.deadlineAfterDelivery'));
      },
    },
  };
}

function WhatStep({ known }: { known: readonly KnownSupplier[] }) {
  const { t } = useTranslation(NEEDS_NS);
  const { t: tProducts } = useTranslation(PRODUCTS_NS);
  const description = Form.useWatch<string | undefined>('description');
  return (
    <>
      <Form.Item
        name="title"
        label={t('wizard.title')}
        rules={[{ required: true, whitespace: true, message: t('wizard.titleRequired') }]}
      >
        <Input
          data-testid="need-title"
          maxLength={TITLE_MAX_LENGTH}
          placeholder={t('wizard.titlePlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="categoryCode"
        label={t('wizard.category')}
        extra={t('wizard.categoryHint')}
        rules={[{ required: true, message: t('wizard.categoryRequired') }]}
      >
        <CategorySelect data-testid="need-category" placeholder={t('wizard.categoryPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('wizard.description')}
        extra={`${t('wizard.descriptionHint')} (${description?.length ?? 0} / ${DESCRIPTION_MAX_LENGTH})`}
      >
        {/* A plain text area, as in the product editor: antd's would add its code for one field. */}
        <textarea
          className="reason-input"
          data-testid="need-description"
          rows={4}
          maxLength={DESCRIPTION_MAX_LENGTH}
        />
      </Form.Item>
      <Form.Item
        name="requiredCertifications"
        label={t('wizard.certifications')}
        extra={t('wizard.certificationsHint')}
      >
        <Select<string[]>
          mode="multiple"
          popupRender={pickerPopupRender}
          data-testid="need-certifications"
          placeholder={t('wizard.certificationsPlaceholder')}
          options={CERTIFICATION_KINDS.map((kind) => ({
            value: kind,
            label: tProducts(`certKind.${kind}`),
          }))}
        />
      </Form.Item>
      <NeedAudience known={known} />
    </>
  );
}

function AmountStep({ rules }: { rules: Rules }) {
  const { t } = useTranslation(NEEDS_NS);
  const unitCode = Form.useWatch<string | undefined>('unitCode');
  const { data } = useQuery(UnitSymbolsDocument);
  const symbol = data?.units.find((u) => u.code === unitCode)?.symbol;
  return (
    <>
      <div className="form-row">
        <Form.Item name="quantity" label={t('wizard.quantity')} rules={[rules.quantity]} required>
          <Input data-testid="need-quantity" inputMode="decimal" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="unitCode"
          label={t('wizard.unit')}
          rules={[{ required: true, message: t('wizard.unitRequired') }]}
        >
          <UnitSelect data-testid="need-unit" />
        </Form.Item>
      </div>
      <Form.Item
        name="targetUnitPrice"
        label={symbol ? t('wizard.targetPrice', { unit: symbol }) : t('wizard.targetPriceNoUnit')}
        extra={t('wizard.targetPriceHint')}
        rules={[rules.price]}
      >
        <MoneyInput data-testid="need-target-price" />
      </Form.Item>
      <Form.Item name="allowPartial" label={t('wizard.allowPartial')}>
        <ChoiceCards<'yes' | 'no'>
          name="allowPartial"
          label={t('wizard.allowPartial')}
          testId="need-partial"
          choices={[
            {
              value: 'no',
              title: t('wizard.partialNo'),
              hint: t('wizard.partialNoHint'),
              testId: 'need-partial-no',
            },
            {
              value: 'yes',
              title: t('wizard.partialYes'),
              hint: t('wizard.partialYesHint'),
              testId: 'need-partial-yes',
            },
          ]}
        />
      </Form.Item>
    </>
  );
}

function WhereStep({ rules }: { rules: Rules }) {
  const { t } = useTranslation(NEEDS_NS);
  return (
    <>
      <Form.Item
        name="deliveryProvinceCode"
        label={t('wizard.province')}
        rules={[{ required: true, message: t('wizard.provinceRequired') }]}
      >
        <ProvinceSelect data-testid="need-province" />
      </Form.Item>
      <div className="form-row">
        {/* Native date and time inputs: a phone's own pickers, and no date library to load. */}
        <Form.Item
          name="deliveryFrom"
          label={t('wizard.deliveryFrom')}
          rules={[rules.deliveryFrom]}
          required
        >
          <input type="date" className="native-input" data-testid="need-delivery-from" />
        </Form.Item>
        <Form.Item
          name="deliveryTo"
          label={t('wizard.deliveryTo')}
          dependencies={['deliveryFrom']}
          rules={[rules.deliveryTo]}
          required
        >
          <input type="date" className="native-input" data-testid="need-delivery-to" />
        </Form.Item>
      </div>
      <div className="form-row">
        <Form.Item
          name="deadlineDate"
          label={t('wizard.deadlineDate')}
          extra={t('wizard.deadlineHint')}
          dependencies={['deadlineTime', 'deliveryFrom']}
          rules={[rules.deadlineDate]}
          required
        >
          <input type="date" className="native-input" data-testid="need-deadline-date" />
        </Form.Item>
        <Form.Item
          name="deadlineTime"
          label={t('wizard.deadlineTime')}
          rules={[{ required: true, message: t('wizard.deadlineTimeRequired') }]}
        >
          <input type="time" className="native-input" data-testid="need-deadline-time" />
        </Form.Item>
      </div>
    </>
  );
}

/**
 * The post-a-need wizard: what, how much, where and when, then a review and "Lưu nháp". Every step
 * stays mounted (hidden when not current), so one form holds all values and a server message can
 * be put under its field wherever it is; the wizard then opens that field's step.
 */
function Wizard({
  id,
  initial,
  known = [],
}: {
  id?: string;
  initial: NeedValues;
  known?: readonly KnownSupplier[];
}) {
  const { t } = useTranslation(NEEDS_NS);
  const navigate = useNavigate();
  const language = useLanguage();
  const [form] = Form.useForm<NeedValues>();
  const rules = useNeedRules(form);
  const [step, setStep] = useState(0);
  // What gets the focus once a step is shown: its heading (announced, and the keyboard starts
  // there) or, after a problem, the first field showing one. `turn` re-renders on the same step.
  const focusNext = useRef<'heading' | 'problem' | null>(null);
  const [turn, setTurn] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const [create] = useMutation(CreateNeedDocument);
  const [update] = useMutation(UpdateNeedDocument);
  const { problems, busy, run } = useFormSubmit(form, NEED_FIELDS);

  useEffect(() => {
    const what = focusNext.current;
    focusNext.current = null;
    if (what === 'problem') revealFirstError(form);
    else if (what === 'heading') heading.current?.focus();
  }, [step, turn, form]);

  function go(next: number) {
    focusNext.current = 'heading';
    setStep(next);
  }

  /** Opens the step of the first field showing a problem and brings that field into view. */
  function showFirstProblem() {
    const first = form.getFieldsError().find((f) => f.errors.length > 0);
    if (!first) return;
    focusNext.current = 'problem';
    setStep(stepOf(String(first.name[0])));
    setTurn((n) => n + 1);
  }

  async function next() {
    try {
      await form.validateFields([...NEED_STEPS[step].fields]);
      go(step + 1);
    } catch {
      revealFirstError(form);
    }
  }

  async function save() {
    let values: NeedValues;
    try {
      values = await form.validateFields();
    } catch {
      showFirstProblem();
      return;
    }
    const input = needInputOf(values, language);
    let savedId = id;
    const ok = await run(async () => {
      if (id) await update({ variables: { id, input } });
      else savedId = (await create({ variables: { input } })).data?.createNeed.id;
    });
    if (!ok) showFirstProblem();
    else if (savedId) navigate(`/nhu-cau/${savedId}`, { state: { notice: 'saved' } });
  }

  const last = NEED_STEPS.length - 1;
  const current = NEED_STEPS[step];
  return (
    // A plain form around antd's: Enter or the button moves one step (or saves on the last),
    // where antd's own submit would check every step's fields at once.
    <form
      noValidate
      className="product-form need-wizard"
      onSubmit={(event) => {
        event.preventDefault();
        void (step === last ? save() : next());
      }}
    >
      <Form<NeedValues>
        component={false}
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={initial}
      >
        <ol className="wizard-steps" aria-label={t('wizard.steps')}>
          {NEED_STEPS.map((s, index) => (
            <li
              key={s.key}
              className={index === step ? 'wizard-step wizard-step-current' : 'wizard-step'}
              aria-current={index === step ? 'step' : undefined}
            >
              <span className="wizard-step-number">{index + 1}</span>{' '}
              <span className="wizard-step-name">{t(`wizard.step.${s.key}`)}</span>
            </li>
          ))}
        </ol>
        <h2
          ref={heading}
          tabIndex={-1}
          className="wizard-heading"
          data-testid="need-step"
          data-step={current.key}
        >
          <span className="muted wizard-step-of">
            {t('wizard.stepOf', { n: step + 1, total: NEED_STEPS.length })}
          </span>{' '}
          {t(`wizard.step.${current.key}`)}
        </h2>
        <section hidden={step !== 0}>
          <WhatStep known={known} />
        </section>
        <section hidden={step !== 1}>
          <AmountStep rules={rules} />
        </section>
        <section hidden={step !== 2}>
          <WhereStep rules={rules} />
        </section>
        {step === last && (
          <NeedReview values={form.getFieldsValue(true) as NeedValues} onEdit={go} />
        )}
        <FormProblems problems={problems} />
        <div className="form-actions wizard-actions">
          {step > 0 && (
            <Button
              size="large"
              onClick={() => go(step - 1)}
              data-testid="need-previous"
              disabled={busy}
            >
              {t('wizard.previous')}
            </Button>
          )}
          {step < last ? (
            <Button type="primary" size="large" htmlType="submit" data-testid="need-next">
              {t('wizard.next')}
            </Button>
          ) : (
            <Button
              type="primary"
              size="large"
              htmlType="submit"
              loading={busy}
              data-testid="need-save"
            >
              {t('wizard.save')}
            </Button>
          )}
        </div>
      </Form>
    </form>
  );
}

function ExistingDraft({ id }: { id: string }) {
  const { t } = useTranslation(NEEDS_NS);
  const language = useLanguage();
  const { data, error, refetch } = useQuery(NeedDraftDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  // need(id) answers NOT_FOUND for another organization's need, as for one that does not exist.
  const notFound = hasErrorCode(error, 'NOT_FOUND');
  const need = notFound ? null : data?.need;
  if (need && need.status !== 'DRAFT') {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="need-not-draft"
        title={t('wizard.notDraft')}
        description={<Link to={`/nhu-cau/${id}`}>{need.title}</Link>}
      />
    );
  }
  // Keyed by id: the form takes its initial values once, when it mounts. Files are saved apart.
  if (need) {
    return (
      <>
        {need.invitedSuppliers.length > 0 && (
          // A reorder's draft: the buyer checks whom it invites again before sending it.
          <Alert
            className="form-notice"
            type="info"
            showIcon
            data-testid="need-invited"
            title={t('wizard.invited', {
              names: need.invitedSuppliers.map((s) => s.name).join(', '),
            })}
          />
        )}
        <Wizard key={need.id} id={need.id} initial={needValuesOf(need, language)} known={need.invitedSuppliers} />
        <NeedAttachments needId={need.id} attachments={need.attachments} onChanged={refetch} />
      </>
    );
  }
  return (
    <QueryFallback
      answered={!!data || notFound}
      error={notFound ? undefined : error}
      onRetry={() => void refetch()}
      notFound={{ title: t('page.notFound'), testId: 'need-not-found' }}
      loadError={t('wizard.loadError')}
    />
  );
}

/** Who may post: an enterprise's owner or manager; anyone else is told why not, before typing. */
function PosterGate({ id }: { id?: string }) {
  const { t } = useTranslation(NEEDS_NS);
  const poster = useNeedPoster();
  if (poster && !poster.buyer) {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="need-not-buyer"
        title={t('wizard.notBuyer')}
        description={
          <Link to="/nhu-cau" className="link-button link-button-primary">
            {t('wizard.toOpenNeeds')}
          </Link>
        }
      />
    );
  }
  if (poster && !poster.canPost) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="need-not-allowed"
        title={t('wizard.notAllowed')}
      />
    );
  }
  return id ? <ExistingDraft id={id} /> : <NewNeed />;
}

/** A new need, prefilled from the URL when a "Yêu cầu báo giá" button led here. */
function NewNeed() {
  const { t } = useTranslation(NEEDS_NS);
  const [params] = useSearchParams();
  const { prefill, known } = useInvitePrefill(params);
  return (
    <>
      <Wizard initial={{ ...EMPTY_NEED, ...prefill }} known={known} />
      <Alert className="photos-later" type="info" showIcon title={t('attachments.saveFirst')} />
    </>
  );
}

export default function NeedEditorPage() {
  const { t } = useTranslation(NEEDS_NS);
  const signedIn = useSignedIn();
  const location = useLocation();
  const { id } = useParams();
  if (!signedIn)
    return (
      <Navigate
        to="/dang-nhap"
        replace
        state={{ from: `${location.pathname}${location.search}` }}
      />
    );
  return (
    <div className="page page-narrow product-editor">
      <Link to="/nhu-cau/cua-toi" className="back-link">
        ← {t('wizard.back')}
      </Link>
      <h1>{id ? t('wizard.editTitle') : t('wizard.newTitle')}</h1>
      <PosterGate id={id} />
    </div>
  );
}
