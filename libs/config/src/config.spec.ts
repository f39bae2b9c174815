import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives the documented defaults on an empty environment', () => {
    const c = loadConfig({});
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

  it('refuses the demo secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET[\s\S]*ADMIN_EMAIL/);
  });

  it('accepts production with real secrets', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      ADMIN_EMAIL: 'ops@example.vn',
      ADMIN_PASSWORD: 'a-long-real-password',
    });
    expect(c.production).toBe(true);
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
