import { buildRequestContext } from './context';
import { CLIENT_ADDRESS_HEADER, clientAddress, GATEWAY_SECRET_HEADER, gatewayHeaders, onlyFromGateway, secretMatcher } from './gateway';

const secret = 'g'.repeat(20) + 'A1b2C3d4E5f6G7h8I9j0';

/** Runs the middleware on a fake request and says what it answered (or that it let it through). */
function call(req: { url: string; method?: string; headers: Record<string, string> }) {
  const request = { method: 'POST', socket: { remoteAddress: '127.0.0.1' }, ...req };
  const answer = { statusCode: 200, headers: {} as Record<string, string>, body: undefined as string | undefined, passed: false };
  const res = {
    get statusCode() {
      return answer.statusCode;
    },
    set statusCode(v: number) {
      answer.statusCode = v;
    },
    setHeader: (k: string, v: string) => (answer.headers[k] = v),
    end: (body: string) => (answer.body = body),
  };
  onlyFromGateway(secret)(request, res, () => (answer.passed = true));
  return { ...answer, request };
}

describe('the gateway secret', () => {
  it('matches only the exact secret: not a prefix, a longer value, an empty or a repeated header', () => {
    const matches = secretMatcher(secret);
    expect(matches(secret)).toBe(true);
    for (const wrong of [secret.slice(0, -1), `${secret}x`, '', secret.toUpperCase(), undefined, [secret, secret]]) expect(matches(wrong)).toBe(false);
  });

  it('refuses a call without the secret with a coded error in the caller’s language, and nothing runs', () => {
    const r = call({ url: '/graphql', headers: { 'accept-language': 'en' } });
    expect(r.passed).toBe(false);
    expect(r.statusCode).toBe(403);
    expect(JSON.parse(r.body!)).toEqual({ errors: [{ message: 'This internal service accepts requests through the LienKet gateway only.', extensions: { code: 'FORBIDDEN' } }] });
    const forged = call({ url: '/api/documents', headers: { [GATEWAY_SECRET_HEADER]: 'x'.repeat(40) } });
    expect(forged.passed).toBe(false);
    expect(JSON.parse(forged.body!).errors[0].message).toMatch(/chỉ nhận yêu cầu qua cổng API/);
  });

  it('leaves GET /health open, and only that', () => {
    expect(call({ url: '/health', method: 'GET', headers: {} }).passed).toBe(true);
    expect(call({ url: '/health', method: 'POST', headers: {} }).passed).toBe(false);
    expect(call({ url: '/healthz', method: 'GET', headers: {} }).passed).toBe(false);
  });
});

describe('client addresses on a subgraph', () => {
  it('believes the forwarded address only with the secret, and drops the secret from the headers', () => {
    const through = call({ url: '/graphql', headers: gatewayHeaders('203.0.113.9', secret) });
    expect(through.passed).toBe(true);
    expect(through.request.headers[GATEWAY_SECRET_HEADER]).toBeUndefined();
    expect(clientAddress(through.request)).toBe('203.0.113.9');
    expect(buildRequestContext(through.request, secret).ip).toBe('203.0.113.9');
    const direct = { headers: { [CLIENT_ADDRESS_HEADER]: '203.0.113.9' }, socket: { remoteAddress: '10.0.0.5' } };
    expect(buildRequestContext(direct, secret).ip).toBe('10.0.0.5');
  });

  it('ignores a forwarded value that is not one address, even from the gateway', () => {
    const r = call({ url: '/graphql', headers: { [GATEWAY_SECRET_HEADER]: secret, [CLIENT_ADDRESS_HEADER]: '203.0.113.9, 10.0.0.1' } });
    expect(r.passed).toBe(true);
    expect(clientAddress(r.request)).toBe('127.0.0.1');
  });
});
