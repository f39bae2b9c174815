import { readCsv } from './load';

export interface UnitRecord {
  /** UN/CEFACT Rec. 20 code where one exists; `YEN` (10 kg) is a Vietnamese market unit without one. */
  code: string;
  /** How the unit reads in a sentence ("60 tấn / tháng"), never a code or an SI symbol ("t"). */
  nameVi: string;
  nameEn: string;
  /** How it follows a price ("25.000 đ/kg"). */
  symbolVi: string;
  symbolEn: string;
  /** The unit this one converts to, and how many of it one of this makes (exact decimal string). */
  baseCode: string;
  factor: string;
}

// The written forms are data (data/unit-names.csv, with its source in data/SOURCES.md); the
// conversions are the UN/CEFACT definitions, kept here beside the codes they belong to.
const CONVERSIONS: readonly (readonly [code: string, baseCode: string, factor: string])[] = [
  ['KGM', 'KGM', '1'],
  ['YEN', 'KGM', '10'],
  ['DTN', 'KGM', '100'],
  ['TNE', 'KGM', '1000'],
  ['GRM', 'KGM', '0.001'],
  ['LTR', 'LTR', '1'],
  ['MLT', 'LTR', '0.001'],
  ['H87', 'H87', '1'],
  ['BX', 'BX', '1'],
  ['BG', 'BG', '1'],
  ['BO', 'BO', '1'],
  ['PA', 'PA', '1'],
];

interface UnitNameRow {
  code: string;
  name_vi: string;
  symbol_vi: string;
  name_en: string;
  symbol_en: string;
}
const names = new Map(readCsv<UnitNameRow>('unit-names.csv').map((r) => [r.code, r]));

/** Units traded on Vietnamese agricultural markets, with conversions to a base unit. */
export const UNITS: readonly UnitRecord[] = CONVERSIONS.map(([code, baseCode, factor]) => {
  const n = names.get(code);
  if (!n) throw new Error(`unit-names.csv has no row for unit ${code}`);
  return { code, nameVi: n.name_vi, nameEn: n.name_en, symbolVi: n.symbol_vi, symbolEn: n.symbol_en, baseCode, factor };
});

const byCode = new Map(UNITS.map((u) => [u.code, u]));
export const findUnit = (code: string) => byCode.get(code);

/** Whether a price per `priceUnit` can be read against quantities in `unit` (both weigh, or both are litres…). */
export const sameBase = (unit: UnitRecord, priceUnit: UnitRecord) => unit.baseCode === priceUnit.baseCode;
