import type { Page } from '@playwright/test';
import { chartsInteractive, expect, openPointMenu, panelsSettled, test } from './fixtures';

type Trace = { spans: { attributes: { key: string; value: { value: unknown } }[] }[] };

/** The workflow types a stored trace's spans carry (workflow.type). */
async function workflowTypes(page: Page, traceId: string): Promise<string[]> {
  const res = await page.request.get(`/api/traces/${traceId}`);
  expect(res.status()).toBe(200);
  const t = (await res.json()) as Trace;
  return [
    ...new Set(
      t.spans.flatMap((s) => s.attributes.filter((a) => a.key === 'workflow.type').map((a) => String(a.value.value))),
    ),
  ];
}

test('the point menu finds the traces of the series clicked: its workflow type, not the whole service', async ({
  page,
}) => {
  // Traces exist from the stack's start on (the backfilled history has none): the last minutes.
  await expect
    .poll(async () => {
      const r = await page.request.get('/api/traces?tags=workflow.type%3DSimpleTaskWorkflow&from=now-1m');
      return ((await r.json()) as { traces: unknown[] }).traces.length;
    })
    .toBeGreaterThan(5);
  await page.goto('/workflows?from=now-5m&to=now&workflow_type=SimpleTaskWorkflow');
  await panelsSettled(page);
  await chartsInteractive(page);
  const menu = await openPointMenu(page, 'workflow-latency', 0.93);
  await expect(menu.getByTestId('point-series')).toHaveCount(1);
  await expect(menu.getByTestId('point-series')).toHaveAttribute('data-series', 'SimpleTaskWorkflow p95');

  // "Slower than this" searches with the series' label as a span attribute.
  const href = (await menu.getByTestId('point-slower').getAttribute('href'))!;
  const params = new URL(href, 'http://x').searchParams;
  expect(params.get('tags')).toBe('workflow.type=SimpleTaskWorkflow');
  expect(params.get('service')).toBe('orchestrator');
  // The same window and filter without the duration bound: traces there, every one SimpleTaskWorkflow,
  // while the window without the filter holds other types too.
  params.delete('minDuration');
  const found = (await (await page.request.get(`/api/traces?${params}`)).json()) as { traces: { traceId: string }[] };
  expect(found.traces.length).toBeGreaterThan(0);
  for (const t of found.traces.slice(0, 10))
    expect(await workflowTypes(page, t.traceId)).toEqual(['SimpleTaskWorkflow']);
  params.delete('tags');
  const all = (await (await page.request.get(`/api/traces?${params}`)).json()) as { traces: { traceId: string }[] };
  const types = new Set<string>();
  for (const t of all.traces.slice(0, 20)) for (const w of await workflowTypes(page, t.traceId)) types.add(w);
  expect([...types].some((w) => w !== 'SimpleTaskWorkflow')).toBe(true);

  // "Slowest at or below" opens a SimpleTaskWorkflow trace.
  await menu.getByTestId('point-slowest').click();
  await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}/);
  const id = /\/traces\/([0-9a-f]{32})/.exec(page.url())![1]!;
  expect(await workflowTypes(page, id)).toEqual(['SimpleTaskWorkflow']);
});
