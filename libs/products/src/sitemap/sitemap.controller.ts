import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { SitemapKind, SitemapRepository } from './sitemap.repository';

/** URLs per sitemap file: the protocol allows 50,000; smaller files keep each answer cheap. */
export const SITEMAP_PAGE_SIZE = 5000;

const FILE_OF: Record<SitemapKind, string> = { supplier: 'nha-cung-cap', product: 'san-pham' };
const PAGE_OF: Record<SitemapKind, (id: string) => string> = {
  supplier: (id) => `/nha-cung-cap/${id}`,
  product: (id) => `/san-pham/${id}/xem`,
};
const FILE_NAME = /^(nha-cung-cap|san-pham)-([1-9][0-9]{0,5})\.xml$/;

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The sitemap of the public supplier and product pages (the gateway forwards /sitemap.xml and
 * /sitemap/* here): an index of numbered files, each at most SITEMAP_PAGE_SIZE URLs, absolute on
 * PUBLIC_URL as the protocol requires.
 */
@Controller()
export class SitemapController {
  constructor(
    private readonly repo: SitemapRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('sitemap.xml')
  async index(@Res() res: Response) {
    const files: string[] = [];
    for (const kind of ['supplier', 'product'] as const) {
      const pages = Math.max(1, Math.ceil((await this.repo.count(kind)) / SITEMAP_PAGE_SIZE));
      for (let n = 1; n <= pages; n++) files.push(`${FILE_OF[kind]}-${n}.xml`);
    }
    const entries = files.map((f) => `  <sitemap><loc>${escapeXml(this.url(`/sitemap/${f}`))}</loc></sitemap>`);
    this.send(res, 200, xml(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>`));
  }

  @Get('sitemap/:file')
  async file(@Param('file') file: string, @Res() res: Response) {
    const m = FILE_NAME.exec(file);
    if (!m) return this.send(res, 404, xml('<error>not found</error>'));
    const kind: SitemapKind = m[1] === 'san-pham' ? 'product' : 'supplier';
    const n = Number(m[2]);
    const ids = await this.repo.ids(kind, (n - 1) * SITEMAP_PAGE_SIZE, SITEMAP_PAGE_SIZE);
    // The first file exists even when empty (the index always names it); past the last one, 404.
    if (!ids.length && n > 1) return this.send(res, 404, xml('<error>not found</error>'));
    const entries = ids.map((id) => `  <url><loc>${escapeXml(this.url(PAGE_OF[kind](id)))}</loc></url>`);
    this.send(res, 200, xml(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>`));
  }

  private url(path: string) {
    return `${this.config.gateway.publicUrl.replace(/\/+$/, '')}${path}`;
  }

  private send(res: Response, status: number, body: string) {
    // Crawlers come back daily at most; an hour of caching spares the database their repeats.
    res.status(status).type('application/xml; charset=utf-8').setHeader('cache-control', status === 200 ? 'public, max-age=3600' : 'no-cache');
    res.send(body);
  }
}
