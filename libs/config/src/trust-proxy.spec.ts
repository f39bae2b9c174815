import { ConfigError, loadConfig, trustProxy } from './config';

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default', () => {
    expect(loadConfig({ SECRETS_FILE: 'var/secrets.json' }).gateway.trustProxy).toBe(false);
    expect(trustProxy('false')).toBe(false);
  });

  it('takes express’s values: all, a hop count, addresses, subnets and named ranges', () => {
    expect(trustProxy('true')).toBe(true);
    expect(trustProxy('2')).toBe(2);
    expect(trustProxy('loopback, 10.0.0.0/8,192.0.2.1, fd00::/8, 172.16.0.0/255.240.0.0')).toBe('loopback,10.0.0.0/8,192.0.2.1,fd00::/8,172.16.0.0/255.240.0.0');
  });

  it('refuses what express would misread, naming it', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'loopbak,10.0.0.0/8/1' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: 'loopbak,10.0.0.0/8/1' })).toThrow(/TRUST_PROXY: .*loopbak, 10\.0\.0\.0\/8\/1/);
  });
});
