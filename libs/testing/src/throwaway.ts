import { createServer } from 'node:net';
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';

// PostgreSQL and Redis servers of a test's own, for faults the shared ones must never see
// (terminated backends, restarts). Nothing here touches the servers on 5432 and 6379.

const run = promisify(execFile);

/** The binaries of the newest PostgreSQL installed (Debian keeps them out of PATH). */
function postgresBin(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  return join('/usr/lib/postgresql', versions[0], 'bin');
}

/** PostgreSQL refuses to run as root: commands then run as the `postgres` user. */
async function asPostgres(command: string, args: string[]) {
  const [file, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return run(file, argv, { maxBuffer: 10 * 1024 * 1024 });
}

async function uidOf(user: string): Promise<number> {
  const { stdout } = await run('id', ['-u', user]);
  return Number(stdout.trim());
}

/**
 * A PostgreSQL cluster in a temporary directory on its own port. Connections over TCP need a
 * password (scram-sha-256), as in production: the superuser's is in `url()`, and a role whose
 * password was not set cannot log in.
 */
export class ThrowawayPostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly password: string,
  ) {}

  static async start(port: number): Promise<ThrowawayPostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'lienket-pg-'));
    if (process.getuid?.() === 0) chownSync(dir, await uidOf('postgres'), 0);
    const password = randomBytes(18).toString('base64url');
    const pwfile = join(dir, 'superuser-password');
    writeFileSync(pwfile, `${password}\n`, { mode: 0o644 });
    await asPostgres(join(postgresBin(), 'initdb'), ['-D', join(dir, 'data'), '-U', 'postgres', '--pwfile', pwfile, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-sync']);
    const pg = new ThrowawayPostgres(dir, port, password);
    await pg.up();
    return pg;
  }

  /** A URL of this cluster as the superuser. */
  url(database = 'postgres'): string {
    return `postgres://postgres:${this.password}@127.0.0.1:${this.port}/${database}`;
  }

  private up() {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
    return asPostgres(join(postgresBin(), 'pg_ctl'), ['-D', join(this.dir, 'data'), '-o', options, '-l', join(this.dir, 'log'), '-w', 'start']);
  }

  private down(mode: 'fast' | 'immediate') {
    return asPostgres(join(postgresBin(), 'pg_ctl'), ['-D', join(this.dir, 'data'), '-m', mode, '-w', 'stop']);
  }

  /** Stops the server (every connection drops) and starts it again; resolves once it accepts connections. */
  async restart(): Promise<void> {
    await this.down('fast');
    await this.up();
  }

  async stop(): Promise<void> {
    await this.down('immediate').catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A Redis server on its own port, persisting every write to its append-only file as a production
 * Redis behind BullMQ must (a restart then loses no job).
 */
export class ThrowawayRedis {
  private child?: ChildProcess;

  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly password?: string,
  ) {}

  /** A server of its own (on `port`, or a free one), with `--requirepass` when a password is given. */
  static async start(o: { port?: number; password?: string } = {}): Promise<ThrowawayRedis> {
    const redis = new ThrowawayRedis(mkdtempSync(join(tmpdir(), 'lienket-redis-')), o.port ?? (await freeLoopbackPort()), o.password);
    await redis.up();
    return redis;
  }

  /** The URL a client uses, with a password (this server's unless given) percent-encoded as REDIS_URL carries it. */
  url(o: { db?: number; password?: string } = {}): string {
    const password = o.password ?? this.password;
    return `redis://${password ? `:${encodeURIComponent(password)}@` : ''}127.0.0.1:${this.port}/${o.db ?? 0}`;
  }

  private async up(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always'];
    if (this.password) args.push('--requirepass', this.password);
    this.child = spawn('redis-server', args, { stdio: 'ignore' });
    const deadline = Date.now() + 20_000;
    for (;;) {
      const client = new Redis(this.url(), { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.ping();
        return;
      } catch (e) {
        if (Date.now() > deadline || this.child.exitCode !== null) throw new Error(`redis-server on ${this.port} did not start: ${(e as Error).message}`, { cause: e });
        await new Promise((r) => setTimeout(r, 50));
      } finally {
        client.disconnect();
      }
    }
  }

  /** Shuts the server down (its append-only file flushed) and starts it again on the same port and data. */
  async restart(): Promise<void> {
    await this.down();
    await this.up();
  }

  private async down(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM'); // Redis answers SIGTERM with a clean SHUTDOWN
    await exited;
  }

  async stop(): Promise<void> {
    await this.down();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A loopback port nobody listens on right now. */
function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
    server.on('error', reject);
  });
}
