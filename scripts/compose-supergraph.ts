import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, printSchema } from 'graphql';
import { Global, Module } from '@nestjs/common';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { ConfigModule } from '@lienket/config';
import { REDIS } from '@lienket/queue';

/** Stands in for the hosts' infrastructure: nothing connects while the schema is printed. */
@Global()
@Module({
  imports: [ConfigModule],
  providers: [
    { provide: DataSource, useValue: new DataSource({ type: 'postgres' }) },
    { provide: REDIS, useValue: new Redis({ lazyConnect: true }) },
  ],
  exports: [DataSource, REDIS],
})
class OfflineInfraModule {}

const ROOT = join(__dirname, '..', '..');
const SCHEMA_DIR = join(ROOT, 'schema');
const SUBGRAPHS = [
  // Loaded lazily: only the subgraph being printed may register its types.
  { name: 'catalog', load: async () => (await import('../apps/catalog/src/api.module.js')).CatalogApiModule, url: 'http://127.0.0.1:4001/graphql' },
  { name: 'procurement', load: async () => (await import('../apps/procurement/src/api.module.js')).ProcurementApiModule, url: 'http://127.0.0.1:4002/graphql' },
];

/** Prints each subgraph's SDL from the code (no server listening), composes the supergraph. */
async function printSubgraph(module: unknown): Promise<string> {
  @Module({ imports: [OfflineInfraModule, module as never] })
  class PrintModule {}
  const app = await NestFactory.createApplicationContext(PrintModule, { logger: ['error'] });
  await app.init();
  const sdl = printSubgraphSchema(app.get(GraphQLSchemaHost).schema);
  await app.close();
  return sdl;
}

/** Code-first type metadata is process-global, so each subgraph is printed in its own process. */
function printInChild(name: string): string {
  return execFileSync(process.execPath, [__filename, '--print', name], { encoding: 'utf8' });
}

async function main() {
  const print = process.argv.indexOf('--print');
  if (print > 0) {
    const s = SUBGRAPHS.find((x) => x.name === process.argv[print + 1])!;
    process.stdout.write(await printSubgraph(await s.load()));
    return;
  }
  const check = process.argv.includes('--check');
  const outputs: Record<string, string> = {};
  const services = [];
  for (const s of SUBGRAPHS) {
    const sdl = printInChild(s.name);
    outputs[`${s.name}.graphql`] = sdl;
    services.push({ name: s.name, url: s.url, typeDefs: parse(sdl) });
  }
  const result = composeServices(services);
  if (result.errors) {
    process.stderr.write(`composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}\n`);
    process.exit(1);
  }
  outputs['supergraph.graphql'] = result.supergraphSdl;
  outputs['api.graphql'] = printSchema(result.schema.toAPISchema().toGraphQLJSSchema());
  const drifted: string[] = [];
  mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const [file, text] of Object.entries(outputs)) {
    const path = join(SCHEMA_DIR, file);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (current === text) continue;
    drifted.push(file);
    if (!check) writeFileSync(path, text);
  }
  if (check && drifted.length) {
    process.stderr.write(`schema drift: ${drifted.join(', ')} differ from the code; run 'npm run schema' and commit.\n`);
    process.exit(1);
  }
  process.stdout.write(check ? 'schema: committed SDL matches the code\n' : `schema: wrote ${drifted.length ? drifted.join(', ') : 'nothing (up to date)'}\n`);
}
main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  },
);
