import { readJson } from './load';

export interface UnitRecord {
  /** UN/CEFACT Rec. 20 code where one exists; `YEN` (10 kg) is a Vietnamese market unit without one. */
  code: string;
  nameVi: string;
  nameEn: string;
  symbol: string;
  /** The unit this one converts to, and how many of it one of this makes (exact decimal string). */
  baseCode: string;
  factor: string;
}

const unece = readJson<Record<string, { name_en: string; symbol_en: string }>>('unece-units.json');
const en = (code: string) => unece[code]?.name_en ?? code;

/** Units traded on Vietnamese agricultural markets, with conversions to a base unit. */
export const UNITS: readonly UnitRecord[] = [
  { code: 'KGM', nameVi: 'kg', nameEn: en('KGM'), symbol: 'kg', baseCode: 'KGM', factor: '1' },
  { code: 'YEN', nameVi: 'yến (10 kg)', nameEn: 'yen (10 kg)', symbol: 'yến', baseCode: 'KGM', factor: '10' },
  { code: 'DTN', nameVi: 'tạ (100 kg)', nameEn: 'quintal (decitonne, 100 kg)', symbol: 'tạ', baseCode: 'KGM', factor: '100' },
  { code: 'TNE', nameVi: 'tấn', nameEn: en('TNE'), symbol: 't', baseCode: 'KGM', factor: '1000' },
  { code: 'GRM', nameVi: 'gam', nameEn: en('GRM'), symbol: 'g', baseCode: 'KGM', factor: '0.001' },
  { code: 'LTR', nameVi: 'lít', nameEn: en('LTR'), symbol: 'l', baseCode: 'LTR', factor: '1' },
  { code: 'MLT', nameVi: 'ml', nameEn: en('MLT'), symbol: 'ml', baseCode: 'LTR', factor: '0.001' },
  { code: 'H87', nameVi: 'cái', nameEn: en('H87'), symbol: 'cái', baseCode: 'H87', factor: '1' },
  { code: 'BX', nameVi: 'thùng', nameEn: en('BX'), symbol: 'thùng', baseCode: 'BX', factor: '1' },
  { code: 'BG', nameVi: 'bao', nameEn: en('BG'), symbol: 'bao', baseCode: 'BG', factor: '1' },
  { code: 'BO', nameVi: 'chai', nameEn: en('BO'), symbol: 'chai', baseCode: 'BO', factor: '1' },
  { code: 'PA', nameVi: 'gói', nameEn: en('PA'), symbol: 'gói', baseCode: 'PA', factor: '1' },
];

const byCode = new Map(UNITS.map((u) => [u.code, u]));
export const findUnit = (code: string) => byCode.get(code);
