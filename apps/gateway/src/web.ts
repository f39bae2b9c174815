import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { gatewayHeaders } from '@lienket/auth';
import { firstPaint, FirstPaintProduct, headMeta, HeadMeta, Manifest, matchRoute, pageChunks, renderHead, WebRoute } from './web-pages';

const API_PREFIXES = ['/graphql', '/health', '/webhooks/', '/api/', '/sitemap'];
/** Vite names every file under assets/ by its content hash: a new build is a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface WebOptions {
  /** The built web app (dist/web). */
  dir: string;
  /** The catalog subgraph's GraphQL URL, asked whether a product or supplier page's object is public. */
  catalogUrl: string;
  /** The procurement subgraph's GraphQL URL, asked whether a need page's need is public. */
  procurementUrl: string;
  gatewaySecret: string;
  /** The site's address as the public sees it (PUBLIC_URL), for robots.txt's sitemap line. */
  publicUrl: string;
}

/**
 * Serves the built web app (decision 90): hashed assets precompressed (brotli, gzip) with a
 * year of immutable caching; the app's pages as index.html with their own title and description,
 * never cached; 404 for any path that is not a page of the app, and for a product, supplier or need
 * page whose object the public cannot see.
 */
export function serveWeb(o: WebOptions) {
  const assets = expressStaticGzip(o.dir, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: {
      index: false,
      setHeaders: (res, path) => res.setHeader('cache-control', path.includes('/assets/') ? IMMUTABLE : 'public, max-age=3600'),
    },
  });
  const template = indexTemplate(join(o.dir, 'index.html'));
  const manifest = builtManifest(join(o.dir, '.vite', 'manifest.json'));
  const robots = robotsTxt(o.publicUrl);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (API_PREFIXES.some((p) => req.path.startsWith(p))) return next();
    if (req.path === '/robots.txt') return void res.type('text/plain; charset=utf-8').setHeader('cache-control', 'public, max-age=3600').send(robots);
    // index.html is served as the pages below, never as a file of its own.
    if (req.path === '/index.html') return void sendPage(req, res, 404, headMeta('notFound', true), template());
    assets(req, res, () => {
      const html = template();
      if (html === null) return next();
      void page(req, o).then(({ status, meta, route }) => {
        sendPage(req, res, status, route && status !== 404 ? { ...meta, preload: pageChunks(manifest(), route.modules) } : meta, html);
      }, next);
    });
  };
}

/** The page's status and texts; asks a subgraph only for a product, supplier or need page. */
async function page(req: Request, o: WebOptions): Promise<{ status: number; meta: HeadMeta; route?: WebRoute }> {
  const match = matchRoute(req.path);
  if (!match) return { status: 404, meta: headMeta('notFound', true) };
  const { route, id } = match;
  if (!route.subject || !id) return { status: 200, meta: { ...headMeta(route.page, !route.public), body: firstPaint(route.page) }, route };
  const found = await publicSubject(route, id, req, o);
  // The catalog could not say: the app still loads and asks again; crawlers are told to come back.
  if (found === 'unavailable') return { status: 503, meta: headMeta(route.page, false), route };
  if (!found) return { status: 404, meta: headMeta('notFound', true) };
  return { status: 200, meta: { ...headMeta(route.page, false, found), body: firstPaint(route.page, found.product) }, route };
}

const SUBJECT_QUERIES = {
  // What the 404 decision, the head and the first paint need (firstPaint).
  product: `query PageProduct($id: ID!) { subject: product(id: $id) { name description organization { name } category { code name shortName } photos { url width height } } }`,
  organization: `query PageOrganization($id: ID!) { subject: organization(id: $id) { name description } }`,
  // The buyer's name is catalog's: asked there next (`organization`).
  need: `query PageNeed($id: ID!) { subject: need(id: $id) { name: title description organization: buyer { id } } }`,
};

interface Subject {
  name: string;
  description: string | null;
  organization?: { id?: string; name?: string };
  category?: FirstPaintProduct['category'];
  photos?: FirstPaintProduct['photos'];
}

/**
 * The object as an anonymous visitor sees it (no Authorization is passed on): a public listing, a
 * VERIFIED organization, a public need, or null. Asked as the gateway, with its secret, like any subgraph call.
 */
async function publicSubject(route: WebRoute, id: string, req: Request, o: WebOptions) {
  try {
    const need = route.subject === 'need';
    const s = await askSubgraph(need ? o.procurementUrl : o.catalogUrl, SUBJECT_QUERIES[route.subject!], id, req, o);
    if (!s || s === 'unavailable') return s;
    // A need's buyer is named by catalog; a public need's buyer is verified, so catalog shows it.
    const buyer = need && s.organization?.id ? await askSubgraph(o.catalogUrl, SUBJECT_QUERIES.organization, s.organization.id, req, o) : null;
    if (buyer === 'unavailable') return buyer;
    const product = s.category && s.photos ? { name: s.name, description: s.description, category: s.category, photos: s.photos } : null;
    return { name: s.name, description: s.description, supplier: need ? buyer?.name : s.organization?.name, product };
  } catch {
    return 'unavailable' as const;
  }
}

/** One subject query, asked as the gateway; null when it does not exist for the public. */
async function askSubgraph(url: string, query: string, id: string, req: Request, o: WebOptions): Promise<Subject | null | 'unavailable'> {
  const answer = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'vi', ...gatewayHeaders(req.ip, o.gatewaySecret) },
    body: JSON.stringify({ query, variables: { id } }),
    signal: AbortSignal.timeout(5000),
  });
  const body = (await answer.json()) as { data?: { subject: Subject | null }; errors?: { extensions?: { code?: string } }[] };
  // need(id) says NOT_FOUND where the catalog's queries answer null: the same for this page.
  if (body.errors?.length && body.errors.every((e) => e.extensions?.code === 'NOT_FOUND')) return null;
  if (!body.data || body.errors?.length) return 'unavailable';
  return body.data.subject;
}

/** A built file, read again only when a new build replaced it; null while there is none. */
function builtFile<T>(file: string, parse: (text: string) => T) {
  let cached: { mtimeMs: number; value: T } | null = null;
  return (): T | null => {
    if (!existsSync(file)) return null;
    const { mtimeMs } = statSync(file);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, value: parse(readFileSync(file, 'utf8')) };
    return cached.value;
  };
}
const indexTemplate = (file: string) => builtFile(file, (text) => text);
/** Without a manifest (an older build) pages simply name no chunks. */
const builtManifest = (file: string) => {
  const read = builtFile(file, (text) => JSON.parse(text) as Manifest);
  return () => read() ?? {};
};

/**
 * The page, compressed as the browser accepts (a couple of kilobytes: compressing it costs far less
 * than sending it plain over a phone network). Never cached: it names the current build's assets.
 */
function sendPage(req: Request, res: Response, status: number, meta: HeadMeta, template: string | null) {
  if (template === null) return void res.status(status).type('text/plain').send('Not found');
  const html = Buffer.from(renderHead(template, meta));
  // Brotli when the browser takes it at all (smaller than gzip), whatever order it lists them in.
  // No Accept-Encoding at all means any, by the letter; plain text is what such clients expect.
  const offered = !!req.headers['accept-encoding'];
  const encoding = offered && req.acceptsEncodings('br') ? 'br' : offered && req.acceptsEncodings('gzip') ? 'gzip' : 'identity';
  res.status(status);
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-cache');
  res.setHeader('vary', 'Accept-Encoding');
  if (encoding === 'br' || encoding === 'gzip') res.setHeader('content-encoding', encoding);
  const body =
    encoding === 'br' ? brotliCompressSync(html, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }) : encoding === 'gzip' ? gzipSync(html) : html;
  res.setHeader('content-length', String(body.length));
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Everything may be crawled except the API; private pages say noindex themselves. */
function robotsTxt(publicUrl: string) {
  return ['User-agent: *', 'Disallow: /api/', 'Disallow: /graphql', '', `Sitemap: ${publicUrl.replace(/\/+$/, '')}/sitemap.xml`, ''].join('\n');
}
