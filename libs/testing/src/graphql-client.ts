import { GATEWAY_SECRET_HEADER } from '@lienket/auth';
import { loadConfig } from '@lienket/config';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [k: string]: unknown } }[];
}

export interface GqlOptions {
  token?: string;
  lang?: 'vi' | 'en';
  headers?: Record<string, string>;
}

let secret: string | undefined;
/**
 * The header that lets a test call a subgraph directly, as the gateway does (subgraphs refuse
 * everything else). The gateway replaces it with its own, so sending it there changes nothing.
 */
export function asGateway(): Record<string, string> {
  secret ??= loadConfig().internal.gatewaySecret;
  return { [GATEWAY_SECRET_HEADER]: secret };
}

/**
 * Posts one GraphQL operation like a browser would (through the gateway, or to a subgraph as the
 * gateway: see asGateway) and returns status and body.
 */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  o: GqlOptions = {},
): Promise<GqlResult<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...asGateway(),
      ...(o.lang ? { 'accept-language': o.lang } : {}),
      ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
      ...o.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Omit<GqlResult<T>, 'status'>;
  return { status: res.status, ...body };
}

/** The first error's code, for terse assertions. */
export const errorCode = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions?.code;

/**
 * The answer's data, or a thrown error naming what the server said: for helpers that extract a list,
 * so that "finds nothing" can never pass on an internal error answered with no data.
 */
export function dataOf<T>(r: GqlResult<T>): T {
  if (r.errors?.length || !r.data) throw new Error(`GraphQL answered errors (HTTP ${r.status}): ${JSON.stringify(r.errors ?? null)}`);
  return r.data;
}
