import type { ListingStatus } from '../gql/graphql';

/** The certification kinds the server accepts (ProductInput / ProductFilter). */
export const CERTIFICATION_KINDS = [
  'VietGAP',
  'GlobalGAP',
  'ORGANIC_TCVN',
  'ORGANIC_USDA',
  'ORGANIC_EU',
  'OCOP_3',
  'OCOP_4',
  'OCOP_5',
] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];

export function isCertificationKind(kind: string): kind is CertificationKind {
  return (CERTIFICATION_KINDS as readonly string[]).includes(kind);
}

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** Tag colour of a listing status. */
export const LISTING_STATUS_COLOR: Record<ListingStatus, string> = {
  DRAFT: 'default',
  PENDING_REVIEW: 'gold',
  APPROVED: 'green',
  REJECTED: 'red',
  ARCHIVED: 'default',
};

// VND has no minor unit; vi-VN groups with dots ("95.000 ₫"), which is what buyers read on invoices.
const vnd = new Intl.NumberFormat('vi-VN', {
  style: 'currency',
  currency: 'VND',
  maximumFractionDigits: 0,
});

/**
 * Formats a Decimal amount in VND. Whole amounts go through BigInt so that large ones keep every
 * digit; the server only stores whole VND, the fallback is for anything unexpected.
 */
export function formatVnd(amount: string): string {
  return /^-?\d+$/.test(amount) ? vnd.format(BigInt(amount)) : vnd.format(Number(amount));
}

const amounts = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
};

/** A whole VND amount with its thousands grouped as the reader writes them ("25.000" / "25,000"), without a currency. */
export function formatAmount(amount: string, language: 'vi' | 'en'): string {
  return /^\d+$/.test(amount) ? amounts[language].format(BigInt(amount)) : amount;
}

const quantity = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 }),
};

/** A Decimal quantity for reading, "2,5" in Vietnamese; quantities are small enough for a float. */
export function formatQuantity(value: string, language: 'vi' | 'en'): string {
  const number = Number(value);
  return Number.isFinite(number) ? quantity[language].format(number) : value;
}

const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * What a person typed as a positive decimal ("2,5", " 20 ") as the API's Decimal string ("2.5"),
 * or null when it is not one. Vietnamese writes the decimal comma; a dot is accepted too.
 */
export function toDecimal(text: string | undefined | null): string | null {
  const value = (text ?? '').trim().replace(',', '.');
  if (!DECIMAL.test(value) || /^0+(\.0+)?$/.test(value)) return null;
  return value;
}

/** `value` × 1000 as a Decimal string, exactly (tonnes to kilograms for the capacity filter). */
export function timesThousand(value: string): string {
  const [whole = '0', fraction = ''] = value.split('.');
  const shifted = `${whole}${fraction.padEnd(3, '0').slice(0, 3)}`;
  const rest = fraction.slice(3);
  const integer = shifted.replace(/^0+(?=\d)/, '');
  return rest ? `${integer}.${rest}` : integer;
}

/** A whole VND amount typed with or without separators ("95.000", "95 000") or null. */
export function toVndAmount(text: string | undefined | null): string | null {
  const value = (text ?? '').replace(/[\s.,]/g, '');
  return /^\d+$/.test(value) ? value.replace(/^0+(?=\d)/, '') : null;
}
