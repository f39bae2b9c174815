import { useQuery } from '@apollo/client/react';
import { Form, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { CategorySelect } from './CategorySelect';
import { ChoiceCards } from './ChoiceCards';
import { useLanguage } from './i18n';
import { Input } from './inputs';
import type { NeedValues } from './need-form';
import { NeedAudience, type KnownSupplier } from './NeedAudience';
import { NEEDS_NS } from './needs-i18n';
import { MoneyInput, useMoneyRule, useNumberRule } from './NumberFields';
import { pickerPopupRender } from './pickers';
import { CERTIFICATION_KINDS } from './products';
import { PRODUCTS_NS } from './products-i18n';
import { ProvinceSelect } from './ProvinceSelect';
import { UnitSelect } from './UnitSelect';
import { vietnamInstant, vietnamToday } from './vietnam-time';

// The post-a-need wizard's three steps of fields (what, how much, where and when) and their checks;
// NeedWizard shows one at a time, all in one form.
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

export type NeedRules = ReturnType<typeof useNeedRules>;

/** The wizard's own checks, each also made by the server; those that compare fields read the form. */
export function useNeedRules(form: FormInstance<NeedValues>) {
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

export function WhatStep({ known }: { known: readonly KnownSupplier[] }) {
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

export function AmountStep({ rules }: { rules: NeedRules }) {
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

export function WhereStep({ rules }: { rules: NeedRules }) {
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
