import { isIP } from 'node:net';
import { z } from 'zod';
import { serviceDatabaseUrls, ServiceDatabaseUrls } from './database-roles';
import { installationSecrets, SECRET_NAMES, SecretName, Secrets, weakSecretReason } from './secrets';

/** Demo values documented in the README; refused when NODE_ENV=production. */
export const DEMO_ADMIN_EMAIL = 'admin@lienket.vn';
export const DEMO_ADMIN_PASSWORD = 'LienKet-Admin-2026';

/** 0 lets the operating system pick a free port (tests). */
const port = z.coerce.number().int().min(0).max(65535);
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default('postgres://postgres@127.0.0.1:5432/lienket'),
  /** Each service's own login (see database-roles.ts); derived from DATABASE_URL when unset. */
  CATALOG_DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  PROCUREMENT_DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  MATCHER_DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  /** Connections per subgraph process; the worker's pool follows WORKER_CONCURRENCY instead. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(16),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379/0'),
  QUEUE_PREFIX: z.string().regex(/^[a-z0-9_-]{1,40}$/i).default('lienket'),
  PORT: port.default(4000),
  /** Where the gateway listens; subgraphs and the matcher's health port listen on SUBGRAPH_HOST. */
  HOST: z.string().min(1).default('127.0.0.1'),
  SUBGRAPH_HOST: z.string().min(1).default('127.0.0.1'),
  TRUST_PROXY: optionalString.transform((v, ctx) => {
    const parsed = trustProxy(v);
    if (typeof parsed === 'object') ctx.addIssue({ code: 'custom', message: parsed.problem });
    return typeof parsed === 'object' ? false : parsed;
  }),
  CATALOG_PORT: port.default(4001),
  PROCUREMENT_PORT: port.default(4002),
  MATCHER_HEALTH_PORT: port.default(4003),
  CATALOG_URL: optionalString,
  PROCUREMENT_URL: optionalString,
  JWT_SECRET: optionalString.pipe(z.string().min(32).optional()),
  INVITATION_SECRET: optionalString.pipe(z.string().min(32).optional()),
  GATEWAY_SECRET: optionalString.pipe(z.string().min(32).optional()),
  DATABASE_ROLE_SECRET: optionalString.pipe(z.string().min(32).optional()),
  BID_SEALING_KEY: optionalString.pipe(z.string().min(32).optional()),
  /** Where an installation outside production keeps the secrets it generated at first start. */
  SECRETS_FILE: z.string().default('var/secrets.json'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).default(30 * 24 * 3600),
  /** How long a just-rotated refresh token still opens the same session (two tabs refreshing at once). */
  REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  ADMIN_EMAIL: z.email().default(DEMO_ADMIN_EMAIL),
  ADMIN_PASSWORD: z.string().min(10).default(DEMO_ADMIN_PASSWORD),
  MIN_BID_WINDOW_SECONDS: z.coerce.number().int().min(1).default(3600),
  SMTP_URL: optionalString,
  MAIL_FROM: z.string().default('LienKet <no-reply@lienket.vn>'),
  PUBLIC_URL: optionalString,
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  /** Per hour. */
  SIGNUP_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(10),
  /** Reset e-mails asked for one address per hour, and attempts per client address per hour. */
  PASSWORD_RESET_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).default(3),
  PASSWORD_RESET_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(10),
  /** Per day. */
  INVITATIONS_MAX_PER_ORGANIZATION: z.coerce.number().int().min(1).default(30),
  INVITATIONS_MAX_PER_RECIPIENT: z.coerce.number().int().min(1).default(3),
  WEB_DIST: optionalString,
  UPLOAD_DIR: z.string().default('var/uploads'),
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  MAX_PHOTO_BYTES: z.coerce.number().int().min(1024).default(5 * 1024 * 1024),
  MAX_PHOTOS_PER_PRODUCT: z.coerce.number().int().min(1).max(50).default(8),
  /** Files on one need (each within MAX_UPLOAD_BYTES). */
  MAX_ATTACHMENTS_PER_NEED: z.coerce.number().int().min(1).max(20).default(5),
  MAX_LOGO_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  /** Photos and logos declaring more pixels are refused before they are decoded (decompression bombs). */
  MAX_IMAGE_PIXELS: z.coerce.number().int().min(1).max(268_402_689).default(50_000_000),
  /** Stored files no row points at are removed once older than this (an upload in flight is younger). */
  UPLOAD_ORPHAN_GRACE_SECONDS: z.coerce.number().int().min(60).default(3600),
  S3_ENDPOINT: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  S3_BUCKET: optionalString.pipe(
    z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'a bucket name: 3–63 lowercase letters, digits, dots, hyphens').optional(),
  ),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_REGION: optionalString,
  /** Product search's index: RUM when PostgreSQL offers it (`auto`), or the contrib GIN fallback (`off`: operators, tests). */
  SEARCH_RUM: z.enum(['auto', 'off']).default('auto'),
  /**
   * Tests and benches: each subgraph counts the SQL statements a request ran and the gateway adds
   * them, by subgraph, to the answer's `extensions.sqlStatements` (libs/database sql-count.ts).
   */
  SQL_STATEMENT_COUNT: z.enum(['true', 'false']).default('false'),
});

/** Object storage for uploaded files: local disk unless S3_BUCKET is set. */
export type StorageConfig =
  | { kind: 'local'; dir: string }
  | { kind: 's3'; endpoint?: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  production: boolean;
  logLevel: string;
  /** SQL_STATEMENT_COUNT: statements per request counted and reported (tests, benches). */
  countSqlStatements: boolean;
  /** The superuser's: migrations, seeding and tests only. Services use `database.serviceUrls`. */
  databaseUrl: string;
  database: { serviceUrls: ServiceDatabaseUrls; poolSize: number };
  redisUrl: string;
  queuePrefix: string;
  gateway: {
    port: number;
    host: string;
    /** Express's `trust proxy`: which proxies may say who the client is (false: none). */
    trustProxy: TrustProxy;
    catalogUrl: string;
    procurementUrl: string;
    publicUrl: string;
  };
  catalog: { port: number };
  /** `bidSealingKey`: the secret bid contents are sealed with until the opening; procurement only. */
  procurement: { port: number; bidSealingKey: string };
  matcher: { healthPort: number; concurrency: number };
  auth: {
    jwtSecret: string;
    invitationSecret: string;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    /** 0: a second use of a rotated refresh token always ends the session. */
    refreshGraceSeconds: number;
  };
  /** Shared by the gateway and the subgraphs only. */
  internal: { gatewaySecret: string; host: string };
  signInThrottle: { perAccount: number; perAddress: number };
  /** What else a person or an address may do per window (see libs/accounts/src/auth/rate-limits.ts). */
  limits: {
    signUpPerAddress: number;
    resetPerAccount: number;
    resetPerAddress: number;
    invitationsPerOrganization: number;
    invitationsPerRecipient: number;
  };
  admin: { email: string; password: string };
  minBidWindowSeconds: number;
  mail: { smtpUrl?: string; from: string };
  webDist?: string;
  /** Where uploaded files (documents, listing photos, logos) live — see FileStorage. */
  storage: StorageConfig;
  /** Evidence documents. */
  maxUploadBytes: number;
  photos: { maxBytes: number; maxPerProduct: number };
  /** A need's attachments: how many (each within maxUploadBytes, as documents). */
  needAttachments: { maxPerNeed: number };
  maxLogoBytes: number;
  /** `off`: build and use product search's GIN fallback even where the RUM extension is available. */
  search: { rum: 'auto' | 'off' };
  /** Decoding bound for photos and logos, and the grace before an unreferenced stored file is removed. */
  uploads: { maxImagePixels: number; orphanGraceSeconds: number };
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once; every invalid variable is listed in one error. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const storage = storageConfig(e);
  if (typeof storage === 'string') throw new ConfigError([storage]);
  const { secrets, problems } = secretsOf(e, production);
  const databaseUrls = serviceDatabaseUrls(
    e.DATABASE_URL,
    { catalog: e.CATALOG_DATABASE_URL, procurement: e.PROCUREMENT_DATABASE_URL, matching: e.MATCHER_DATABASE_URL },
    secrets.DATABASE_ROLE_SECRET,
  );
  if (typeof databaseUrls === 'string') problems.push(databaseUrls);
  if (production) {
    if (e.ADMIN_EMAIL === DEMO_ADMIN_EMAIL || e.ADMIN_PASSWORD === DEMO_ADMIN_PASSWORD) {
      problems.push('ADMIN_EMAIL/ADMIN_PASSWORD: the demo values are refused in production');
    }
  }
  if (problems.length || typeof databaseUrls === 'string') throw new ConfigError(problems);
  return {
    env: e.NODE_ENV,
    production,
    logLevel: e.LOG_LEVEL,
    countSqlStatements: e.SQL_STATEMENT_COUNT === 'true',
    databaseUrl: e.DATABASE_URL,
    database: { serviceUrls: databaseUrls, poolSize: e.DATABASE_POOL_SIZE },
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    gateway: {
      port: e.PORT,
      host: e.HOST,
      trustProxy: e.TRUST_PROXY,
      catalogUrl: e.CATALOG_URL ?? `http://127.0.0.1:${e.CATALOG_PORT}/graphql`,
      procurementUrl: e.PROCUREMENT_URL ?? `http://127.0.0.1:${e.PROCUREMENT_PORT}/graphql`,
      publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    },
    catalog: { port: e.CATALOG_PORT },
    procurement: { port: e.PROCUREMENT_PORT, bidSealingKey: secrets.BID_SEALING_KEY },
    matcher: { healthPort: e.MATCHER_HEALTH_PORT, concurrency: e.WORKER_CONCURRENCY },
    auth: {
      jwtSecret: secrets.JWT_SECRET,
      invitationSecret: secrets.INVITATION_SECRET,
      accessTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
      refreshGraceSeconds: e.REFRESH_REUSE_GRACE_SECONDS,
    },
    internal: { gatewaySecret: secrets.GATEWAY_SECRET, host: e.SUBGRAPH_HOST },
    signInThrottle: {
      perAccount: e.SIGNIN_MAX_FAILURES_PER_ACCOUNT,
      perAddress: e.SIGNIN_MAX_FAILURES_PER_ADDRESS,
    },
    limits: {
      signUpPerAddress: e.SIGNUP_MAX_PER_ADDRESS,
      resetPerAccount: e.PASSWORD_RESET_MAX_PER_ACCOUNT,
      resetPerAddress: e.PASSWORD_RESET_MAX_PER_ADDRESS,
      invitationsPerOrganization: e.INVITATIONS_MAX_PER_ORGANIZATION,
      invitationsPerRecipient: e.INVITATIONS_MAX_PER_RECIPIENT,
    },
    admin: { email: e.ADMIN_EMAIL.toLowerCase(), password: e.ADMIN_PASSWORD },
    minBidWindowSeconds: e.MIN_BID_WINDOW_SECONDS,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    webDist: e.WEB_DIST,
    storage,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    photos: { maxBytes: e.MAX_PHOTO_BYTES, maxPerProduct: e.MAX_PHOTOS_PER_PRODUCT },
    needAttachments: { maxPerNeed: e.MAX_ATTACHMENTS_PER_NEED },
    maxLogoBytes: e.MAX_LOGO_BYTES,
    search: { rum: e.SEARCH_RUM },
    uploads: { maxImagePixels: e.MAX_IMAGE_PIXELS, orphanGraceSeconds: e.UPLOAD_ORPHAN_GRACE_SECONDS },
  };
}

/**
 * Secrets come from the environment; outside production, those not given are generated per
 * installation at first start (never a value anyone can read in the repository). In production each
 * must be given, strong, and different from the others.
 */
function secretsOf(e: z.infer<typeof schema>, production: boolean): { secrets: Secrets; problems: string[] } {
  const given = Object.fromEntries(SECRET_NAMES.flatMap((n) => (e[n] ? [[n, e[n]]] : []))) as Partial<Secrets>;
  if (production) {
    const problems = SECRET_NAMES.flatMap((n) => {
      const v = given[n];
      if (!v) return [`${n}: must be set in production`];
      const weak = weakSecretReason(v);
      return weak ? [`${n}: ${weak}`] : [];
    });
    const values = Object.values(given);
    if (new Set(values).size !== values.length) problems.push(`${SECRET_NAMES.join(', ')}: each must be different`);
    return { secrets: given as Secrets, problems };
  }
  if (SECRET_NAMES.every((n) => given[n])) return { secrets: given as Secrets, problems: [] };
  return { secrets: { ...installationSecrets(e.SECRETS_FILE), ...given }, problems: [] };
}

export type { SecretName };

/** Express's `trust proxy` values: none, all, a number of hops, or addresses, subnets and names. */
export type TrustProxy = boolean | number | string;
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY with express's semantics, checked here so a typo is a configuration error at start
 * rather than a gateway that trusts nobody (or everybody) without saying so.
 */
export function trustProxy(value: string | undefined): TrustProxy | { problem: string } {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((v) => v.trim());
  const bad = entries.filter((v) => {
    if (PROXY_NAMES.has(v)) return false;
    const [address, mask, ...rest] = v.split('/');
    if (rest.length || !isIP(address)) return true;
    return mask !== undefined && !/^\d{1,3}$/.test(mask) && !isIP(mask);
  });
  if (bad.length) return { problem: `not an address, subnet or one of loopback, linklocal, uniquelocal: ${bad.join(', ')}` };
  return entries.join(',');
}

/** S3 is all or nothing: a half-configured store must not silently fall back to local disk. */
function storageConfig(e: z.infer<typeof schema>): StorageConfig | string {
  const s3 = { S3_ENDPOINT: e.S3_ENDPOINT, S3_BUCKET: e.S3_BUCKET, S3_ACCESS_KEY_ID: e.S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: e.S3_SECRET_ACCESS_KEY, S3_REGION: e.S3_REGION };
  if (Object.values(s3).every((v) => v === undefined)) return { kind: 'local', dir: e.UPLOAD_DIR };
  const missing = (['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((k) => !s3[k]);
  if (missing.length) return `${missing.join(', ')}: required when any S3_* variable is set (S3_ENDPOINT and S3_REGION are optional)`;
  return {
    kind: 's3',
    endpoint: e.S3_ENDPOINT,
    bucket: e.S3_BUCKET!,
    region: e.S3_REGION ?? 'us-east-1',
    accessKeyId: e.S3_ACCESS_KEY_ID!,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
  };
}
