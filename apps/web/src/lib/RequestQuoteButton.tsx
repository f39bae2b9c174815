import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrganizationKind, useSignedIn } from './auth';
import { ORG_NS } from './org-i18n';

/** The query parameter of a new need that invites one supplier (read by NeedAudience's prefill). */
export const INVITE_PARAM = 'nha-cung-cap';

/** A new need inviting `supplierId`, in `categoryCode` when a product page asks. */
export function invitePrefillUrl(supplierId: string, categoryCode?: string | null): string {
  const params = new URLSearchParams({ [INVITE_PARAM]: supplierId });
  if (categoryCode) params.set('nhom', categoryCode);
  return `/nhu-cau/moi?${params.toString()}`;
}

/**
 * "Yêu cầu báo giá" on a cooperative's product or page: an enterprise opens the need wizard
 * prefilled as INVITED for that supplier; a visitor signs in first and lands there after; a
 * cooperative (which does not buy) and platform staff see nothing. Only cooperatives take invitations.
 */
export function RequestQuoteButton({
  supplierId,
  supplierKind,
  categoryCode,
  verified = true,
}: {
  supplierId: string;
  supplierKind: string;
  categoryCode?: string | null;
  /** Only verified cooperatives can be invited (a public listing's organization always is). */
  verified?: boolean;
}) {
  const { t } = useTranslation(ORG_NS);
  const signedIn = useSignedIn();
  const kind = useOrganizationKind();
  if (supplierKind !== 'COOPERATIVE' || !verified) return null;
  if (signedIn && kind !== 'ENTERPRISE') return null;
  const to = invitePrefillUrl(supplierId, categoryCode);
  return (
    <Link
      to={signedIn ? to : '/dang-nhap'}
      state={signedIn ? undefined : { from: to }}
      className="link-button link-button-primary"
      data-testid="request-quote"
    >
      {signedIn ? t('requestQuote.button') : t('requestQuote.signIn')}
    </Link>
  );
}
