import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test as base } from '@playwright/test';
import type { StackInfo } from '../scripts/stack';

type Fixtures = { stack: StackInfo };

/* eslint-disable react-hooks/rules-of-hooks -- Playwright fixtures call use(), not React's */
export const test = base.extend<Fixtures>({
  baseURL: async ({}, use) => {
    await use(process.env.E2E_BASE_URL);
  },
  stack: async ({}, use) => {
    await use(JSON.parse(fs.readFileSync(process.env.E2E_STACK_FILE as string, 'utf8')) as StackInfo);
  },
});
/* eslint-enable react-hooks/rules-of-hooks */

export { expect };

/** An empty working directory for a test's own processes, under data/ (left for a look after a failure). */
export function freshDir(name: string): string {
  const dir = path.resolve(`data/e2e-${name}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Wait until every panel on the page has left the loading state. */
export async function panelsSettled(page: Page) {
  await expect(page.getByTestId('panel').first()).toBeVisible();
  await expect(page.locator('[data-testid=panel][data-state=loading]')).toHaveCount(0);
  await expect(page.locator('[data-testid=panel][data-fetching=true]')).toHaveCount(0);
  // Panels arrive drawn in the HTML; a click before the browser runs their code would be lost.
  await expect(page.locator('[data-testid=panel]:not([data-hydrated=true])')).toHaveCount(0);
}

/** Every chart's interactive layer (crosshair, tooltip, drag to zoom) is in place: it comes after the chart is drawn, once the page is idle. */
export async function chartsInteractive(page: Page) {
  await expect(page.getByTestId('chart').first()).toBeVisible();
  await expect(page.locator('[data-testid=chart]:not([data-interactive=true])')).toHaveCount(0);
}

/** Query Prometheus directly, as the test's independent witness. */
export async function promRange(stack: StackInfo, query: string, start: string, end: string, step: string) {
  const body = new URLSearchParams({ query, start, end, step });
  const res = await fetch(`${stack.prometheusUrl}/api/v1/query_range`, { method: 'POST', body });
  const json = (await res.json()) as {
    status: string;
    data: { result: { metric: Record<string, string>; values: [number, string][] }[] };
  };
  if (json.status !== 'success') throw new Error(`Prometheus: ${JSON.stringify(json)}`);
  return json.data.result;
}

/**
 * Scroll a panel into view as a reader would. A panel below the first screen is a placeholder
 * until it comes near the view, and is then replaced by the panel itself: scroll again then.
 */
export async function scrollToPanel(page: Page, id: string) {
  const panel = page.locator(`[data-testid=panel][data-panel-id="${id}"]`);
  await expect(async () => {
    await panel.scrollIntoViewIfNeeded({ timeout: 2000 });
    await expect(panel).toBeInViewport({ timeout: 500 });
  }).toPass();
  return panel;
}

/** The values a dashboard variable's menu offers, as a person sees them after opening it (sorted). */
export async function offeredValues(page: Page, name: string): Promise<string[]> {
  await page.getByTestId(`var-${name}-button`).click();
  const options = page.getByTestId('var-option');
  await expect(options.first()).toBeVisible();
  const values = await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-value')!));
  await page.keyboard.press('Escape');
  return values.sort();
}

/**
 * Click a chart's plot at a fraction of its width and return the point menu. The click lands at a
 * height clear of every exemplar marker (a click on one opens its trace instead: where they fall
 * depends on the traffic, and a fixed height hit one now and then). Annotation markers sit at the bottom.
 */
export async function openPointMenu(page: Page, panelId: string, at = 0.85) {
  const chart = page.locator(`[data-testid=panel][data-panel-id="${panelId}"]`).getByTestId('chart');
  const box = (await chart.boundingBox())!;
  const x = box.x + box.width * at;
  const marks = await chart
    .locator('[data-testid=exemplar]')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.right, r.top, r.bottom]));
  const clear = (y: number) => marks.every(([l, r, t, b]) => x < l! - 4 || x > r! + 4 || y < t! - 4 || y > b! + 4);
  const y = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8].map((f) => box.y + box.height * f).find(clear);
  expect(y, 'a height in the plot clear of every marker').toBeDefined();
  await page.mouse.click(x, y!);
  const menu = page.getByTestId('point-menu');
  await expect(menu).toBeVisible();
  return menu;
}

type ImportAnswer = {
  uid: string;
  url: string;
  report: { imported: string[]; notImported: unknown[]; changed: unknown[] };
};

/** Import a Grafana dashboard into a console as an editor's page would (same origin); it must be stored (201). */
export async function importDashboard(consoleUrl: string, dashboard: unknown): Promise<ImportAnswer> {
  const res = await fetch(`${consoleUrl}/api/dashboards/import`, {
    method: 'POST',
    headers: { origin: consoleUrl, 'content-type': 'application/json' },
    body: JSON.stringify(dashboard),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as ImportAnswer;
}
