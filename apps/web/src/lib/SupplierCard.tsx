import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrganizationKind } from '../gql/graphql';
import { ORG_NS } from './org-i18n';
import { isCertificationKind } from './products';
import { PRODUCTS_NS } from './products-i18n';

/**
 * An organization's logo, or without one the initials of the name's last two words:
 * "HTX Chè Tân Cương" → "TC". Public pages show verified organizations, whose logos load
 * without a token (see LogoUpload for the private case).
 */
export function OrgLogo({
  name,
  logoUrl,
  size = 'small',
}: {
  name: string;
  logoUrl?: string | null;
  size?: 'small' | 'large';
}) {
  const { t } = useTranslation(ORG_NS);
  if (logoUrl) {
    return (
      <img
        className={`org-logo org-logo-image org-logo-${size}`}
        src={logoUrl}
        alt={t('supplier.logo', { name })}
        loading="lazy"
        decoding="async"
      />
    );
  }
  const words = name.trim().split(/\s+/).filter(Boolean);
  const initials = words
    .slice(-2)
    .map((w) => w[0]?.toLocaleUpperCase('vi') ?? '')
    .join('');
  return (
    <span
      className={`org-logo org-logo-${size}`}
      role="img"
      aria-label={t('supplier.logo', { name })}
    >
      {initials}
    </span>
  );
}

/** Certification kinds as tags: "VietGAP", "OCOP 4 sao"… */
export function CertificationKindTags({ kinds }: { kinds: readonly string[] }) {
  const { t } = useTranslation(PRODUCTS_NS);
  if (kinds.length === 0) return null;
  return (
    <div className="cert-tags">
      {kinds.map((kind) => (
        <Tag key={kind} color="blue">
          {isCertificationKind(kind) ? t(`certKind.${kind}`) : kind}
        </Tag>
      ))}
    </div>
  );
}

export interface SupplierSummary {
  id: string;
  name: string;
  logoUrl?: string | null;
  /** At most 128 px, for the card (the logo itself for one stored before thumbnails). */
  logoThumbnailUrl?: string | null;
  kind: OrganizationKind;
  province: { name: string };
  productCount: number;
  certifications: { kind: string }[];
}

/** One directory result; the name links to the supplier page. Names are rendered as text. */
export function SupplierCard({ supplier }: { supplier: SupplierSummary }) {
  const { t } = useTranslation(ORG_NS);
  const { t: tMain } = useTranslation();
  return (
    <li className="supplier-card" data-testid="supplier-result" data-org-id={supplier.id}>
      <OrgLogo name={supplier.name} logoUrl={supplier.logoThumbnailUrl ?? supplier.logoUrl} />
      <div className="supplier-card-body">
        <h3 className="supplier-card-name">
          <Link to={`/nha-cung-cap/${supplier.id}`} data-testid="supplier-link">
            {supplier.name}
          </Link>
        </h3>
        <p className="supplier-card-meta">
          {tMain(`kind.${supplier.kind}`)} · {supplier.province.name}
        </p>
        <p className="supplier-card-products" data-testid="supplier-product-count">
          {supplier.productCount > 0
            ? t('directory.products', { count: supplier.productCount })
            : t('directory.noProducts')}
        </p>
        <CertificationKindTags kinds={supplier.certifications.map((c) => c.kind)} />
      </div>
    </li>
  );
}
