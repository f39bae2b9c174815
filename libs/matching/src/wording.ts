import type { Label, Labels, UnitLabel } from './matching.types';

// How sentences write numbers and names, in Vietnamese first ("12.000 kg", "4,6/5").

// Written out by hand: Intl.NumberFormat costs microseconds a number, and reasons are many.
function group(digits: string, sep: string): string {
  let out = '';
  for (let i = digits.length; i > 0; i -= 3)
    out = digits.slice(Math.max(0, i - 3), i) + (out ? sep + out : '');
  return out;
}

function format(n: number, decimals: number, thousands: string, point: string): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [whole, fraction] = fixed.split('.');
  const trimmed = fraction?.replace(/0+$/, '');
  const sign = n < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${group(whole, thousands)}${trimmed ? point + trimmed : ''}`;
}

/** One decimal at most: "4,6" / "4.6". */
export const num = (n: number): Label => ({
  vi: format(n, 1, '.', ','),
  en: format(n, 1, ',', '.'),
});
/** Whole, with thousands: "12.000" / "12,000". */
export const int = (n: number): Label => ({
  vi: format(n, 0, '.', ','),
  en: format(n, 0, ',', '.'),
});

/**
 * A share as a whole percent, rounded down below 100% so that "100%" only ever means all of it.
 */
export const percent = (share: number) =>
  share >= 1 ? 100 : Math.min(99, Math.floor(share * 100 + 1e-9));

/** Names of the unit families' base units, used when the worker passes no unit names. */
const BASE_UNITS: Record<string, UnitLabel> = {
  KGM: { nameVi: 'kg', nameEn: 'kg', symbolVi: 'kg', symbolEn: 'kg' },
  LTR: { nameVi: 'lít', nameEn: 'litres', symbolVi: 'lít', symbolEn: 'litre' },
  H87: { nameVi: 'cái', nameEn: 'pieces', symbolVi: 'cái', symbolEn: 'piece' },
};

/** The certification kinds of the reference data, as people say them. */
const CERTIFICATIONS: Record<string, Label> = {
  VietGAP: { vi: 'VietGAP', en: 'VietGAP' },
  GlobalGAP: { vi: 'GlobalGAP', en: 'GlobalGAP' },
  ORGANIC_TCVN: { vi: 'Hữu cơ TCVN', en: 'Organic (TCVN)' },
  ORGANIC_USDA: { vi: 'Hữu cơ USDA', en: 'Organic (USDA)' },
  ORGANIC_EU: { vi: 'Hữu cơ EU', en: 'Organic (EU)' },
  OCOP_3: { vi: 'OCOP 3 sao', en: 'OCOP 3-star' },
  OCOP_4: { vi: 'OCOP 4 sao', en: 'OCOP 4-star' },
  OCOP_5: { vi: 'OCOP 5 sao', en: 'OCOP 5-star' },
};

/** Labels as the sentences need them, with fallbacks. */
export class Words {
  constructor(private readonly labels: Labels) {}

  /** "0901 Cà phê" / "0901 Coffee", or the code alone when no name is known. */
  category(code: string): Label {
    const c = this.labels.category?.(code);
    return c
      ? { vi: `${code} ${c.shortNameVi}`, en: `${code} ${c.shortNameEn}` }
      : { vi: code, en: code };
  }

  certification(code: string): Label {
    return this.labels.certification?.(code) ?? CERTIFICATIONS[code] ?? { vi: code, en: code };
  }

  /** "60.000 kg" / "60,000 kg" */
  quantity(amount: number, baseUnit: string): Label {
    const u = this.unit(baseUnit);
    const n = int(Math.round(amount));
    return { vi: `${n.vi} ${u.nameVi}`, en: `${n.en} ${u.nameEn}` };
  }

  /** "48.000 đ/kg" / "48,000 VND/kg" */
  price(amount: number, baseUnit: string): Label {
    const u = this.unit(baseUnit);
    const n = int(amount);
    return { vi: `${n.vi} đ/${u.symbolVi}`, en: `${n.en} VND/${u.symbolEn}` };
  }

  private unit(code: string): UnitLabel {
    return (
      this.labels.unit?.(code) ??
      BASE_UNITS[code] ?? { nameVi: code, nameEn: code, symbolVi: code, symbolEn: code }
    );
  }
}
