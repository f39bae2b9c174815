import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { NeedDetailFieldsFragment } from '../gql/graphql';
import { formatDay } from './datetime';
import { Field } from './Field';
import { useLanguage } from './i18n';
import { NEEDS_NS } from './needs-i18n';
import { formatAmount, formatQuantity, isCertificationKind } from './products';
import { PRODUCTS_NS } from './products-i18n';

/** Everything a need says about itself: the need page and the moderators' review show it alike. */
export const NeedDetailFields = graphql(`
  fragment NeedDetailFields on ProcurementNeed {
    ...NeedSummaryFields
    description
    category {
      code
      name
    }
    targetUnitPrice {
      amount
      currency
    }
    requiredCertifications
    allowPartial
    attachments {
      ...NeedAttachmentFields
    }
  }
`);

type Need = NeedDetailFieldsFragment;

/** `withBuyer` false: the page names the buyer itself (the console links it to the desk). */
export function NeedFacts({ need, withBuyer = true }: { need: Need; withBuyer?: boolean }) {
  const { t } = useTranslation(NEEDS_NS);
  const { t: tProducts } = useTranslation(PRODUCTS_NS);
  const language = useLanguage();
  return (
    <dl className="fields">
      {withBuyer && (
        <Field label={t('page.buyer')}>
          <span data-testid="need-buyer">{need.buyer.name}</span>
        </Field>
      )}
      <Field label={t('page.category')}>
        <span data-testid="need-category">{need.category.shortName}</span>
        {/* The tariff wording, for buyers and suppliers who check it against customs papers. */}
        <span className="category-tariff">
          {t('page.hsCode', { code: need.category.code })} — {need.category.name}
        </span>
      </Field>
      <Field label={t('page.quantity')}>
        <span data-testid="need-quantity">
          {formatQuantity(need.quantity, language)} {need.unit.name}
        </span>
        <span className="category-tariff">
          {need.allowPartial ? t('page.partialAllowed') : t('page.wholeOnly')}
        </span>
      </Field>
      <Field label={t('page.targetPrice')}>
        <span data-testid="need-target-price">
          {need.targetUnitPrice
            ? t('page.price', {
                amount: formatAmount(need.targetUnitPrice.amount, language),
                unit: need.unit.symbol,
              })
            : t('page.noTargetPrice')}
        </span>
      </Field>
      <Field label={t('page.province')}>
        <span data-testid="need-province">{need.deliveryProvince.name}</span>
      </Field>
      <Field label={t('page.window')}>
        <span data-testid="need-window">
          {t('card.window', {
            from: formatDay(need.deliveryFrom, language),
            to: formatDay(need.deliveryTo, language),
          })}
        </span>
      </Field>
      <Field label={t('page.certifications')}>
        {need.requiredCertifications.length > 0 ? (
          <span className="cert-tags" data-testid="need-certifications">
            {need.requiredCertifications.map((kind) => (
              <span key={kind} className="cert-tag cert-tag-blue">
                {isCertificationKind(kind) ? tProducts(`certKind.${kind}`) : kind}
              </span>
            ))}
          </span>
        ) : (
          t('page.noCertifications')
        )}
      </Field>
    </dl>
  );
}
