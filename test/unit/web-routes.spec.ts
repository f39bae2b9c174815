import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstPaint, headMeta, matchRoute, PAGE_TEXTS, renderHead, WEB_ROUTES } from '../../apps/gateway/src/web-pages';

// The gateway answers 404 for any path outside apps/web/src/page-routes.json: a route added to the
// router but not to the table would be a page that crawlers and reloads see as missing.

const WEB = join(__dirname, '..', '..', 'apps', 'web', 'src');

/** Every `path="…"` of the router, as absolute paths (the index route is "/"). */
function routerPaths(): string[] {
  const source = readFileSync(join(WEB, 'router.tsx'), 'utf8');
  const paths = [...source.matchAll(/<Route\s+path="([^"]+)"/g)].map((m) => m[1]).filter((p) => p !== '*');
  return ['/', ...paths.map((p) => `/${p}`)].sort();
}

describe('the route table the gateway and the web app share', () => {
  it('holds exactly the routes of the router', () => {
    expect(WEB_ROUTES.map((r) => r.path).sort()).toEqual(routerPaths());
  });

  it('names for each route the module the router loads for it, and the lazy shell around it', () => {
    const source = readFileSync(join(WEB, 'router.tsx'), 'utf8');
    const modules = Object.fromEntries([...source.matchAll(/const (\w+) = lazy\(\(\) => import\('\.\/([^']+)'\)\)/g)].map((m) => [m[1], `${m[2]}.tsx`]));
    const elements = Object.fromEntries(
      [...source.matchAll(/<Route\s+(?:path="([^"]+)"|index)\s+element=\{<(\w+) \/>\}/g)].map((m) => [m[1] ? `/${m[1]}` : '/', m[2]]),
    );
    for (const route of WEB_ROUTES) {
      expect({ path: route.path, page: route.modules.at(-1) }).toEqual({ path: route.path, page: modules[elements[route.path]] });
      // Every page but the landing page sits inside the AppShell layout route (Apollo, antd).
      expect({ path: route.path, shell: route.modules.includes('lib/AppShell.tsx') }).toEqual({ path: route.path, shell: route.path !== '/' });
    }
  });

  it('has a Vietnamese and an English title and description for every page', () => {
    const en = JSON.parse(readFileSync(join(WEB, 'i18n', 'pages.en.json'), 'utf8')) as Record<string, { title: string; description: string }>;
    for (const page of [...WEB_ROUTES.map((r) => r.page), 'notFound']) {
      for (const texts of [PAGE_TEXTS, en]) {
        expect({ page, title: !!texts[page]?.title, description: !!texts[page]?.description }).toEqual({ page, title: true, description: true });
      }
    }
    // No two pages share a title.
    expect(new Set(Object.values(PAGE_TEXTS).map((t) => t.title)).size).toBe(Object.keys(PAGE_TEXTS).length);
  });

  it('matches ids as uuids only, and a trailing slash or another case as the same page', () => {
    const id = '5fb6da51-d88a-4ff1-ba83-c133f9799428';
    expect(matchRoute(`/san-pham/${id}/xem`)).toEqual({ route: expect.objectContaining({ page: 'product', subject: 'product' }), id });
    expect(matchRoute(`/san-pham/${id.toUpperCase()}`)?.id).toBe(id);
    expect(matchRoute('/tim-kiem/')?.route.page).toBe('search');
    expect(matchRoute('/Tim-Kiem')?.route.page).toBe('search');
    for (const path of ['/san-pham/abc/xem', '/san-pham/moi/xem', '/tim-kiem/x', '//', '/nha-cung-cap/1', '/index.html']) expect(matchRoute(path)).toBeNull();
  });

  it('writes the title, a clipped description and noindex into the head, escaped', () => {
    const template = '<html><head><meta name="description" content="x" />\n<title>old</title></head><body></body></html>';
    const html = renderHead(template, headMeta('product', false, { name: 'Gạo <ST25> & "Sóc Trăng"', description: `${'Hạt dài '.repeat(40)}thơm` }));
    expect(html).toContain('<title>Gạo &lt;ST25&gt; &amp; &quot;Sóc Trăng&quot; — LienKet</title>');
    const description = /content="([^"]*)"/.exec(html)![1];
    expect(description.length).toBeLessThanOrEqual(160);
    // Cut at a word: "…Hạt dài Hạt…", never inside a word or after a space.
    expect(description).toMatch(/(Hạt|dài)…$/);
    expect(html).not.toContain('noindex');
    expect(renderHead(template, headMeta('notFound', true))).toContain('<meta name="robots" content="noindex" />');
  });

  describe('the first screen drawn with the HTML (search and product pages)', () => {
    const template = [
      '<html><head><meta name="description" content="x" />',
      '<title>old</title>',
      '<script type="module" crossorigin src="/assets/index-a.js"></script>',
      '<link rel="modulepreload" crossorigin href="/assets/i18n-b.js">',
      '<link rel="stylesheet" crossorigin href="/assets/index-c.css">',
      '</head><body><div id="root"><div class="app"><header class="app-header"></header></div></div></body></html>',
    ].join('\n');
    const product = {
      name: 'Gạo <ST25> & "Sóc Trăng" $&',
      description: '<script>alert(1)</script> thơm',
      category: { code: '1006', name: 'Lúa gạo', shortName: 'Gạo' },
      photos: [{ url: '/api/files/a"b.webp', width: 800, height: 600 }],
    };

    it('writes the product escaped into #root after the header, and only for the search and product pages', () => {
      const html = renderHead(template, { ...headMeta('product', false, product), body: firstPaint('product', product) });
      const root = html.slice(html.indexOf('<div id="root">'));
      expect(root).toContain('<h1>Gạo &lt;ST25&gt; &amp; &quot;Sóc Trăng&quot; $&amp;</h1>');
      expect(root).toContain('Mã HS 1006 — Lúa gạo');
      expect(root).toContain('&lt;script&gt;alert(1)&lt;/script&gt; thơm');
      expect(root).toContain('src="/api/files/a&quot;b.webp" width="800" height="600" alt="Ảnh 1 của Gạo &lt;ST25&gt; &amp; &quot;Sóc Trăng&quot; $&amp;"');
      expect(root).not.toContain('<script>alert');
      expect(root.indexOf('</header>')).toBeLessThan(root.indexOf('<main id="main" class="app-main">'));
      expect(firstPaint('search')).toContain('<h1>Tìm nguồn hàng</h1>');
      expect(firstPaint('product', null)).toBeUndefined();
      expect(firstPaint('directory')).toBeUndefined();
    });

    it('starts the scripts after that paint (boot.js), the entry first; other pages keep them in the head', () => {
      const html = renderHead(template, { ...headMeta('search', false), preload: ['/assets/SearchPage-d.js'], body: firstPaint('search') });
      expect(html).not.toMatch(/<script type="module"|rel="modulepreload"/);
      expect(html).toContain('<script defer src="/boot.js"></script>');
      expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/index-c.css">');
      const list = /<script type="application\/json" id="deferred-scripts">([^<]*)<\/script>/.exec(html);
      expect(JSON.parse(list![1])).toEqual(['/assets/index-a.js', '/assets/i18n-b.js', '/assets/SearchPage-d.js']);

      const plain = renderHead(template, { ...headMeta('directory', false), preload: ['/assets/DirectoryPage-e.js'] });
      expect(plain).toContain('<script type="module" crossorigin src="/assets/index-a.js"></script>');
      expect(plain).toContain('<link rel="modulepreload" crossorigin href="/assets/DirectoryPage-e.js">');
      expect(plain).not.toMatch(/boot\.js|deferred-scripts|<main/);
    });
  });
});
