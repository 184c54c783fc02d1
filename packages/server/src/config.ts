/*
 * The one place that reads the environment (STYLE rule 6). Every setting is validated here, the
 * result is frozen and passed in; a bad value stops the start with a message that names it.
 */

export interface Config {
  readonly host: string;
  readonly port: number;
  /** postgres://... when set; otherwise the embedded SQLite file under dataDir. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly sqliteSynchronous: 'full' | 'normal';
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** How often the clock job advances customers whose next deadline has passed. */
  readonly clockIntervalMs: number;
  /** Allowed request origins for the ingestion API (browsers post from the business's own site). */
  readonly ingestCorsOrigin: string;
  /** How long a dashboard session lasts after sign-in. */
  readonly sessionTtlMs: number;
  /** Signs the CSRF cookie and keys its tokens; random per process when unset (set it when running several). */
  readonly cookieSecret: string | undefined;
  /** Behind a reverse proxy: trust X-Forwarded-* for the client address and https (Secure cookies). */
  readonly trustProxy: boolean;
  /** The address people open, for links in invitations and password resets. */
  readonly publicUrl: string | undefined;
  /** Sign-in attempts allowed per 15 minutes, per account and per client address. */
  readonly loginAttemptsPerAccount: number;
  readonly loginAttemptsPerAddress: number;
  /** Ingestion requests allowed per second per write key (a batch counts once). */
  readonly ingestRequestsPerSecond: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const config: Config = {
    host: env.JEJAK_HOST ?? '127.0.0.1',
    port: integer(env, 'JEJAK_PORT', 3000, 0, 65535),
    databaseUrl: databaseUrl(env),
    dataDir: env.JEJAK_DATA_DIR ?? './data',
    sqliteSynchronous: oneOf(env, 'JEJAK_SQLITE_SYNCHRONOUS', ['full', 'normal'] as const, 'full'),
    logLevel: oneOf(
      env,
      'JEJAK_LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      'info',
    ),
    clockIntervalMs: integer(env, 'JEJAK_CLOCK_INTERVAL_MS', 60_000, 100, 86_400_000),
    ingestCorsOrigin: env.JEJAK_INGEST_CORS_ORIGIN ?? '*',
    sessionTtlMs: integer(env, 'JEJAK_SESSION_TTL_HOURS', 168, 1, 8760) * 3_600_000,
    cookieSecret: cookieSecret(env),
    trustProxy: oneOf(env, 'JEJAK_TRUST_PROXY', ['true', 'false'] as const, 'false') === 'true',
    publicUrl: env.JEJAK_PUBLIC_URL?.replace(/\/$/, '') || undefined,
    loginAttemptsPerAccount: integer(env, 'JEJAK_LOGIN_ATTEMPTS_PER_ACCOUNT', 10, 1, 10_000),
    loginAttemptsPerAddress: integer(env, 'JEJAK_LOGIN_ATTEMPTS_PER_ADDRESS', 50, 1, 100_000),
    ingestRequestsPerSecond: integer(env, 'JEJAK_INGEST_REQUESTS_PER_SECOND', 1000, 1, 1_000_000),
    ...overrides,
  };
  return Object.freeze(config);
}

function databaseUrl(env: Env): string | undefined {
  const url = env.DATABASE_URL;
  if (url === undefined || url === '') return undefined;
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new ConfigError(
      `DATABASE_URL must start with postgres:// or postgresql:// (got '${url.split(':')[0]}:...')`,
    );
  }
  return url;
}

function cookieSecret(env: Env): string | undefined {
  const secret = env.JEJAK_COOKIE_SECRET;
  if (secret === undefined || secret === '') return undefined;
  if (secret.length < 32) throw new ConfigError('JEJAK_COOKIE_SECRET must be at least 32 characters long');
  return secret;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got '${raw}')`);
  }
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = raw.toLowerCase();
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got '${raw}')`);
  }
  return value as T;
}
