import { GATEWAY_SECRET_HEADER } from '@lienket/auth';
import { api, approvedListing, cooperative } from '../support/e2e';
import { catalogUrl, originOf, send } from '../support/edge';

// The pages the gateway now writes (titles from catalog data) and the sitemap it forwards: what a
// caller could try to make them say, show or cost.

const gateway = (path: string, headers: Record<string, string> = {}) => send(`${process.env.E2E_GATEWAY_URL}${path}`, { headers });
const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];

describe('pages and the sitemap under attack', () => {
  let owner: Awaited<ReturnType<typeof cooperative>>;
  let draftId: string;

  beforeAll(async () => {
    owner = await cooperative('HTX Thử Tấn Công Trang', { verified: true });
    const created = await api<{ createProduct: { id: string } }>(
      `mutation C($input: ProductInput!) { createProduct(input: $input) { id } }`,
      { input: { categoryCode: '0901', name: 'Bản nháp bí mật Robusta', unitCode: 'TNE', monthlyCapacity: '3' } },
      { token: owner.token },
    );
    draftId = created.data!.createProduct.id;
  });

  it('never writes a private listing into the HTML, even for its owner\'s token (the page asks as the public)', async () => {
    for (const headers of [{}, { authorization: `Bearer ${owner.token}` }] as Record<string, string>[]) {
      const page = await gateway(`/san-pham/${draftId}/xem`, headers);
      expect(page.status).toBe(404);
      expect(page.text).not.toContain('Bản nháp bí mật');
      expect(title(page.text)).toBe('Không tìm thấy trang — LienKet');
    }
    // The owner's app still shows it to them: the page is the app, which asks with the session.
    const mine = await api<{ product: { name: string } | null }>(`query P($id: ID!) { product(id: $id) { name } }`, { id: draftId }, { token: owner.token });
    expect(mine.data?.product?.name).toBe('Bản nháp bí mật Robusta');
  });

  it('escapes a name that tries to end the title and run a script', async () => {
    const name = '</title><script>alert(1)</script> "Cà phê" & <b>';
    const id = await approvedListing(owner.token, { categoryCode: '0901', name, unitCode: 'TNE', monthlyCapacity: '3', description: '"><img src=x onerror=alert(2)>' });
    const page = await gateway(`/san-pham/${id}/xem`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('<script>alert(1)');
    expect(page.text).not.toContain('<img src=x');
    expect(title(page.text)).toBe('&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;Cà phê&quot; &amp; &lt;b&gt; — LienKet');
    expect(page.text).toContain('<meta name="description" content="&quot;&gt;&lt;img src=x onerror=alert(2)&gt;" />');
    // The first screen written into the page (decision 92) carries the name and the
    // description as text, escaped like the head.
    expect(page.text).toContain('<h1>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;Cà phê&quot; &amp; &lt;b&gt;</h1>');
    expect(page.text).toContain('<p class="supplier-description">&quot;&gt;&lt;img src=x onerror=alert(2)&gt;</p>');
    // The only scripts are the build's own: boot.js, and the list of the build's chunks it starts (data, never run).
    const scripts = [...page.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toEqual(['<script defer src="/boot.js">', '<script type="application/json" id="deferred-scripts">']);
    const deferred = JSON.parse(/id="deferred-scripts">([^<]*)<\/script>/.exec(page.text)![1]) as string[];
    expect(deferred.length).toBeGreaterThan(0);
    for (const chunk of deferred) expect(chunk).toMatch(/^\/assets\/[\w-]+\.js$/);
  });

  it('answers paths built to escape the web folder or reach the build manifest with 404, never a file', async () => {
    for (const path of ['/..%2f..%2fpackage.json', '/assets/..%2f..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/etc/passwd', '/.vite/manifest.json', '/assets/.vite/manifest.json']) {
      const page = await gateway(path);
      expect({ path, status: page.status }).toEqual({ path, status: 404 });
      expect(page.text).not.toContain('"lienket"');
      expect(page.text).not.toContain('root:x:0');
      expect(page.text).not.toContain('"isEntry"');
    }
  });

  it('answers sitemap names outside its form with 404, bounded, and refuses the sitemap at catalog without the gateway', async () => {
    for (const file of ['/sitemap/san-pham-1.xml%00', '/sitemap/..%2f..%2fetc%2fpasswd', '/sitemap/san-pham-9999999.xml', '/sitemap/san-pham--1.xml', "/sitemap/san-pham-1' OR 1=1.xml"]) {
      const r = await gateway(file.replace(/ /g, '%20'));
      expect({ file, status: r.status }).toEqual({ file, status: 404 });
    }
    // The largest page number the form allows is just an empty, cheap answer.
    expect((await gateway('/sitemap/san-pham-999999.xml')).status).toBe(404);
    for (const headers of [{}, { [GATEWAY_SECRET_HEADER]: 'a-forged-secret-of-sufficient-length-000000' }] as Record<string, string>[]) {
      const direct = await send(`${originOf(catalogUrl())}/sitemap.xml`, { headers });
      expect(direct.status).toBe(403);
      expect(direct.text).not.toContain('<sitemapindex');
    }
  });
});
