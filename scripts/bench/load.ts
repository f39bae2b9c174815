// The load generator of bench:gateway, run as its own process so that autocannon (which runs in
// the process that calls it) does not share a core with the server it measures. Takes one JSON
// argument (LoadPlan), loads for its duration, and prints one JSON line (LoadResult) on stdout.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { QUERIES } from './listings';

export type ScenarioName = 'products' | 'needs' | 'public' | 'search';

export interface LoadPlan {
  url: string;
  scenario: ScenarioName;
  token: string;
  connections: number;
  seconds: number;
  /** The time span the buyer's needs were created in (ISO), for random `needs` pages. */
  needsSpan: [string, string];
  /** The searchable listings' `sort_key` span (catalog.product_search), for random `searchProducts` pages. */
  productsSpan: [number, number];
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  /** Connection errors, timeouts, non-2xx answers and GraphQL errors, together. */
  failures: number;
}

export const PRODUCTS_QUERY = `query Products($after: String) { searchProducts(first: 20, after: $after) { totalCount edges { cursor node { id name } } } }`;
export const SEARCH_QUERY = `query Search($q: String, $f: ProductFilter) { searchProducts(query: $q, filter: $f, first: 20) { totalCount edges { cursor node { id name } } } }`;
export const NEEDS_QUERY = `query MyNeeds($after: String) { needs(filter: { mine: true }, first: 20, after: $after) { totalCount edges { cursor node { id title status bidCount buyer { id name } } } } }`;
export const PUBLIC_NEEDS_QUERY = `query Needs($after: String) { needs(first: 20, after: $after) { totalCount edges { cursor node { id title status bidCount buyer { id name } } } } }`;

/** The keyset cursor encoding of libs/graphql (importing it would load Nest's GraphQL decorators here). */
const encodeCursor = (key: string[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

/** A different request every time: a random page (keyset cursor at a random key) or search term. */
export function requestBody(plan: Pick<LoadPlan, 'scenario' | 'needsSpan' | 'productsSpan'>, random = Math.random): string {
  switch (plan.scenario) {
    case 'products': {
      // The search cursor is [sort_key, id]; the page starts below the key, whatever the id.
      const [from, to] = plan.productsSpan;
      const at = String(from + 1 + Math.floor(random() * (to - from)));
      return JSON.stringify({ query: PRODUCTS_QUERY, variables: { after: encodeCursor([at, randomUUID()]) } });
    }
    case 'needs':
    case 'public': {
      const [from, to] = plan.needsSpan.map((t) => Date.parse(t));
      const at = new Date(from + random() * (to - from)).toISOString();
      return JSON.stringify({ query: plan.scenario === 'needs' ? NEEDS_QUERY : PUBLIC_NEEDS_QUERY, variables: { after: encodeCursor([at, randomUUID()]) } });
    }
    case 'search': {
      const { q, filter } = QUERIES[Math.floor(random() * QUERIES.length)];
      return JSON.stringify({ query: SEARCH_QUERY, variables: { q, f: filter ?? null } });
    }
  }
}

async function run(plan: LoadPlan): Promise<LoadResult> {
  let graphqlErrors = 0;
  const result = await autocannon({
    url: plan.url,
    connections: plan.connections,
    duration: plan.seconds,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${plan.token}`, 'accept-language': 'vi' },
        setupRequest: (req) => ({ ...req, body: requestBody(plan) }),
        onResponse: (_status, body) => {
          if (body.startsWith('{"errors"') || body.includes('"errors":[')) graphqlErrors++;
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx + graphqlErrors,
  };
}

async function main() {
  const plan = JSON.parse(process.argv[2]) as LoadPlan;
  process.stdout.write(`${JSON.stringify(await run(plan))}\n`);
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`load generator failed: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
