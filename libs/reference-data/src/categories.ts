import { readCsv, readJson } from './load';

export interface CategoryRecord {
  code: string;
  nameVi: string;
  nameEn: string;
  /** Everyday name ("Cà phê" / "Coffee"): LienKet's editorial abbreviation of the tariff text. */
  shortNameVi: string;
  shortNameEn: string;
  parentCode: string | null;
  level: 'chapter' | 'heading';
}

interface HsRow {
  hscode: string;
  description: string;
  parent: string;
  level: string;
}

interface EverydayRow {
  code: string;
  name_vi: string;
  name_en: string;
}

const vi = readJson<Record<string, string>>('hs-vi.json');
const everyday = new Map(readCsv<EverydayRow>('hs-everyday-names.csv').map((r) => [r.code, r]));

/**
 * HS chapters 01–24 and their headings: tariff wording (Vietnamese from the national tariff
 * nomenclature, English from UN Comtrade) and the everyday names people search and read.
 */
export const CATEGORIES: readonly CategoryRecord[] = readCsv<HsRow>('hs_chapters_01_24_agri_food.csv')
  .filter((r) => r.level === '2' || r.level === '4')
  .map((r) => ({
    code: r.hscode,
    nameEn: r.description,
    nameVi: vi[r.hscode] ?? r.description,
    // Every code has a row (reference-data.spec.ts checks); the tariff text is only a safety net.
    shortNameVi: everyday.get(r.hscode)?.name_vi ?? vi[r.hscode] ?? r.description,
    shortNameEn: everyday.get(r.hscode)?.name_en ?? r.description,
    parentCode: r.level === '2' ? null : r.parent,
    level: r.level === '2' ? 'chapter' : 'heading',
  }));

const byCode = new Map(CATEGORIES.map((c) => [c.code, c]));
export const findCategory = (code: string) => byCode.get(code);

/** Chapters when no parent is given, else the parent's headings. */
export function childCategories(parentCode: string | null | undefined): CategoryRecord[] {
  return CATEGORIES.filter((c) => c.parentCode === (parentCode ?? null));
}
