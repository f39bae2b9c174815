import jwt from 'jsonwebtoken';
import { simpleParser } from 'mailparser';
import { loadConfig } from '@lienket/config';
import { errorCode, REFRESH, SIGN_IN, SIGN_UP, signUpInput, uniqueEmail } from '@lienket/testing';
import { api, awaitMail, gatewayUrl, rows } from '../support/e2e';

const ME = `{ me { id email fullName locale organizationRole platformRole organization { id kind name taxCode verification memberCount province { code name } } } }`;

type SignUpResult = { signUp: { accessToken: string; refreshToken: string; user: { id: string; email: string; organization: { id: string } } } };

async function written(email: string, taxCode: string) {
  const [r] = await rows<{ users: number; orgs: number }>(
    `SELECT (SELECT count(*)::int FROM catalog.users WHERE email = lower($1)) AS users,
            (SELECT count(*)::int FROM catalog.organizations WHERE tax_code = $2) AS orgs`,
    [email, taxCode],
  );
  return r;
}

describe('reference data through the gateway', () => {
  it('lists exactly the 34 provinces in force since 1 July 2025', async () => {
    const r = await api<{ provinces: { code: string; name: string }[] }>('{ provinces { code name } }');
    expect(r.data?.provinces).toHaveLength(34);
    expect(r.data?.provinces).toEqual(expect.arrayContaining([{ code: '66', name: 'Đắk Lắk' }, { code: '91', name: 'An Giang' }]));
    expect(r.data?.provinces.map((p) => p.code)).not.toContain('02');
  });

  it('lists HS chapters and their headings in Vietnamese, or English on request', async () => {
    const vi = await api<{ categories: { code: string; name: string }[] }>('{ categories { code name } }');
    expect(vi.data?.categories).toHaveLength(24);
    expect(vi.data?.categories.find((c) => c.code === '09')?.name).toBe('Cà phê, chè, chè Paragoay và các loại gia vị');
    const en = await api<{ categories: { code: string; name: string; parent: { code: string } }[] }>(
      '{ categories(parentCode: "09") { code name parent { code } } }',
      {},
      { lang: 'en' },
    );
    expect(en.data?.categories.find((c) => c.code === '0902')).toEqual({ code: '0902', name: 'Tea', parent: { code: '09' } });
  });

  it('lists Vietnamese market units with UN/CEFACT codes and conversions', async () => {
    const r = await api<{ units: { code: string; name: string; symbol: string; label: string; factor: string }[] }>('{ units { code name symbol label factor } }');
    // Written as people write them ("tấn", never "t"), with the size where a picker needs it.
    expect(r.data?.units).toEqual(
      expect.arrayContaining([
        { code: 'KGM', name: 'kg', symbol: 'kg', label: 'kg', factor: '1' },
        { code: 'TNE', name: 'tấn', symbol: 'tấn', label: 'tấn (1.000 kg)', factor: '1000' },
        { code: 'DTN', name: 'tạ', symbol: 'tạ', label: 'tạ (100 kg)', factor: '100' },
        { code: 'YEN', name: 'yến', symbol: 'yến', label: 'yến (10 kg)', factor: '10' },
        { code: 'LTR', name: 'lít', symbol: 'lít', label: 'lít', factor: '1' },
      ]),
    );
    const en = await api<{ units: { code: string; name: string; symbol: string }[] }>('{ units { code name symbol } }', {}, { lang: 'en' });
    expect(en.data?.units).toEqual(expect.arrayContaining([{ code: 'TNE', name: 'tonnes', symbol: 'tonne' }, { code: 'KGM', name: 'kg', symbol: 'kg' }]));
  });
});

describe('accounts through the gateway', () => {
  it('signs up, reads me, refreshes and signs in; the owner receives the registration e-mail', async () => {
    const input = signUpInput({ provinceCode: '91', name: 'HTX Lúa gạo Mỹ Hòa Hưng' });
    const up = await api<SignUpResult>(SIGN_UP, { input });
    expect(up.errors).toBeUndefined();

    const me = await api<{ me: Record<string, unknown> }>(ME, {}, { token: up.data!.signUp.accessToken });
    expect(me.data?.me).toMatchObject({
      email: input.email,
      fullName: 'Nguyễn Thị Thử',
      locale: 'VI',
      organizationRole: 'OWNER',
      platformRole: null,
      organization: { kind: 'COOPERATIVE', name: 'HTX Lúa gạo Mỹ Hòa Hưng', taxCode: input.organization.taxCode, verification: 'PENDING_VERIFICATION', province: { code: '91', name: 'An Giang' } },
    });

    const refreshed = await api<{ refreshToken: { accessToken: string } }>(REFRESH, { token: up.data!.signUp.refreshToken });
    expect(refreshed.data?.refreshToken.accessToken).toEqual(expect.any(String));

    const signIn = await api<{ signIn: { user: { email: string } } }>(SIGN_IN, { email: input.email.toUpperCase(), password: input.password });
    expect(signIn.data?.signIn.user.email).toBe(input.email);

    const mail = await awaitMail(input.email);
    expect(mail).not.toBeNull();
    const parsed = await simpleParser(mail!.raw);
    expect(parsed.subject).toBe('LienKet đã nhận đăng ký của HTX Lúa gạo Mỹ Hòa Hưng');
    expect(parsed.text).toContain('Quản trị viên sẽ kiểm tra mã số thuế');
  });

  it('answers me with null without a token, and UNAUTHENTICATED for an expired or forged one', async () => {
    expect((await api(ME)).data).toEqual({ me: null });
    const expired = jwt.sign({ sub: '00000000-0000-0000-0000-000000000000', exp: Math.floor(Date.now() / 1000) - 60 }, loadConfig().auth.jwtSecret, { issuer: 'lienket' });
    const r = await api(ME, {}, { token: expired, lang: 'en' });
    expect(errorCode(r)).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0].message).toBe('Your session has expired. Please sign in again.');
    const forged = jwt.sign({ sub: 'x', prole: 'ADMIN' }, 'not-the-secret-not-the-secret-not-the-secret', { issuer: 'lienket' });
    expect(errorCode(await api(ME, {}, { token: forged }))).toBe('UNAUTHENTICATED');
  });

  it('answers a wrong password and an unknown e-mail with the same message', async () => {
    const input = signUpInput();
    await api(SIGN_UP, { input });
    const wrong = await api(SIGN_IN, { email: input.email, password: 'khong-dung-mat-khau' });
    const unknown = await api(SIGN_IN, { email: uniqueEmail('ghost'), password: 'khong-dung-mat-khau' });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe('E-mail hoặc mật khẩu không đúng.');
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
  });
});

describe('sign-up refuses bad input, names the field, speaks the caller’s language and writes nothing', () => {
  const existing = signUpInput();
  beforeAll(async () => {
    expect((await api(SIGN_UP, { input: existing })).errors).toBeUndefined();
  });

  const cases: [string, () => ReturnType<typeof signUpInput>, string, string, RegExp, RegExp][] = [
    ['a malformed e-mail', () => signUpInput({ email: 'khong-phai-email' }), 'BAD_USER_INPUT', 'email', /E-mail không hợp lệ/, /not valid/],
    ['a weak password', () => signUpInput({ password: 'ngan123' }), 'BAD_USER_INPUT', 'password', /ít nhất 10 ký tự/, /at least 10 characters/],
    ['an invalid tax code', () => signUpInput({ taxCode: '0101248142' }), 'BAD_USER_INPUT', 'organization.taxCode', /Mã số thuế không hợp lệ/, /Invalid tax code/],
    ['an unknown province', () => signUpInput({ provinceCode: '02' }), 'BAD_USER_INPUT', 'organization.provinceCode', /Không có tỉnh\/thành phố với mã "02"/, /no province with code "02"/],
    ['a duplicate e-mail', () => signUpInput({ email: existing.email }), 'CONFLICT', 'email', /E-mail này đã được dùng/, /already registered/],
    ['a duplicate tax code', () => signUpInput({ taxCode: existing.organization.taxCode }), 'CONFLICT', 'organization.taxCode', /Mã số thuế này đã được/, /already registered/],
  ];

  it.each(cases)('%s', async (_name, make, code, field, vi, en) => {
    const input = make();
    const before = await written(input.email, input.organization.taxCode);
    for (const [lang, message] of [['vi', vi], ['en', en]] as const) {
      const r = await api(SIGN_UP, { input }, { lang });
      expect(r.status).toBe(200);
      expect(r.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code, field } });
      expect(JSON.stringify(r.errors)).not.toMatch(/stacktrace|QueryFailedError|at .*\.js/);
    }
    expect(await written(input.email, input.organization.taxCode)).toEqual(before);
  });
});

describe('HTTP protections of the gateway', () => {
  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(gatewayUrl(), { method: 'POST', headers, body });

  it('answers malformed JSON with 400', async () => {
    const res = await post('{"query": ');
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).not.toMatch(/at .*\.js/);
  });

  it('answers an oversize body with 413', async () => {
    const res = await post(JSON.stringify({ query: `{ provinces { code } }`, variables: { pad: 'x'.repeat(400_000) } }));
    expect(res.status).toBe(413);
  });

  it('answers unknown operations and fields with 400, never 500', async () => {
    const unknownOp = await post(JSON.stringify({ query: 'query A { provinces { code } }', operationName: 'B' }));
    expect(unknownOp.status).toBe(400);
    const unknownField = await post(JSON.stringify({ query: '{ nope }' }));
    expect(unknownField.status).toBe(400);
    expect(((await unknownField.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('blocks simple cross-site requests (CSRF prevention)', async () => {
    const res = await fetch(`${gatewayUrl()}?query=${encodeURIComponent('{ provinces { code } }')}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Cross-Site Request Forgery/);
  });

  it('refuses queries nested too deep', async () => {
    const deep = `{ categories(parentCode: "09") { ${'parent { '.repeat(14)} code ${'} '.repeat(14)} } }`;
    const r = await api(deep);
    expect(r.status).toBe(400);
    expect(r.errors?.[0]).toMatchObject({ message: 'Truy vấn lồng quá sâu (tối đa 12 cấp).', extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'depth', maximum: 12 } });
  });

  it('refuses queries that would cost too much', async () => {
    // Two pages of 100 (401 points each) are fine; the same request with 13 of them (5,213) is not.
    const two = await api(`{ a: needs(first: 100) { edges { node { id title } } } b: needs(first: 100) { edges { node { id } } } }`);
    expect(two.errors).toBeUndefined();
    const many = Array.from({ length: 13 }, (_, i) => `n${i}: needs(first: 100) { edges { node { id title } } }`).join(' ');
    const refused = await api(`{ ${many} }`, {}, { lang: 'en' });
    expect(refused.errors?.[0]).toMatchObject({
      message: 'The query is too complex: its estimate exceeds 5000 points (1 per field, lists counted by their items). Ask for fewer items per page.',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost', maximum: 5000 },
    });
  });

  it('prices each request of one query text with its own page size, and fields under @include(if: false) too', async () => {
    const pages = Array.from({ length: 13 }, (_, i) => `n${i}: needs(first: $n, after: $after) { edges { node { id title } } }`).join(' ');
    const sized = `query Sized($n: Int!, $after: String) { ${pages} }`;
    const code = async (query: string, variables: Record<string, unknown>) => errorCode(await api(query, variables));
    expect(await code(sized, { n: 1 })).toBeUndefined();
    expect(await code(sized, { n: 100 })).toBe('QUERY_TOO_COMPLEX');
    expect(await code(sized, { n: 1, after: null })).toBeUndefined();
    // The query planner works on the whole document whatever the directives say, so the price does too.
    const big = Array.from({ length: 13 }, (_, i) => `n${i}: needs(first: 100) @include(if: $all) { edges { node { id title } } }`).join(' ');
    const optional = `query Optional($all: Boolean!) { units { code } ${big} }`;
    expect(await code(optional, { all: false })).toBe('QUERY_TOO_COMPLEX');
    expect(await code(optional, { all: true })).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('what the gateway serves besides GraphQL', () => {
  const origin = () => gatewayUrl().replace(/\/graphql$/, '');

  it('reports health of the subgraphs', async () => {
    const res = await fetch(`${origin()}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', info: { catalog: { status: 'up' }, procurement: { status: 'up' } } });
  });

  it('tags every response with a request id, keeping the one the caller sent', async () => {
    const mine = await fetch(gatewayUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'thu-nghiem-123' },
      body: JSON.stringify({ query: '{ units { code } }' }),
    });
    expect(mine.headers.get('x-request-id')).toBe('thu-nghiem-123');
    const fresh = await fetch(`${origin()}/health`);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('forwards /webhooks/* to the procurement service with the body untouched', async () => {
    const res = await fetch(`${origin()}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=x' }, body: '{"id":"evt_1"}' });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: 'payments_not_configured', message: 'Stripe is not configured on this LienKet instance' });
  });

  it('serves the web app at / and its client-side routes', async () => {
    for (const path of ['/', '/dang-ky']) {
      const res = await fetch(`${origin()}${path}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/<html lang="vi"/);
    }
  });
});
