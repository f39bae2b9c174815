import { readCsv, readJson } from './load';

export interface ProvinceRecord {
  code: string;
  name: string;
  nameEn: string;
  fullName: string;
  fullNameEn: string;
  unitType: string;
  wardCount: number;
  formedFrom: string;
}
export interface WardRecord {
  code: string;
  provinceCode: string;
  name: string;
}

interface ProvinceRow {
  code: string;
  name: string;
  name_en: string;
  full_name: string;
  full_name_en: string;
  unit_type: string;
  ward_count: string;
  formed_from: string;
}

/** The 34 provincial-level units in force since 1 July 2025, with their official codes. */
export const PROVINCES: readonly ProvinceRecord[] = readCsv<ProvinceRow>('provinces_34.csv').map((r) => ({
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  fullName: r.full_name,
  fullNameEn: r.full_name_en,
  unitType: r.unit_type,
  wardCount: Number(r.ward_count),
  formedFrom: r.formed_from,
}));

const byCode = new Map(PROVINCES.map((p) => [p.code, p]));
export const findProvince = (code: string) => byCode.get(code);

let wards: Map<string, WardRecord> | undefined;
let wardsByProvince: Map<string, WardRecord[]> | undefined;
function allWards(): Map<string, WardRecord> {
  wards ??= new Map(
    readJson<[string, string, string][]>('wards.json').map(([c, p, n]) => [c, { code: c, provinceCode: p, name: n }]),
  );
  return wards;
}

/** The 3,321 wards (communes) after the 2025 merger; loaded on first use. */
export function findWard(code: string): WardRecord | undefined {
  return allWards().get(code);
}

/** The wards of one province, in the order of their official codes. */
export function wardsOfProvince(provinceCode: string): readonly WardRecord[] {
  if (!wardsByProvince) {
    wardsByProvince = new Map();
    for (const w of allWards().values()) {
      const list = wardsByProvince.get(w.provinceCode) ?? [];
      list.push(w);
      wardsByProvince.set(w.provinceCode, list);
    }
    for (const list of wardsByProvince.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  }
  return wardsByProvince.get(provinceCode) ?? [];
}
