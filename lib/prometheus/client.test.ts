import { describe, expect, it } from 'vitest';
import { PromClient } from './client';
import { compactMatrix } from './compact';
import { PromError } from './errors';

/** Recorded Prometheus 2.42 responses, served by a fake fetch (unit level only). */
function clientReturning(status: number, body: unknown, seen?: { url?: string; body?: string }) {
  return new PromClient({
    baseUrl: 'http://prom.test',
    timeoutMs: 1000,
    fetchImpl: (async (url: string, init?: RequestInit) => {
      if (seen) {
        seen.url = url;
        seen.body = init?.body?.toString();
      }
      return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
    }) as typeof fetch,
  });
}

const MATRIX = {
  status: 'success',
  warnings: ['PromQL info: metric might not be a counter'],
  data: {
    resultType: 'matrix',
    result: [
      {
        metric: { workflow_type: 'DAGWorkflow' },
        values: [
          [1000, '0.5'],
          [1015, 'NaN'],
          [1045, '1.25'],
        ],
      },
    ],
  },
};

describe('PromClient envelopes', () => {
  it('parses a matrix, keeps warnings and posts the query as a form', async () => {
    const seen: { url?: string; body?: string } = {};
    const r = await clientReturning(200, MATRIX, seen).queryRange('up{a="b"}', 1000, 1045, 15);
    expect(seen.url).toBe('http://prom.test/api/v1/query_range');
    expect(new URLSearchParams(seen.body).get('query')).toBe('up{a="b"}');
    expect(r.warnings).toEqual(['PromQL info: metric might not be a counter']);
    const c = compactMatrix(r.data, 1000, 1045, 15, r.warnings);
    expect(c.n).toBe(4);
    expect(c.series[0]?.values).toEqual([0.5, null, null, 1.25]);
  });

  it('rounds chart values to six significant digits, and nothing else', () => {
    const c = compactMatrix(
      {
        resultType: 'matrix',
        result: [
          {
            metric: {},
            values: [
              [0, '8.999999999999996'],
              [15, '0.03333333333333333'],
              [30, '123456789'],
              [45, '+Inf'],
            ],
          },
        ],
      },
      0,
      45,
      15,
      [],
    );
    expect(c.series[0]?.values).toEqual([9, 0.0333333, 123457000, null]);
  });

  it('maps bad_data to a 400 with Prometheus own message', async () => {
    const body = { status: 'error', errorType: 'bad_data', error: '1:5: parse error: unexpected "}"' };
    const err = await clientReturning(400, body)
      .query('up}')
      .catch((e) => e);
    expect(err).toBeInstanceOf(PromError);
    expect(err.status).toBe(400);
    expect(err.message).toBe('1:5: parse error: unexpected "}"');
  });

  it('keeps float series beside native histograms, and says which were left out', async () => {
    // The shape of a native histogram sample as Prometheus's API documents it.
    const h = { count: '10', sum: '3.5', buckets: [[0, '0.5', '1', '4']] };
    const body = {
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          {
            metric: { __name__: 'float_one' },
            values: [
              [1000, '1'],
              [1015, '2'],
            ],
          },
          {
            metric: { __name__: 'native_one' },
            histograms: [
              [1000, h],
              [1015, h],
            ],
          },
          { metric: { __name__: 'mixed' }, values: [[1000, '3']], histograms: [[1015, h]] },
        ],
      },
    };
    const r = await clientReturning(200, body).queryRange('x', 1000, 1015, 15);
    const c = compactMatrix(r.data, 1000, 1015, 15, r.warnings);
    expect(c.series.map((s) => [s.labels.__name__, s.values])).toEqual([
      ['float_one', [1, 2]],
      ['mixed', [3, null]],
    ]);
    expect(r.warnings).toEqual([expect.stringContaining('2 series hold native histograms')]);
    const v = await clientReturning(200, {
      status: 'success',
      data: {
        resultType: 'vector',
        result: [
          { metric: { a: '1' }, value: [1, '5'] },
          { metric: { a: '2' }, histogram: [1, h] },
        ],
      },
    }).query('x');
    expect(v.data.resultType === 'vector' && v.data.result).toEqual([{ metric: { a: '1' }, value: [1, '5'] }]);
    expect(v.warnings[0]).toContain('1 series hold native histograms');
  });

  it('maps a Prometheus timeout to 504', async () => {
    const body = { status: 'error', errorType: 'timeout', error: 'query timed out in expression evaluation' };
    const err = await clientReturning(503, body)
      .query('up')
      .catch((e) => e);
    expect(err.status).toBe(504);
  });

  it('rejects a body that is not the Prometheus API', async () => {
    const err = await clientReturning(200, '<html>proxy error</html>')
      .query('up')
      .catch((e) => e);
    expect(err.kind).toBe('bad_response');
    expect(err.status).toBe(502);
    const err2 = await clientReturning(200, { status: 'success', data: { resultType: 'matrix', result: 'x' } })
      .query('up')
      .catch((e) => e);
    expect(err2.kind).toBe('bad_response');
  });

  it('maps a refused connection to 502 and a slow one to 504', async () => {
    const refused = new PromClient({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 2000 });
    const e1 = await refused.query('up').catch((e) => e);
    expect(e1.kind).toBe('unreachable');
    expect(e1.status).toBe(502);
    const slow = new PromClient({
      baseUrl: 'http://prom.test',
      timeoutMs: 20,
      fetchImpl: ((_u: string, init?: RequestInit) =>
        new Promise((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        )) as typeof fetch,
    });
    const e2 = await slow.query('up').catch((e) => e);
    expect(e2.kind).toBe('timeout');
    expect(e2.status).toBe(504);
  });

  it('passes the caller signal through to fetch', async () => {
    let upstreamAborted = false;
    const c = new PromClient({
      baseUrl: 'http://prom.test',
      timeoutMs: 10_000,
      fetchImpl: ((_u: string, init?: RequestInit) =>
        new Promise((_, reject) =>
          init?.signal?.addEventListener('abort', () => {
            upstreamAborted = true;
            reject(new Error('aborted'));
          }),
        )) as typeof fetch,
    });
    const ac = new AbortController();
    const p = c.query('up', undefined, ac.signal).catch((e) => e);
    ac.abort();
    const err = await p;
    expect(upstreamAborted).toBe(true);
    expect(err.kind).toBe('aborted');
  });
});

describe('Prometheus refusing a query for its size', () => {
  it('is the user’s to narrow (422), not Prometheus broken (502)', async () => {
    const fetchImpl = (async () =>
      new Response(
        JSON.stringify({
          status: 'error',
          errorType: 'execution',
          error: 'query processing would load too many samples into memory in query execution',
        }),
        { status: 422 },
      )) as typeof fetch;
    const c = new PromClient({ baseUrl: 'http://prom', timeoutMs: 1000, fetchImpl });
    await expect(c.query('{__name__=~".+"}')).rejects.toMatchObject({
      status: 422,
      code: 'too_large',
      message: expect.stringMatching(/^Prometheus refused the query: query processing would load too many samples/),
    });
  });
});

describe('a query Prometheus parses but cannot compute', () => {
  it('is a 422 with its message (the user changes the query), not a 502', async () => {
    const fetchImpl = (async () =>
      new Response(
        JSON.stringify({
          status: 'error',
          errorType: 'execution',
          error: 'vector cannot contain metrics with the same labelset',
        }),
        { status: 422 },
      )) as typeof fetch;
    const c = new PromClient({ baseUrl: 'http://prom', timeoutMs: 1000, fetchImpl });
    await expect(c.query('rate({__name__=~".+_total"}[5m])')).rejects.toMatchObject({
      status: 422,
      code: 'execution',
      message: 'vector cannot contain metrics with the same labelset',
    });
  });
});
