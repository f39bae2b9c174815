import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { adminToken, api, approvedListing, cooperative } from '../support/e2e';
import { openNeed, verifiedBuyer } from '../support/bids';
import { needInput } from '../support/needs';

// The web app as the gateway serves it over a phone network and to crawlers: precompressed assets
// with long caching, pages never cached, 404 for whatever is not a page, each page's own title and
// description in the HTML, robots.txt and a sitemap of public supplier and product pages.

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** As sent, still compressed. */
  raw: Buffer;
  /** Decompressed per Content-Encoding. */
  text: string;
}

/** A GET without the automatic decompression of fetch, so Content-Encoding is what the server sent. */
function get(path: string, acceptEncoding?: string): Promise<Answer> {
  const url = new URL(path, process.env.E2E_GATEWAY_URL);
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const plain = encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, text: plain.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];
const description = (html: string) => /<meta name="description" content="([^"]*)"/.exec(html)?.[1];
const noindex = (html: string) => html.includes('<meta name="robots" content="noindex"');
const vary = (a: Answer) => String(a.headers.vary ?? '').toLowerCase();
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);

/** Every page URL the sitemap lists, through its index. */
async function sitemapPages(): Promise<string[]> {
  const index = await get('/sitemap.xml');
  expect(index.status).toBe(200);
  expect(index.headers['content-type']).toMatch(/^application\/xml/);
  expect(index.text).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
  const files = locs(index.text);
  expect(files).toEqual(expect.arrayContaining(['/sitemap/nha-cung-cap-1.xml', '/sitemap/san-pham-1.xml']));
  const pages: string[] = [];
  for (const file of files) {
    const f = await get(file);
    expect(f.status).toBe(200);
    expect(f.text).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    pages.push(...locs(f.text));
  }
  return pages;
}

describe('static files over a phone network', () => {
  let asset: string;

  beforeAll(async () => {
    const home = await get('/');
    // The entry script Vite named by its content hash.
    asset = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(home.text)![1];
  });

  it('sends a hashed asset as brotli or gzip as the browser accepts, with Vary and a year of immutable caching', async () => {
    const plain = await get(asset, 'identity');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const [accept, encoding] of [['gzip, deflate, br', 'br'], ['br', 'br'], ['gzip', 'gzip'], ['gzip;q=1, br;q=0', 'gzip']] as const) {
      const a = await get(asset, accept);
      expect({ accept, status: a.status, encoding: a.headers['content-encoding'] }).toEqual({ accept, status: 200, encoding });
      expect(a.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(vary(a)).toContain('accept-encoding');
      expect(a.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      // The same file, smaller on the wire.
      expect(a.text).toBe(plain.text);
      expect(a.raw.length).toBeLessThan(plain.raw.length / 2);
    }
    expect(vary(plain)).toContain('accept-encoding');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('never lets a page be cached (it names the current build\'s assets), and compresses it too', async () => {
    for (const path of ['/', '/tim-kiem', '/dang-nhap']) {
      const page = await get(path, 'gzip, br');
      expect({ path, status: page.status, cache: page.headers['cache-control'], encoding: page.headers['content-encoding'] }).toEqual({
        path,
        status: 200,
        cache: 'no-cache',
        encoding: 'br',
      });
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(vary(page)).toContain('accept-encoding');
      expect(page.text).toContain('<div id="root">');
    }
    expect((await get('/', 'gzip')).headers['content-encoding']).toBe('gzip');
    // A page names its own chunks at once, so they download beside the entry script.
    const directory = (await get('/nha-cung-cap')).text;
    const preloaded = [...directory.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)"/g)].map((m) => m[1]);
    expect(preloaded.some((c) => /\/assets\/DirectoryPage-[\w-]+\.js$/.test(c))).toBe(true);
    expect(preloaded.some((c) => /\/assets\/AppShell-[\w-]+\.js$/.test(c))).toBe(true);
    // The search page, whose first screen comes with it, lists them for boot.js to start once it is painted, the entry first.
    const search = (await get('/tim-kiem')).text;
    expect(search).not.toContain('rel="modulepreload"');
    expect(search).toContain('<script defer src="/boot.js"></script>');
    const deferred = JSON.parse(/<script type="application\/json" id="deferred-scripts">([^<]*)<\/script>/.exec(search)![1]) as string[];
    expect(deferred[0]).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    expect(deferred.some((c) => /\/assets\/SearchPage-[\w-]+\.js$/.test(c))).toBe(true);
    expect(deferred.some((c) => /\/assets\/AppShell-[\w-]+\.js$/.test(c))).toBe(true);
    for (const chunk of [...preloaded, ...deferred, '/boot.js']) expect({ chunk, status: (await get(chunk)).status }).toEqual({ chunk, status: 200 });
    // The build manifest that lists them is not served.
    expect((await get('/.vite/manifest.json')).status).toBe(404);
    expect((await get('/', undefined)).headers['content-encoding']).toBeUndefined();
  });

  it('serves a production build of React, never its development build', async () => {
    const chunks = [...(await get('/')).text.matchAll(/(\/assets\/[^"]+\.js)/g)].map((m) => m[1]);
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) {
      const js = (await get(chunk)).text;
      expect(js).not.toContain('react-dom.development');
      expect(js).not.toContain('jsxDEV');
    }
  });
});

describe('pages, titles and 404s', () => {
  let supplier: Awaited<ReturnType<typeof cooperative>>;
  let productId: string;
  let buyer: Awaited<ReturnType<typeof verifiedBuyer>>;
  let needId: string;
  let bareNeedId: string;

  beforeAll(async () => {
    supplier = await cooperative('HTX Chè Shan tuyết Suối Giàng', { provinceCode: '15', verified: true });
    buyer = await verifiedBuyer('Công ty CP Trà Việt');
    needId = await openNeed(buyer.token, { title: 'Chè xanh Thái Nguyên loại 1', description: 'Chè búp khô, sao tay, đóng túi 500 g.' });
    bareNeedId = await openNeed(buyer.token, { title: 'Chè đen', description: null });
    productId = await approvedListing(supplier.token, {
      categoryCode: '0902',
      name: 'Chè Shan tuyết cổ thụ Suối Giàng',
      description: 'Chè búp từ cây cổ thụ trên 300 năm tuổi, sao thủ công.',
      unitCode: 'KGM',
      monthlyCapacity: '800',
    });
  });

  it('gives each page its own title and description, and asks crawlers not to index private pages', async () => {
    const pages = [
      ['/', 'LienKet — Liên kết hợp tác xã và doanh nghiệp', false],
      ['/tim-kiem', 'Tìm nông sản từ hợp tác xã — LienKet', false],
      ['/nha-cung-cap', 'Nhà cung cấp — LienKet', false],
      ['/dang-ky', 'Đăng ký tài khoản — LienKet', false],
      ['/tai-khoan', 'Tài khoản — LienKet', true],
      ['/quan-tri', 'Quản trị — LienKet', true],
    ] as const;
    const descriptions = new Set<string>();
    for (const [path, expected, hidden] of pages) {
      const page = await get(path);
      expect({ path, status: page.status, title: title(page.text), noindex: noindex(page.text) }).toEqual({ path, status: 200, title: expected, noindex: hidden });
      descriptions.add(description(page.text) ?? '');
    }
    expect(descriptions.size).toBe(pages.length);
  });

  it('names a public product page and a verified supplier page after their object', async () => {
    const product = await get(`/san-pham/${productId}/xem`);
    expect(product.status).toBe(200);
    expect(title(product.text)).toBe('Chè Shan tuyết cổ thụ Suối Giàng — LienKet');
    expect(description(product.text)).toBe('Chè búp từ cây cổ thụ trên 300 năm tuổi, sao thủ công.');
    expect(noindex(product.text)).toBe(false);
    const page = await get(`/nha-cung-cap/${supplier.orgId}`);
    expect(page.status).toBe(200);
    expect(title(page.text)).toBe('HTX Chè Shan tuyết Suối Giàng — LienKet');
    expect(description(page.text)).toBe('HTX Chè Shan tuyết Suối Giàng trên LienKet: sản phẩm, chứng nhận và lịch sử hợp đồng.');
  });

  it('names a public need page after the need, asking the procurement subgraph', async () => {
    const page = await get(`/nhu-cau/${needId}`);
    expect(page.status).toBe(200);
    expect(title(page.text)).toBe('Chè xanh Thái Nguyên loại 1 — Nhu cầu mua — LienKet');
    expect(description(page.text)).toBe('Chè búp khô, sao tay, đóng túi 500 g.');
    expect(noindex(page.text)).toBe(false);
    // Without a description, the page is described by the need and its buyer, named by catalog.
    const bare = await get(`/nhu-cau/${bareNeedId}`);
    expect(bare.status).toBe(200);
    expect(description(bare.text)).toBe('Chè đen: nhu cầu mua của Công ty CP Trà Việt trên LienKet, với số lượng, nơi giao và hạn chót nhận báo giá.');
  });

  it('answers 404 for any path that is not a page, for unknown ids, and for objects the public cannot see', async () => {
    const pending = await cooperative('HTX Chè Chờ duyệt');
    const draft = await api<{ createNeed: { id: string } }>(`mutation C($input: NeedInput!) { createNeed(input: $input) { id } }`, { input: needInput() }, { token: buyer.token });
    const paths = [
      '/khong-co-trang-nay',
      '/index.html',
      '/tim-kiem/them',
      '/san-pham/khong-phai-id',
      '/san-pham/khong-phai-id/xem',
      `/san-pham/${randomUUID()}/xem`,
      `/nha-cung-cap/${randomUUID()}`,
      '/nha-cung-cap/khong-phai-id',
      `/nha-cung-cap/${pending.orgId}`,
      `/nhu-cau/${randomUUID()}`,
      '/nhu-cau/khong-phai-id/sua',
      `/nhu-cau/${draft.data!.createNeed.id}`,
      '/assets/khong-co.js',
      '/quan-tri/khong-co',
    ];
    for (const path of paths) {
      const page = await get(path);
      expect({ path, status: page.status }).toEqual({ path, status: 404 });
      // Still the app, which shows its "not found" page (or, to its owner, a private page).
      expect(page.text).toContain('<div id="root">');
      expect(title(page.text)).toBe('Không tìm thấy trang — LienKet');
      expect(noindex(page.text)).toBe(true);
    }
    // The editor's own paths exist (their content needs a session).
    expect((await get(`/san-pham/${productId}`)).status).toBe(200);
    expect((await get('/san-pham/moi')).status).toBe(200);
  });
});

describe('robots.txt and the sitemap', () => {
  it('lets crawlers in, keeps them off the API, and names the sitemap', async () => {
    const robots = await get('/robots.txt');
    expect(robots.status).toBe(200);
    expect(robots.headers['content-type']).toBe('text/plain; charset=utf-8');
    const lines = robots.text.split('\n');
    expect(lines).toEqual(expect.arrayContaining(['User-agent: *', 'Disallow: /api/', 'Disallow: /graphql']));
    expect(lines.find((l) => l.startsWith('Sitemap: '))).toMatch(/^Sitemap: https?:\/\/[^/]+\/sitemap\.xml$/);
  });

  it('lists public supplier and product pages only: not a suspended organization\'s, nor a rejected or pending listing', async () => {
    const admin = await adminToken();
    const listed = await cooperative('HTX Mắc ca Tuy Đức', { provinceCode: '66', verified: true });
    const listedProduct = await approvedListing(listed.token, { categoryCode: '0802', name: 'Mắc ca Tuy Đức', unitCode: 'TNE', monthlyCapacity: '5' });
    const suspended = await cooperative('HTX Mắc ca Bị đình chỉ', { provinceCode: '66', verified: true });
    const suspendedProduct = await approvedListing(suspended.token, { categoryCode: '0802', name: 'Mắc ca Đình chỉ', unitCode: 'TNE', monthlyCapacity: '5' });
    const suspend = await api(`mutation($id: ID!) { suspendOrganization(id: $id, reason: "Nhiều báo cáo gian lận") { id } }`, { id: suspended.orgId }, { token: admin });
    expect(suspend.errors).toBeUndefined();
    // A listing rejected at its first review, and one still waiting for it.
    const create = `mutation C($input: ProductInput!) { createProduct(input: $input) { id } }`;
    const submit = `mutation S($id: ID!) { submitProduct(id: $id) { id } }`;
    const draft = async (name: string) => {
      const c = await api<{ createProduct: { id: string } }>(create, { input: { categoryCode: '0802', name, unitCode: 'TNE', monthlyCapacity: '5' } }, { token: listed.token });
      const id = c.data!.createProduct.id;
      expect((await api(submit, { id }, { token: listed.token })).errors).toBeUndefined();
      return id;
    };
    const rejected = await draft('Mắc ca bị từ chối');
    const reject = await api(`mutation($id: ID!) { moderate(subject: PRODUCT, subjectId: $id, decision: REJECT, reason: "Ảnh không rõ") { subjectId } }`, { id: rejected }, { token: admin });
    expect(reject.errors).toBeUndefined();
    const waiting = await draft('Mắc ca chờ duyệt');
    const pendingOrg = await cooperative('HTX Mắc ca Chờ xác minh', { provinceCode: '66' });

    const pages = await sitemapPages();
    expect(pages).toEqual(expect.arrayContaining([`/nha-cung-cap/${listed.orgId}`, `/san-pham/${listedProduct}/xem`]));
    for (const hidden of [
      `/nha-cung-cap/${suspended.orgId}`,
      `/san-pham/${suspendedProduct}/xem`,
      `/san-pham/${rejected}/xem`,
      `/san-pham/${waiting}/xem`,
      `/nha-cung-cap/${pendingOrg.orgId}`,
    ]) {
      expect(pages).not.toContain(hidden);
      // And the page itself is not found, for crawlers as for anyone.
      expect({ hidden, status: (await get(hidden)).status }).toEqual({ hidden, status: 404 });
    }
    // Every page the sitemap names answers 200.
    for (const page of pages.slice(0, 20)) expect({ page, status: (await get(page)).status }).toEqual({ page, status: 200 });
  });

  it('answers 404 for a sitemap file past the last or not of the index\'s form', async () => {
    for (const file of ['/sitemap/san-pham-999.xml', '/sitemap/san-pham-0.xml', '/sitemap/khac-1.xml', '/sitemap/san-pham-1.json']) {
      expect({ file, status: (await get(file)).status }).toEqual({ file, status: 404 });
    }
  });
});
