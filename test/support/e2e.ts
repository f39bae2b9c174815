import { Redis } from 'ioredis';
import { gql, GqlOptions, queryRows, ReceivedMail, SIGN_IN, SIGN_UP, signUpInput } from '@lienket/testing';

/** The running gateway that the e2e global setup started. */
export const gatewayUrl = () => `${process.env.E2E_GATEWAY_URL}/graphql`;
export const e2eDatabaseUrl = () => process.env.E2E_DATABASE_URL!;
export const api = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, o: GqlOptions = {}) =>
  gql<T>(gatewayUrl(), query, variables, o);
export const rows = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => queryRows<T>(e2eDatabaseUrl(), sql, params);

/** Awaits the next e-mail to `to` that the SMTP listener received (BLPOP: no polling, no sleeps). */
export async function awaitMail(to: string, timeoutSeconds = 20): Promise<ReceivedMail | null> {
  const redis = new Redis(process.env.REDIS_URL!);
  try {
    const hit = await redis.blpop(`${process.env.E2E_PREFIX}:mail:${to.toLowerCase()}`, timeoutSeconds);
    return hit ? (JSON.parse(hit[1]) as ReceivedMail) : null;
  } finally {
    redis.disconnect();
  }
}

/** A new organization's owner, signed up through the gateway. */
export async function signUpOwner(over: Parameters<typeof signUpInput>[0] = {}) {
  const input = signUpInput(over);
  const r = await api<{ signUp: { accessToken: string; refreshToken: string; user: { id: string; organization: { id: string } } } }>(SIGN_UP, { input });
  const s = r.data!.signUp;
  return { token: s.accessToken, refresh: s.refreshToken, userId: s.user.id, orgId: s.user.organization.id, email: input.email, password: input.password };
}

export async function signInAs(email: string, password: string) {
  const r = await api<{ signIn: { accessToken: string; refreshToken: string } }>(SIGN_IN, { email, password });
  return r.data!.signIn;
}

/** The seeded admin (the e2e stack ensures one at start). */
export const adminToken = async () => (await signInAs(process.env.E2E_ADMIN_EMAIL!, process.env.E2E_ADMIN_PASSWORD!)).accessToken;
