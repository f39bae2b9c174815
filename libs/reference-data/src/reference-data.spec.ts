import { CATEGORIES, childCategories, findCategory } from './categories';
import { findProvince, findWard, PROVINCES } from './provinces';
import { normalizeTaxCode } from './tax-code';
import { toUnit } from './reference.types';
import { findUnit, UNITS } from './units';
import { readCsv } from './load';

describe('reference data', () => {
  it('has exactly the 34 provincial units in force since 1 July 2025', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(34);
    expect(findProvince('01')?.name).toBe('Hà Nội');
    expect(findProvince('66')?.name).toBe('Đắk Lắk');
    expect(findProvince('02')).toBeUndefined(); // Hà Giang merged into Tuyên Quang (08)
  });

  it('knows the wards of the new provinces', () => {
    expect(findWard('00004')).toEqual({ code: '00004', provinceCode: '01', name: 'Phường Ba Đình' });
  });

  it('has HS chapters 01–24 with Vietnamese and English names, and their headings', () => {
    const chapters = childCategories(null);
    expect(chapters.map((c) => c.code)).toEqual(Array.from({ length: 24 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(CATEGORIES.filter((c) => c.level === 'heading')).toHaveLength(199);
    expect(findCategory('0901')).toMatchObject({ parentCode: '09', nameEn: expect.stringMatching(/^Coffee/) });
    expect(findCategory('0901')?.nameVi).toMatch(/^Cà phê/);
    expect(childCategories('09').map((c) => c.code)).toContain('0904');
  });

  it('gives every chapter and heading a short everyday name in both languages', () => {
    const everyday = readCsv<{ code: string; name_vi: string; name_en: string }>('hs-everyday-names.csv');
    expect(everyday.map((r) => r.code).sort()).toEqual(CATEGORIES.map((c) => c.code).sort());
    for (const c of CATEGORIES) {
      expect(c.shortNameVi.length).toBeGreaterThan(0);
      expect(c.shortNameEn.length).toBeGreaterThan(0);
      // Short enough for a card or a picker row; the tariff text stays as the secondary detail.
      expect({ code: c.code, length: Math.max(c.shortNameVi.length, c.shortNameEn.length) <= 60 }).toEqual({ code: c.code, length: true });
      expect(c.shortNameVi).toBe(c.shortNameVi.normalize('NFC'));
    }
    expect(findCategory('0901')).toMatchObject({ shortNameVi: 'Cà phê', shortNameEn: 'Coffee' });
    expect(findCategory('1006')).toMatchObject({ shortNameVi: 'Lúa gạo', shortNameEn: 'Rice' });
  });

  it('converts Vietnamese market units to kilograms exactly', () => {
    expect(UNITS.map((u) => u.nameVi)).toEqual(expect.arrayContaining(['kg', 'tấn', 'tạ', 'yến', 'lít', 'cái', 'thùng']));
    expect(findUnit('TNE')).toMatchObject({ baseCode: 'KGM', factor: '1000' });
    expect(findUnit('DTN')?.factor).toBe('100');
  });

  it('writes units as people write them, in both languages, never a bare code or "t"', () => {
    expect(toUnit(findUnit('TNE')!, 'vi')).toMatchObject({ name: 'tấn', symbol: 'tấn', label: 'tấn (1.000 kg)' });
    expect(toUnit(findUnit('TNE')!, 'en')).toMatchObject({ name: 'tonnes', symbol: 'tonne', label: 'tonnes (1,000 kg)' });
    expect(toUnit(findUnit('DTN')!, 'vi')).toMatchObject({ name: 'tạ', label: 'tạ (100 kg)' });
    expect(toUnit(findUnit('KGM')!, 'vi')).toMatchObject({ name: 'kg', symbol: 'kg', label: 'kg' });
    for (const u of UNITS) {
      for (const lang of ['vi', 'en'] as const) {
        const shown = toUnit(u, lang);
        expect([shown.name, shown.symbol]).not.toContain(u.code);
        expect(shown.symbol).not.toBe('t');
      }
    }
  });

  it('validates tax codes with their check digit and branch suffix', () => {
    expect(normalizeTaxCode('0300588569')).toBe('0300588569'); // Vinamilk
    expect(normalizeTaxCode('0101248141')).toBe('0101248141'); // FPT
    expect(normalizeTaxCode('0101248141-001')).toBe('0101248141-001');
    expect(normalizeTaxCode('0101248141001')).toBe('0101248141-001');
    expect(normalizeTaxCode('0101248142')).toBeNull(); // wrong check digit
    expect(normalizeTaxCode('010124814')).toBeNull();
    expect(normalizeTaxCode('0101248141-000')).toBeNull();
    expect(normalizeTaxCode('abcdefghij')).toBeNull();
  });
});
