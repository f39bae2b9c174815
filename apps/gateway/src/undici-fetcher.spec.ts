import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SubgraphDataSource } from './subgraph-data-source';
import { undiciFetcher } from './undici-fetcher';

// A real HTTP server standing in for a subgraph: it answers what it is told to in the body it gets.
let server: Server;
let url: string;
const seen: { method?: string; headers: Record<string, unknown>; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method, headers: req.headers, body });
      const refuse = body.includes('refuse');
      res.writeHead(refuse ? 400 : 200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(
        JSON.stringify(
          refuse
            ? { errors: [{ message: 'Ngày không hợp lệ', extensions: { code: 'BAD_USER_INPUT' } }] }
            : { data: { echo: 'Cà phê' } },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('undiciFetcher', () => {
  const fetcher = undiciFetcher();

  it('sends the method, headers and body, and answers like fetch', async () => {
    const res = await fetcher(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer t' }, body: '{"q":1}' });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', headers: { authorization: 'Bearer t' }, body: '{"q":1}' });
    expect([res.status, res.ok, res.statusText, res.url]).toEqual([200, true, 'OK', url]);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(await res.clone().json()).toEqual({ data: { echo: 'Cà phê' } });
    expect(await res.text()).toBe('{"data":{"echo":"Cà phê"}}');
  });

  it("lets the gateway's data source relay a subgraph's refusal with its code", async () => {
    const source = new SubgraphDataSource({ url, fetcher });
    const request = { query: 'query { refuse }', http: { method: 'POST', url, headers: new Headers() } };
    await expect(
      source.process({ kind: 'incoming operation', request, context: {}, incomingRequestContext: {} } as never),
    ).rejects.toMatchObject({ message: 'Ngày không hợp lệ', extensions: { code: 'BAD_USER_INPUT' } });
  });
});
