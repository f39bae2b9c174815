import { readFile, readdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { GATEWAY_SECRET_HEADER } from '@lienket/auth';
import { asGateway, SIGN_UP, signUpInput } from '@lienket/testing';
import { cooperative, needInput, rows, signUpOwner } from '../support/e2e';
import { Answer, catalogUrl, originOf, post, procurementUrl, send, someAddress } from '../support/edge';

// Subgraphs only behind the gateway: called directly, without the gateway's secret or with a
// forged one, they answer a coded refusal and do nothing (docs/security.md, section edge).

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const ENTITIES = `query E($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id name taxCode } } }`;
const CREATE_NEED = `mutation C($input: NeedInput!) { createNeed(input: $input) { id } }`;

/** What a caller without the secret may try: none, a forged one, an empty one. */
const NOT_THE_GATEWAY: Record<string, Record<string, string>> = {
  'no secret': {},
  'a forged secret': { [GATEWAY_SECRET_HEADER]: Buffer.from(crypto.getRandomValues(new Uint8Array(48))).toString('base64url') },
  'an empty secret': { [GATEWAY_SECRET_HEADER]: '' },
};

/** The refusal: 403, the GraphQL error shape with a code, in the caller's language, nothing else. */
function expectRefused(r: Answer, lang: 'vi' | 'en' = 'en') {
  expect(r.status).toBe(403);
  const message = lang === 'en' ? 'This internal service accepts requests through the LienKet gateway only.' : 'Dịch vụ nội bộ này chỉ nhận yêu cầu qua cổng API của LienKet.';
  expect(r.json()).toEqual({ errors: [{ message, extensions: { code: 'FORBIDDEN' } }] });
}

describe('a subgraph called directly', () => {
  it.each(Object.entries(NOT_THE_GATEWAY))('refuses GraphQL mutations with %s, writing nothing', async (_, headers) => {
    const input = signUpInput();
    expectRefused(await post(catalogUrl(), SIGN_UP, { input }, { headers: { ...headers, 'accept-language': 'en', 'x-forwarded-for': someAddress() } }));
    expect(await rows(`SELECT id FROM catalog.users WHERE email = $1`, [input.email])).toEqual([]);
    expect(await rows(`SELECT id FROM catalog.organizations WHERE tax_code = $1`, [input.organization.taxCode])).toEqual([]);

    const buyer = await signUpOwner({ kind: 'ENTERPRISE' });
    const needOf = (buyerToken: string) => ({ input: needInput(), token: buyerToken });
    const need = needOf(buyer.token);
    expectRefused(await post(procurementUrl(), CREATE_NEED, { input: need.input }, { headers: { ...headers, 'accept-language': 'vi', authorization: `Bearer ${need.token}` } }), 'vi');
    expect(await rows(`SELECT id FROM procurement.needs WHERE buyer_org_id = $1`, [buyer.orgId])).toEqual([]);
    expect(await rows(`SELECT id FROM procurement.outbox WHERE payload::text LIKE $1`, [`%${buyer.orgId}%`])).toEqual([]);

    // The same mutations with the gateway's secret are valid ones: the secret alone decided.
    expect((await post(catalogUrl(), SIGN_UP, { input }, { headers: asGateway() })).json().errors).toBeUndefined();
    expect(await rows(`SELECT email FROM catalog.users WHERE email = $1`, [input.email])).toEqual([{ email: input.email }]);
    const created = await post(procurementUrl(), CREATE_NEED, { input: need.input }, { headers: { ...asGateway(), authorization: `Bearer ${need.token}` } });
    expect(created.json().errors).toBeUndefined();
    expect(await rows(`SELECT count(*)::int AS n FROM procurement.needs WHERE buyer_org_id = $1`, [buyer.orgId])).toEqual([{ n: 1 }]);
  });

  it.each(Object.entries(NOT_THE_GATEWAY))('answers no `_entities` with %s', async (_, headers) => {
    const coop = await cooperative('HTX Thử nghiệm Thực thể', { verified: true });
    const representations = [{ __typename: 'Organization', id: coop.orgId }];
    const refused = await post(catalogUrl(), ENTITIES, { r: representations }, { headers: { ...headers, 'accept-language': 'en' } });
    expectRefused(refused);
    expect(refused.text).not.toContain(coop.name);
    // Through the trust boundary the same representation resolves.
    const through = await post(catalogUrl(), ENTITIES, { r: representations }, { headers: asGateway() });
    expect(through.json<{ data: { _entities: { id: string }[] } }>().data._entities[0]).toMatchObject({ id: coop.orgId, name: coop.name });
  });

  it.each(Object.entries(NOT_THE_GATEWAY))('refuses a REST upload with %s, storing no row and no file', async (_, headers) => {
    const owner = await signUpOwner();
    const form = new FormData();
    form.set('kind', 'BUSINESS_REGISTRATION');
    form.set('file', new Blob([new Uint8Array(PDF)]), 'giay-phep.pdf');
    const r = await send(`${originOf(catalogUrl())}/api/documents`, { method: 'POST', body: form, headers: { ...headers, 'accept-language': 'en', authorization: `Bearer ${owner.token}` } });
    expectRefused(r);
    expect(await rows(`SELECT id FROM catalog.documents WHERE organization_id = $1`, [owner.orgId])).toEqual([]);
    expect(await readdir(join(process.env.E2E_UPLOAD_DIR!, owner.orgId)).catch(() => [])).toEqual([]);
    // Stripe's webhook too is reached only through the gateway.
    expectRefused(await send(`${originOf(procurementUrl())}/webhooks/stripe`, { method: 'POST', body: '{}', headers: { ...headers, 'accept-language': 'en', 'content-type': 'application/json' } }));
  });

  it('answers /health without the secret, saying only up or down', async () => {
    for (const url of [catalogUrl(), procurementUrl()]) {
      const r = await send(`${originOf(url)}/health`);
      expect(r.status).toBe(200);
      expect(r.json()).toEqual({ status: 'ok', info: { postgres: { status: 'up' }, redis: { status: 'up' } }, error: {}, details: { postgres: { status: 'up' }, redis: { status: 'up' } } });
    }
  });
});

/** Local addresses of the TCP sockets listening on `port`, from the kernel's tables (IPv4 and IPv6). */
async function listeningAddresses(port: number): Promise<string[]> {
  const found: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const lines = (await readFile(file, 'utf8').catch(() => '')).split('\n').slice(1);
    for (const line of lines) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (state !== '0A' || !local) continue; // 0A: LISTEN
      const [hex, portHex] = local.split(':');
      if (parseInt(portHex, 16) !== port) continue;
      if (hex.length === 8) found.push(hex.match(/../g)!.reverse().map((b) => parseInt(b, 16)).join('.'));
      else found.push(hex === '00000000000000000000000001000000' ? '::1' : hex === '0'.repeat(32) ? '::' : `ipv6:${hex}`);
    }
  }
  return found;
}

const refusedAt = (host: string, port: number) =>
  new Promise<string>((resolve) => {
    const socket = connect({ host, port, timeout: 3000 });
    socket.once('connect', () => (socket.destroy(), resolve('connected')));
    socket.once('timeout', () => (socket.destroy(), resolve('timeout')));
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
  });

describe('where the subgraphs listen', () => {
  it('binds both subgraphs and the matcher’s health port to loopback only', async () => {
    const ports = [catalogUrl(), procurementUrl()].map((u) => Number(new URL(u).port)).concat(Number(process.env.E2E_MATCHER_HEALTH_PORT));
    const external = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).filter((i) => !i.internal && i.family === 'IPv4').map((i) => i.address));
    for (const port of ports) {
      expect(await listeningAddresses(port)).toEqual(['127.0.0.1']);
      for (const address of external) expect(await refusedAt(address, port)).toBe('ECONNREFUSED');
    }
  });
});
