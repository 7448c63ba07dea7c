import { z } from 'zod';
import {
  alertsDataSchema,
  envelopeSchema,
  exemplarsDataSchema,
  labelValuesSchema,
  metadataSchema,
  nativeHistogramWarning,
  queryDataSchema,
  rulesDataSchema,
  seriesSchema,
  targetsDataSchema,
} from './envelope';
import { isPromError, PromError } from './errors';
import type { QueryLimiter } from './limiter';

export type PromResult<T> = { data: T; warnings: string[] };

export type PromClientOptions = {
  baseUrl: string;
  timeoutMs: number;
  /** Called after every upstream request, for the console's own metrics. */
  onRequest?: (endpoint: string, seconds: number, outcome: 'ok' | PromError['kind']) => void;
  fetchImpl?: typeof fetch;
  /** What one query may cost (issue 13); absent: no limits (tests of the client alone). */
  guardrails?: { maxSeries: number; maxPoints: number; maxBytes: number };
  /** Queries in flight, in all and per user; `userKey` names who is asking. */
  limiter?: QueryLimiter;
  userKey?: () => string;
};

type Params = Record<string, string | number | readonly string[] | undefined>;

/** A typed Prometheus HTTP API client. Every response is validated; every error is a PromError. */
export class PromClient {
  constructor(private readonly opts: PromClientOptions) {}

  query(query: string, time?: number, signal?: AbortSignal) {
    return this.call('query', queryDataSchema, { query, time }, signal, 'POST')
      .then((r) => this.withinSeries(r))
      .then(withHistogramWarning);
  }

  queryRange(query: string, start: number, end: number, step: number, signal?: AbortSignal) {
    const g = this.opts.guardrails;
    const points = Math.floor((end - start) / step) + 1;
    if (g && points > g.maxPoints) {
      const minStep = Math.ceil((end - start) / (g.maxPoints - 1));
      return Promise.reject(
        new PromError(
          'too_large',
          `the range and step give ${points} points per series, more than ${g.maxPoints} (QUERY_MAX_POINTS): use a step of at least ${minStep}s or a shorter range`,
        ),
      );
    }
    return this.call('query_range', queryDataSchema, { query, start, end, step }, signal, 'POST')
      .then((r) => this.withinSeries(r))
      .then(withHistogramWarning);
  }

  /** An answer of more series than QUERY_MAX_SERIES is refused with what to do instead. */
  private withinSeries<T extends { result: unknown }>(r: PromResult<T>): PromResult<T> {
    const max = this.opts.guardrails?.maxSeries;
    const n = Array.isArray(r.data.result) ? r.data.result.length : 0;
    if (max !== undefined && n > max) {
      throw new PromError(
        'too_large',
        `the query returns ${n} series, more than ${max} (QUERY_MAX_SERIES): aggregate it (sum by (label) (...)), filter it with label matchers, or use topk`,
      );
    }
    return r;
  }

  series(match: readonly string[], start?: number, end?: number, signal?: AbortSignal) {
    return this.call('series', seriesSchema, { 'match[]': match, start, end }, signal, 'POST');
  }

  labelNames(match: readonly string[] = [], start?: number, end?: number, signal?: AbortSignal) {
    return this.call('labels', labelValuesSchema, { 'match[]': match, start, end }, signal);
  }

  labelValues(name: string, match: readonly string[] = [], start?: number, end?: number, signal?: AbortSignal) {
    return this.call(
      `label/${encodeURIComponent(name)}/values`,
      labelValuesSchema,
      { 'match[]': match, start, end },
      signal,
    );
  }

  /** Prometheus's own pretty-printer for PromQL (2.38+); a parse error is a bad_query. */
  formatQuery(query: string, signal?: AbortSignal) {
    return this.call('format_query', z.string(), { query }, signal, 'POST');
  }

  metadata(metric?: string, signal?: AbortSignal) {
    return this.call('metadata', metadataSchema, { metric }, signal);
  }

  exemplars(query: string, start: number, end: number, signal?: AbortSignal) {
    return this.call('query_exemplars', exemplarsDataSchema, { query, start, end }, signal, 'POST');
  }

  rules(signal?: AbortSignal) {
    return this.call('rules', rulesDataSchema, {}, signal);
  }

  alerts(signal?: AbortSignal) {
    return this.call('alerts', alertsDataSchema, {}, signal);
  }

  targets(signal?: AbortSignal) {
    return this.call('targets', targetsDataSchema, { state: 'active' }, signal);
  }

  /** Prometheus's own readiness endpoint. */
  async ready(signal?: AbortSignal): Promise<{ ok: boolean; detail: string }> {
    try {
      const res = await this.fetchWithDeadline(`${this.opts.baseUrl}/-/ready`, { method: 'GET' }, signal);
      const text = (await res.text()).trim();
      return { ok: res.ok, detail: text || `HTTP ${res.status}` };
    } catch (e) {
      const err = toPromError(e, signal);
      return { ok: false, detail: err.message };
    }
  }

  private async call<T extends z.ZodType>(
    endpoint: string,
    schema: T,
    params: Params,
    signal: AbortSignal | undefined,
    method: 'GET' | 'POST' = 'GET',
  ): Promise<PromResult<z.infer<T>>> {
    const metricName = endpoint.startsWith('label/') ? 'label_values' : endpoint;
    const release = this.opts.limiter ? await this.opts.limiter.acquire(this.opts.userKey?.() ?? '', signal) : null;
    const started = performance.now();
    try {
      const result = await this.callInner(endpoint, schema, params, signal, method);
      this.opts.onRequest?.(metricName, (performance.now() - started) / 1000, 'ok');
      return result;
    } catch (e) {
      const err = toPromError(e, signal);
      this.opts.onRequest?.(metricName, (performance.now() - started) / 1000, err.kind);
      throw err;
    } finally {
      release?.();
    }
  }

  private async callInner<T extends z.ZodType>(
    endpoint: string,
    schema: T,
    params: Params,
    signal: AbortSignal | undefined,
    method: 'GET' | 'POST',
  ): Promise<PromResult<z.infer<T>>> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v === undefined) continue;
      if (Array.isArray(v)) for (const item of v) body.append(k, String(item));
      else body.append(k, String(v));
    }
    let url = `${this.opts.baseUrl}/api/v1/${endpoint}`;
    // Uncompressed: the console usually sits next to Prometheus, where gzip costs more CPU on
    // both ends than it saves on the wire.
    const init: RequestInit & { maxBytes?: number } = {
      method,
      headers: { Accept: 'application/json', 'Accept-Encoding': 'identity' },
      ...(this.opts.guardrails ? { maxBytes: this.opts.guardrails.maxBytes } : {}),
    };
    if (method === 'POST') {
      init.body = body;
      init.headers = { ...init.headers, 'Content-Type': 'application/x-www-form-urlencoded' };
    } else if ([...body.keys()].length > 0) {
      url += `?${body.toString()}`;
    }
    const res = await this.fetchWithDeadline(url, init, signal);
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new PromError(
        'bad_response',
        `Prometheus answered HTTP ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`,
      );
    }
    const parsed = envelopeSchema(schema).safeParse(json);
    if (!parsed.success) {
      throw new PromError(
        'bad_response',
        `Prometheus response for ${endpoint} did not match its API: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      );
    }
    const env = parsed.data as
      | { status: 'success'; data: z.infer<T>; warnings?: string[] }
      | { status: 'error'; errorType: string; error: string; warnings?: string[] };
    if (env.status === 'error') {
      if (/too many samples/i.test(env.error)) {
        // Prometheus's own guardrail (--query.max-samples): the user's query is too big, not Prometheus broken.
        throw new PromError(
          'too_large',
          `Prometheus refused the query: ${env.error}. Narrow it: fewer series (label matchers, sum by (...)), a shorter range or a larger step`,
          env.warnings ?? [],
        );
      }
      const kind =
        env.errorType === 'bad_data'
          ? 'bad_query'
          : env.errorType === 'execution'
            ? 'execution'
            : env.errorType === 'timeout'
              ? 'timeout'
              : 'upstream';
      throw new PromError(kind, env.error, env.warnings ?? []);
    }
    return { data: env.data, warnings: env.warnings ?? [] };
  }

  /**
   * fetch with our deadline combined with the caller's signal; the two are told apart on abort.
   * One AbortController and a timer: AbortSignal.any/timeout cost more per request on Node 20.
   */
  private async fetchWithDeadline(url: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
    const ac = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ac.abort();
    }, this.opts.timeoutMs);
    const onAbort = () => ac.abort();
    if (signal?.aborted) ac.abort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await (this.opts.fetchImpl ?? fetch)(url, { ...init, signal: ac.signal, cache: 'no-store' });
    } catch (e) {
      if (signal?.aborted) throw new PromError('aborted', 'the request was cancelled by the client');
      if (timedOut) throw new PromError('timeout', `Prometheus did not answer within ${this.opts.timeoutMs} ms`);
      throw e;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

/** Series of native histograms are left out of the result; the answer's warnings say so. */
function withHistogramWarning<T extends { nativeHistogramSeries?: number }>(r: PromResult<T>): PromResult<T> {
  const n = r.data.nativeHistogramSeries ?? 0;
  return n > 0 ? { ...r, warnings: [...r.warnings, nativeHistogramWarning(n)] } : r;
}

function toPromError(e: unknown, signal?: AbortSignal): PromError {
  if (isPromError(e)) return e;
  if ((e as { code?: string })?.code === 'ANSWER_TOO_LARGE') {
    return new PromError(
      'too_large',
      `Prometheus's answer is larger than ${(e as { limit?: number }).limit} bytes (QUERY_MAX_BYTES): narrow the query (fewer series with label matchers or sum by (...), a shorter range or a larger step)`,
    );
  }
  if (signal?.aborted) return new PromError('aborted', 'the request was cancelled by the client');
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  const detail = cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
  return new PromError('unreachable', `Prometheus is unreachable: ${detail}`);
}
