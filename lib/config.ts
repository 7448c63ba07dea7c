import { z } from 'zod';
import { type AuthConfig, authConfigOf, authEnvShape } from './auth/config';
import { AnswerableError } from './errors';
import { type PrometheusCredentials, prometheusCredentials, prometheusCredentialShape } from './prometheus/credentials';
import { redactUrl } from './http/redact';
import { parseDurationMs } from './time/duration';

/**
 * The one place that reads process.env. Every variable is validated with zod;
 * a bad value stops the server with a message that names the variable.
 */

/** An integer variable in [min, max]; `kind` names what it is in the message. */
const intIn = (name: string, def: number, min: number, max: number, kind = 'an integer') =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return def;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be ${kind} ${min}-${max}, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const port = (name: string, def: number) => intIn(name, def, 0, 65535, 'a port number');

const duration = (name: string, def: string, zeroAllowed = false) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const raw = v === undefined || v === '' ? def : v;
      const ms = zeroAllowed && raw.trim() === '0' ? 0 : parseDurationMs(raw);
      if (ms === null || ms < 0 || (ms === 0 && !zeroAllowed)) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a duration like 15s, 5m or 72h, got "${raw}"` });
        return z.NEVER;
      }
      return ms;
    });

const bytes = (name: string, def: number, min: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return def;
      const n = parseBytes(v);
      if (n === null || n < min) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be a size like 512KiB, 16MiB or 10GB (at least ${min} bytes), got "${v}"`,
        });
        return z.NEVER;
      }
      return n;
    });

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};
/** "16MiB", "10GB", "1048576" → bytes; null when not a size. */
export function parseBytes(v: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(v);
  if (!m) return null;
  const unit = UNITS[(m[2] ?? '').toLowerCase()];
  if (unit === undefined) return null;
  return Math.floor(Number(m[1]) * unit);
}

const httpUrl = (name: string, def?: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const raw = v === undefined || v === '' ? def : v;
      if (raw === undefined) return undefined;
      try {
        const u = new URL(raw);
        if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme');
        return raw.replace(/\/+$/, '');
      } catch {
        ctx.addIssue({ code: 'custom', message: `${name} must be an http(s) URL, got "${redactUrl(raw)}"` });
        return z.NEVER;
      }
    });

const envSchema = z
  .object({
    PROMETHEUS_URL: httpUrl('PROMETHEUS_URL', 'http://127.0.0.1:9090'),
    PROMETHEUS_TIMEOUT: duration('PROMETHEUS_TIMEOUT', '30s'),
    PROMETHEUS_SCRAPE_INTERVAL: duration('PROMETHEUS_SCRAPE_INTERVAL', '15s'),
    MAX_DATA_POINTS: intIn('MAX_DATA_POINTS', 600, 10, 11000),
    QUERY_CACHE_OVERLAP: duration('QUERY_CACHE_OVERLAP', '10m'),
    QUERY_CACHE_TTL: duration('QUERY_CACHE_TTL', '1h'),
    QUERY_CACHE_MAX_POINTS: intIn('QUERY_CACHE_MAX_POINTS', 2_000_000, 0, 1_000_000_000),
    PAGE_DATA_WAIT: duration('PAGE_DATA_WAIT', '600ms', true),
    TRACE_STORE: z
      .enum(['embedded', 'tempo', 'jaeger'], {
        error: (iss) => `TRACE_STORE must be one of embedded, tempo, jaeger, got "${String(iss.input)}"`,
      })
      .default('embedded'),
    TRACE_STORE_URL: httpUrl('TRACE_STORE_URL'),
    DATA_DIR: z.string().min(1).default('./data'),
    DASHBOARDS_DIR: z.string().optional(),
    TRACE_RETENTION: duration('TRACE_RETENTION', '72h'),
    TRACE_MAX_BYTES: bytes('TRACE_MAX_BYTES', 0, 0),
    TRACE_SYNC: z
      .enum(['off', 'normal', 'full'], {
        error: (iss) => `TRACE_SYNC must be one of off, normal, full, got "${String(iss.input)}"`,
      })
      .default('normal'),
    OTLP_MAX_BYTES: bytes('OTLP_MAX_BYTES', 16 * 1024 * 1024, 1024),
    OTLP_QUEUE_BYTES: bytes('OTLP_QUEUE_BYTES', 64 * 1024 * 1024, 1024),
    OTLP_TOKEN: z.string().optional(),
    // Fault injection for tests only: the writer sleeps this long before each transaction, so
    // a test can fill the write queue on demand. Never set it in production.
    TRACE_WRITER_TEST_DELAY_MS: intIn('TRACE_WRITER_TEST_DELAY_MS', 0, 0, 60_000),
    OTLP_GRPC_PORT: port('OTLP_GRPC_PORT', 4317),
    OTLP_HTTP_PORT: port('OTLP_HTTP_PORT', 4318),
    PORT: port('PORT', 3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    ...authEnvShape,
    ...prometheusCredentialShape,
    QUERY_MAX_SERIES: intIn('QUERY_MAX_SERIES', 2000, 1, 1_000_000),
    QUERY_MAX_POINTS: intIn('QUERY_MAX_POINTS', 11_000, 10, 1_000_000),
    QUERY_MAX_BYTES: bytes('QUERY_MAX_BYTES', 16 * 1024 * 1024, 64 * 1024),
    QUERY_CONCURRENCY: intIn('QUERY_CONCURRENCY', 16, 1, 1000),
    QUERY_CONCURRENCY_PER_USER: intIn('QUERY_CONCURRENCY_PER_USER', 8, 1, 1000),
    QUERY_QUEUE: intIn('QUERY_QUEUE', 200, 0, 100_000),
    QUERY_QUEUE_WAIT: duration('QUERY_QUEUE_WAIT', '5s'),
  })
  .superRefine((env, ctx) => {
    if (env.TRACE_STORE !== 'embedded' && !env.TRACE_STORE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['TRACE_STORE_URL'],
        message: `TRACE_STORE_URL is required when TRACE_STORE=${env.TRACE_STORE}`,
      });
    }
  });

export type Config = {
  prometheusUrl: string;
  prometheusTimeoutMs: number;
  scrapeIntervalMs: number;
  maxDataPoints: number;
  /** incremental range queries: points newer than this are always asked again */
  queryCacheOverlapMs: number;
  /** How long a dashboard's first byte waits for its panels' answers (0: stream skeletons at once). */
  pageDataWaitMs: number;
  queryCacheTtlMs: number;
  /** values the range-query cache may hold; 0 = off */
  queryCacheMaxPoints: number;
  traceStore: 'embedded' | 'tempo' | 'jaeger';
  traceStoreUrl: string | undefined;
  dataDir: string;
  /** a folder of dashboard files (console or Grafana JSON) served read-only */
  dashboardsDir: string | undefined;
  traceRetentionMs: number;
  /** 0 = no size limit */
  traceMaxBytes: number;
  traceSync: 'off' | 'normal' | 'full';
  /** an export larger than this after decompression is refused with 413 */
  otlpMaxBytes: number;
  otlpQueueBytes: number;
  /** when set, OTLP exports need `Authorization: Bearer <token>` */
  otlpToken: string | undefined;
  /** tests only: delay before each store transaction */
  traceWriterTestDelayMs: number;
  otlpGrpcPort: number;
  otlpHttpPort: number;
  port: number;
  host: string;
  auth: AuthConfig;
  guardrails: Guardrails;
  /** headers (credentials) and CA for Prometheus: never shown */
  prometheusAuth: PrometheusCredentials;
};

/** What one user's query may cost the console (issue 13). */
export type Guardrails = {
  /** series in one answer */
  maxSeries: number;
  /** points per series of a range query */
  maxPoints: number;
  /** bytes of one answer from Prometheus */
  maxBytes: number;
  /** upstream queries in flight, in all */
  concurrency: number;
  /** upstream queries in flight for one user */
  perUser: number;
  /** queries waiting for a slot; beyond: 429 */
  queue: number;
  queueWaitMs: number;
};

export class ConfigError extends AnswerableError {
  constructor(public readonly problems: string[]) {
    super('ConfigError', 500, 'config', `Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Parse an environment object; throws ConfigError naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const r = envSchema.safeParse(env);
  if (!r.success) {
    throw new ConfigError(
      r.error.issues.map((i) => {
        const name = String(i.path[0] ?? '');
        return i.message.includes(name) ? i.message : `${name}: ${i.message}`;
      }),
    );
  }
  const e = r.data;
  const problems: string[] = [];
  const durationMs = (name: string, v: string | undefined, def: string) => {
    const ms = parseDurationMs(v || def);
    if (ms === null || ms <= 0) problems.push(`${name} must be a duration like 30m, 12h or 7d, got "${v}"`);
    return ms ?? 0;
  };
  const auth = authConfigOf(e, { host: e.HOST, dataDir: e.DATA_DIR, durationMs }, problems);
  const prometheusAuth = prometheusCredentials(e, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    prometheusUrl: e.PROMETHEUS_URL ?? 'http://127.0.0.1:9090',
    prometheusTimeoutMs: e.PROMETHEUS_TIMEOUT,
    scrapeIntervalMs: e.PROMETHEUS_SCRAPE_INTERVAL,
    maxDataPoints: e.MAX_DATA_POINTS,
    queryCacheOverlapMs: e.QUERY_CACHE_OVERLAP,
    pageDataWaitMs: e.PAGE_DATA_WAIT,
    queryCacheTtlMs: e.QUERY_CACHE_TTL,
    queryCacheMaxPoints: e.QUERY_CACHE_MAX_POINTS,
    traceStore: e.TRACE_STORE,
    traceStoreUrl: e.TRACE_STORE_URL,
    dataDir: e.DATA_DIR,
    dashboardsDir: e.DASHBOARDS_DIR || undefined,
    traceRetentionMs: e.TRACE_RETENTION,
    traceMaxBytes: e.TRACE_MAX_BYTES,
    traceSync: e.TRACE_SYNC,
    otlpMaxBytes: e.OTLP_MAX_BYTES,
    otlpQueueBytes: e.OTLP_QUEUE_BYTES,
    otlpToken: e.OTLP_TOKEN || undefined,
    traceWriterTestDelayMs: e.TRACE_WRITER_TEST_DELAY_MS,
    otlpGrpcPort: e.OTLP_GRPC_PORT,
    otlpHttpPort: e.OTLP_HTTP_PORT,
    port: e.PORT,
    host: e.HOST,
    auth,
    prometheusAuth,
    guardrails: {
      maxSeries: e.QUERY_MAX_SERIES,
      maxPoints: e.QUERY_MAX_POINTS,
      maxBytes: e.QUERY_MAX_BYTES,
      concurrency: e.QUERY_CONCURRENCY,
      perUser: e.QUERY_CONCURRENCY_PER_USER,
      queue: e.QUERY_QUEUE,
      queueWaitMs: e.QUERY_QUEUE_WAIT,
    },
  };
}

let cached: Config | undefined;

/** The process configuration, validated once. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
