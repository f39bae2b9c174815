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
