import { Page } from 'playwright-core';
import { join } from 'node:path';
import { DESKTOP, origin, PHONE, SHOTS, signIn, useBrowser, expectAccessible } from '../support/browser';
import { soon } from '../support/wait';
import { api, rows } from '../support/e2e';
import { approve } from '../support/uploads';
import { SIGN_UP, signUpInput } from '@lienket/testing';

const newPage = useBrowser();
const NAME = 'Cà phê Arabica Cầu Đất';

/** A photo-like PNG drawn by the browser itself (no image files ship with the tests). */
const DRAW = `(() => {
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 480;
  const g = canvas.getContext('2d');
  const sky = g.createLinearGradient(0, 0, 0, 480);
  sky.addColorStop(0, '#7aa95c');
  sky.addColorStop(1, '#3f5f2a');
  g.fillStyle = sky;
  g.fillRect(0, 0, 640, 480);
  g.fillStyle = '#8b1e1e';
  for (let i = 0; i < 60; i++) {
    g.beginPath();
    g.arc(40 + ((i * 97) % 560), 60 + ((i * 53) % 380), 14, 0, Math.PI * 2);
    g.fill();
  }
  return canvas.toDataURL('image/png');
})()`;
const drawnPng = async (page: Page) => Buffer.from(String(await page.evaluate(DRAW)).split(',')[1], 'base64');

/** Whether the <img> a selector finds has loaded real pixels (the test's types know no DOM). */
const loaded = async (page: Page, selector: string) =>
  page.evaluate(`(() => { const img = document.querySelector(${JSON.stringify(selector)}); return img.complete && img.naturalWidth > 0; })()`);

describe('a cooperative adds a photo to its listing and buyers see it', () => {
  it('uploads a photo in the editor, is told what is refused, and the approved listing shows it in search', async () => {
    const input = signUpInput({ name: 'HTX Cà phê Cầu Đất' });
    const up = await api<{ signUp: { accessToken: string; user: { organization: { id: string } } } }>(SIGN_UP, { input });
    const { accessToken: token, user } = up.data!.signUp;
    await approve('ORGANIZATION', user.organization.id);
    const created = await api<{ createProduct: { id: string } }>(
      `mutation($input: ProductInput!) { createProduct(input: $input) { id } }`,
      { input: { categoryCode: '0901', name: NAME, unitCode: 'KGM', monthlyCapacity: '8000', harvestMonths: [10, 11, 12] } },
      { token },
    );
    const id = created.data!.createProduct.id;

    const page = await newPage(DESKTOP);
    await signIn(page, input.email, input.password);
    await page.goto(`${origin()}/san-pham/${id}`);
    await page.getByTestId('product-photo-add').waitFor();

    await page.getByTestId('product-photo-input').setInputFiles({ name: 'giay-phep.png', mimeType: 'image/png', buffer: Buffer.from('không phải ảnh') });
    await soon(() => page.getByTestId('product-photo-problem').textContent()).toBe('Chỉ nhận ảnh JPEG, PNG hoặc WebP.');

    await page.getByTestId('product-photo-input').setInputFiles({ name: 'vuon-ca-phe.png', mimeType: 'image/png', buffer: await drawnPng(page) });
    await page.getByTestId('product-photo').locator('img').waitFor();
    await soon(() => loaded(page, '[data-testid="product-photo"] img')).toBe(true);
    await soon(() => page.getByTestId('product-photo-problem').count()).toBe(0);
    await expectAccessible(page, 'product-photos');
    await page.screenshot({ path: join(SHOTS, 'product-photos.png'), fullPage: true });
    expect(await rows(`SELECT width, height FROM catalog.product_photos WHERE product_id = $1`, [id])).toEqual([{ width: 640, height: 480 }]);

    await api(`mutation($id: ID!) { submitProduct(id: $id) { id } }`, { id }, { token });
    await approve('PRODUCT', id);
    const buyer = await newPage(PHONE);
    await buyer.goto(`${origin()}/tim-kiem?q=${encodeURIComponent('ca phe arabica cau dat')}`);
    const coverSelector = `[data-testid="search-result"][data-product-id="${id}"] [data-testid="search-result-photo"]`;
    const cover = buyer.locator(coverSelector);
    await cover.waitFor();
    await soon(() => loaded(buyer, coverSelector)).toBe(true);
    await soon(() => cover.getAttribute('alt')).toBe(`Ảnh ${NAME}`);
    await expectAccessible(buyer, 'search-photo-phone');
    await buyer.screenshot({ path: join(SHOTS, 'search-photo-phone.png') });

    // The public product page shows the photo too.
    await buyer.goto(`${origin()}/san-pham/${id}/xem`);
    await buyer.getByTestId('product-photos').locator('img').waitFor();
    await soon(() => loaded(buyer, '[data-testid="product-photos"] img')).toBe(true);
    await expectAccessible(buyer, 'public product page with a photo');
  });

  it('lets an owner put a logo on the account page and take it off again', async () => {
    const input = signUpInput({ name: 'HTX Chè Shan tuyết' });
    await api(SIGN_UP, { input });
    const page = await newPage(PHONE);
    await signIn(page, input.email, input.password);
    await page.getByTestId('logo-choose').waitFor();
    await page.getByTestId('logo-input').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: await drawnPng(page) });
    const logo = page.getByTestId('logo-image');
    await logo.waitFor();
    await soon(() => loaded(page, '[data-testid="logo-image"]')).toBe(true);
    await soon(() => page.getByTestId('logo-choose').textContent()).toBe('Đổi logo');
    await page.getByTestId('logo-remove').click();
    await page.getByTestId('logo-remove-confirm').click();
    await logo.waitFor({ state: 'detached' });
    await soon(() => page.getByTestId('logo-choose').textContent()).toBe('Tải logo lên');
  });
});
