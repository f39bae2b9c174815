import type { Mail } from '../mail/mailer.service';
import { link, toMail } from '../mail/templates';

export interface ExpiringCertification {
  productId: string;
  productName: string;
  kind: string;
  issuer: string | null;
  /** YYYY-MM-DD, the last valid day. */
  validUntil: string;
  daysLeft: number;
}
export interface ExpiryRecipient {
  userId: string;
  email: string;
  name: string;
  locale: 'VI' | 'EN';
}

/** The certification kinds of the reference data, as people say them. */
const KIND_NAMES: Record<string, [vi: string, en: string]> = {
  VietGAP: ['VietGAP', 'VietGAP'],
  GlobalGAP: ['GlobalGAP', 'GlobalGAP'],
  ORGANIC_TCVN: ['Hữu cơ TCVN', 'Organic (TCVN)'],
  ORGANIC_USDA: ['Hữu cơ USDA', 'Organic (USDA)'],
  ORGANIC_EU: ['Hữu cơ EU', 'Organic (EU)'],
  OCOP_3: ['OCOP 3 sao', 'OCOP 3-star'],
  OCOP_4: ['OCOP 4 sao', 'OCOP 4-star'],
  OCOP_5: ['OCOP 5 sao', 'OCOP 5-star'],
};

function words(c: ExpiringCertification, vi: boolean) {
  const kind = KIND_NAMES[c.kind]?.[vi ? 0 : 1] ?? c.kind;
  const [y, m, d] = c.validUntil.split('-');
  const date = vi ? `${d}/${m}/${y}` : c.validUntil;
  const issuer = c.issuer ? (vi ? ` (cấp bởi ${c.issuer})` : ` (issued by ${c.issuer})`) : '';
  const when = c.daysLeft === 0 ? (vi ? 'hôm nay' : 'today') : vi ? `sau ${c.daysLeft} ngày, ngày ${date}` : `in ${c.daysLeft} days, on ${date}`;
  return {
    title: vi ? `Chứng nhận ${kind} của "${c.productName}" sắp hết hạn` : `The ${kind} certificate of "${c.productName}" expires soon`,
    body: vi
      ? `Chứng nhận ${kind}${issuer} của sản phẩm "${c.productName}" hết hạn ${when}. Sau ngày đó chứng nhận không còn được tính khi người mua tìm kiếm và ghép nối. Hãy gia hạn và cập nhật ngày hết hạn mới cho sản phẩm.`
      : `The ${kind} certificate${issuer} of "${c.productName}" expires ${when}. After that day it no longer counts in buyers' searches and matching. Renew it and update the listing with the new expiry date.`,
  };
}

/** The in-app notice: it links to the listing's editor. */
export function expiryNotice(c: ExpiringCertification, r: ExpiryRecipient) {
  return { ...words(c, r.locale !== 'EN'), link: `/san-pham/${c.productId}` };
}

export function expiryMail(c: ExpiringCertification, r: ExpiryRecipient, publicUrl: string): Mail {
  const vi = r.locale !== 'EN';
  const { title, body } = words(c, vi);
  return toMail(r.email, `LienKet: ${title}`, [
    vi ? `Chào ${r.name},` : `Hello ${r.name},`,
    body,
    link(vi ? 'Cập nhật sản phẩm' : 'Update the listing', `${publicUrl}/san-pham/${c.productId}`),
    vi ? 'Trân trọng,\nĐội ngũ LienKet' : 'Kind regards,\nThe LienKet team',
  ]);
}
