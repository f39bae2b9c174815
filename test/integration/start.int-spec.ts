import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '@lienket/config';
import { checkServices, REQUIRED_EXTENSIONS } from '@lienket/database';

// `npm start` when PostgreSQL or Redis is missing: one clear message naming each address and how to
// start it, and a non-zero exit — no stack trace. Runs the built script, as `npm start` does.
function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'scripts', 'start.js')], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('npm start without its services', () => {
  it('names both unreachable services, their addresses and how to start them', async () => {
    const { code, output } = await start({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/lienket', REDIS_URL: 'redis://127.0.0.1:2/0' });
    expect(code).toBe(1);
    expect(output).toMatch(/PostgreSQL is not reachable at 127\.0\.0\.1:1\/lienket/);
    expect(output).toMatch(/Redis is not reachable at 127\.0\.0\.1:2\/0/);
    expect(output).toMatch(/docker compose up -d postgres redis/);
    expect(output).not.toMatch(/\n\s+at .+\.js:\d+/);
  });

  it('lists every invalid setting at once', async () => {
    const { code, output } = await start({ PORT: 'abc', MIN_BID_WINDOW_SECONDS: '-1' });
    expect(code).toBe(1);
    expect(output).toMatch(/PORT/);
    expect(output).toMatch(/MIN_BID_WINDOW_SECONDS/);
  });
});

describe('the service check before start', () => {
  it('passes on this machine, and requires no extension beyond contrib (RUM is optional)', async () => {
    expect(REQUIRED_EXTENSIONS).toEqual([]);
    const { databaseUrl, redisUrl } = loadConfig();
    expect(await checkServices(databaseUrl, redisUrl)).toEqual([]);
  });

  it('names an extension PostgreSQL lacks and how to install it', async () => {
    const { databaseUrl, redisUrl } = loadConfig();
    const problems = await checkServices(databaseUrl, redisUrl, ['rum', 'lienket_missing']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/lacks the extension lienket_missing/);
    expect(problems[0]).toMatch(/apt-get install -y postgresql-15-rum/);
    expect(problems[0]).toMatch(/docker compose build postgres/);
  });
});
