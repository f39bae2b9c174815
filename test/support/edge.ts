import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { IncomingMessage, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { SIGN_IN } from '@lienket/testing';
import { freePort } from '../../scripts/stack';

// The trust boundary from outside: subgraphs called directly, a second gateway with other
// settings, and requests sent from chosen loopback addresses (Linux routes all of 127/8 locally).

export const catalogUrl = () => process.env.E2E_CATALOG_URL!;
export const procurementUrl = () => process.env.E2E_PROCUREMENT_URL!;
export const originOf = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '');

export interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
  json<T = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] }>(): T;
}

/** One HTTP request, optionally from a given local address (as a different client would send it). */
export async function send(
  url: string,
  o: { method?: string; headers?: Record<string, string>; body?: string | Buffer | FormData; from?: string } = {},
): Promise<Answer> {
  let body = o.body;
  const headers = { ...o.headers };
  if (body instanceof FormData) {
    // Let Response encode the multipart body and its boundary.
    const encoded = new Response(body);
    headers['content-type'] = encoded.headers.get('content-type')!;
    body = Buffer.from(await encoded.arrayBuffer());
  }
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    // node:http, because undici ignores a local address to connect from.
    const req = httpRequest(url, { method: o.method ?? 'GET', headers, localAddress: o.from }, resolve);
    req.on('error', reject);
    req.end(body);
  });
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const flat = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
  return { status: res.statusCode ?? 0, headers: flat, text, json: <T>() => JSON.parse(text) as T };
}

/** A GraphQL operation as a browser would post it. */
export const post = (url: string, query: string, variables: Record<string, unknown> = {}, o: { headers?: Record<string, string>; from?: string } = {}) =>
  send(url, { method: 'POST', headers: { 'content-type': 'application/json', ...o.headers }, body: JSON.stringify({ query, variables }), from: o.from });

/** A sign-in attempt; the first error's code, or 'OK'. */
export async function signIn(gatewayUrl: string, email: string, password: string, o: { headers?: Record<string, string>; from?: string } = {}) {
  const r = (await post(gatewayUrl, SIGN_IN, { email, password }, o)).json();
  return r.errors?.[0]?.extensions?.code ?? (r.data?.signIn ? 'OK' : 'NO_DATA');
}

/** A documentation address (TEST-NET-2) unique to this call, as a spoofed or proxied client. */
export const someAddress = () => `198.51.100.${1 + Math.floor(Math.random() * 254)}`;

export interface ExtraGateway {
  url: string;
  stop(): Promise<void>;
}

/**
 * A second gateway process over the e2e stack's subgraphs (the same installation's secrets), with
 * extra settings such as TRUST_PROXY; ready once its /health answers.
 */
export async function startGateway(env: Record<string, string>): Promise<ExtraGateway> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'apps', 'gateway', 'src', 'main.js')], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', PORT: String(port), CATALOG_URL: catalogUrl(), PROCUREMENT_URL: procurementUrl(), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await once(child, 'exit');
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const up = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    if (up) return { url: `http://127.0.0.1:${port}/graphql`, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the extra gateway did not become healthy (exit code ${child.exitCode})`);
}
