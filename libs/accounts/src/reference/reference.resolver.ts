import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@lienket/auth';
import { badInput } from '@lienket/graphql';
import { CATEGORIES, Category, childCategories, findProvince, PROVINCES, Province, toCategory, toProvince, toUnit, Unit, UNITS, wardsOfProvince } from '@lienket/reference-data';
import { Ward } from '../organizations/organization.type';

/** Built once per language: the list never changes while the process runs. */
const provinces = { vi: PROVINCES.map((p) => toProvince(p, 'vi')), en: PROVINCES.map((p) => toProvince(p, 'en')) };
const allCategories = { vi: CATEGORIES.map((c) => toCategory(c, 'vi')), en: CATEGORIES.map((c) => toCategory(c, 'en')) };

@Resolver()
export class ReferenceResolver {
  @Query(() => [Province], { description: 'The 34 provincial-level units in force since 1 July 2025' })
  provinces(@Context() ctx: RequestContext): Province[] {
    return provinces[ctx.lang];
  }

  @Query(() => [Category], { description: 'HS chapters, or the headings of one chapter' })
  categories(
    @Args('parentCode', { type: () => String, nullable: true }) parentCode: string | null,
    @Context() ctx: RequestContext,
  ): Category[] {
    return childCategories(parentCode).map((c) => toCategory(c, ctx.lang));
  }

  @Query(() => [Category], {
    description: 'Every HS chapter and heading (223), in code order: one list a picker can search by everyday name',
  })
  allCategories(@Context() ctx: RequestContext): Category[] {
    return allCategories[ctx.lang];
  }

  @Query(() => [Unit])
  units(@Context() ctx: RequestContext): Unit[] {
    return UNITS.map((u) => toUnit(u, ctx.lang));
  }

  @Query(() => [Ward], { description: 'The wards and communes of one province, after the 2025 merger' })
  wards(@Args('provinceCode') provinceCode: string): Ward[] {
    if (!findProvince(provinceCode)) throw badInput('provinceCode', 'unknownProvince', { value: provinceCode });
    return wardsOfProvince(provinceCode).map((w) => ({ code: w.code, name: w.name }));
  }
}
