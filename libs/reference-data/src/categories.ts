import { readCsv, readJson } from './load';

export interface CategoryRecord {
  code: string;
  nameVi: string;
  nameEn: string;
  parentCode: string | null;
  level: 'chapter' | 'heading';
}

interface HsRow {
  hscode: string;
  description: string;
  parent: string;
  level: string;
}

const vi = readJson<Record<string, string>>('hs-vi.json');

/** HS chapters 01–24 and their headings, Vietnamese names from the national tariff nomenclature. */
export const CATEGORIES: readonly CategoryRecord[] = readCsv<HsRow>('hs_chapters_01_24_agri_food.csv')
  .filter((r) => r.level === '2' || r.level === '4')
  .map((r) => ({
    code: r.hscode,
    nameEn: r.description,
    nameVi: vi[r.hscode] ?? r.description,
    parentCode: r.level === '2' ? null : r.parent,
    level: r.level === '2' ? 'chapter' : 'heading',
  }));

const byCode = new Map(CATEGORIES.map((c) => [c.code, c]));
export const findCategory = (code: string) => byCode.get(code);

/** Chapters when no parent is given, else the parent's headings. */
export function childCategories(parentCode: string | null | undefined): CategoryRecord[] {
  return CATEGORIES.filter((c) => c.parentCode === (parentCode ?? null));
}
