import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// docker-compose.yml publishes only on loopback (unless LIENKET_BIND says otherwise) and holds no
// password or secret: each comes from .env (docker/make-env.sh) and nothing starts without it.
const compose = readFileSync(join(__dirname, '..', '..', 'docker-compose.yml'), 'utf8');

describe('docker-compose.yml', () => {
  it('publishes every port on 127.0.0.1, the gateway on LIENKET_BIND defaulting to it', () => {
    const published = [...compose.matchAll(/^\s*ports:\s*\[(.*)\]/gm)].flatMap((m) => m[1].split(/,\s*/).map((p) => p.replace(/'/g, '')));
    expect(published.length).toBeGreaterThan(0);
    for (const p of published) expect(p).toMatch(/^(127\.0\.0\.1|\$\{LIENKET_BIND:-127\.0\.0\.1\}):/);
    expect(compose).not.toMatch(/^\s*ports:\s*$/m); // no block-style lists that the check above would miss
  });

  it('takes every password and secret from the environment, required, never a literal', () => {
    const settings = [...compose.matchAll(/^\s*([A-Z0-9_]*(PASSWORD|SECRET|ACCESS_KEY_ID|_USER)[A-Z0-9_]*):\s*(.*)$/gm)];
    expect(settings.map((m) => m[1])).toEqual(expect.arrayContaining(['POSTGRES_PASSWORD', 'REDIS_PASSWORD', 'MINIO_ROOT_PASSWORD', 'JWT_SECRET', 'INVITATION_SECRET', 'GATEWAY_SECRET', 'DATABASE_ROLE_SECRET', 'ADMIN_PASSWORD']));
    for (const [, name, , value] of settings) expect(`${name}: ${value}`).toMatch(/^\w+: \$\{\w+:\?run docker\/make-env\.sh first\}$/);
    for (const url of [...compose.matchAll(/^\s*(DATABASE_URL|REDIS_URL):\s*(.*)$/gm)]) expect(url[2]).toMatch(/\$\{(POSTGRES|REDIS)_PASSWORD:\?/);
    expect(compose).not.toMatch(/HOST_AUTH_METHOD|\btrust\b|lienket-minio-secret|LienKet-Admin/i);
  });
});
