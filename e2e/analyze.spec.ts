import path from 'node:path';
import type { Page } from '@playwright/test';
import { stopProcess, type Managed } from '../scripts/stack/proc';
import { startSimulator } from '../scripts/stack/simulator';
import { chartsInteractive, expect, freshDir, openPointMenu, panelsSettled, test } from './fixtures';
import { type ConsoleInstance, startConsoleInstance } from './otlp-helpers';

/**
 * "Why is it slow?" (issue 17). The service map on the stack's own traces; the point menu's
 * "why is this slow?"; and, on a console of its own fed by a simulator with a planted cause
 * (--slow-stage: Qdrant searches of a "kb-large" collection 30 times slower), the analysis names
 * that stage and that value. The planted cause is the simulator's, not a mock.
 */
let c: ConsoleInstance;
let sim: Managed;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const dir = freshDir('analyze');
  c = await startConsoleInstance({}, dir);
  const s = await startSimulator({
    dir,
    args: [
      '--seed',
      '7',
      '--rate',
      '30',
      '--slow-fraction',
      '0',
      '--slow-stage',
      'vector_search:collection=kb-large:30x',
      '--otlp-grpc',
      `http://127.0.0.1:${c.grpcPort}`,
      '--otlp-http',
      `http://127.0.0.1:${c.httpPort}`,
    ],
    logFile: path.join(dir, 'simulator.log'),
  });
  sim = s.process;
});

test.afterAll(async () => {
  if (sim) await stopProcess(sim);
  await c?.stop();
});

const SIMPLE = 'workflow.type=SimpleTaskWorkflow';

async function enoughTraces(page: Page, base: string, n: number) {
  await expect
    .poll(
      async () => {
        const r = await page.request.get(
          `${base}/api/traces?tags=${encodeURIComponent(SIMPLE)}&from=now-10m&limit=1000`,
        );
        return ((await r.json()) as { traces: unknown[] }).traces.length;
      },
      { timeout: 150_000, intervals: [2000] },
    )
    .toBeGreaterThanOrEqual(n);
}

test('the service map shows Shannon’s three services, Qdrant and the LLM providers, with their rates', async ({
  page,
}) => {
  await enoughTraces(page, '', 20);
  await page.goto('/services?from=now-10m');
  const map = page.getByTestId('service-map');
  await expect(map).toHaveAttribute('data-state', 'ready');
  for (const id of ['orchestrator', 'agent-core', 'llm-service', 'qdrant', 'openai', 'anthropic'])
    await expect(map.locator(`[data-testid=map-node][data-node="${id}"]`), id).toContainText(/\d.*\/(s|min)/);
  await expect(map.locator('[data-testid=map-edge][data-from=orchestrator][data-to=agent-core]')).toHaveCount(1);
  await expect(map.locator('[data-testid=map-edge][data-from=orchestrator][data-to=qdrant]')).toHaveCount(1);
  // A node, picked, shows its requests, errors and p95 over time, and leads to its traces.
  await map.locator('[data-testid=map-node][data-node=agent-core]').click();
  await expect(page).toHaveURL(/sel=node%3Aagent-core/);
  const detail = page.getByTestId('map-detail');
  await expect(detail.getByRole('heading', { name: 'agent-core' })).toBeVisible();
  for (const c of ['rate', 'errorRate', 'p95Ms'])
    await expect(detail.getByTestId(`map-chart-${c}`).getByTestId('chart')).toBeVisible();
  // The requests drawn over time add up to the node's rate over the range (one per bucket).
  const api = (await (await page.request.get('/api/services/map?from=now-10m')).json()) as {
    nodes: { id: string; rate: number; series: { rate: number[] } }[];
    buckets: { stepMs: number; n: number };
  };
  const agent = api.nodes.find((n) => n.id === 'agent-core')!;
  const overTime = agent.series.rate.reduce((a, r) => a + r, 0) / agent.series.rate.length;
  expect(Math.abs(overTime - agent.rate) / agent.rate).toBeLessThan(0.05);
  // An edge out of Shannon: its traces are the caller's spans that name the callee.
  // (on its label, as a person would: the middle of a curved edge's box may be empty)
  await map.locator('[data-testid=map-edge][data-from=orchestrator][data-to=qdrant] text').click();
  await expect(detail.getByRole('heading', { name: 'orchestrator → qdrant' })).toBeVisible();
  const why = new URL((await detail.getByTestId('map-why').getAttribute('href'))!, 'http://x');
  expect(why.pathname).toBe('/traces/analyze');
  expect(why.searchParams.get('service')).toBe('orchestrator');
  expect(why.searchParams.get('tags')).toBe('db.system=qdrant');
  // The URL reproduces the pick in a fresh browser; its traces link opens the search.
  const fresh = await page.context().browser()!.newPage();
  await fresh.goto(page.url());
  await expect(fresh.getByTestId('map-detail').getByRole('heading', { name: 'orchestrator → qdrant' })).toBeVisible();
  await fresh.getByTestId('map-traces').click();
  await expect(fresh).toHaveURL(/\/traces\?.*service=orchestrator.*tags=db.system%3Dqdrant/);
  await expect(fresh.getByTestId('trace-result').first()).toBeVisible();
  await fresh.close();
});

test('“why is this slow?” in a latency point menu opens the analysis of that window and series', async ({ page }) => {
  await enoughTraces(page, '', 20);
  await page.goto('/workflows?from=now-5m&to=now&workflow_type=SimpleTaskWorkflow');
  await panelsSettled(page);
  await chartsInteractive(page);
  const menu = await openPointMenu(page, 'workflow-latency', 0.93);
  await menu.getByTestId('point-why').click();
  await expect(page).toHaveURL(/\/traces\/analyze\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get('tags')).toBe(SIMPLE);
  expect(url.searchParams.get('split')).toMatch(/^\d+(\.\d+)?ms$/);
  await expect(page.getByTestId('analysis')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('analysis-counts')).toContainText('slow from');
});

test('with a stage made slow for one collection, the analysis names that stage and that value; its URL reproduces it', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await enoughTraces(page, c.url, 400);
  const url = `${c.url}/traces/analyze?${new URLSearchParams({ from: 'now-10m', tags: SIMPLE, split: 'p90' })}`;
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/traces/analyze')) asked.push(r.url());
  });
  await page.goto(url);
  await expect(page.getByTestId('analysis')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  // The analysis came with the page (the server started it as the request arrived): the browser
  // asked for none (it reads thousands of traces; the page never asks twice).
  expect(asked).toHaveLength(0);
  await expect(page.getByTestId('analysis-headline')).toContainText('orchestrator · qdrant.search kb-large');
  const first = page.getByTestId('attribute-row').first();
  await expect(first).toContainText('db.collection.name');
  await expect(first).toContainText('kb-large');
  await expect(first).toHaveAttribute('data-confident', 'true');
  // Resource attributes (the process's: here its deployment) are compared too, in both groups alike.
  const api = (await (
    await page.request.get(`${c.url}/api/traces/analyze?${new URLSearchParams({ from: 'now-10m', tags: SIMPLE })}`)
  ).json()) as { attributes: { leans: { key: string; value: string; slowShare: number; baseShare: number }[] } };
  expect(api.attributes.leans).toContainEqual(
    expect.objectContaining({ key: 'deployment.environment.name', value: 'simulator', slowShare: 1, baseShare: 1 }),
  );
  // The difference view colours the slowed stage; the baseline view is the other group.
  await expect(page.locator('[data-testid=icicle-node][data-key$="qdrant.search kb-large"]')).toHaveCount(1);
  await page.getByRole('tab', { name: 'Baseline' }).click();
  await expect(page).toHaveURL(/view=base/);
  const shared = page.url();
  const ctx = await browser.newContext();
  const fresh = await ctx.newPage();
  await fresh.goto(shared);
  await expect(fresh.getByRole('tab', { name: 'Baseline' })).toHaveAttribute('aria-selected', 'true');
  await expect(fresh.getByTestId('analysis-headline')).toContainText('orchestrator · qdrant.search kb-large');
  // The most traces read is the URL's too.
  await fresh.goto(`${shared}&population=100`);
  await expect(fresh.getByTestId('analysis-counts')).toContainText('100 traces (the newest 100); slow from');
  await fresh.goBack();
  // The value opens a search for its traces.
  await fresh.getByTestId('attribute-row').first().getByRole('link', { name: 'kb-large' }).click();
  await expect(fresh).toHaveURL(/\/traces\?.*tags=db\.collection\.name%3Dkb-large/);
  await ctx.close();
});
