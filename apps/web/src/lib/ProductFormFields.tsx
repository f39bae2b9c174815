import { Form, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { CategorySelect } from './CategorySelect';
import { CertificationsField } from './CertificationsField';
import { HarvestMonths } from './HarvestMonths';
import { Input } from './inputs';
import type { ProductValues } from './product-form';
import { toDecimal, toVndAmount } from './products';
import { PRODUCTS_NS } from './products-i18n';
import { UnitSelect } from './UnitSelect';

// The server's limits for a listing's texts.
const NAME_MAX_LENGTH = 200;
const DESCRIPTION_MAX_LENGTH = 4000;

/** Every field of the product editor; the page owns the form, its buttons and its messages. */
export function ProductFormFields({ form }: { form: FormInstance<ProductValues> }) {
  const { t } = useTranslation(PRODUCTS_NS);
  const description = Form.useWatch('description', form);

  const decimal = (required: boolean) => ({
    validator: (_: unknown, value: string | undefined) => {
      if (!value?.trim()) {
        return required
          ? Promise.reject(new Error(t('editor.capacityRequired')))
          : Promise.resolve();
      }
      return toDecimal(value)
        ? Promise.resolve()
        : Promise.reject(new Error(t('editor.numberInvalid')));
    },
  });
  const price = {
    validator: (_: unknown, value: string | undefined) =>
      !value?.trim() || toVndAmount(value)
        ? Promise.resolve()
        : Promise.reject(new Error(t('editor.priceInvalid'))),
  };
  const priceOrder = {
    validator: (_: unknown, value: string | undefined) => {
      const max = toVndAmount(value);
      const min = toVndAmount(form.getFieldValue('priceMin') as string | undefined);
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
          <UnitSelect data-testid="product-unit" />
        </Form.Item>
        <Form.Item
          name="monthlyCapacity"
          label={t('editor.capacity')}
          rules={[decimal(true)]}
          required
        >
          <Input data-testid="product-capacity" inputMode="decimal" autoComplete="off" />
        </Form.Item>
        <Form.Item name="minOrderQuantity" label={t('editor.minOrder')} rules={[decimal(false)]}>
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
          <Input data-testid="product-price-min" inputMode="numeric" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="priceMax"
          label={t('editor.priceMax')}
          dependencies={['priceMin']}
          rules={[price, priceOrder]}
        >
          <Input data-testid="product-price-max" inputMode="numeric" autoComplete="off" />
        </Form.Item>
      </div>
      <Form.Item name="harvestMonths" label={t('editor.harvest')} extra={t('editor.harvestHint')}>
        <HarvestMonths />
      </Form.Item>
      <CertificationsField />
    </>
  );
}
