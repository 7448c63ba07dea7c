import { expect, promRange, test } from './fixtures';

const now = () => Math.floor(Date.now() / 1000);

test.describe('console API', () => {
  test('bad input is a 400 that names the problem', async ({ request }) => {
    const cases: [string, RegExp][] = [
      ['/api/prom/query', /"query": is required/],
      ['/api/prom/query?query=', /"query": must not be empty/],
      [`/api/prom/query_range?query=up&start=${now() - 60}&end=${now()}&step=-5`, /"step"/],
      [`/api/prom/query_range?query=up&start=${now()}&end=${now() - 60}&step=15`, /"end": must not be before start/],
      [`/api/prom/query_range?query=up&start=0&end=${now()}&step=1`, /more than 11000 points/],
      ['/api/prom/query?query=up&time=yesterday', /"time"/],
      ['/api/prom/labels/bad-name/values', /not a Prometheus label name/],
    ];
    for (const [url, re] of cases) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('bad_request');
      expect(body.error.message).toMatch(re);
    }
  });

  test('bad PromQL is a 400 with Prometheus own message', async ({ request }) => {
    const res = await request.get('/api/prom/query?query=' + encodeURIComponent('sum(rate(up[5m])'));
    expect(res.status()).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('bad_query');
    expect(body.error.message).toMatch(/parse error/);
  });

  test('query_range returns the compact grid for the charts', async ({ request }) => {
    const end = Math.floor(now() / 15) * 15;
    const res = await request.get(
      `/api/prom/query_range?query=${encodeURIComponent('up{job="orchestrator"}')}&start=${end - 300}&end=${end}&step=15`,
    );
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ start: end - 300, step: 15, n: 21 });
    expect(body.series).toHaveLength(1);
    expect(body.series[0].labels.job).toBe('orchestrator');
    expect(body.series[0].values.at(-1)).toBe(1);
  });

  test('label values, exemplars, readiness and the console metrics', async ({ request }) => {
    const lv = await (await request.get('/api/prom/labels/job/values')).json();
    expect(lv.values).toEqual(expect.arrayContaining(['orchestrator', 'agent-core', 'llm-service']));
    // Exemplars arrive with live scrapes (every 5 s), not with backfilled history.
    let exBody: { exemplars: { traceId: string; value: number; t: number }[] } = { exemplars: [] };
    await expect
      .poll(async () => {
        const ex = await request.get(
          `/api/prom/exemplars?query=shannon_workflow_duration_seconds_bucket&start=${now() - 600}&end=${now()}`,
        );
        expect(ex.status()).toBe(200);
        exBody = await ex.json();
        return exBody.exemplars.length;
      })
      .toBeGreaterThan(0);
    expect(exBody.exemplars[0]!.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(exBody.exemplars[0]!.value).toBeGreaterThan(0);
    // Thinned for a chart with a 10-minute step: at most one per step and tenth of the value
    // range, the slowest of all kept. (Asked for the same window, fixed and past, so both see the
    // same data: it ends at the newest exemplar seen above, as only live requests have exemplars.)
    const end = Math.ceil(Math.max(...exBody.exemplars.map((e) => e.t)));
    await new Promise((r) => setTimeout(r, Math.max(0, end * 1000 + 1000 - Date.now())));
    const win = `start=${end - 3600}&end=${end}`;
    const all = (await (
      await request.get(`/api/prom/exemplars?query=shannon_workflow_duration_seconds_bucket&${win}`)
    ).json()) as typeof exBody;
    const thin = (await (
      await request.get(`/api/prom/exemplars?query=shannon_workflow_duration_seconds_bucket&${win}&step=600`)
    ).json()) as typeof exBody;
    expect(thin.exemplars.length).toBeGreaterThan(0);
    expect(thin.exemplars.length).toBeLessThanOrEqual(Math.min(all.exemplars.length, 7 * 10));
    expect(Math.max(...thin.exemplars.map((e) => e.value))).toBe(Math.max(...all.exemplars.map((e) => e.value)));
    expect((await request.get(`/api/prom/exemplars?query=up&${win}&step=-5`)).status()).toBe(400);
    const ready = await request.get('/api/ready');
    expect(ready.status()).toBe(200);
    expect((await ready.json()).checks.prometheus.ok).toBe(true);
    const metrics = await (await request.get('/api/metrics')).text();
    expect(metrics).toMatch(
      /shannon_console_http_request_duration_seconds_count\{route="\/api\/prom\/query",method="GET",status="400"\}/,
    );
    expect(metrics).toMatch(
      /shannon_console_prometheus_request_duration_seconds_count\{endpoint="query_range",outcome="ok"\}/,
    );
    expect(metrics).toMatch(/shannon_console_prometheus_errors_total\{endpoint="query",kind="bad_query"\} [1-9]/);
  });
});

test('a client that goes away cancels the upstream Prometheus query', async ({ request, baseURL }) => {
  // A query that keeps the real Prometheus busy for about two seconds: a 1-hour quantile
  // window at every second of the last hour.
  const end = now();
  const q = 'sum(quantile_over_time(0.5, shannon_workflow_duration_seconds_bucket[1h]))';
  const url = `${baseURL}/api/prom/query_range?query=${encodeURIComponent(q)}&start=${end - 3600}&end=${end}&step=1`;
  const before = await request.get('/api/metrics').then((r) => r.text());
  const count = (text: string) =>
    Number(
      /shannon_console_prometheus_errors_total\{endpoint="query_range",kind="aborted"\} (\d+)/.exec(text)?.[1] ?? 0,
    );
  const ac = new AbortController();
  const pending = fetch(url, { signal: ac.signal }).catch((e: Error) => e.name);
  await new Promise((r) => setTimeout(r, 500));
  ac.abort();
  expect(await pending).toBe('AbortError');
  await expect.poll(async () => count(await request.get('/api/metrics').then((r) => r.text()))).toBe(count(before) + 1);
});

test('a repeated range query asks Prometheus only for what is new, and answers exactly as a full query', async ({
  request,
  stack,
}) => {
  // Two windows an hour long, the second a minute later; both end a minute in the past so no
  // sample can still arrive for them.
  const q = 'sum by (workflow_type) (rate(shannon_workflows_started_total[1m]))';
  const end = Math.floor((now() - 120) / 15) * 15;
  const url = (e: number) => `/api/prom/query_range?query=${encodeURIComponent(q)}&start=${e - 3600}&end=${e}&step=15`;
  const partials = async () =>
    Number(
      /shannon_console_range_cache_requests_total\{outcome="partial"\} (\d+)/.exec(
        await request.get('/api/metrics').then((r) => r.text()),
      )?.[1] ?? 0,
    );

  expect((await request.get(url(end))).status()).toBe(200);
  const before = await partials();
  const incremental = await (await request.get(url(end + 60))).json();
  expect(await partials()).toBe(before + 1);

  // The same range asked in full (no-cache: the cache is not consulted, Prometheus is asked), and
  // straight from Prometheus: the same answer.
  const counts = async () => {
    const text = await request.get('/api/metrics').then((r) => r.text());
    const n = (re: RegExp) => Number(re.exec(text)?.[1] ?? 0);
    return {
      cache: ['hit', 'partial', 'miss'].reduce(
        (a, o) => a + n(new RegExp(`shannon_console_range_cache_requests_total\\{outcome="${o}"\\} (\\d+)`)),
        0,
      ),
      upstream: n(
        /shannon_console_prometheus_request_duration_seconds_count\{endpoint="query_range",outcome="ok"\} (\d+)/,
      ),
    };
  };
  const beforeFull = await counts();
  const full = await (await request.get(url(end + 60), { headers: { 'Cache-Control': 'no-cache' } })).json();
  expect(await counts()).toEqual({ cache: beforeFull.cache, upstream: beforeFull.upstream + 1 });
  expect(incremental).toEqual(full);
  const witness = await promRange(stack, q, String(end + 60 - 3600), String(end + 60), '15');
  expect(incremental.series).toHaveLength(witness.length);
  for (const s of witness) {
    const mine = incremental.series.find(
      (m: { labels: Record<string, string> }) => m.labels.workflow_type === s.metric.workflow_type,
    );
    for (const [t, v] of s.values) {
      const got = mine.values[(t - (end + 60 - 3600)) / 15];
      // Six significant digits: at most 5e-6 of the value.
      expect(Math.abs(got - Number(v))).toBeLessThanOrEqual(Math.abs(Number(v)) * 5e-6);
    }
  }
});
