import { useMutation } from '@apollo/client/react';
import { Button, Form } from 'antd';
import { useEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { graphql } from '../gql';
import { FormProblems } from './FormProblems';
import { useLanguage } from './i18n';
import { NEED_FIELDS, NEED_STEPS, needInputOf, stepOf, type NeedValues } from './need-form';
import { AmountStep, useNeedRules, WhatStep, WhereStep } from './NeedEditorSteps';
import type { KnownSupplier } from './NeedAudience';
import { NeedReview } from './NeedReview';
import { NEEDS_NS } from './needs-i18n';
import { revealFirstError } from './reveal-errors';
import { useFormSubmit } from './use-form-submit';

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

/** The numbered steps, the current one marked, and the current step's heading. */
function WizardProgress({ step, heading }: { step: number; heading: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation(NEEDS_NS);
  const current = NEED_STEPS[step];
  return (
    <>
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
    </>
  );
}

/** "Quay lại" after the first step; "Tiếp tục", or "Lưu nháp" on the last (both submit). */
function WizardActions({
  step,
  busy,
  onPrevious,
}: {
  step: number;
  busy: boolean;
  onPrevious: () => void;
}) {
  const { t } = useTranslation(NEEDS_NS);
  return (
    <div className="form-actions wizard-actions">
      {step > 0 && (
        <Button size="large" onClick={onPrevious} data-testid="need-previous" disabled={busy}>
          {t('wizard.previous')}
        </Button>
      )}
      {step < NEED_STEPS.length - 1 ? (
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
  );
}

/**
 * The post-a-need wizard: what, how much, where and when, then a review and "Lưu nháp". Every step
 * stays mounted (hidden when not current), so one form holds all values and a server message can
 * be put under its field wherever it is; the wizard then opens that field's step.
 */
export function NeedWizard({
  id,
  initial,
  known = [],
  files,
  onCreated,
}: {
  id?: string;
  initial: NeedValues;
  known?: readonly KnownSupplier[];
  /** The draft's files, below the wizard; a need never saved is saved first when one is chosen. */
  files?: (saveFirst: () => Promise<string | null>) => ReactNode;
  /** `saveFirst` created the draft: its edit URL comes next, and this wizard is to stay. */
  onCreated?: (id: string) => void;
}) {
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

  /** Checks every step and saves (creates, the first time): the draft's id, or null, shown why. */
  async function saveDraft(): Promise<string | null> {
    let values: NeedValues;
    try {
      values = await form.validateFields();
    } catch {
      showFirstProblem();
      return null;
    }
    const input = needInputOf(values, language);
    let savedId = id;
    const ok = await run(async () => {
      if (id) await update({ variables: { id, input } });
      else savedId = (await create({ variables: { input } })).data?.createNeed.id;
    });
    if (!ok) showFirstProblem();
    return (ok && savedId) || null;
  }

  async function save() {
    const savedId = await saveDraft();
    if (savedId) navigate(`/nhu-cau/${savedId}`, { state: { notice: 'saved' } });
  }

  /**
   * A file chosen before the first save: the draft is saved as by "Lưu nháp", and the address
   * becomes its edit URL in place of the new need's, so neither going back nor reloading posts a
   * second draft; the buyer stays on the step they were on.
   */
  async function saveFirst(): Promise<string | null> {
    const savedId = await saveDraft();
    if (savedId && !id) {
      onCreated?.(savedId);
      navigate(`/nhu-cau/${savedId}/sua`, { replace: true });
    }
    return savedId;
  }

  const last = NEED_STEPS.length - 1;
  return (
    <>
      {/* A plain form around antd's: Enter or the button moves one step (or saves on the last),
          where antd's own submit would check every step's fields at once. */}
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
          <WizardProgress step={step} heading={heading} />
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
          <WizardActions step={step} busy={busy} onPrevious={() => go(step - 1)} />
        </Form>
      </form>
      {files?.(saveFirst)}
    </>
  );
}
