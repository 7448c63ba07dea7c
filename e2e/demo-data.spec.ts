import type { Span } from '../lib/traces/model';
import { buildTraceIndex, indexOfSpan } from '../lib/traces/view/trace-index';
import { criticalPath } from '../lib/traces/view/analysis';
import { expect, panelsSettled, test } from './fixtures';

/**
 * The demo's data as a new user meets it: every exemplar marker on /workflows leads to a stored
 * trace, the backfilled history runs into live scraping without a gap, and a parallel workflow's
 * critical path leaves out the agents that did not decide its end.
 */

const LATENCY_EXEMPLARS = ['shannon_workflow_duration_seconds_bucket', 'shannon_agent_execution_duration_ms_bucket'];

type Exemplar = { traceId: string; t: number; value: number };

test('every exemplar of the /workflows latency panels over the last 30 minutes resolves to its trace', async ({
  page,
  request,
}) => {
  // As a user would: the page first, then the drill.
  await page.goto('/workflows?from=now-30m&to=now');
  await panelsSettled(page);
  // Exemplars come with live scrapes (every 5 s): on a stack just started, wait for some.
  let exemplars: Exemplar[] = [];
  await expect
    .poll(
      async () => {
        const end = Math.floor(Date.now() / 1000);
        exemplars = [];
        for (const metric of LATENCY_EXEMPLARS) {
          const res = await request.get(
            `/api/prom/exemplars?query=${encodeURIComponent(metric)}&start=${end - 1800}&end=${end}`,
          );
          expect(res.status(), metric).toBe(200);
          exemplars.push(...((await res.json()) as { exemplars: Exemplar[] }).exemplars);
        }
        return exemplars.length;
      },
      { timeout: 60_000, intervals: [2000] },
    )
    .toBeGreaterThan(10);
  // A trace is sent within the exporter's flush interval (1 s) of its exemplar: wait a few.
  const newest = Math.max(...exemplars.map((e) => e.t));
  await new Promise((r) => setTimeout(r, Math.max(0, (newest + 5) * 1000 - Date.now())));
  const ids = [...new Set(exemplars.map((e) => e.traceId))];
  const missing: string[] = [];
  for (let i = 0; i < ids.length; i += 20) {
    const answers = await Promise.all(
      ids.slice(i, i + 20).map(async (id) => [id, (await request.get(`/api/traces/${id}`)).status()] as const),
    );
    for (const [id, status] of answers) if (status !== 200) missing.push(`${id} (${status})`);
  }
  expect(missing, `${missing.length} of ${ids.length} exemplars have no trace`).toEqual([]);
});

test('the backfilled history runs into live scraping without a gap', async ({ stack }) => {
  // Some live scrapes after the hand-over first.
  await new Promise((r) => setTimeout(r, Math.max(0, stack.historyEndMs + 40_000 - Date.now())));
  const at = Math.floor(Date.now() / 1000);
  // Raw samples of one series over 15 minutes either side of the hand-over: the longest time
  // between neighbours is the gap a chart would show.
  const series = 'shannon_workflows_started_total{workflow_type="DAGWorkflow",mode="standard"}';
  const res = await fetch(`${stack.prometheusUrl}/api/v1/query`, {
    method: 'POST',
    body: new URLSearchParams({ query: `${series}[15m]`, time: String(at) }),
  });
  const json = (await res.json()) as { data: { result: { values: [number, string][] }[] } };
  expect(json.data.result).toHaveLength(1);
  const times = json.data.result[0]!.values.map(([t]) => t);
  const handOver = stack.historyEndMs / 1000;
  expect(times[0]!).toBeLessThan(handOver - 300);
  expect(times[times.length - 1]!).toBeGreaterThan(handOver + 20);
  let worst = 0;
  for (let i = 1; i < times.length; i++) worst = Math.max(worst, times[i]! - times[i - 1]!);
  // History is written every 15 s and scraped every 5 s; the hand-over takes Prometheus's start.
  expect(worst, 'the longest time between samples (s)').toBeLessThanOrEqual(30);
});

test('a DAG workflow runs its agents in parallel: its critical path is a strict subset of its spans, and the waterfall can show just that', async ({
  page,
  request,
}) => {
  // Agents are dispatched a few milliseconds apart, so when they happen to finish in the order they
  // started, each one's first moments are on the path and so is every span (about 1 in 6 traces with
  // three agents). Any other order leaves whole agents off it: every completed DAG trace keeps its
  // latest agent on the path, and one of them (waiting for more on a stack just started) leaves
  // spans off it.
  let chosen: { id: string; spans: Span[]; onPath: number } | undefined;
  const seen = new Set<string>();
  await expect
    .poll(
      async () => {
        const res = await request.get(
          `/api/traces?service=orchestrator&tags=${encodeURIComponent('workflow.type=DAGWorkflow')}&limit=20&from=now-30m&to=now`,
        );
        expect(res.status()).toBe(200);
        const found = (await res.json()) as { traces: { traceId: string; errorCount: number }[] };
        // Completed ones: a failed workflow stops its agents early.
        const ok = found.traces.filter((t) => t.errorCount === 0);
        for (const { traceId } of ok) {
          if (seen.has(traceId)) continue;
          const trace = (await (await request.get(`/api/traces/${traceId}`)).json()) as { spans: Span[] };
          const ix = buildTraceIndex(
            traceId,
            trace.spans.map((s) => ({
              spanId: s.spanId,
              ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
              name: s.name,
              service: s.service,
              startNs: BigInt(s.startNs),
              endNs: BigInt(s.endNs),
              kind: 0,
              error: false,
              attributes: [],
              events: [],
            })),
          );
          const crit = criticalPath(ix);
          const agents = trace.spans
            .map((s, i) => ({ s, i }))
            .filter(({ s }) => s.name === 'AgentService/ExecuteTask')
            .sort((a, b) => Number(BigInt(b.s.endNs) - BigInt(a.s.endNs)));
          expect(agents.length).toBeGreaterThan(1);
          const latest = indexOfSpan(ix, agents[0]!.s.spanId);
          expect(crit[latest], `trace ${traceId}: the agent that finished last is on the critical path`).toBe(1);
          const onPath = crit.reduce((a, b) => a + b, 0);
          expect(onPath).toBeGreaterThan(2);
          if (!chosen && onPath < trace.spans.length) chosen = { id: traceId, spans: trace.spans, onPath };
          // Checked only once it passed: a trace that fails fails every poll, and so the test.
          seen.add(traceId);
        }
        return chosen !== undefined;
      },
      { message: 'a completed DAG trace with spans off the critical path', timeout: 45_000, intervals: [2_000] },
    )
    .toBe(true);
  const { id, spans, onPath } = chosen!;
  const trace = { spans };

  await page.goto(`/traces/${id}`);
  await expect(page.getByTestId('span-row')).toHaveCount(trace.spans.length);
  await page.getByLabel('critical path only').click();
  await expect(page.getByLabel('critical path only')).toBeChecked();
  await expect(page.getByTestId('span-row')).toHaveCount(onPath);
  const hidden = trace.spans.length - onPath;
  await expect(page.getByTestId('hidden-count')).toHaveText(
    `${hidden} span${hidden === 1 ? '' : 's'} hidden by filters`,
  );
});
