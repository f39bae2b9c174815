import { Redis } from 'ioredis';
import { gql, GqlOptions, queryRows, ReceivedMail } from '@lienket/testing';

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
