import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gatewayUrl } from '../support/e2e';
import { Answer, post, send } from '../support/edge';

// Security headers on every kind of gateway response (docs/security.md, section edge).

const origin = () => gatewayUrl().replace(/\/graphql$/, '');
const script = readdirSync(join(__dirname, '..', '..', 'dist', 'web', 'assets')).find((f) => f.endsWith('.js'))!;

/** Every kind of answer the gateway gives, each with the status that shows it is that kind. */
const RESPONSES: [string, number, () => Promise<Answer>][] = [
  ['a GraphQL result', 200, () => post(gatewayUrl(), '{ provinces { code } }')],
  ['a GraphQL error', 400, () => post(gatewayUrl(), '{ nope }')],
  ['malformed JSON', 400, () => send(gatewayUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' })],
  ['a body too large', 413, () => send(gatewayUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'x'.repeat(300_000) }) })],
  ['GET /graphql in a browser (no landing page)', 400, () => send(gatewayUrl(), { headers: { accept: 'text/html' } })],
  ['the web app', 200, () => send(`${origin()}/`)],
  ['a client-side route', 200, () => send(`${origin()}/tim-kiem`)],
  ['a page that does not exist', 404, () => send(`${origin()}/san-pham/khong-co`)],
  ['robots.txt', 200, () => send(`${origin()}/robots.txt`)],
  ['the sitemap (forwarded to catalog)', 200, () => send(`${origin()}/sitemap.xml`)],
  ['a built script', 200, () => send(`${origin()}/assets/${script}`)],
  ['the favicon', 200, () => send(`${origin()}/favicon.svg`)],
  ['a REST forward to catalog (unknown photo)', 404, () => send(`${origin()}/api/photos/00000000-0000-4000-8000-000000000000`)],
  ['a REST forward to procurement (webhook)', 503, () => send(`${origin()}/webhooks/stripe`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })],
  ['an unknown route', 404, () => send(`${origin()}/khong-co`, { method: 'POST' })],
  ['health', 200, () => send(`${origin()}/health`)],
];

describe('security headers', () => {
  it.each(RESPONSES)('are on %s', async (_, status, request) => {
    const r = await request();
    expect(r.status).toBe(status);
    const csp = Object.fromEntries(r.headers['content-security-policy'].split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['script-src-attr']).toEqual(["'none'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['upgrade-insecure-requests']).toBeUndefined();
    expect(r.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' });
    // Plain HTTP from a client no proxy setting trusts: no HSTS (edge-proxies shows when it is sent).
    expect(r.headers['strict-transport-security']).toBeUndefined();
    expect(r.headers['x-powered-by']).toBeUndefined();
  });

  it('keep the web app free of inline scripts the CSP would block', async () => {
    const html = (await send(`${origin()}/`)).text;
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/assets\//);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
