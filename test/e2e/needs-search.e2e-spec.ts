import { randomBytes } from 'node:crypto';
import { errorCode } from '@lienket/testing';
import { api } from '../support/e2e';
import { openNeed, verifiedBuyer } from '../support/bids';

// The public needs' filters through the gateway: words that ignore diacritics and case, a delivery
// month the window overlaps, a chapter that includes its headings, and filters that are bad input.
// Every need here carries one made-up word, so other test files' needs never enter a result.

jest.setTimeout(120_000);

const LIST = `query L($filter: NeedFilter) { needs(filter: $filter, first: 100) { totalCount edges { node { id title } } } }`;
const marker = `m${randomBytes(5).toString('hex')}`;
const titles = async (filter: { query?: string; categoryCode?: string; deliveryMonth?: string }) => {
  const r = await api<{ needs: { edges: { node: { title: string } }[] } }>(LIST, { filter: { ...filter, query: `${marker} ${filter.query ?? ''}` } });
  expect(r.errors).toBeUndefined();
  return r.data!.needs.edges.map((e) => e.node.title).sort((a, b) => a.localeCompare(b, 'vi'));
};

beforeAll(async () => {
  const b = await verifiedBuyer('Công ty CP Tìm Kiếm Nhu Cầu');
  const needs: { title: string; description?: string; categoryCode: string; deliveryFrom: string; deliveryTo: string }[] = [
    { title: 'Cà phê Robusta Đắk Lắk', categoryCode: '0901', deliveryFrom: '2031-03-10', deliveryTo: '2031-04-05' },
    { title: 'Chè xanh Thái Nguyên', description: 'Đóng gói hút chân không, giao kho Đà Nẵng', categoryCode: '0902', deliveryFrom: '2031-05-01', deliveryTo: '2031-05-31' },
    { title: 'Gạo ST25', categoryCode: '1006', deliveryFrom: '2031-02-01', deliveryTo: '2031-02-28' },
  ];
  for (const n of needs) await openNeed(b.token, { ...n, description: `${n.description ?? ''} ${marker}`, bidDeadline: '2030-12-01T00:00:00Z' });
});

describe('text', () => {
  it('finds words typed without diacritics, in any case, đ folded to d', async () => {
    expect(await titles({ query: 'ca phe' })).toEqual(['Cà phê Robusta Đắk Lắk']);
    expect(await titles({ query: 'CA PHE dak lak' })).toEqual(['Cà phê Robusta Đắk Lắk']);
    expect(await titles({ query: 'Cà phê Đắk' })).toEqual(['Cà phê Robusta Đắk Lắk']);
  });

  it('searches the description too, and a word still being typed', async () => {
    expect(await titles({ query: 'da nang' })).toEqual(['Chè xanh Thái Nguyên']);
    expect(await titles({ query: 'thai ngu' })).toEqual(['Chè xanh Thái Nguyên']);
  });

  it('every word must match; words no need holds find nothing', async () => {
    expect(await titles({ query: 'ca phe gao' })).toEqual([]);
    expect(await titles({ query: 'sầu riêng' })).toEqual([]);
  });
});

describe('delivery month and category', () => {
  it('keeps needs whose delivery window overlaps the month', async () => {
    expect(await titles({ deliveryMonth: '2031-04' })).toEqual(['Cà phê Robusta Đắk Lắk']);
    expect(await titles({ deliveryMonth: '2031-03' })).toEqual(['Cà phê Robusta Đắk Lắk']);
    expect(await titles({ deliveryMonth: '2031-02' })).toEqual(['Gạo ST25']);
    expect(await titles({ deliveryMonth: '2031-06' })).toEqual([]);
  });

  it('a chapter includes its headings; a heading is itself only', async () => {
    expect(await titles({ categoryCode: '09' })).toEqual(['Cà phê Robusta Đắk Lắk', 'Chè xanh Thái Nguyên']);
    expect(await titles({ categoryCode: '0902' })).toEqual(['Chè xanh Thái Nguyên']);
    expect(await titles({ categoryCode: '09', deliveryMonth: '2031-05', query: 'che' })).toEqual(['Chè xanh Thái Nguyên']);
  });
});

describe('bad filters', () => {
  it.each([
    ['a month that does not exist', { deliveryMonth: '2031-13' }, 'filter.deliveryMonth'],
    ['a date instead of a month', { deliveryMonth: '2031-03-01' }, 'filter.deliveryMonth'],
    ['text longer than 200 characters', { query: 'a'.repeat(201) }, 'filter.query'],
  ])('refuses %s as BAD_USER_INPUT', async (_name, filter, field) => {
    const r = await api(LIST, { filter }, { lang: 'en' });
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].extensions).toMatchObject({ field });
  });

  it('text with no word in it finds nothing rather than everything', async () => {
    const r = await api<{ needs: { totalCount: number } }>(LIST, { filter: { query: '!!! ...' } });
    expect(r.data!.needs.totalCount).toBe(0);
  });
});
