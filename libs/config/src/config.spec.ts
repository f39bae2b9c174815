import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';
import { SECRET_NAMES } from './secrets';
import { rolePassword } from './database-roles';

/** A secrets file of this test's own, so no test writes the checkout's var/secrets.json. */
const secretsFile = () => join(mkdtempSync(join(tmpdir(), 'lienket-secrets-')), 'secrets.json');
const strong = (n: number) => `${n}-Vq8sK2pLx9mR4tZwY7cN3bH6jF1dG5aE0uI-${'QwErTyUiOp'.slice(n)}`;
const productionSecrets = { JWT_SECRET: strong(1), INVITATION_SECRET: strong(2), GATEWAY_SECRET: strong(3), DATABASE_ROLE_SECRET: strong(4), BID_SEALING_KEY: strong(5) };

describe('loadConfig', () => {
  it('gives the documented defaults on an empty environment', () => {
    const c = loadConfig({ SECRETS_FILE: secretsFile() });
    expect(c.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/lienket');
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379/0');
    expect(c.gateway.port).toBe(4000);
    expect(c.gateway.catalogUrl).toBe('http://127.0.0.1:4001/graphql');
    expect(c.queuePrefix).toBe('lienket');
    expect(c.minBidWindowSeconds).toBe(3600);
  });

  it('lists every invalid variable in one error', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', MIN_BID_WINDOW_SECONDS: '0' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/MIN_BID_WINDOW_SECONDS/);
    }
  });

  it('refuses production without its secrets and with the demo admin, naming each', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET[\s\S]*INVITATION_SECRET[\s\S]*GATEWAY_SECRET[\s\S]*ADMIN_EMAIL/);
  });

  it.each([
    ['a repeated character', 'x'.repeat(64)],
    ['a repeated word', 'secret'.repeat(8)],
    ['a sentence', 'lienket-development-secret-change-me-in-production'],
  ])('refuses a low-entropy secret in production: %s', (_what, weak) => {
    expect(() => loadConfig({ NODE_ENV: 'production', ...productionSecrets, JWT_SECRET: weak, ADMIN_EMAIL: 'ops@example.vn', ADMIN_PASSWORD: 'a-long-real-password' })).toThrow(/JWT_SECRET: too predictable/);
  });

  it('refuses one value reused for two purposes in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ...productionSecrets, INVITATION_SECRET: productionSecrets.JWT_SECRET, ADMIN_EMAIL: 'ops@example.vn', ADMIN_PASSWORD: 'a-long-real-password' })).toThrow(/each must be different/);
  });

  it('accepts production with strong, distinct secrets and writes no secrets file', () => {
    const file = secretsFile();
    const c = loadConfig({ NODE_ENV: 'production', ...productionSecrets, SECRETS_FILE: file, ADMIN_EMAIL: 'ops@example.vn', ADMIN_PASSWORD: 'a-long-real-password' });
    expect(c.production).toBe(true);
    expect(c.auth.jwtSecret).toBe(productionSecrets.JWT_SECRET);
    expect(() => statSync(file)).toThrow(/ENOENT/);
  });
});

describe('secrets outside production', () => {
  it('generates distinct random secrets at first start, keeps them private, and reuses them', () => {
    const file = secretsFile();
    const first = loadConfig({ SECRETS_FILE: file });
    const again = loadConfig({ SECRETS_FILE: file });
    expect(again.auth).toEqual(first.auth);
    expect(again.internal).toEqual(first.internal);
    expect(new Set([first.auth.jwtSecret, first.auth.invitationSecret, first.internal.gatewaySecret]).size).toBe(3);
    expect(first.auth.jwtSecret.length).toBeGreaterThanOrEqual(48);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object).sort()).toEqual([...SECRET_NAMES].sort());
  });

  it('gives two installations different secrets', () => {
    expect(loadConfig({ SECRETS_FILE: secretsFile() }).auth.jwtSecret).not.toBe(loadConfig({ SECRETS_FILE: secretsFile() }).auth.jwtSecret);
  });

  it('prefers a secret given in the environment', () => {
    expect(loadConfig({ SECRETS_FILE: secretsFile(), JWT_SECRET: productionSecrets.JWT_SECRET }).auth.jwtSecret).toBe(productionSecrets.JWT_SECRET);
  });
});

describe('object storage configuration', () => {
  const s3 = { S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'lienket-uploads', S3_ACCESS_KEY_ID: 'lienket', S3_SECRET_ACCESS_KEY: 'lienket-secret' };

  it('stores on local disk when no S3 variable is set', () => {
    expect(loadConfig({ UPLOAD_DIR: '/srv/uploads' }).storage).toEqual({ kind: 'local', dir: '/srv/uploads' });
  });

  it('chooses S3 when the bucket and keys are set, with a default region', () => {
    expect(loadConfig(s3).storage).toEqual({
      kind: 's3',
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'lienket-uploads',
      region: 'us-east-1',
      accessKeyId: 'lienket',
      secretAccessKey: 'lienket-secret',
    });
  });

  it('refuses a half-configured S3 store, naming what is missing', () => {
    expect(() => loadConfig({ S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'lienket-uploads' })).toThrow(/S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: required/);
  });

  it('refuses an endpoint that is not a URL and a bucket name S3 would refuse', () => {
    expect(() => loadConfig({ ...s3, S3_ENDPOINT: 'minio:9000', S3_BUCKET: 'Uploads_Bucket' })).toThrow(/S3_ENDPOINT[\s\S]*S3_BUCKET/);
  });
});

describe('service database roles', () => {
  it('connects each service as its own role, with a password derived from the installation secret', () => {
    const c = loadConfig({ NODE_ENV: 'production', ...productionSecrets, DATABASE_URL: 'postgres://admin:root-pw@db.internal:5433/lienket', ADMIN_EMAIL: 'ops@example.vn', ADMIN_PASSWORD: 'a-long-real-password' });
    const catalog = new URL(c.database.serviceUrls.catalog);
    expect([catalog.username, catalog.host, catalog.pathname]).toEqual(['lienket_catalog', 'db.internal:5433', '/lienket']);
    expect(catalog.password).toBe(rolePassword(productionSecrets.DATABASE_ROLE_SECRET, 'lienket_catalog'));
    expect(new URL(c.database.serviceUrls.matching).username).toBe('lienket_matcher');
    const passwords = Object.values(c.database.serviceUrls).map((u) => new URL(u).password);
    expect(new Set([...passwords, 'root-pw']).size).toBe(4);
  });

  it('takes an explicit service URL only when its user is that service’s role', () => {
    const env = { SECRETS_FILE: secretsFile(), PROCUREMENT_DATABASE_URL: 'postgres://lienket_procurement:given@pgbouncer:6432/lienket' };
    expect(loadConfig(env).database.serviceUrls.procurement).toBe(env.PROCUREMENT_DATABASE_URL);
    expect(() => loadConfig({ ...env, PROCUREMENT_DATABASE_URL: 'postgres://postgres@127.0.0.1/lienket' })).toThrow(/PROCUREMENT_DATABASE_URL: its user must be lienket_procurement/);
  });
});
