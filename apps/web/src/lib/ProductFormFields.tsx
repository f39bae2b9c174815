import { Form, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { CategorySelect } from './CategorySelect';
import { CertificationsField } from './CertificationsField';
import { HarvestMonths } from './HarvestMonths';
import { useLanguage } from './i18n';
import { Input } from './inputs';
import { MoneyInput, useMoneyRule, useNumberRule } from './NumberFields';
import { readVnd } from './numbers';
import type { ProductValues } from './product-form';
import { PRODUCTS_NS } from './products-i18n';
import { UnitSelect } from './UnitSelect';

/** Units by kind, as the server converts them (libs/reference-data units): a price is per a unit of the capacity's kind. */
const BASE_OF: Record<string, string> = { KGM: 'KGM', YEN: 'KGM', DTN: 'KGM', TNE: 'KGM', GRM: 'KGM', LTR: 'LTR', MLT: 'LTR' };
const baseOf = (code: string | undefined) => (code ? (BASE_OF[code] ?? code) : undefined);

// The server's limits for a listing's texts.
const NAME_MAX_LENGTH = 200;
const DESCRIPTION_MAX_LENGTH = 4000;

/** Every field of the product editor; the page owns the form, its buttons and its messages. */
export function ProductFormFields({ form }: { form: FormInstance<ProductValues> }) {
  const { t } = useTranslation(PRODUCTS_NS);
  const description = Form.useWatch('description', form);
  const unitCode = Form.useWatch('unitCode', form);
  const language = useLanguage();
  const numberRule = useNumberRule();
  const price = useMoneyRule();
  const example = language === 'vi' ? '20 hoặc 2,5' : '20 or 2.5';

  const priceOrder = {
    validator: (_: unknown, value: string | undefined) => {
      const max = readVnd(value, language);
      const min = readVnd(form.getFieldValue('priceMin') as string | undefined, language);
      return !max || !min || BigInt(max) >= BigInt(min)
        ? Promise.resolve()
        : Promise.reject(new Error(t('editor.priceOrder')));
    },
  };

  return (
    <>
      <Form.Item
        name="categoryCode"
        label={t('editor.category')}
        extra={t('editor.categoryHint')}
        rules={[{ required: true, message: t('editor.categoryRequired') }]}
      >
        <CategorySelect data-testid="product-category" placeholder={t('editor.categoryPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('editor.name')}
        rules={[{ required: true, whitespace: true, message: t('editor.nameRequired') }]}
      >
        <Input
          data-testid="product-name"
          maxLength={NAME_MAX_LENGTH}
          placeholder={t('editor.namePlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('editor.description')}
        extra={`${t('editor.descriptionHint')} (${description?.length ?? 0} / ${DESCRIPTION_MAX_LENGTH})`}
      >
        {/* A plain text area: antd's would add its text-area code for one field. */}
        <textarea
          className="reason-input"
          data-testid="product-description"
          rows={4}
          maxLength={DESCRIPTION_MAX_LENGTH}
        />
      </Form.Item>
      <div className="form-row">
        <Form.Item
          name="unitCode"
          label={t('editor.unit')}
          rules={[{ required: true, message: t('editor.unitRequired') }]}
        >
          <UnitSelect
            data-testid="product-unit"
            // A price per a unit of another kind (per litre for tonnes) makes no sense: start again from this unit.
            onChange={(code) =>
              form.setFieldsValue({
                unitCode: code,
                ...(baseOf(form.getFieldValue('priceUnitCode') as string | undefined) !== baseOf(code)
                  ? { priceUnitCode: code }
                  : {}),
              })
            }
          />
        </Form.Item>
        <Form.Item
          name="monthlyCapacity"
          label={t('editor.capacity')}
          rules={[numberRule({ required: t('editor.capacityRequired'), example })]}
          required
        >
          <Input data-testid="product-capacity" inputMode="decimal" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="minOrderQuantity"
          label={t('editor.minOrder')}
          rules={[numberRule({ example })]}
        >
          <Input data-testid="product-min-order" inputMode="decimal" autoComplete="off" />
        </Form.Item>
      </div>
      <div className="form-row">
        <Form.Item
          name="priceMin"
          label={t('editor.priceMin')}
          extra={t('editor.priceHint')}
          rules={[price]}
        >
          <MoneyInput data-testid="product-price-min" />
        </Form.Item>
        <Form.Item
          name="priceMax"
          label={t('editor.priceMax')}
          dependencies={['priceMin']}
          rules={[price, priceOrder]}
        >
          <MoneyInput data-testid="product-price-max" />
        </Form.Item>
        <Form.Item
          name="priceUnitCode"
          label={t('editor.priceUnit')}
          extra={t('editor.priceUnitHint')}
        >
          <UnitSelect
            data-testid="product-price-unit"
            baseCode={baseOf(unitCode)}
            disabled={!unitCode}
          />
        </Form.Item>
      </div>
      <Form.Item name="harvestMonths" label={t('editor.harvest')} extra={t('editor.harvestHint')}>
        <HarvestMonths />
      </Form.Item>
      <CertificationsField />
    </>
  );
}
