import { useQuery } from '@apollo/client/react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { formatDay } from './datetime';
import { Field } from './Field';
import { useLanguage } from './i18n';
import { NEED_STEPS, type NeedValues } from './need-form';
import { NEEDS_NS } from './needs-i18n';
import { readNumber, readVnd } from './numbers';
import { formatAmount, formatQuantity, isCertificationKind } from './products';
import { PRODUCTS_NS } from './products-i18n';

const NeedReviewNamesDocument = graphql(`
  query NeedReviewNames {
    allCategories {
      code
      shortName
    }
    units {
      code
      name
      symbol
    }
    provinces {
      code
      name
    }
  }
`);

/**
 * The wizard's last step: every value as the need page will show it, by step, each with "Sửa"
 * to go back to it. Values are read the same way the save reads them.
 */
export function NeedReview({
  values,
  onEdit,
}: {
  values: NeedValues;
  onEdit: (step: number) => void;
}) {
  const { t } = useTranslation(NEEDS_NS);
  const { t: tProducts } = useTranslation(PRODUCTS_NS);
  const language = useLanguage();
  const { data } = useQuery(NeedReviewNamesDocument);
  const category = data?.allCategories.find((c) => c.code === values.categoryCode);
  const unit = data?.units.find((u) => u.code === values.unitCode);
  const province = data?.provinces.find((p) => p.code === values.deliveryProvinceCode);
  const quantity = readNumber(values.quantity, language);
  const price = readVnd(values.targetUnitPrice, language);
  const none = t('wizard.none');
  const day = (value?: string) => (value ? formatDay(value, language) : none);

  const sections = [
    <>
      <Field label={t('wizard.title')}>{values.title}</Field>
      <Field label={t('wizard.category')}>
        {category ? `${category.shortName} (${category.code})` : none}
      </Field>
      <Field label={t('wizard.description')}>
        <span className="pre-wrap">{values.description?.trim() || none}</span>
      </Field>
      <Field label={t('wizard.certifications')}>
        {values.requiredCertifications.length > 0
          ? values.requiredCertifications
              .map((kind) => (isCertificationKind(kind) ? tProducts(`certKind.${kind}`) : kind))
              .join(', ')
          : none}
      </Field>
      <Field label={t('audience.label')}>
        <span data-testid="need-review-audience">
          {values.visibility === 'INVITED'
            ? t('audience.review', { count: values.invitedSupplierIds.length })
            : t('audience.reviewPublic')}
        </span>
      </Field>
    </>,
    <>
      <Field label={t('wizard.quantity')}>
        {quantity.ok ? `${formatQuantity(quantity.value, language)} ${unit?.name ?? ''}` : none}
      </Field>
      <Field label={t('page.targetPrice')}>
        {price && unit
          ? t('page.price', { amount: formatAmount(price, language), unit: unit.symbol })
          : t('page.noTargetPrice')}
      </Field>
      <Field label={t('wizard.allowPartial')}>
        {values.allowPartial === 'yes' ? t('wizard.partialYes') : t('wizard.partialNo')}
      </Field>
    </>,
    <>
      <Field label={t('wizard.province')}>{province?.name ?? none}</Field>
      <Field label={t('page.window')}>
        {t('card.window', { from: day(values.deliveryFrom), to: day(values.deliveryTo) })}
      </Field>
      <Field label={t('page.deadline')}>
        {`${day(values.deadlineDate)} ${values.deadlineTime ?? ''} (${t('page.vietnamTime')})`}
      </Field>
    </>,
  ];

  return (
    <div className="need-review" data-testid="need-review">
      <p className="muted">{t('wizard.reviewIntro')}</p>
      {sections.map((fields, index) => (
        <section key={NEED_STEPS[index].key} className="card need-review-part">
          <div className="page-title-row">
            <h3 id={`need-review-${index}`}>{t(`wizard.step.${NEED_STEPS[index].key}`)}</h3>
            <Button
              onClick={() => onEdit(index)}
              aria-describedby={`need-review-${index}`}
              data-testid={`need-review-edit-${NEED_STEPS[index].key}`}
            >
              {t('wizard.editStep')}
            </Button>
          </div>
          <dl className="fields">{fields}</dl>
        </section>
      ))}
    </div>
  );
}
