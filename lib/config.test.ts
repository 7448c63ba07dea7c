import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

describe('parseConfig', () => {
  it('has working defaults', () => {
    const c = parseConfig({});
    expect(c.prometheusUrl).toBe('http://127.0.0.1:9090');
    expect(c.traceStore).toBe('embedded');
    expect(c.traceRetentionMs).toBe(72 * 3600_000);
    expect(c.otlpGrpcPort).toBe(4317);
    expect(c.scrapeIntervalMs).toBe(15_000);
    expect(c.queryCacheOverlapMs).toBe(600_000);
    expect(c.pageDataWaitMs).toBe(600);
    expect(parseConfig({ PAGE_DATA_WAIT: '0' }).pageDataWaitMs).toBe(0);
    expect(parseConfig({ PAGE_DATA_WAIT: '2s' }).pageDataWaitMs).toBe(2000);
    expect(c.queryCacheTtlMs).toBe(3600_000);
    expect(c.queryCacheMaxPoints).toBe(2_000_000);
    expect(parseConfig({ QUERY_CACHE_MAX_POINTS: '0' }).queryCacheMaxPoints).toBe(0);
  });

  it('names the bad variable', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ PROMETHEUS_URL: 'ftp://x' }, /PROMETHEUS_URL/],
      [{ PROMETHEUS_URL: 'not a url' }, /PROMETHEUS_URL/],
      [{ OTLP_GRPC_PORT: '70000' }, /OTLP_GRPC_PORT/],
      [{ TRACE_RETENTION: 'forever' }, /TRACE_RETENTION/],
      [{ TRACE_STORE: 'cassandra' }, /TRACE_STORE must be one of/],
      [{ TRACE_STORE: 'tempo' }, /TRACE_STORE_URL is required/],
      [{ MAX_DATA_POINTS: '5' }, /MAX_DATA_POINTS/],
      [{ QUERY_CACHE_OVERLAP: 'soon' }, /QUERY_CACHE_OVERLAP/],
      [{ QUERY_CACHE_OVERLAP: '0' }, /QUERY_CACHE_OVERLAP/],
      [{ PAGE_DATA_WAIT: 'later' }, /PAGE_DATA_WAIT must be a duration/],
      [{ QUERY_CACHE_MAX_POINTS: '-1' }, /QUERY_CACHE_MAX_POINTS/],
    ];
    for (const [env, re] of cases) {
      let err: unknown;
      try {
        parseConfig(env);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(re);
    }
  });

  it('strips a trailing slash from URLs and accepts port 0 as off', () => {
    const c = parseConfig({ PROMETHEUS_URL: 'http://prom:9090/', OTLP_GRPC_PORT: '0' });
    expect(c.prometheusUrl).toBe('http://prom:9090');
    expect(c.otlpGrpcPort).toBe(0);
  });
});
