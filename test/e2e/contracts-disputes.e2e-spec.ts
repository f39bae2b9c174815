import { errorCode } from '@lienket/testing';
import { adminToken, api, moderatorToken, rows } from '../support/e2e';
import { Party, verifiedBuyer, verifiedCooperative } from '../support/bids';
import { DISPUTED, disputedContract, RESOLVE } from '../support/contracts';

// The staff's dispute queue through the gateway: contracts frozen by an open dispute, the longest
// waiting first, paged by the last contract's id; a resolved dispute leaves the queue. Other test
// files may open disputes in the same database at the same time, so each test looks at its own
// contracts' places in the list rather than at the whole list.

jest.setTimeout(180_000);

interface Listed {
  id: string;
  status: string;
  buyer: { id: string };
  supplier: { id: string };
  dispute: { reason: string; openedBy: { id: string } } | null;
}

/** Every page of the queue, `size` at a time, as the console's "Tải thêm" walks it. */
async function walk(token: string, size: number): Promise<Listed[]> {
  const all: Listed[] = [];
  for (let after: string | undefined; ; ) {
    const r = await api<{ disputedContracts: Listed[] }>(DISPUTED, { first: size, after }, { token });
    expect(r.errors).toBeUndefined();
    const page = r.data!.disputedContracts;
    all.push(...page);
    if (page.length < size) return all;
    after = page[page.length - 1].id;
  }
}

describe('disputedContracts: the staff queue of open disputes', () => {
  let buyer: Party;
  let supplier: Party;
  let admin: string;
  let moderator: string;
  let first: string;
  let second: string;
  let third: string;

  beforeAll(async () => {
    [buyer, supplier] = [await verifiedBuyer('Công ty CP Chè Thái'), await verifiedCooperative('HTX Chè Tân Cương')];
    [admin, moderator] = [await adminToken(), await moderatorToken()];
    first = await disputedContract(buyer, supplier, 'Hàng giao thiếu 2 tấn');
    second = await disputedContract(buyer, supplier, 'Bên mua chưa xác nhận nhận hàng', supplier);
    third = await disputedContract(buyer, supplier, 'Chè bị ẩm');
    // Openings a second apart, so "longest waiting first" has one answer whatever the clock's grain.
    await rows(
      `UPDATE procurement.disputes d SET opened_at = now() - make_interval(secs => v.s)
         FROM unnest($1::uuid[], $2::int[]) AS v (id, s) WHERE d.contract_id = v.id`,
      [[first, second, third], [30, 20, 10]],
    );
  });

  it('lists each open dispute once with its reason and opener, the longest waiting first, for admins and moderators alike', async () => {
    for (const token of [admin, moderator]) {
      const mine = (await walk(token, 2)).filter((c) => [first, second, third].includes(c.id));
      expect(mine).toEqual([
        { id: first, status: 'DISPUTED', buyer: { id: buyer.orgId }, supplier: { id: supplier.orgId }, dispute: { reason: 'Hàng giao thiếu 2 tấn', openedBy: { id: buyer.orgId } } },
        { id: second, status: 'DISPUTED', buyer: { id: buyer.orgId }, supplier: { id: supplier.orgId }, dispute: { reason: 'Bên mua chưa xác nhận nhận hàng', openedBy: { id: supplier.orgId } } },
        { id: third, status: 'DISPUTED', buyer: { id: buyer.orgId }, supplier: { id: supplier.orgId }, dispute: { reason: 'Chè bị ẩm', openedBy: { id: buyer.orgId } } },
      ]);
    }
  });

  it('a page after a contract resolved since it was shown still continues behind it; the resolved one leaves the queue', async () => {
    const r = await api(RESOLVE, { id: first, resolution: 'Bên bán giao bù 2 tấn', outcome: 'RESUME' }, { token: admin });
    expect(r.errors).toBeUndefined();
    const after = await api<{ disputedContracts: Listed[] }>(DISPUTED, { first: 100, after: first }, { token: moderator });
    const ids = after.data!.disputedContracts.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([second, third]));
    expect(ids.indexOf(second)).toBeLessThan(ids.indexOf(third));
    expect((await walk(admin, 100)).map((c) => c.id)).not.toContain(first);
  });

  it("refuses a cursor that is not a contract id, in the caller's language", async () => {
    const vi = await api(DISPUTED, { first: 5, after: 'trang-2' }, { token: admin, lang: 'vi' });
    expect([errorCode(vi), vi.errors?.[0].message, vi.data ?? null]).toEqual(['BAD_USER_INPUT', 'Con trỏ phân trang không hợp lệ.', null]);
    const en = await api(DISPUTED, { first: 5, after: 'page-2' }, { token: admin, lang: 'en' });
    expect([errorCode(en), en.errors?.[0].message]).toEqual(['BAD_USER_INPUT', 'The pagination cursor is not valid.']);
  });
});
