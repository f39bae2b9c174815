import { badInput } from '@lienket/graphql';
import { NeedFilter } from './need.type';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MAX_QUERY = 200;

/**
 * The conditions of a need list's filter on `procurement.needs n` (`$` adds a parameter): a chapter
 * includes its headings ("09" finds "0901"), the delivery province, the words of title and
 * description, and a delivery month that the delivery window overlaps.
 */
export function needFilterSql(filter: NeedFilter | null | undefined, $: (v: unknown) => string): string[] {
  const where: string[] = [];
  if (filter?.categoryCode) {
    const cat = $(filter.categoryCode);
    where.push(`(n.category_code = ${cat} OR left(n.category_code, 2) = ${cat})`);
  }
  if (filter?.provinceCode) where.push(`n.delivery_province_code = ${$(filter.provinceCode)}`);
  const query = filter?.query?.trim();
  if (query) {
    if (query.length > MAX_QUERY) throw badInput('filter.query', 'tooLong', { max: MAX_QUERY });
    // Every word the way the index holds them (unaccented, lower case, 'simple' parser), each as a
    // prefix so a word still being typed finds its needs. An uncorrelated subquery: planned once
    // and compared through the GIN index. Text with no word at all matches nothing.
    where.push(`n.search @@ (SELECT to_tsquery('simple', string_agg(quote_literal(w) || ':*', ' & '))
                              FROM unnest(tsvector_to_array(to_tsvector('simple', procurement.f_unaccent(${$(query)})))) w)`);
  }
  if (filter?.deliveryMonth) {
    const m = MONTH.exec(filter.deliveryMonth.trim());
    if (!m) throw badInput('filter.deliveryMonth', 'invalidValue');
    const start = $(`${m[1]}-${m[2]}-01`);
    where.push(`n.delivery_from < ${start}::date + interval '1 month' AND n.delivery_to >= ${start}::date`);
  }
  return where;
}
