import type { Page } from 'playwright-core';
import { useBrowser, DESKTOP, PHONE, origin, signIn } from '../support/browser';
import { api, cooperative, rows, signUpOwner } from '../support/e2e';
import { needInput, openNeedBySql } from '../support/needs';
import { soon } from '../support/wait';

// The needs pages as an attacker meets them: a need's texts come from a buyer and are shown to
// everyone, so markup in them must stay text; another organization's draft and its editor must
// read as not found, and a refused edit must leave the row as it was.

const newPage = useBrowser();

const HOSTILE_TITLE = '<img src=x onerror="globalThis.pwned=1">Gạo ST25';
const HOSTILE_DESCRIPTION = '<script>globalThis.pwned=2</script>Đóng bao 50 kg';
const CREATE = `mutation C($input: NeedInput!) { createNeed(input: $input) { id } }`;

const row = async (id: string) =>
  (await rows<{ title: string; quantity: string; updated_at: string }>(
    `SELECT title, quantity::text, updated_at::text FROM procurement.needs WHERE id = $1`,
    [id],
  ))[0];

const pwned = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned ?? null);

describe('the needs pages against hostile texts and other organizations', () => {
  let buyer: Awaited<ReturnType<typeof cooperative>>;
  let hostileId: string;
  let draftId: string;

  beforeAll(async () => {
    buyer = await cooperative('Công ty Thu mua Mekong', { kind: 'ENTERPRISE', verified: true });
    const hostile = await api<{ createNeed: { id: string } }>(CREATE, { input: { ...needInput(), title: HOSTILE_TITLE, description: HOSTILE_DESCRIPTION } }, { token: buyer.token });
    expect(hostile.errors).toBeUndefined();
    hostileId = hostile.data!.createNeed.id;
    // Stands in for moderation until submitNeed and the NEED queue exist.
    await openNeedBySql(hostileId);
    const draft = await api<{ createNeed: { id: string } }>(CREATE, { input: needInput() }, { token: buyer.token });
    expect(draft.errors).toBeUndefined();
    draftId = draft.data!.createNeed.id;
  });

  it('shows markup in a need\'s title and description as text, in the list, the page and the tab title', async () => {
    const page = await newPage(DESKTOP);
    await page.goto(`${origin()}/nhu-cau`);
    const card = page.locator(`[data-testid="need-card"][data-need-id="${hostileId}"]`);
    await soon(() => card.locator('a').first().textContent()).toBe(HOSTILE_TITLE);
    await card.locator('a').first().click();
    await soon(() => page.getByTestId('need-title').textContent()).toBe(HOSTILE_TITLE);
    await soon(() => page.locator('.supplier-description').textContent()).toBe(HOSTILE_DESCRIPTION);
    await soon(() => page.title()).toBe(`${HOSTILE_TITLE} — Nhu cầu mua — LienKet`);
    expect(await page.locator('main img[src="x"], main script').count()).toBe(0);
    expect(await pwned(page)).toBeNull();
    await page.context().close();
  });

  it('answers another organization\'s draft and its editor as not found, and leaves the draft as it was', async () => {
    const before = await row(draftId);
    const other = await signUpOwner({ name: 'Công ty Đối thủ', kind: 'ENTERPRISE' });
    const coop = await cooperative('HTX Tò mò');
    for (const [who, account] of [['another enterprise', other], ['a cooperative', coop]] as const) {
      const page = await newPage(PHONE);
      await signIn(page, account.email, account.password);
      await page.goto(`${origin()}/nhu-cau/${draftId}`);
      await page.getByTestId('need-not-found').waitFor();
      expect({ who, title: await page.getByTestId('need-title').count() }).toEqual({ who, title: 0 });
      await page.goto(`${origin()}/nhu-cau/${draftId}/sua`);
      // The enterprise is refused by the server (not found); the cooperative by the page.
      await page.locator('[data-testid="need-not-found"], [data-testid="need-not-buyer"]').first().waitFor();
      expect({ who, form: await page.getByTestId('need-title').count() }).toEqual({ who, form: 0 });
      await page.context().close();
    }
    // A forged edit through the API with the other enterprise's token changes nothing either.
    const forged = await api(`mutation U($id: ID!, $input: NeedInput!) { updateNeed(id: $id, input: $input) { id } }`, { id: draftId, input: { ...needInput(), title: 'Chiếm quyền' } }, { token: other.token });
    expect(forged.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await row(draftId)).toEqual(before);
  });
});
