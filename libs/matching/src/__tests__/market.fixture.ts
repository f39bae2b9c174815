import type { HeldCertification, NeedSpec, Offer, SupplierRecord } from '../matching.types';

// A synthetic market with a realistic spread: headings of unequal popularity, each grown mostly in
// a few home provinces; cooperatives with a few listings near home; coarse capacities, prices and
// ratings so that equal scores (and so the tie-break) really occur. Seeded: the same every run.

/** mulberry32: small, fast, good enough to spread a test market. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  /** Index i drawn with weight 1/(i+1): a few popular items, a long tail. */
  const zipf = <T>(xs: readonly T[]) => {
    const total = xs.reduce((s, _x, i) => s + 1 / (i + 1), 0);
    let r = next() * total;
    for (let i = 0; i < xs.length; i++) if ((r -= 1 / (i + 1)) <= 0) return xs[i];
    return xs[xs.length - 1];
  };
  return { next, int, pick, zipf, chance: (p: number) => next() < p };
}
export type Prng = ReturnType<typeof prng>;

/** The 34 provinces' administrative centres, roughly (lat, lon). */
export const CENTRES: Record<string, [number, number]> = {
  '01': [21.03, 105.85],
  '04': [22.67, 106.26],
  '08': [21.82, 105.21],
  '11': [21.39, 103.02],
  '12': [22.4, 103.46],
  '14': [21.33, 103.91],
  '15': [21.72, 104.91],
  '19': [21.59, 105.85],
  '20': [21.85, 106.76],
  '22': [20.95, 107.08],
  '24': [21.27, 106.19],
  '25': [21.32, 105.4],
  '31': [20.86, 106.68],
  '33': [20.65, 106.05],
  '37': [20.25, 105.97],
  '38': [19.81, 105.78],
  '40': [18.68, 105.68],
  '42': [18.34, 105.9],
  '44': [17.47, 106.62],
  '46': [16.46, 107.59],
  '48': [16.05, 108.2],
  '51': [15.12, 108.8],
  '52': [13.78, 109.22],
  '56': [12.24, 109.19],
  '66': [12.67, 108.04],
  '68': [11.94, 108.44],
  '75': [10.95, 106.82],
  '79': [10.78, 106.7],
  '80': [10.54, 106.41],
  '82': [10.36, 106.36],
  '86': [10.25, 105.97],
  '91': [10.01, 105.08],
  '92': [10.03, 105.78],
  '96': [9.18, 105.15],
};
export const PROVINCES = Object.keys(CENTRES);

export function haversineKm(a: string, b: string): number {
  const [la1, lo1] = CENTRES[a];
  const [la2, lo2] = CENTRES[b];
  const rad = Math.PI / 180;
  const h =
    Math.sin(((la2 - la1) * rad) / 2) ** 2 +
    Math.cos(la1 * rad) * Math.cos(la2 * rad) * Math.sin(((lo2 - lo1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Headings, most traded first, with their home provinces and a typical price (VND/kg). */
const HEADINGS: readonly [heading: string, home: string[], price: number][] = [
  ['0901', ['66', '68', '52'], 55_000],
  ['1006', ['91', '82', '92', '86', '96'], 12_000],
  ['0904', ['52', '66', '75'], 90_000],
  ['0801', ['75', '66', '80'], 35_000],
  ['0810', ['80', '82', '33', '92'], 25_000],
  ['0902', ['08', '19', '25', '68'], 80_000],
  ['0804', ['82', '56', '92'], 20_000],
  ['0805', ['86', '42', '08'], 18_000],
  ['0803', ['75', '37', '24'], 10_000],
  ['1005', ['14', '52', '66'], 7_000],
  ['0714', ['38', '52', '86'], 8_000],
  ['0910', ['40', '15', '66'], 30_000],
  ['0906', ['15', '51', '38'], 45_000],
  ['0709', ['68', '33', '01'], 15_000],
  ['0702', ['68', '01', '37'], 14_000],
  ['1202', ['40', '38', '80'], 30_000],
  ['0703', ['56', '22', '91'], 28_000],
  ['0908', ['15', '12'], 200_000],
];
const CERTS = ['VietGAP', 'GlobalGAP', 'ORGANIC_TCVN', 'OCOP_3', 'OCOP_4'];
const CITIES = ['79', '01', '48', '31', '92', '75'];

export interface Market {
  suppliers: SupplierRecord[];
  offers: Offer[];
  /** Buyer organizations; suppliers have repeat business with a few of them. */
  buyers: string[];
}

/** About one buyer per 40 suppliers: a buyer has repeat business with a few dozen of them. */
export function generateMarket(r: Prng, supplierCount: number): Market {
  const buyers = Array.from(
    { length: Math.max(10, Math.round(supplierCount / 40)) },
    (_v, i) => `buyer-${i}`,
  );
  const suppliers: SupplierRecord[] = [];
  const offers: Offer[] = [];
  for (let s = 0; s < supplierCount; s++) {
    const id = `org-${String(s).padStart(5, '0')}`;
    const [heading, home, price] = r.zipf(HEADINGS);
    const province = r.chance(0.75) ? r.pick(home) : r.pick(PROVINCES);
    suppliers.push(supplierRecord(r, id, province, buyers));
    for (let n = r.int(1, 5); n > 0; n--)
      offers.push(newOffer(r, id, province, r.chance(0.7) ? heading : r.zipf(HEADINGS)[0], price));
  }
  return { suppliers, offers, buyers };
}

export function supplierRecord(
  r: Prng,
  organizationId: string,
  provinceCode: string,
  buyers: readonly string[],
): SupplierRecord {
  const newcomer = r.chance(0.3);
  const contractsByBuyer: Record<string, number> = {};
  if (!newcomer)
    for (let n = r.int(0, 3); n > 0; n--) contractsByBuyer[r.pick(buyers)] = r.int(1, 4);
  const rate = () => (r.chance(0.2) ? null : r.int(5, 10) / 10);
  return {
    organizationId,
    provinceCode,
    suspended: r.chance(0.03),
    track: {
      completedContracts: newcomer ? 0 : r.int(1, 40),
      onTimeRate: newcomer ? null : rate(),
      fillRate: newcomer ? null : rate(),
      averageRating: newcomer || r.chance(0.2) ? null : r.int(6, 10) / 2,
      contractsByBuyer,
    },
  };
}

let listings = 0;
export function newOffer(
  r: Prng,
  organizationId: string,
  home: string,
  headingCode: string,
  price: number,
): Offer {
  const low = r.chance(0.2) ? null : Math.round((price * r.int(7, 13)) / 10 / 1000) * 1000;
  const start = r.int(1, 12);
  return {
    listingId: `lst-${String(listings++).padStart(6, '0')}`,
    organizationId,
    headingCode,
    provinceCode: r.chance(0.9) ? home : r.pick(PROVINCES),
    baseUnit: r.chance(0.98) ? 'KGM' : 'LTR',
    monthlyCapacity: r.pick([0, 500, 1_000, 2_000, 5_000, 5_000, 10_000, 20_000, 50_000, 100_000]),
    harvestMonths: r.chance(0.4)
      ? []
      : Array.from({ length: r.int(2, 6) }, (_v, i) => ((start + i - 1) % 12) + 1),
    certifications: certifications(r),
    priceMin: low,
    priceMax: low === null ? (r.chance(0.5) ? price : null) : low + r.int(0, 3) * 1000,
  };
}

function certifications(r: Prng): HeldCertification[] {
  const held: HeldCertification[] = [];
  for (const code of CERTS) {
    if (!r.chance(0.3)) continue;
    held.push({
      code,
      validUntil: r.chance(0.2)
        ? null
        : `${r.int(2026, 2028)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`,
    });
  }
  return held;
}

export function generateNeed(r: Prng, i: number, buyers: readonly string[]): NeedSpec {
  const [heading] = r.zipf(HEADINGS);
  const from = new Date(Date.UTC(r.int(2026, 2027), r.int(0, 11), r.int(1, 28)));
  const to = new Date(from.getTime() + r.int(0, 150) * 86_400_000);
  const required = r.chance(0.6)
    ? []
    : r.chance(0.75)
      ? [r.pick(CERTS)]
      : [r.pick(CERTS), r.pick(CERTS)];
  return {
    needId: `need-${i}`,
    buyerOrgId: r.pick(buyers),
    categoryCode: r.chance(0.2) ? heading.slice(0, 2) : heading,
    quantity: r.pick([1_000, 5_000, 20_000, 50_000, 100_000, 300_000, 1_000_000]),
    baseUnit: 'KGM',
    deliveryFrom: from.toISOString().slice(0, 10),
    deliveryTo: to.toISOString().slice(0, 10),
    provinceCode: r.chance(0.6) ? r.pick(CITIES) : r.pick(PROVINCES),
    requiredCertifications: [...new Set(required)],
    targetUnitPrice: r.chance(0.3) ? null : r.int(5, 200) * 1000,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
