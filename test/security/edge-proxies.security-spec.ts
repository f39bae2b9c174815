import { loadConfig } from '@lienket/config';
import { uniqueEmail } from '@lienket/testing';
import { gatewayUrl, signUpOwner } from '../support/e2e';
import { ExtraGateway, send, signIn, someAddress, startGateway } from '../support/edge';

// Client addresses and TLS as proxies tell them: the gateway believes X-Forwarded-For and
// X-Forwarded-Proto only from proxies TRUST_PROXY names (none by default), and the subgraphs act on
// the address the gateway passes (docs/security.md, section edge).

/** Failed sign-ins one address may make (SIGNIN_MAX_FAILURES_PER_ADDRESS, the stack's default). */
const LIMIT = loadConfig().signInThrottle.perAddress;

let trusting: ExtraGateway;
beforeAll(async () => {
  trusting = await startGateway({ TRUST_PROXY: 'loopback' });
}, 90_000);
afterAll(async () => {
  await trusting?.stop();
});

/** `n` failed sign-ins, each for an account of its own (so only the address limit can trip). */
async function failSignIns(url: string, n: number, o: () => { headers?: Record<string, string>; from?: string }) {
  const codes: string[] = [];
  for (let i = 0; i < n; i += 5) {
    const batch = Array.from({ length: Math.min(5, n - i) }, () => signIn(url, uniqueEmail('ke-tan-cong'), 'sai-mat-khau', o()));
    codes.push(...(await Promise.all(batch)));
  }
  return codes;
}

describe('client addresses', () => {
  it(`behind a trusted proxy, ${LIMIT}+ failed sign-ins from one client address do not lock out another address`, async () => {
    const owner = await signUpOwner();
    const attacker = someAddress();
    let victim = someAddress();
    while (victim === attacker) victim = someAddress();
    const codes = await failSignIns(trusting.url, LIMIT + 2, () => ({ headers: { 'x-forwarded-for': attacker } }));
    expect(codes.slice(0, LIMIT).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    expect(codes.at(-1)).toBe('TOO_MANY_REQUESTS');

    // The attacker's address is locked, even with the right password; everyone else's is not.
    expect(await signIn(trusting.url, owner.email, owner.password, { headers: { 'x-forwarded-for': attacker } })).toBe('TOO_MANY_REQUESTS');
    expect(await signIn(trusting.url, owner.email, owner.password, { headers: { 'x-forwarded-for': victim } })).toBe('OK');
    // A proxy chain counts from the right: the address the trusted proxy saw, not what the client claimed.
    expect(await signIn(trusting.url, owner.email, owner.password, { headers: { 'x-forwarded-for': `${victim}, ${attacker}` } })).toBe('TOO_MANY_REQUESTS');
  });

  it('through a gateway that trusts no proxy, a spoofed X-Forwarded-For cannot dodge the limit of the real address', async () => {
    const owner = await signUpOwner();
    // Two real clients: distinct loopback source addresses, so the stack's 127.0.0.1 is not locked.
    const codes = await failSignIns(gatewayUrl(), LIMIT + 2, () => ({ from: '127.0.0.2', headers: { 'x-forwarded-for': someAddress() } }));
    expect(codes.at(-1)).toBe('TOO_MANY_REQUESTS');
    expect(await signIn(gatewayUrl(), owner.email, owner.password, { from: '127.0.0.2', headers: { 'x-forwarded-for': someAddress() } })).toBe('TOO_MANY_REQUESTS');
    expect(await signIn(gatewayUrl(), owner.email, owner.password, { from: '127.0.0.3' })).toBe('OK');
  });
});

describe('HSTS', () => {
  const hsts = async (url: string, headers: Record<string, string>) => (await send(url.replace(/\/graphql$/, '/'), { headers })).headers['strict-transport-security'];

  it('is sent when a trusted proxy says the client used TLS, and only then', async () => {
    expect(await hsts(trusting.url, { 'x-forwarded-proto': 'https' })).toBe('max-age=31536000; includeSubDomains');
    expect(await hsts(trusting.url, {})).toBeUndefined();
    expect(await hsts(trusting.url, { 'x-forwarded-proto': 'http' })).toBeUndefined();
  });

  it('is not sent when an untrusted client claims TLS', async () => {
    expect(await hsts(gatewayUrl(), { 'x-forwarded-proto': 'https' })).toBeUndefined();
  });
});
