import { join } from 'node:path';
import { DESKTOP, expectAccessible, origin, PHONE, SHOTS, signIn, useBrowser } from '../support/browser';
import { cooperative, rows } from '../support/e2e';
import { buyer } from '../support/needs';
import { openNeed } from '../support/bids';
import { soon } from '../support/wait';
import { qaTexts } from '../support/browser-steps';

const newPage = useBrowser();

// "Hỏi đáp" on the need page: a cooperative asks on a phone, the buyer answers, and the
// cooperative reads the answer, marked as its own question; the buyer's page never names it.

const QUESTION = 'Bên mua có nhận hàng đóng bao 60 kg không?';
const ANSWER = 'Chỉ nhận bao 50 kg, có in tên HTX.';

describe('questions and answers on a need', () => {
  let company: Awaited<ReturnType<typeof buyer>>;
  let coop: Awaited<ReturnType<typeof cooperative>>;
  let needId: string;

  beforeAll(async () => {
    company = await buyer({ verified: true, name: 'Công ty CP Bao bì Hỏi Đáp' });
    coop = await cooperative('HTX Cà phê Hỏi Đáp', { verified: true, provinceCode: '66' });
    needId = await openNeed(company.token);
  });

  it('the cooperative asks on a phone: every problem shown first, then the question waits as its own', async () => {
    const page = await newPage(PHONE);
    await signIn(page, coop.email, coop.password);
    await page.goto(`${origin()}/nhu-cau/${needId}`);
    await soon(() => page.getByTestId('qa-none').textContent()).toBe('Chưa có câu hỏi nào được trả lời.');
    await page.getByTestId('qa-ask-submit').click();
    await soon(() => page.locator('.need-qa .ant-form-item-explain-error').allTextContents()).toEqual(['Nhập nội dung.']);
    expect(await rows(`SELECT 1 FROM procurement.need_questions WHERE need_id = $1`, [needId])).toEqual([]);

    await page.getByTestId('qa-ask-input').fill(QUESTION);
    await page.getByTestId('qa-ask-submit').click();
    await soon(() => page.getByTestId('qa-notice').textContent()).toContain('Đã gửi câu hỏi');
    await soon(() => qaTexts(page, 'qa-waiting', 'qa-question')).toEqual([QUESTION]);
    await soon(() => page.getByTestId('qa-ask-input').inputValue()).toBe('');
    await expectAccessible(page, 'the need page with a question asked, on a phone');
    await page.screenshot({ path: join(SHOTS, 'need-questions-phone.png'), fullPage: true });
    await page.context().close();
  });

  it('the buyer reads the pending question, without who asked, and answers it', async () => {
    const page = await newPage(DESKTOP);
    await signIn(page, company.email, company.password);
    await page.goto(`${origin()}/nhu-cau/${needId}`);
    await soon(() => qaTexts(page, 'qa-waiting', 'qa-question')).toEqual([QUESTION]);
    expect(await page.getByTestId('need-qa').textContent()).not.toContain('HTX Cà phê Hỏi Đáp');
    await expectAccessible(page, 'the need page with a question waiting, its buyer');
    await page.getByTestId('qa-answer-input').fill(ANSWER);
    await page.getByTestId('qa-answer-submit').click();
    await soon(() => qaTexts(page, 'qa-answered', 'qa-answer')).toEqual([ANSWER]);
    await soon(() => page.getByTestId('qa-waiting').count()).toBe(0);
    await page.context().close();
  });

  it('the cooperative reads the answer under its own question', async () => {
    const page = await newPage(PHONE);
    await signIn(page, coop.email, coop.password);
    await page.goto(`${origin()}/nhu-cau/${needId}`);
    await soon(() => qaTexts(page, 'qa-answered', 'qa-answer')).toEqual([ANSWER]);
    expect(await qaTexts(page, 'qa-answered', 'qa-question')).toEqual([QUESTION]);
    await soon(() => page.getByTestId('qa-answered').locator('.qa-mine').textContent()).toBe('Câu hỏi của bạn');
    await page.context().close();
  });
});
