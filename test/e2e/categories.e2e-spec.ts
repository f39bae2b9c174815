import { api, approvedListing, cooperative } from '../support/e2e';

// Everyday category names (issue 9): the short name people read and type, beside the tariff text.

type Cat = { code: string; shortName: string; name: string; parent: { code: string; shortName: string } | null };

describe('everyday category names', () => {
  it('names HS headings in everyday Vietnamese, and English on request, keeping the tariff wording as name', async () => {
    const vi = await api<{ categories: Cat[] }>('{ categories(parentCode: "09") { code shortName name parent { code shortName } } }');
    expect(vi.data?.categories.find((c) => c.code === '0901')).toEqual({
      code: '0901',
      shortName: 'Cà phê',
      name: expect.stringMatching(/^Cà phê, rang hoặc chưa rang/),
      parent: { code: '09', shortName: 'Cà phê, chè, gia vị' },
    });
    const en = await api<{ categories: Cat[] }>('{ categories { code shortName shortNameVi shortNameEn } }', {}, { lang: 'en' });
    expect(en.data?.categories.find((c) => c.code === '10')).toEqual({ code: '10', shortName: 'Cereals', shortNameVi: 'Ngũ cốc', shortNameEn: 'Cereals' });
  });

  it('lists every chapter and heading at once for the searchable picker', async () => {
    const r = await api<{ allCategories: Cat[] }>('{ allCategories { code shortName name parent { code shortName } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data?.allCategories).toHaveLength(223);
    expect(r.data?.allCategories.filter((c) => c.parent === null)).toHaveLength(24);
    expect(r.data?.allCategories.find((c) => c.code === '0810')).toMatchObject({ shortName: 'Sầu riêng, thanh long, vải, nhãn', parent: { code: '08' } });
    // Every row has both texts: the everyday name to read, the tariff wording as detail.
    expect(r.data!.allCategories.filter((c) => !c.shortName || !c.name)).toEqual([]);
  });

  it('shows the everyday name on a listing, in the reader’s language', async () => {
    const coop = await cooperative('HTX Cà phê Ea Tu (tên danh mục)', { verified: true });
    const id = await approvedListing(coop.token, { categoryCode: '0901', name: 'Cà phê nhân Robusta', unitCode: 'KGM', monthlyCapacity: '5000', harvestMonths: [11, 12] });
    const q = `query P($id: ID!) { product(id: $id) { category { code shortName parent { shortName } } } }`;
    const vi = await api<{ product: { category: { code: string; shortName: string; parent: { shortName: string } } } }>(q, { id });
    expect(vi.data?.product.category).toEqual({ code: '0901', shortName: 'Cà phê', parent: { shortName: 'Cà phê, chè, gia vị' } });
    const en = await api<{ product: { category: { code: string; shortName: string } } }>(q, { id }, { lang: 'en' });
    expect(en.data?.product.category).toMatchObject({ code: '0901', shortName: 'Coffee' });
  });
});
