import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { getTrace, traceWithSpans } from './otlp-helpers';
import { criticalTrace, newSpanId, newTraceId, sendTrace, storedBigTrace } from './trace-fixtures';

const row = (page: import('@playwright/test').Page, spanId: string) =>
  page.locator(`[data-testid=span-row][data-span-id="${spanId}"]`);

test('critical path rows are marked, and "critical path only" keeps just them', async ({ page, stack }) => {
  const id = newTraceId();
  const t = criticalTrace();
  await sendTrace(stack.consoleUrl, id, t.spans);
  await traceWithSpans(stack.consoleUrl, id, 4);
  await page.goto(`/traces/${id}`);
  for (const s of t.critical) await expect(row(page, s)).toHaveAttribute('data-critical', 'true');
  for (const s of t.notCritical) await expect(row(page, s)).toHaveAttribute('data-critical', 'false');
  // The box reflects the URL, which updates a moment after the click: click, then expect it checked.
  await page.getByLabel('critical path only').click();
  await expect(page.getByLabel('critical path only')).toBeChecked();
  await expect(page.getByTestId('span-row')).toHaveCount(3);
  await expect(page.getByTestId('hidden-count')).toHaveText('1 span hidden by filters');
  await expect(page).toHaveURL(/critical=1/);
});

test('a ?span= deep link opens a 2,001-span trace in a fresh browser with that span selected and in view', async ({
  browser,
  stack,
  baseURL,
}) => {
  const { id, spans } = await storedBigTrace(stack.consoleUrl);
  const target = spans.find((s) => s.name === 'leaf 31.17')!;
  const ctx = await browser.newContext({ baseURL });
  const page = await ctx.newPage();
  await page.goto(`/traces/${id}?span=${target.id}`);
  const r = row(page, target.id);
  await expect(r).toHaveAttribute('data-selected', 'true');
  await expect(r).toBeInViewport();
  await expect(page.getByTestId('span-detail')).toHaveAttribute('data-span-id', target.id);
  await expect(page.getByTestId('span-detail').getByRole('heading', { name: 'leaf 31.17' })).toBeVisible();
  await expect(page.getByTestId('trace-spans')).toHaveText('2,001');
  // Virtualized: the DOM holds the rows on screen, not two thousand.
  expect(await page.getByTestId('span-row').count()).toBeLessThan(150);
  await ctx.close();
});

test('filters hide spans and say how many: minimum duration, then a service', async ({ page, stack }) => {
  const { id, spans } = await storedBigTrace(stack.consoleUrl);
  await page.goto(`/traces/${id}`);
  await expect(page.getByTestId('span-row').first()).toBeVisible();
  const shortOnes = spans.filter((s) => s.endMs - s.startMs < 1).length;
  // Applies as you type (no Enter needed).
  await page.getByLabel('Minimum span duration').fill('1ms');
  await expect(page.getByTestId('hidden-count')).toHaveText(
    `${shortOnes.toLocaleString('en-US')} spans hidden by filters`,
  );
  await expect(page.getByRole('treegrid')).toHaveAttribute('aria-rowcount', String(spans.length - shortOnes));
  await page.getByLabel('Minimum span duration').fill('');
  await page.getByLabel('Minimum span duration').press('Enter');
  await page.getByRole('button', { name: /^llm-service/ }).click();
  const llm = spans.filter((s) => s.service === 'llm-service').length;
  await expect(page.getByTestId('hidden-count')).toHaveText(`${llm.toLocaleString('en-US')} spans hidden by filters`);
  await expect(page).toHaveURL(/hide=llm-service/);
  // Search in the trace counts matches and steps to them.
  const matching = spans.filter((s) => s.name.includes('leaf 39.4'));
  const shown = matching.filter((s) => s.service !== 'llm-service');
  await page.getByPlaceholder('Search spans, attributes…').fill('leaf 39.4');
  await expect(page.getByTestId('match-count')).toHaveText(
    `– of ${shown.length} (${matching.length - shown.length} more hidden or collapsed)`,
  );
  await page.getByRole('button', { name: 'Next match' }).click();
  await expect(page.getByTestId('match-count')).toHaveText(
    `1 of ${shown.length} (${matching.length - shown.length} more hidden or collapsed)`,
  );
  await expect(row(page, shown[0]!.id)).toHaveAttribute('data-match', 'true');
  await expect(row(page, shown[0]!.id)).toBeInViewport();
});

test('attribute values render as text: markup, right-to-left text and a 1 MB string; no script runs', async ({
  page,
  stack,
}) => {
  const id = newTraceId();
  const root = newSpanId();
  const big = `${'x'.repeat(1_000_000)}END`;
  const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  const rtl = 'مرحبا بالعالم שלום';
  await sendTrace(stack.consoleUrl, id, [
    {
      id: root,
      service: 'gateway',
      name: '<b>bold?</b>',
      startMs: 0,
      endMs: 5,
      attributes: { 'a.html': hostile, 'b.rtl': rtl, 'c.big': big },
    },
  ]);
  await traceWithSpans(stack.consoleUrl, id, 1);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(`/traces/${id}?span=${root}`);
  const detail = page.getByTestId('span-detail');
  const values = detail.getByTestId('attr-value');
  await expect(values.nth(0)).toContainText(hostile);
  await expect(values.nth(1)).toContainText(rtl);
  await expect(values.nth(1)).toHaveAttribute('dir', 'auto');
  await expect(detail.getByRole('heading', { name: '<b>bold?</b>' })).toBeVisible();
  await detail.getByRole('button', { name: 'show all 1,000,003 characters' }).click();
  await expect(values.nth(2)).toContainText('xxxEND');
  expect(await page.locator('img[src=x]').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('a downloaded OTLP JSON file opens from disk without the store', async ({ page, stack, request }) => {
  const id = newTraceId();
  const t = criticalTrace();
  await sendTrace(stack.consoleUrl, id, t.spans);
  await traceWithSpans(stack.consoleUrl, id, 4);
  const res = await request.get(`/api/traces/${id}/otlp`);
  expect(res.headers()['content-disposition']).toContain(`trace-${id}.otlp.json`);
  const file = path.join(os.tmpdir(), `trace-${id}.otlp.json`);
  fs.writeFileSync(file, await res.body());
  await page.goto('/traces/file');
  await page.getByTestId('trace-file').setInputFiles(file);
  await expect(page.getByTestId('trace-spans')).toHaveText('4');
  for (const s of t.critical) await expect(row(page, s)).toHaveAttribute('data-critical', 'true');
  await row(page, t.spans[3]!.id).click();
  await expect(page.getByTestId('span-detail').getByRole('heading', { name: 'chat gpt-4o' })).toBeVisible();
  // A file that is not OTLP says so.
  fs.writeFileSync(file, '{"resourceSpans": 3}');
  await page.getByTestId('trace-file').setInputFiles(file);
  await expect(page.getByRole('alert').filter({ hasText: 'is not an OTLP/JSON trace export' })).toContainText(
    'resourceSpans',
  );
});

test('from /workflows, an exemplar opens its trace: all three services, root selected, root duration = exemplar value', async ({
  page,
  stack,
}) => {
  await page.goto('/workflows?from=now-15m');
  const panel = page.locator('[data-testid=panel][data-panel-id=workflow-latency]');
  await expect(panel).toHaveAttribute('data-state', 'ready');
  await expect(panel.getByTestId('exemplar').first()).toBeAttached();
  const marks = await panel
    .getByTestId('exemplar')
    .evaluateAll((els) =>
      els.map((e) => ({ id: e.getAttribute('data-trace-id')!, value: Number(e.getAttribute('data-value')) })),
    );
  // Newest first; the newest may still be in the simulator's export batch.
  let chosen: { id: string; value: number; rootId: string; rootNs: string } | null = null;
  for (const m of marks.reverse()) {
    const t = await getTrace(stack.consoleUrl, m.id);
    const root = t?.spans.find((s) => !s.parentSpanId);
    if (t && root && new Set(t.spans.map((s) => s.service)).size === 3) {
      chosen = { ...m, rootId: root.spanId, rootNs: root.durationNs };
      break;
    }
  }
  expect(chosen, 'an exemplar whose trace is complete in the store').not.toBeNull();
  await panel.locator(`[data-testid=exemplar][data-trace-id="${chosen!.id}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/traces/${chosen!.id}`));
  await expect(page.getByTestId('trace-services')).toHaveText('3');
  for (const svc of ['orchestrator', 'agent-core', 'llm-service'])
    await expect(page.getByRole('button', { name: new RegExp(`^${svc} `) })).toBeVisible();
  const detail = page.getByTestId('span-detail');
  await expect(detail).toHaveAttribute('data-span-id', chosen!.rootId);
  await expect(row(page, chosen!.rootId)).toHaveAttribute('data-selected', 'true');
  const ns = await detail.getByTestId('span-duration').getAttribute('data-duration-ns');
  expect(Number(ns) / 1e9).toBe(chosen!.value);
  expect(ns).toBe(chosen!.rootNs);
});

test('compare two traces: added and removed spans, and the duration change of matched ones', async ({
  page,
  stack,
}) => {
  const [ida, idb] = [newTraceId(), newTraceId()];
  const a = criticalTrace().spans;
  const rootB = newSpanId();
  const wfB = newSpanId();
  const b = [
    { id: rootB, service: 'gateway', name: 'POST /v1/chat/completions', startMs: 0, endMs: 150 },
    { id: wfB, parent: rootB, service: 'orchestrator', name: 'workflow', startMs: 10, endMs: 150 },
    { id: newSpanId(), parent: wfB, service: 'llm-service', name: 'chat gpt-4o', startMs: 20, endMs: 90 },
    { id: newSpanId(), parent: wfB, service: 'agent-core', name: 'tool web_search', startMs: 90, endMs: 140 },
  ];
  await sendTrace(stack.consoleUrl, ida, a);
  await sendTrace(stack.consoleUrl, idb, b);
  await traceWithSpans(stack.consoleUrl, ida, 4);
  await traceWithSpans(stack.consoleUrl, idb, 4);
  await page.goto(`/traces/${ida}`);
  await page.getByLabel('Compare with trace id').fill(`00-${idb}-${rootB}-01`);
  await page.getByLabel('Compare with trace id').press('Enter');
  await expect(page).toHaveURL(new RegExp(`/traces/compare\\?a=${ida}&b=${idb}`));
  const rows = page.getByTestId('compare-row');
  await expect(rows).toHaveCount(5);
  await expect(page.getByTestId('compare-summary')).toContainText(
    'Duration +50 ms (+50%) · 3 matched · 1 added · 1 removed',
  );
  await expect(rows.filter({ hasText: 'audit.write' })).toHaveAttribute('data-status', 'removed');
  await expect(rows.filter({ hasText: 'tool web_search' })).toHaveAttribute('data-status', 'added');
  await expect(rows.filter({ hasText: 'workflow' }).getByTestId('compare-delta')).toHaveText('+50 ms (+56%)');
  await expect(rows.filter({ hasText: 'chat gpt-4o' }).getByTestId('compare-delta')).toHaveText('±0');
});

test('after a minimap zoom, bars of spans that start before the window stay inside the timeline', async ({
  page,
  stack,
}) => {
  const { id } = await storedBigTrace(stack.consoleUrl);
  await page.goto(`/traces/${id}`);
  await expect(page.getByTestId('span-row').first()).toBeVisible();
  // Drag across the minimap from 45 % to 70 % of the trace.
  const map = (await page.getByTestId('minimap').boundingBox())!;
  await page.mouse.move(map.x + map.width * 0.45, map.y + map.height / 2);
  await page.mouse.down();
  await page.mouse.move(map.x + map.width * 0.7, map.y + map.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/zoom=0\.4\d*-0\.(69|7)/);
  const rows = page.getByTestId('span-row');
  await expect(rows.first()).toBeVisible();
  let cut = 0;
  for (const r of (await rows.all()).slice(0, 40)) {
    const cell = (await r.getByTestId('span-timeline').boundingBox())!;
    const bar = r.getByTestId('span-bar');
    if (!(await bar.isVisible())) continue;
    const b = (await bar.boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(cell.x - 0.5);
    expect(b.x + b.width).toBeLessThanOrEqual(cell.x + cell.width + 0.5);
    if (b.x <= cell.x + 0.5) cut++;
  }
  // The root (the whole trace) and the batches running at 45 % start before the window.
  expect(cut).toBeGreaterThan(0);
  // A duration label on a bar sits on its own chip (readable on any bar colour).
  const root = rows.first();
  await expect(root.getByTestId('span-duration')).toHaveClass(/bg-slate-900/);
});

test('the flame graph: every span once (short ones merged and counted), a click opens a span, the minimap zooms it', async ({
  page,
  stack,
}) => {
  const { id, spans } = await storedBigTrace(stack.consoleUrl);
  await page.goto(`/traces/${id}`);
  await expect(page.getByTestId('span-row').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Flame graph' }).click();
  await expect(page).toHaveURL(/tab=flame/);
  const blocks = page.getByTestId('flame-block');
  await expect(blocks.first()).toBeVisible();
  // Every span is in exactly one block: alone, or counted in a merged one.
  const counts = await blocks.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(spans.length);
  // The 0.4 ms leaves are too narrow at 1 s to draw apart; the 40 batches are not.
  expect(counts.some((c) => c > 1)).toBe(true);
  await expect(page.locator('[data-testid=flame-block][data-depth="1"][data-count="1"]')).toHaveCount(40);
  // A click on a batch opens its details beside, as in the waterfall.
  const batch = spans.find((s) => s.name === 'batch 7')!;
  await page.locator(`[data-testid=flame-block][data-span-id="${batch.id}"]`).click();
  await expect(page.getByTestId('span-detail').getByRole('heading', { name: 'batch 7' })).toBeVisible();
  await expect(page.locator(`[data-testid=flame-block][data-span-id="${batch.id}"]`)).toHaveAttribute(
    'data-selected',
    'true',
  );
  // Zoomed to 1 % of the trace (10 ms), the leaves there are drawn one by one.
  await page.goto(`/traces/${id}?tab=flame&zoom=0.5-0.51`);
  await expect(blocks.first()).toBeVisible();
  const zoomed = await blocks.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
  expect(zoomed.every((c) => c === 1)).toBe(true);
  const inWindow = spans.filter((s) => s.endMs >= 500 && s.startMs <= 510).length;
  expect(zoomed.length).toBe(inWindow);
  // A bad zoom on the API is a 400 that names it.
  const bad = await page.request.get(`/api/traces/${id}/flame?zoom=0.9-0.1`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toContain('invalid parameter "zoom"');
});
