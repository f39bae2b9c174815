import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The web app's routes and page texts, shared with it (apps/web/src/page-routes.json,
 * i18n/pages.*.json), read from the repository as the supergraph is: from dist/apps/gateway/src
 * when built, from apps/gateway/src under Jest.
 */
const WEB_SRC = [join(__dirname, '..', '..', '..', '..'), join(__dirname, '..', '..', '..')]
  .map((root) => join(root, 'apps', 'web', 'src'))
  .find((dir) => existsSync(join(dir, 'page-routes.json')))!;

export interface WebRoute {
  path: string;
  page: string;
  /** A page a visitor without an account may see, and a crawler may index. */
  public?: boolean;
  /** The page shows one object: it exists for the public only while `product(id)` / `organization(id)` / `need(id)` answers it. */
  subject?: 'product' | 'organization' | 'need';
  /** The lazy modules the page loads (its layout route and itself), relative to apps/web/src. */
  modules: string[];
}

/** What Vite's build manifest (dist/web/.vite/manifest.json) says of a module. */
export interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}
export type Manifest = Record<string, ManifestChunk>;

/**
 * The chunks a page needs beyond the entry's: its lazy modules and everything they import
 * statically. Named in the HTML, they download beside the entry instead of one round trip after
 * another as each module discovers the next (on slow 4G, ~150 ms each).
 */
export function pageChunks(manifest: Manifest, modules: string[]): string[] {
  const seen = new Set<string>();
  const walk = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const i of manifest[key].imports ?? []) walk(i);
  };
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (entry) walk(entry);
  const loaded = new Set(seen);
  for (const m of modules) walk(`src/${m}`);
  return [...seen].filter((k) => !loaded.has(k)).map((k) => `/${manifest[k].file}`);
}

export interface PageText {
  title: string;
  description: string;
  named?: string;
  namedDescription?: string;
}

export const WEB_ROUTES: WebRoute[] = (JSON.parse(readFileSync(join(WEB_SRC, 'page-routes.json'), 'utf8')) as { routes: WebRoute[] }).routes;
/** Vietnamese, the app's default language and what its first paint shows; the app then follows the reader's choice. */
export const PAGE_TEXTS: Record<string, PageText> = JSON.parse(readFileSync(join(WEB_SRC, 'i18n', 'pages.vi.json'), 'utf8')) as Record<string, PageText>;

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const compiled = WEB_ROUTES.map((route) => ({
  route,
  // Every `:param` of these routes is an id (a uuid); anything else there is not a page. A trailing
  // slash and another letter case are the same page, as the router sees them.
  pattern: new RegExp(`^${route.path.replace(/\/$/, '').replace(/:[a-z]+/gi, `(${UUID})`)}/?$`, 'i'),
}));

/** The route a path belongs to and its id, or null: no page of the app answers it. */
export function matchRoute(path: string): { route: WebRoute; id?: string } | null {
  for (const { route, pattern } of compiled) {
    const m = pattern.exec(path);
    if (m) return { route, id: m[1]?.toLowerCase() };
  }
  return null;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** As the app's PageMeta cuts descriptions (apps/web/src/lib/page-meta.tsx). */
export const clip = (text: string, max = 160) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
};

export interface HeadMeta {
  title: string;
  description: string;
  /** Private pages and "not found" ask search engines not to index them. */
  noindex: boolean;
  /** Chunks to fetch at once (modulepreload). */
  preload?: string[];
  /** The page's first screen as markup, drawn before the scripts arrive (firstPaint). */
  body?: string;
}

/** The page's texts; a product or supplier page is named after its object, as the app names it. */
export function headMeta(page: string, noindex: boolean, subject?: { name: string; supplier?: string; description?: string | null }): HeadMeta {
  const text = PAGE_TEXTS[page] ?? PAGE_TEXTS.notFound;
  const fill = (template: string) => template.replace(/\{\{name\}\}/g, subject?.name ?? '').replace(/\{\{supplier\}\}/g, subject?.supplier ?? '');
  if (subject && text.named && text.namedDescription) {
    return { title: fill(text.named), description: subject.description ? clip(subject.description) : fill(text.namedDescription), noindex };
  }
  return { title: text.title, description: text.description, noindex };
}

const readTexts = (file: string) => JSON.parse(readFileSync(join(WEB_SRC, 'i18n', file), 'utf8')) as Record<string, Record<string, string>>;
const PRODUCT_TEXTS = readTexts('products.vi.json');
const ORG_TEXTS = readTexts('org.vi.json');

/** What the gateway knows of a product when it serves its page (asked of catalog for the 404 decision). */
export interface FirstPaintProduct {
  name: string;
  description: string | null;
  category: { code: string; name: string; shortName: string };
  photos: { url: string; width: number; height: number }[];
}

/**
 * The first screen of the search and product pages as the app draws it (same elements, classes
 * and Vietnamese texts), written into index.html's `#root` after the header (decision 92).
 * On a phone the page's largest text is then painted with the HTML, not ~3 s later once React,
 * antd and Apollo have arrived and the data was asked for. The app keeps it (apps/web/src/lib/
 * first-paint.tsx) until its page has drawn the same. No test ids and nothing to click: only the
 * app's own elements are acted on.
 */
export function firstPaint(page: string, product?: FirstPaintProduct | null): string | undefined {
  const main = (inner: string) => `<main id="main" class="app-main">${inner}</main>`;
  if (page === 'search') {
    const { title, intro } = PRODUCT_TEXTS.search;
    return main(`<div class="page search-page"><h1>${escapeHtml(title)}</h1><p class="muted">${escapeHtml(intro)}</p></div>`);
  }
  if (page === 'product' && product) {
    const t = ORG_TEXTS.product;
    const name = escapeHtml(product.name);
    const photos = product.photos.length
      ? `<ul class="product-gallery">${product.photos
          .map(
            (p, i) =>
              `<li><img src="${escapeHtml(p.url)}" width="${p.width}" height="${p.height}" alt="${escapeHtml(t.photoAlt.replace('{{n}}', String(i + 1)).replace('{{name}}', () => product.name))}"${i === 0 ? '' : ' loading="lazy"'} decoding="async"></li>`,
          )
          .join('')}</ul>`
      : '';
    const c = product.category;
    const category = `<div class="field"><dt>${escapeHtml(t.category)}</dt><dd><span>${escapeHtml(c.shortName)}</span><span class="category-tariff">${escapeHtml(t.hsCode.replace('{{code}}', () => c.code))} — ${escapeHtml(c.name)}</span></dd></div>`;
    const description = product.description ? `<h2>${escapeHtml(t.description)}</h2><p class="supplier-description">${escapeHtml(product.description)}</p>` : '';
    return main(
      `<div class="page product-page"><h1>${name}</h1>${photos}<div class="supplier-sections"><section class="card" aria-label="${name}"><dl class="fields">${category}</dl>${description}</section></div></div>`,
    );
  }
  return undefined;
}

/** index.html with the page's title, description and robots line in its head. */
export function renderHead(template: string, meta: HeadMeta): string {
  let html = template
    .replace(/<title>[\s\S]*?<\/title>/, `<title>${escapeHtml(meta.title)}</title>`)
    .replace(/<meta\s+name="description"[^>]*>/, `<meta name="description" content="${escapeHtml(meta.description)}" />`);
  const extra = [
    ...(meta.noindex ? ['<meta name="robots" content="noindex" />'] : []),
    ...(meta.preload ?? []).map((href) => `<link rel="modulepreload" crossorigin href="${escapeHtml(href)}">`),
  ];
  if (extra.length) html = html.replace('</head>', `${extra.map((e) => `  ${e}\n`).join('')}  </head>`);
  if (meta.body) {
    // After the header index.html draws itself; a function, so a `$` in the markup is taken as is.
    html = html.replace('</header></div></div>', () => `</header>${meta.body}</div></div>`);
    // The scripts start once that is painted (public/boot.js): the entry, then the chunks to preload.
    const scripts: string[] = [];
    html = html
      .replace(/\s*<script type="module" crossorigin src="([^"]+)"><\/script>/g, (_, src: string) => (scripts.unshift(src), ''))
      .replace(/\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g, (_, href: string) => (scripts.push(href), ''));
    if (scripts.length) {
      // JSON in a data block is not run (CSP's script-src does not apply to it); `<` is escaped so it cannot end the block.
      const list = JSON.stringify(scripts.map((s) => s.replace(/&amp;/g, '&'))).replace(/</g, '\\u003c');
      html = html.replace('</head>', `  <script defer src="/boot.js"></script>\n  </head>`);
      html = html.replace('</body>', `  <script type="application/json" id="deferred-scripts">${list}</script>\n  </body>`);
    }
  }
  return html;
}
