import { Directive, Field, ObjectType } from '@nestjs/graphql';
import type { Lang } from '@lienket/graphql';
import { CategoryRecord, findCategory } from './categories';
import { ProvinceRecord } from './provinces';
import { findUnit, UnitRecord } from './units';

// Reference types are value types served from the same shipped data by every subgraph that uses them.

@ObjectType({ description: 'A provincial-level unit (34 since 1 July 2025)' })
@Directive('@shareable')
export class Province {
  @Field() code: string;
  @Field({ description: "Short name in the caller's language, e.g. \"Đắk Lắk\" / \"Dak Lak\"" }) name: string;
  @Field() nameVi: string;
  @Field() nameEn: string;
  @Field({ description: 'e.g. "Tỉnh Đắk Lắk"' }) fullName: string;
}

@ObjectType({ description: 'An HS chapter (2 digits) or heading (4 digits)' })
@Directive('@shareable')
export class Category {
  @Field() code: string;
  @Field({ description: "Tariff wording in the caller's language (the nomenclature's full text)" }) name: string;
  @Field() nameVi: string;
  @Field() nameEn: string;
  @Field({ description: 'Everyday name in the caller\'s language, e.g. "Cà phê" / "Coffee" for 0901; what people read and type' })
  shortName: string;
  @Field() shortNameVi: string;
  @Field() shortNameEn: string;
  @Field(() => Category, { nullable: true }) parent: Category | null;
}

@ObjectType({ description: 'A unit of measure with its conversion to a base unit' })
@Directive('@shareable')
export class Unit {
  @Field({ description: 'UN/CEFACT Rec. 20 code where one exists (KGM, TNE, LTR…)' }) code: string;
  @Field({ description: "Name in the caller's language as it follows a quantity: \"30 tấn\", \"30 tonnes\", \"kg\" (never \"t\" or \"TNE\")" }) name: string;
  @Field({ description: "Short form in the caller's language, as it follows a price: \"đ/kg\", \"đ/tấn\"" }) symbol: string;
  @Field({ description: "What a picker shows: the name, with its size when that is not obvious, e.g. \"tạ (100 kg)\"" }) label: string;
  @Field() baseCode: string;
  @Field({ description: 'How many base units one of this unit is, as an exact decimal' }) factor: string;
}

export const toProvince = (p: ProvinceRecord, lang: Lang): Province => ({
  code: p.code,
  name: lang === 'en' ? p.nameEn : p.name,
  nameVi: p.name,
  nameEn: p.nameEn,
  fullName: p.fullName,
});

export function toCategory(c: CategoryRecord, lang: Lang): Category {
  const parent = c.parentCode ? findCategory(c.parentCode) : undefined;
  return {
    code: c.code,
    name: lang === 'en' ? c.nameEn : c.nameVi,
    nameVi: c.nameVi,
    nameEn: c.nameEn,
    shortName: lang === 'en' ? c.shortNameEn : c.shortNameVi,
    shortNameVi: c.shortNameVi,
    shortNameEn: c.shortNameEn,
    parent: parent ? toCategory(parent, lang) : null,
  };
}

export function toUnit(u: UnitRecord, lang: Lang): Unit {
  const name = lang === 'en' ? u.nameEn : u.nameVi;
  // Market units bigger than their base (yến, tạ, tấn) say how big; kg or lít need no gloss.
  const base = u.factor !== '1' && Number(u.factor) > 1 ? findUnit(u.baseCode) : undefined;
  const factor = base ? Number(u.factor).toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN') : '';
  const size = base ? ` (${factor} ${lang === 'en' ? base.symbolEn : base.symbolVi})` : '';
  return {
    code: u.code,
    name,
    symbol: lang === 'en' ? u.symbolEn : u.symbolVi,
    label: `${name}${size}`,
    baseCode: u.baseCode,
    factor: u.factor,
  };
}
