import { useTranslation } from 'react-i18next';
import { formatDay } from './datetime';
import { useLanguage } from './i18n';
import { ORG_NS } from './org-i18n';
import { isCertificationKind } from './products';
import { PRODUCTS_NS } from './products-i18n';

export interface CertificationFacts {
  kind: string;
  issuer?: string | null;
  validUntil?: string | null;
  expired: boolean;
}

/** Certifications with issuer and expiry, as a supplier or product page shows them. */
export function CertificationList({
  certifications,
  empty,
}: {
  certifications: readonly CertificationFacts[];
  empty: string;
}) {
  const { t } = useTranslation(ORG_NS);
  const { t: tProducts } = useTranslation(PRODUCTS_NS);
  const language = useLanguage();
  if (certifications.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="cert-list" data-testid="certification-list">
      {certifications.map((c, index) => (
        <li key={`${c.kind}-${index}`} data-testid="certification" data-kind={c.kind}>
          <span>
            <strong>
              {isCertificationKind(c.kind) ? tProducts(`certKind.${c.kind}`) : c.kind}
            </strong>
            {c.issuer && (
              <span className="muted"> · {t('supplier.issuer', { issuer: c.issuer })}</span>
            )}
          </span>
          <span className={c.expired ? 'muted' : undefined} data-testid="certification-expiry">
            {c.validUntil
              ? t('supplier.validUntil', { date: formatDay(c.validUntil, language) })
              : t('supplier.noExpiry')}
            {c.expired && ` (${tProducts('card.expired')})`}
          </span>
        </li>
      ))}
    </ul>
  );
}
