import type { Labels, NeedSpec, Offer, SupplierRecord, TrackRecord } from '../matching.types';

// Hand-made cases: a few provinces at known distances, names for the sentences.

/** Road-free, round distances between a few provinces' centres (km), symmetric. */
const TABLE: Record<string, number> = {
  '66-68': 150, // Đắk Lắk – Lâm Đồng
  '52-66': 180, // Gia Lai – Đắk Lắk
  '52-68': 320,
  '66-79': 300, // Đắk Lắk – Hồ Chí Minh
  '68-79': 220,
  '52-79': 480,
  '01-66': 1100, // Hà Nội – Đắk Lắk
  '01-68': 1200,
  '01-52': 1000,
  '01-79': 1150,
};

export function tableKm(a: string, b: string): number {
  if (a === b) return 0;
  const d = TABLE[a < b ? `${a}-${b}` : `${b}-${a}`];
  if (d === undefined) throw new Error(`no distance between ${a} and ${b} in the test table`);
  return d;
}

const CATEGORY_NAMES: Record<string, [string, string]> = {
  '09': ['Cà phê, chè, gia vị', 'Coffee, tea and spices'],
  '0901': ['Cà phê', 'Coffee'],
  '0902': ['Chè (trà)', 'Tea'],
  '0904': ['Hồ tiêu, ớt', 'Pepper and chilli'],
};

export const LABELS: Labels = {
  category: (code) => {
    const n = CATEGORY_NAMES[code];
    return n && { shortNameVi: n[0], shortNameEn: n[1] };
  },
  unit: (code) =>
    code === 'KGM' ? { nameVi: 'kg', nameEn: 'kg', symbolVi: 'kg', symbolEn: 'kg' } : undefined,
};

/** 1–31 March 2027: exactly one month. */
export function need(over: Partial<NeedSpec> = {}): NeedSpec {
  return {
    needId: 'need-1',
    buyerOrgId: 'buyer-1',
    categoryCode: '0901',
    quantity: 100_000,
    baseUnit: 'KGM',
    deliveryFrom: '2027-03-01',
    deliveryTo: '2027-03-31',
    provinceCode: '79',
    requiredCertifications: [],
    targetUnitPrice: null,
    ...over,
  };
}

let listing = 0;
export function offer(over: Partial<Offer> = {}): Offer {
  listing++;
  return {
    listingId: `l-${String(listing).padStart(4, '0')}`,
    organizationId: 'org-a',
    headingCode: '0901',
    provinceCode: '79',
    baseUnit: 'KGM',
    monthlyCapacity: 100_000,
    harvestMonths: [],
    certifications: [],
    priceMin: null,
    priceMax: null,
    ...over,
  };
}

export function track(over: Partial<TrackRecord> = {}): TrackRecord {
  return {
    completedContracts: 0,
    onTimeRate: null,
    fillRate: null,
    averageRating: null,
    contractsByBuyer: {},
    ...over,
  };
}

export function supplier(
  organizationId: string,
  over: Partial<SupplierRecord> = {},
): SupplierRecord {
  return { organizationId, provinceCode: '79', suspended: false, track: track(), ...over };
}
