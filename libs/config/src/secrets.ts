import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Every key that signs or authenticates something, each used for one purpose only: a leaked
 * invitation key cannot mint access tokens, and the other way round.
 */
export const SECRET_NAMES = [
  /** Signs access tokens (HS256). */
  'JWT_SECRET',
  /** HMAC of invitation links (and other one-time links sent by e-mail). */
  'INVITATION_SECRET',
  /** Proves to a subgraph that a request came through the gateway. */
  'GATEWAY_SECRET',
  /** Derives each service's PostgreSQL password (see database-roles.ts). */
  'DATABASE_ROLE_SECRET',
  /** Seals bid contents at rest until the opening (AES-256-GCM key derived from it, see libs/procurement bids). */
  'BID_SEALING_KEY',
] as const;
export type SecretName = (typeof SECRET_NAMES)[number];
export type Secrets = Record<SecretName, string>;

/** Minimum estimated strength of a secret given in production. */
const MIN_SECRET_BITS = 128;
const MIN_SECRET_LENGTH = 32;
/** Words that mark a value a person typed or copied from documentation rather than generated. */
const TYPED_WORDS = /secret|passw|change|lienket|admin|example|production|development|default|sample|bench/i;

/**
 * Why a supplied secret is too weak, or undefined when it is strong enough. Length alone does not
 * say much ("aaaa…", a sentence from the README), so the estimate is the string's length times the
 * Shannon entropy of its characters, which a random 32-byte base64url secret passes easily (~190
 * bits) and a repeated word does not; a value with words a person would type is refused too.
 */
export function weakSecretReason(value: string): string | undefined {
  if (value.length < MIN_SECRET_LENGTH) return `at least ${MIN_SECRET_LENGTH} characters`;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let perChar = 0;
  for (const n of counts.values()) perChar -= (n / value.length) * Math.log2(n / value.length);
  if (perChar * value.length < MIN_SECRET_BITS || counts.size < 16 || TYPED_WORDS.test(value)) {
    return `too predictable (generate one with: openssl rand -base64 48)`;
  }
  return undefined;
}

/** Fresh random secrets: what an installation generates, and what a production-mode test or bench passes. */
export const generateSecrets = (): Secrets =>
  Object.fromEntries(SECRET_NAMES.map((n) => [n, randomBytes(48).toString('base64url')])) as Secrets;

/**
 * The secrets of this installation, generated at its first start and kept in `file` (outside git,
 * readable by its owner only). Several processes start at once: the file is written under a
 * temporary name and linked into place, which fails if another process won, so every process ends
 * up with the same secrets. A secret added in a later version is generated and the file rewritten.
 */
export function installationSecrets(file: string): Secrets {
  const path = resolve(file);
  const existing = readSecrets(path);
  if (existing && SECRET_NAMES.every((n) => typeof existing[n] === 'string')) return existing as Secrets;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const secrets = { ...generateSecrets(), ...(existing ?? {}) };
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temp, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    if (existing) {
      writeFileSync(path, readFileSync(temp), { mode: 0o600 });
      return secrets;
    }
    linkSync(temp, path);
    return secrets;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return readSecrets(path) as Secrets;
  } finally {
    unlinkSync(temp);
  }
}

function readSecrets(path: string): Partial<Secrets> | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Partial<Secrets>;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${path}: cannot read the installation's secrets (${(e as Error).message}); delete the file to generate new ones`, { cause: e });
  }
}
