// npm run bench:attacks — how long the gateway's checks take on generated attack documents, against
// their size, for each family (libs/testing/src/attack-documents.ts): nested fragments, fragment
// cycles, aliases, directives, tokens, deep nesting. Runs in-process what the gateway runs before
// anything executes (libs/graphql/src/hardening.ts): graphql-js's parser with the token limit,
// graphql-js's rules with Armor's, then the cost estimate; "rules alone" parses without the token
// limit, to show that the rules themselves stay linear past it; "before" is the previous setup
// (graphql-depth-limit and graphql-query-complexity), stopped at its first size over a second.
// Appends the table to docs/benchmarks.md, latest run first, with date, machine and load.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { buildSchema, DocumentNode, GraphQLError, Kind, OperationDefinitionNode, parse, specifiedRules, validate } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { estimateCost, hardenedServerOptions, QUERY_LIMITS } from '../../libs/graphql/src';
import { ATTACKS, AttackFamily } from '../../libs/testing/src/attack-documents';
import { NEEDS_QUERY, PRODUCTS_QUERY } from './load';

const ROOT = join(__dirname, '..', '..', '..');
const schema = buildSchema(readFileSync(join(ROOT, 'schema', 'api.graphql'), 'utf8'));
const hardened = hardenedServerOptions({ production: true, photos: { maxPerProduct: 8 }, needAttachments: { maxPerNeed: 5 } });
const rules = [...specifiedRules, ...hardened.validationRules];
const SIZES: Record<AttackFamily, number[]> = {
  nestedFragments: [4, 8, 12, 16, 20, 24, 100, 1000],
  fragmentCycle: [10, 100, 1000, 10000],
  aliases: [10, 100, 1000, 5000, 20000],
  directives: [10, 100, 1000, 5000, 20000],
  tokens: [100, 1000, 10000, 100000],
  deepNesting: [10, 100, 1000, 5000],
};
const STOP_AFTER_MS = 1000;

const operationOf = (doc: DocumentNode) => doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;

/** What the gateway answers: the first refusal, or "accepted" with the cost. */
function gatewayChecks(text: string, tokenLimit: boolean): string {
  let doc: DocumentNode;
  try {
    doc = parse(text, tokenLimit ? hardened.parseOptions : {});
  } catch (e) {
    return /tokens/.test((e as Error).message) ? 'refused: tokens' : 'syntax error';
  }
  const errors = validate(schema, doc, rules);
  if (errors.length) {
    const limit = errors.map((e) => e.extensions.limit).find((l) => typeof l === 'string');
    return limit ? `refused: ${String(limit)}` : `refused: ${errors[0].message.slice(0, 40)}`;
  }
  const cost = estimateCost(schema, doc, operationOf(doc));
  return cost > QUERY_LIMITS.cost ? 'refused: cost' : `accepted (cost ${cost})`;
}

/** The setup this replaces: depth by graphql-depth-limit during validation, cost after it. */
function previousChecks(text: string): string {
  const doc = parse(text);
  const quiet = console.error; // graphql-depth-limit prints the stack overflow it then throws
  console.error = () => undefined;
  let errors: readonly GraphQLError[];
  try {
    errors = validate(schema, doc, [...specifiedRules, depthLimit(12)]);
  } finally {
    console.error = quiet;
  }
  if (errors.length) return 'refused';
  const cost = getComplexity({ schema, query: doc, estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })] });
  return cost > QUERY_LIMITS.cost ? 'refused: cost' : 'accepted';
}

/** Median milliseconds of at least 3 runs (more while under 200 ms in total), and the outcome. */
function time(run: () => string): { ms: number; outcome: string } {
  const times: number[] = [];
  let outcome = '';
  let total = 0;
  while (times.length < 3 || (total < 200 && times.length < 50)) {
    const start = process.hrtime.bigint();
    try {
      outcome = run();
    } catch (e) {
      outcome = e instanceof RangeError ? 'crash: stack overflow' : `crash: ${e instanceof GraphQLError ? e.message : String(e)}`.slice(0, 50);
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    times.push(ms);
    total += ms;
    if (ms > STOP_AFTER_MS) break;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], outcome };
}

/**
 * Whether keeping each operation's cost (decision 42) would still pay: the estimate of the read
 * path's two queries, against what the kept cost's lookup itself cost (its key: query text and the
 * variables, serialized).
 */
function costOfPricing(): string[] {
  const rows: string[] = [];
  for (const [name, query] of [['needs (join)', NEEDS_QUERY], ['products', PRODUCTS_QUERY]] as const) {
    const doc = parse(query);
    const variables = { after: 'WyIyMDI2LTExLTIzVDAzOjE4OjAwLjAwMFoiLCJhYmMiXQ' };
    const cache = new Map([[JSON.stringify([query, null, [variables.after]]), 1]]);
    const per = (f: () => unknown) => {
      const n = 20_000;
      const start = process.hrtime.bigint();
      for (let i = 0; i < n; i++) f();
      return Number(process.hrtime.bigint() - start) / n / 1000;
    };
    const estimate = per(() => estimateCost(schema, doc, operationOf(doc), variables));
    const lookup = per(() => cache.get(JSON.stringify([query, null, [variables.after]])));
    rows.push(`| ${name} | ${estimate.toFixed(1)} µs | ${lookup.toFixed(1)} µs |`);
  }
  return rows;
}

const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);

function main() {
  const load = loadavg().map((l) => l.toFixed(1)).join(' / ');
  const lines = [
    `### ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${cpus().length} × ${cpus()[0]?.model.trim()}, load ${load} (1/5/15 min)`,
    '',
    '| family | n | bytes | gateway (token limit on) | outcome | rules alone (no token limit) | outcome | before | outcome |',
    '| --- | ---: | ---: | ---: | --- | ---: | --- | ---: | --- |',
  ];
  for (const family of Object.keys(SIZES) as AttackFamily[]) {
    let previousStopped = false;
    for (const n of SIZES[family]) {
      const text = ATTACKS[family](n);
      const gateway = time(() => gatewayChecks(text, true));
      const alone = time(() => gatewayChecks(text, false));
      const before = previousStopped ? undefined : time(() => previousChecks(text));
      if (before && before.ms > STOP_AFTER_MS) previousStopped = true;
      const row = `| ${family} | ${n} | ${text.length} | ${fmt(gateway.ms)} | ${gateway.outcome} | ${fmt(alone.ms)} | ${alone.outcome} | ${before ? fmt(before.ms) : 'stopped'} | ${before?.outcome ?? ''} |`;
      process.stdout.write(`${row}\n`);
      lines.push(row);
    }
  }
  lines.push('', 'Pricing a read-path request (mean of 20,000):', '', '| query | cost estimate | a kept cost\'s lookup |', '| --- | ---: | ---: |', ...costOfPricing());
  process.stdout.write(`${lines.slice(-4).join('\n')}\n`);
  const file = join(ROOT, 'docs', 'benchmarks.md');
  const marker = '<!-- bench:attacks runs, latest first -->';
  const doc = readFileSync(file, 'utf8');
  const at = doc.indexOf(marker);
  if (at < 0) throw new Error(`docs/benchmarks.md has no "${marker}"`);
  const end = at + marker.length;
  writeFileSync(file, `${doc.slice(0, end)}\n\n${lines.join('\n')}\n${doc.slice(end)}`);
  process.stdout.write('results added to docs/benchmarks.md\n');
}

main();
