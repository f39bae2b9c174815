import { join } from 'node:path';
import { useBrowser, SHOTS, origin, DESKTOP, PHONE, signIn, expectAccessible, clickToClose } from '../support/browser';
import { soon } from '../support/wait';
import { awardRow, completeContract, contractStatusOf, reviewContract } from '../support/browser-steps';
import { api, rows } from '../support/e2e';
import { Party, verifiedBuyer, verifiedCooperative } from '../support/bids';
import { closedNeedWithBids, disputedContract, SEND } from '../support/contracts';
import { day } from '../support/needs';

const newPage = useBrowser();

// A need's award and its contracts in the browser: the buyer splits the need between two bids on a
// phone, the winner ships, the buyer confirms and completes, both review, the buyer reorders, and an
// admin resolves another contract's dispute. Bids and the dispute are set up through the API; the
// step each test is about is taken on the page.

const contractRows = (needId: string) =>
  rows<{ id: string; supplier_org_id: string; quantity: string; total: string; status: string }>(
    `SELECT id, supplier_org_id, quantity::text, total::text, status FROM procurement.contracts WHERE need_id = $1`,
    [needId],
  );
describe('from award to reorder, on the page', () => {
  let buyer: Party;
  let eaTu: Party;
  let cauDat: Party;
  let needId: string;
  let contractId: string;

  beforeAll(async () => {
    buyer = await verifiedBuyer('Công ty CP Cà phê Phố Núi');
    [eaTu, cauDat] = [await verifiedCooperative('HTX Cà phê Ea Tu'), await verifiedCooperative('HTX Cà phê Cầu Đất')];
    // The need asks for 25,5 tấn; Ea Tu bids 15 at 48.500.000 đ/t, Cầu Đất 12,5 at 47.900.000 đ/t.
    ({ needId } = await closedNeedWithBids(buyer, [
      [eaTu, { quantity: '15', unitPrice: { amount: '48500000', currency: 'VND' }, deliveryDate: day(30) }],
      [cauDat, { quantity: '12.5', unitPrice: { amount: '47900000', currency: 'VND' }, deliveryDate: day(35) }],
    ]));
  });

  it('the buyer splits the need between two bids on a phone, the sum and the money following each keystroke', async () => {
    const page = await newPage(PHONE);
    await signIn(page, buyer.email, buyer.password);
    await page.goto(`${origin()}/nhu-cau/${needId}`);
    await page.getByTestId('award-open').click();
    // Cheapest first: Cầu Đất's whole 12,5, then Ea Tu's 15 bounded by the 13 still lacking.
    await awardRow(page, 'HTX Cà phê Cầu Đất').getByTestId('award-pick').click();
    await awardRow(page, 'HTX Cà phê Ea Tu').getByTestId('award-pick').click();
    await soon(() => awardRow(page, 'HTX Cà phê Ea Tu').getByTestId('award-quantity').inputValue()).toBe('13');
    await soon(() => page.getByTestId('award-sum').textContent()).toBe('Tổng số lượng: 25,5 / 25,5 tấn');
    // 12,5 × 47.900.000 + 13 × 48.500.000
    await soon(() => page.getByTestId('award-total').textContent()).toBe('Tổng tiền: 1.229.250.000 đ');
    await expectAccessible(page, 'the award dialog on a phone');
    await page.screenshot({ path: join(SHOTS, 'award-dialog-phone.png') });

    const eaTuQuantity = awardRow(page, 'HTX Cà phê Ea Tu').getByTestId('award-quantity');
    await eaTuQuantity.fill('16');
    await soon(() => awardRow(page, 'HTX Cà phê Ea Tu').locator('.inline-error').textContent()).toBe('Tối đa 15 theo báo giá.');
    await soon(() => page.getByTestId('award-confirm').isDisabled()).toBe(true);
    await eaTuQuantity.fill('10,5');
    await soon(() => page.getByTestId('award-total').textContent()).toBe('Tổng tiền: 1.108.000.000 đ');
    await clickToClose(page, 'award-confirm');

    await soon(() => page.getByTestId('need-contract').count()).toBe(2);
    await soon(() => page.getByTestId('need-status').getAttribute('data-status')).toBe('AWARDED');
    const contracts = await contractRows(needId);
    expect(contracts.map((c) => [c.supplier_org_id, c.quantity, c.total, c.status]).sort()).toEqual(
      [[cauDat.orgId, '12.500', '598750000', 'ACTIVE'], [eaTu.orgId, '10.500', '509250000', 'ACTIVE']].sort(),
    );
    contractId = contracts.find((c) => c.supplier_org_id === eaTu.orgId)!.id;
    await page.context().close();
  });

  it('the winner finds the contract in its list, records a shipment and writes to the buyer', async () => {
    const page = await newPage(PHONE);
    await signIn(page, eaTu.email, eaTu.password);
    await page.getByTestId('nav-menu-button').click();
    await page.getByTestId('nav-contracts').click();
    await page.locator(`[data-testid="contracts-item"][data-contract-id="${contractId}"] a`).click();
    await soon(() => contractStatusOf(page)).toBe('ACTIVE');
    await soon(() => page.getByTestId('contract-total').textContent()).toBe('509.250.000 đ');
    await soon(() => page.getByTestId('ship-quantity').inputValue()).toBe('10,5');
    await page.getByTestId('ship-quantity').fill('10');
    await page.getByTestId('ship-note').fill('Xe 47C-123.45');
    await page.getByTestId('ship-submit').click();
    await soon(() => contractStatusOf(page)).toBe('DELIVERING');
    await soon(() => page.getByTestId('timeline-on-time').getAttribute('data-on-time')).toBe('true');
    await page.getByTestId('thread-body').fill('Xe xuất kho sáng thứ Hai, dự kiến đến chiều.');
    await page.getByTestId('thread-send').click();
    await soon(() => page.getByTestId('thread-message').last().textContent()).toContain('Xe xuất kho sáng thứ Hai');
    await expectAccessible(page, 'a delivering contract, its supplier on a phone');
    expect(await rows(`SELECT quantity::text, note, on_time FROM procurement.shipments WHERE contract_id = $1`, [contractId])).toEqual([
      { quantity: '10.000', note: 'Xe 47C-123.45', on_time: true },
    ]);
    await page.context().close();
  });

  it('the buyer reads the message, confirms the receipt with a shortfall, completes and reviews', async () => {
    const page = await newPage(PHONE);
    await signIn(page, buyer.email, buyer.password);
    await page.goto(`${origin()}/hop-dong/${contractId}`);
    await soon(() => page.getByTestId('thread-message').last().textContent()).toContain('Xe xuất kho sáng thứ Hai');
    await soon(() => page.getByTestId('receive-quantity').inputValue()).toBe('10');
    await page.getByTestId('receive-quantity').fill('9,5');
    await page.getByTestId('receive-note').fill('Nửa tấn bị ẩm');
    await page.getByTestId('receive-submit').click();
    await soon(() => page.getByTestId('timeline-received').textContent()).toContain('chấp nhận 9,5 tấn');
    await completeContract(page);
    await reviewContract(page, 5, 'Giao đúng hẹn, hàng tốt.');
    await expectAccessible(page, 'a completed contract, its buyer');
    await page.screenshot({ path: join(SHOTS, 'contract-buyer-phone.png'), fullPage: true });
    expect(await rows(`SELECT accepted_quantity::text, receipt_note FROM procurement.shipments WHERE contract_id = $1`, [contractId])).toEqual([
      { accepted_quantity: '9.500', receipt_note: 'Nửa tấn bị ẩm' },
    ]);
    await page.context().close();
  });

  it("the buyer's open thread shows the supplier's next message without a reload, and the reply being typed stays", async () => {
    const page = await newPage(PHONE);
    await signIn(page, buyer.email, buyer.password);
    await page.goto(`${origin()}/hop-dong/${contractId}`);
    await soon(() => page.getByTestId('thread-message').count()).toBe(1);
    await page.getByTestId('thread-body').fill('Cảm ơn, bên tôi');
    const sent = await api(SEND, { id: contractId, body: 'Đã gửi kèm phiếu cân tại kho.' }, { token: eaTu.token });
    expect(sent.errors).toBeUndefined();
    // The thread asks again every 15 s while the page is shown.
    await soon(() => page.getByTestId('thread-message').last().textContent(), { timeoutMs: 25_000 }).toContain('Đã gửi kèm phiếu cân tại kho.');
    expect(await page.getByTestId('thread-body').inputValue()).toBe('Cảm ơn, bên tôi');
    // Another language empties Apollo's cache: the thread, which asks only for what follows its
    // last message, must read itself again from the start, not show an empty thread.
    const reread = page.waitForResponse((r) => {
      const asked = r.request().postDataJSON() as { operationName?: string; variables?: { after?: string } } | null;
      return asked?.operationName === 'ContractMessages' && !asked.variables?.after;
    });
    await page.getByTestId('lang-switch').click();
    await reread;
    await soon(() => page.locator('#contract-thread').textContent()).toBe('Messages');
    await soon(() => page.getByTestId('thread-message').allTextContents()).toEqual([
      expect.stringContaining('Xe xuất kho sáng thứ Hai'),
      expect.stringContaining('Đã gửi kèm phiếu cân tại kho.'),
    ]);
    await page.context().close();
  });

  it('the supplier reviews the buyer once; both reviews are on the timeline', async () => {
    const page = await newPage(DESKTOP);
    await signIn(page, eaTu.email, eaTu.password);
    await page.goto(`${origin()}/hop-dong/${contractId}`);
    await reviewContract(page, 4);
    await soon(() => page.getByTestId('timeline-review').count()).toBe(2);
    expect(await rows(`SELECT reviewer_org_id, rating FROM procurement.contract_reviews WHERE contract_id = $1 ORDER BY rating`, [contractId])).toEqual([
      { reviewer_org_id: eaTu.orgId, rating: 4 },
      { reviewer_org_id: buyer.orgId, rating: 5 },
    ]);
    await page.context().close();
  });

  it('the buyer reorders: a draft inviting the same supplier opens in the editor', async () => {
    const page = await newPage(PHONE);
    await signIn(page, buyer.email, buyer.password);
    await page.goto(`${origin()}/hop-dong/${contractId}`);
    await page.getByTestId('reorder').click();
    await page.waitForURL(/\/nhu-cau\/[0-9a-f-]{36}\/sua$/);
    const draftId = /\/nhu-cau\/([0-9a-f-]{36})\/sua$/.exec(page.url())![1];
    expect(await rows(`SELECT status, reordered_from_contract_id, invited_supplier_ids FROM procurement.needs WHERE id = $1`, [draftId])).toEqual([
      { status: 'DRAFT', reordered_from_contract_id: contractId, invited_supplier_ids: [eaTu.orgId] },
    ]);
    await page.context().close();
  });
});

describe('the dispute console', () => {
  it('an admin resolves a dispute by cancelling the contract, and it leaves the queue', async () => {
    const buyer = await verifiedBuyer('Công ty TNHH Gạo Miền Tây');
    const coop = await verifiedCooperative('HTX Lúa gạo Tháp Mười');
    const contractId = await disputedContract(buyer, coop, 'Gạo giao sai giống ST25', coop);
    const page = await newPage(DESKTOP);
    await signIn(page, process.env.E2E_ADMIN_EMAIL!, process.env.E2E_ADMIN_PASSWORD!);
    await page.goto(`${origin()}/quan-tri`);
    await page.getByTestId('admin-nav-disputes').click();
    // Longest waiting first, 20 at a time: other suites' disputes may come before this one.
    const item = page.locator(`[data-testid="disputes-item"][data-contract-id="${contractId}"]`);
    await page.waitForSelector('[data-testid="disputes-item"]');
    while ((await item.count()) === 0) await page.getByTestId('disputes-load-more').click();
    await soon(() => item.getByTestId('disputes-reason').textContent()).toBe('Gạo giao sai giống ST25');
    await expectAccessible(page, 'the dispute console');
    await item.getByTestId('disputes-resolve').click();
    await page.getByTestId('resolve-outcome-CANCEL').click();
    await page.getByTestId('resolve-resolution').fill('Hai bên đồng ý hủy; bên bán hoàn cọc.');
    await clickToClose(page, 'resolve-confirm');
    await soon(() => page.getByTestId('disputes-notice').textContent()).toBe('Đã giải quyết tranh chấp.');
    await soon(() => item.count()).toBe(0);
    expect(await rows(`SELECT c.status, d.outcome, d.resolution FROM procurement.contracts c JOIN procurement.disputes d ON d.contract_id = c.id WHERE c.id = $1`, [contractId])).toEqual([
      { status: 'CANCELLED', outcome: 'CANCEL', resolution: 'Hai bên đồng ý hủy; bên bán hoàn cọc.' },
    ]);
    const r = await api<{ contract: { status: string } }>(`query C($id: ID!) { contract(id: $id) { status } }`, { id: contractId }, { token: buyer.token });
    expect(r.data?.contract.status).toBe('CANCELLED');
    await page.context().close();
  });
});
