// Limits small enough to reach, set before the subgraph reads its configuration.
process.env.SIGNIN_MAX_FAILURES_PER_ACCOUNT = '5';
process.env.SIGNIN_MAX_FAILURES_PER_ADDRESS = '12';
process.env.SIGNUP_MAX_PER_ADDRESS = '3';
process.env.PASSWORD_RESET_MAX_PER_ACCOUNT = '2';
process.env.PASSWORD_RESET_MAX_PER_ADDRESS = '4';
process.env.INVITATIONS_MAX_PER_ORGANIZATION = '3';
process.env.INVITATIONS_MAX_PER_RECIPIENT = '2';

import argon2 from 'argon2';
import { loadConfig } from '@lienket/config';
import { clearRedisPrefix, errorCode, gql, queryRows, SIGN_IN, SIGN_UP, signUpInput, uniqueEmail } from '@lienket/testing';
import { CatalogAppModule } from '../../apps/catalog/src/app.module';
import { RunningApp, startSubgraph } from '../support/subgraph';

// Argon2 hashes on a shared 2-core machine: generous, since no test here is about time.
jest.setTimeout(60_000);

let s: RunningApp;
beforeAll(async () => {
  s = await startSubgraph(CatalogAppModule);
});
afterAll(() => s.close());

// Every test starts with full allowances (the limits live in Redis under the queue prefix).
beforeEach(async () => {
  const { redisUrl, queuePrefix } = loadConfig();
  await clearRedisPrefix(redisUrl, `${queuePrefix}:signin`);
  await clearRedisPrefix(redisUrl, `${queuePrefix}:limit`);
});
afterEach(() => jest.restoreAllMocks());

/** Everything a refused call could have written. */
const written = async () =>
  (
    await queryRows<Record<string, number>>(
      s.databaseUrl,
      `SELECT (SELECT count(*)::int FROM catalog.users) AS users, (SELECT count(*)::int FROM catalog.organizations) AS orgs,
              (SELECT count(*)::int FROM catalog.outbox) AS outbox, (SELECT count(*)::int FROM catalog.invitations) AS invitations,
              (SELECT count(*)::int FROM catalog.password_resets) AS resets, (SELECT count(*)::int FROM catalog.audit_log) AS audit`,
    )
  )[0];

/** An organization's owner; the sign-up does not count against this test's limits. */
async function owner() {
  const input = signUpInput();
  const r = await gql<{ signUp: { accessToken: string } }>(s.url, SIGN_UP, { input });
  expect(r.errors).toBeUndefined();
  await clearRedisPrefix(loadConfig().redisUrl, `${loadConfig().queuePrefix}:limit:signup`);
  return { email: input.email, password: input.password, token: r.data!.signUp.accessToken };
}

describe('sign-in attempts are counted before the password is checked', () => {
  it('checks no more than 5 passwords of 150 parallel wrong sign-ins to one account, then refuses the right one saying when to retry', async () => {
    const victim = await owner();
    const verify = jest.spyOn(argon2, 'verify');
    const results = await Promise.all(
      Array.from({ length: 150 }, (_, i) => gql(s.url, SIGN_IN, { email: victim.email, password: `doan-mo-${i}-sai` })),
    );
    expect(verify).toHaveBeenCalledTimes(5);
    const codes = results.map(errorCode);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(145);

    const vi = await gql(s.url, SIGN_IN, { email: victim.email, password: victim.password }, { lang: 'vi' });
    const en = await gql(s.url, SIGN_IN, { email: victim.email, password: victim.password }, { lang: 'en' });
    expect(vi.errors?.[0]).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' }, message: expect.stringMatching(/^Bạn đã thử đăng nhập quá nhiều lần\. Vui lòng thử lại sau 1[45] phút\.$/) });
    expect(en.errors?.[0].message).toMatch(/^Too many sign-in attempts\. Please try again in 1[45] minutes\.$/);
    expect(verify).toHaveBeenCalledTimes(5);
  });

  it('checks no more than 12 passwords from one address spraying 40 different accounts at once', async () => {
    const verify = jest.spyOn(argon2, 'verify');
    const results = await Promise.all(
      Array.from({ length: 40 }, () => gql(s.url, SIGN_IN, { email: uniqueEmail('spray'), password: 'Matkhau2026!' })),
    );
    expect(verify).toHaveBeenCalledTimes(12);
    expect(results.map(errorCode).filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(28);
  });

  it('gives a successful sign-in its points back: a person who mistypes and then succeeds keeps the full allowance', async () => {
    const me = await owner();
    // Without the give-back the second round's failures would pass the account's 5.
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) expect(errorCode(await gql(s.url, SIGN_IN, { email: me.email, password: 'go-nham-mat-khau' }))).toBe('UNAUTHENTICATED');
      expect((await gql(s.url, SIGN_IN, { email: me.email, password: me.password })).errors).toBeUndefined();
    }
  });
});

describe('sign-up is limited per address', () => {
  it('accepts 3 of 8 parallel sign-ups from one address and writes nothing for the other 5', async () => {
    const before = await written();
    const results = await Promise.all(Array.from({ length: 8 }, () => gql(s.url, SIGN_UP, { input: signUpInput() }, { lang: 'en' })));
    expect(results.map(errorCode).filter((c) => c === undefined)).toHaveLength(3);
    const refused = results.filter((r) => errorCode(r) === 'TOO_MANY_REQUESTS');
    expect(refused).toHaveLength(5);
    expect(refused[0].errors?.[0].message).toMatch(/^Too many sign-ups from your network address\. Please try again in (59|60) minutes\.$/);
    // Each accepted sign-up writes two events (registered, and organization.changed for procurement).
    expect(await written()).toEqual({ ...before, users: before.users + 3, orgs: before.orgs + 3, outbox: before.outbox + 6 });
  });

  it('does not count an invalid sign-up against the address', async () => {
    for (let i = 0; i < 5; i++) expect(errorCode(await gql(s.url, SIGN_UP, { input: signUpInput({ taxCode: '0101248142' }) }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(s.url, SIGN_UP, { input: signUpInput() }))).toBeUndefined();
  });
});

const REQUEST_RESET = `mutation R($email: String!) { requestPasswordReset(email: $email) }`;

describe('password reset requests are limited per account and per address', () => {
  it('sends at most 2 links an hour to one account, refusing the third with nothing written', async () => {
    const me = await owner();
    const before = await written();
    expect((await gql(s.url, REQUEST_RESET, { email: me.email })).data).toEqual({ requestPasswordReset: true });
    expect((await gql(s.url, REQUEST_RESET, { email: me.email.toUpperCase() })).data).toEqual({ requestPasswordReset: true });
    const third = await gql(s.url, REQUEST_RESET, { email: me.email }, { lang: 'en' });
    expect(third.errors?.[0]).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' }, message: expect.stringMatching(/Too many password reset requests\. Please try again in (59|60) minutes/) });
    expect(await written()).toEqual({ ...before, resets: before.resets + 2, outbox: before.outbox + 2 });
  });

  it('counts unknown addresses like known ones, so the limit tells nothing about who has an account', async () => {
    const ghost = uniqueEmail('ghost');
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(errorCode(await gql(s.url, REQUEST_RESET, { email: ghost })) ?? 'ok');
    expect(answers).toEqual(['ok', 'ok', 'TOO_MANY_REQUESTS']);
  });

  it('stops one address asking for links to many accounts after 4, writing nothing for the rest', async () => {
    const owners = [await owner(), await owner(), await owner(), await owner(), await owner(), await owner()];
    const before = await written();
    const codes = await Promise.all(owners.map(async (o) => errorCode(await gql(s.url, REQUEST_RESET, { email: o.email })) ?? 'ok'));
    expect(codes.sort()).toEqual(['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS', 'ok', 'ok', 'ok', 'ok']);
    expect(await written()).toEqual({ ...before, resets: before.resets + 4, outbox: before.outbox + 4 });
  });

  it('refuses reset attempts with bad links past the address limit', async () => {
    const codes = [];
    for (let i = 0; i < 5; i++) {
      codes.push(errorCode(await gql(s.url, `mutation { resetPassword(token: "00000000-0000-4000-8000-000000000000.forged", newPassword: "mat-khau-moi-2026") }`)));
    }
    expect(codes).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'TOO_MANY_REQUESTS']);
  });
});

const INVITE = `mutation I($email: String!) { inviteMember(email: $email, role: MEMBER) { id } }`;

describe('invitations are limited per organization and per recipient per day', () => {
  it('lets an organization send 3 invitations a day and writes nothing for the fourth', async () => {
    const org = await owner();
    for (let i = 0; i < 3; i++) expect((await gql(s.url, INVITE, { email: uniqueEmail('moi') }, { token: org.token })).errors).toBeUndefined();
    const before = await written();
    const fourth = await gql(s.url, INVITE, { email: uniqueEmail('moi') }, { token: org.token, lang: 'en' });
    expect(fourth.errors?.[0]).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' }, message: expect.stringMatching(/Your organization has sent as many invitations as allowed for today\. Please try again in 2[34] hours\./) });
    expect(await written()).toEqual(before);
  });

  it('lets one address receive 2 invitations a day, whichever organizations send them', async () => {
    const target = uniqueEmail('nan-nhan');
    const [a, b] = [await owner(), await owner()];
    expect((await gql(s.url, INVITE, { email: target }, { token: a.token })).errors).toBeUndefined();
    expect((await gql(s.url, INVITE, { email: target }, { token: b.token })).errors).toBeUndefined();
    const before = await written();
    const third = await gql(s.url, INVITE, { email: target.toUpperCase() }, { token: a.token });
    expect(third.errors?.[0]).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' }, message: expect.stringMatching(/^Địa chỉ e-mail này đã nhận đủ số lời mời/) });
    expect(await written()).toEqual(before);
    // The organization's own allowance was given back when the recipient's refused.
    for (let i = 0; i < 2; i++) expect((await gql(s.url, INVITE, { email: uniqueEmail('moi') }, { token: a.token })).errors).toBeUndefined();
  });

  it('does not count a refused invitation (an address that already has an account) against the organization', async () => {
    const org = await owner();
    const member = await owner();
    for (let i = 0; i < 4; i++) expect(errorCode(await gql(s.url, INVITE, { email: member.email }, { token: org.token }))).toBe('CONFLICT');
    for (let i = 0; i < 3; i++) expect((await gql(s.url, INVITE, { email: uniqueEmail('moi') }, { token: org.token })).errors).toBeUndefined();
  });
});
