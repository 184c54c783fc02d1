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
