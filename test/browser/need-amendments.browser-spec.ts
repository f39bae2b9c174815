import { useBrowser, origin, PHONE, signIn, expectAccessible, clickToClose } from '../support/browser';
import { soon } from '../support/wait';
import { api, cooperative, rows, signInAs } from '../support/e2e';
import { buyer, inDays, submittedNeed } from '../support/needs';
import { bidInput, SUBMIT_BID } from '../support/bids';

const newPage = useBrowser();

/** An instant as a clock in Việt Nam shows it (UTC+7 all year): the inputs' values and the page's text. */
function vietnamClock(at: Date) {
  const [date, time] = new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 16).split('T');
  const [y, m, d] = date.split('-');
  return { date, time, shown: `${d}/${m}/${y} ${time}` };
}

describe('a buyer extends and clarifies its open need on a phone; a bidder reads it', () => {
  let company: Awaited<ReturnType<typeof buyer>>;
  let coop: Awaited<ReturnType<typeof cooperative>>;
  let needId: string;
  let oldDeadline: string;
  // Two days later, on a whole minute (the inputs have no seconds).
  let next: ReturnType<typeof vietnamClock>;

  beforeAll(async () => {
    company = await buyer({ verified: true, trusted: true, name: 'Công ty CP Hạt điều Bình Phước' });
    coop = await cooperative('HTX Điều Bù Đăng', { verified: true, provinceCode: '79' });
    const need = await submittedNeed(company.token, { title: 'Hạt điều thô W320', bidDeadline: inDays(3).toISOString() });
    needId = need.id;
    oldDeadline = need.bidDeadline;
    next = vietnamClock(new Date(Math.floor((Date.parse(oldDeadline) + 2 * 86400_000) / 60_000) * 60_000));
    const token = (await signInAs(coop.email, coop.password)).accessToken;
    expect((await api(SUBMIT_BID, { input: bidInput(needId) }, { token })).errors).toBeUndefined();
  });

  it('the buyer moves the deadline with the date and time pickers, then publishes a clarification', async () => {
    const page = await newPage(PHONE);
    await signIn(page, company.email, company.password);
    await page.goto(`${origin()}/nhu-cau/${needId}`);
    await soon(() => page.getByTestId('need-material-change').textContent()).toContain('hãy hủy nhu cầu này và đăng nhu cầu mới');
    await soon(() => page.getByTestId('need-deadline').textContent()).toContain(vietnamClock(new Date(oldDeadline)).shown);
    await expectAccessible(page, 'an open need, its buyer, on a phone');

    await page.getByTestId('need-extend').click();
    await page.getByTestId('need-extend-date').fill(next.date);
    await page.getByTestId('need-extend-time').fill(next.time);
    await expectAccessible(page, 'the extension dialog on a phone');
    await clickToClose(page, 'need-extend-confirm');
    // The deadline and its countdown follow the new time; the list records the move.
    await soon(() => page.getByTestId('need-deadline').textContent()).toContain(next.shown);
    await soon(() => page.getByTestId('need-countdown').textContent()).toMatch(/^Còn 4 ngày 23 giờ/);
    await soon(() => page.getByTestId('need-amendment').allTextContents()).toEqual([expect.stringContaining(`đến ${next.shown}`)]);
    const [row] = await rows<{ bid_deadline: Date }>(`SELECT bid_deadline FROM procurement.needs WHERE id = $1`, [needId]);
    expect(vietnamClock(row.bid_deadline).shown).toBe(next.shown);

    await page.getByTestId('need-clarify').click();
    await page.getByTestId('need-clarify-confirm').click();
    await soon(() => page.locator('.ant-form-item-explain-error').allTextContents()).toEqual(['Vui lòng nhập nội dung làm rõ.']);
    await page.getByTestId('need-clarify-reason').fill('Hạt điều độ ẩm dưới 10%, giao tại kho Đồng Xoài.');
    await clickToClose(page, 'need-clarify-confirm');
    await soon(() => page.getByTestId('need-amendment').allTextContents()).toEqual([
      expect.stringContaining(`đến ${next.shown}`),
      expect.stringContaining('Hạt điều độ ẩm dưới 10%, giao tại kho Đồng Xoài.'),
    ]);
    await expectAccessible(page, 'an extended and clarified need, its buyer');
    await page.context().close();
  });

  it('the bidder reads the clarification and the new deadline, with no way to change them', async () => {
    const page = await newPage(PHONE);
    await signIn(page, coop.email, coop.password);
    await page.goto(`${origin()}/nhu-cau/${needId}`);
    await soon(() => page.getByTestId('need-amendment').allTextContents()).toEqual([
      expect.stringContaining(`Gia hạn nhận báo giá từ ${vietnamClock(new Date(oldDeadline)).shown} đến ${next.shown}`),
      expect.stringContaining('Hạt điều độ ẩm dưới 10%'),
    ]);
    await soon(() => page.getByTestId('need-deadline').textContent()).toContain(next.shown);
    expect(await page.getByTestId('need-extend').count()).toBe(0);
    expect(await page.getByTestId('need-clarify').count()).toBe(0);
    await expectAccessible(page, 'an amended need, a bidder, on a phone');
    await page.context().close();
  });
});
