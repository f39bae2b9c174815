import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { generateSecrets } from '@lienket/config';
import { gql } from '@lienket/testing';

// The gateway alone in production mode (subgraphs need not run: it loads the committed supergraph).
let gateway: ChildProcess;
let url: string;

beforeAll(async () => {
  gateway = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'apps', 'gateway', 'src', 'main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      PORT: '0',
      ...generateSecrets(),
      ADMIN_EMAIL: 'ops@example.vn',
      ADMIN_PASSWORD: 'not-the-demo-password',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The gateway logs the address it listens on; PORT=0 lets the OS pick a free one.
  const lines = createInterface({ input: gateway.stdout! });
  for await (const line of lines) {
    const port = /listening on http:\/\/localhost:(\d+)/.exec(line)?.[1];
    if (port) {
      url = `http://127.0.0.1:${port}/graphql`;
      break;
    }
  }
  // Loading the gateway (Apollo, the query planner, undici) takes seconds on a busy machine.
}, 30_000);
afterAll(async () => {
  gateway.kill('SIGTERM');
  if (gateway.exitCode === null) await once(gateway, 'exit');
});

describe('the gateway in production', () => {
  it('refuses introspection', async () => {
    const r = await gql(url, '{ __schema { types { name } } }');
    expect(r.errors?.[0].message).toMatch(/introspection is not allowed/i);
  });

  it('gives no field suggestions that would reveal the schema', async () => {
    const r = await gql(url, '{ provinc { code } }');
    expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors?.[0].message).not.toMatch(/Did you mean/);
  });
});
