import type { Page } from '@playwright/test';
import { chartsInteractive, expect, panelsSettled, test } from './fixtures';

const HOUR = 3_600_000;

function rangeOf(page: Page) {
  const u = new URL(page.url());
  return { from: u.searchParams.get('from'), to: u.searchParams.get('to') };
}

/** "2026-12-03 13:49:26" for instant `ms` in `timeZone`, by the browser engine's Intl (not the console's code). */
function wallDateTime(ms: number, timeZone: string): string {
  return new Date(ms).toLocaleString('sv-SE', { timeZone, hourCycle: 'h23' });
}

test('zoom out doubles the range and shift moves it by half, by button and by key', async ({ page }) => {
  await page.goto('/workflows?from=now-1h&to=now');
  await panelsSettled(page);
  await page.getByTestId('zoom-out').click();
  await expect.poll(() => rangeOf(page)).toEqual({ from: 'now-2h', to: 'now' });
  await panelsSettled(page);
  const p = page.locator('[data-testid=panel][data-panel-id="workflow-throughput"]');
  expect(Number(await p.getAttribute('data-end')) - Number(await p.getAttribute('data-start'))).toBeGreaterThan(
    1.9 * 3600,
  );

  // Grafana's keys: t then −.
  await page.locator('body').press('t');
  await page.locator('body').press('-');
  await expect.poll(() => rangeOf(page)).toEqual({ from: 'now-4h', to: 'now' });

  // t ←: two hours earlier, as absolute times four hours apart.
  await page.locator('body').press('t');
  await page.locator('body').press('ArrowLeft');
  await expect.poll(() => rangeOf(page).to).not.toBe('now');
  const { from, to } = rangeOf(page);
  const f = Date.parse(from!);
  const t = Date.parse(to!);
  expect(t - f).toBe(4 * HOUR);
  expect(Math.abs(Date.now() - 2 * HOUR - t)).toBeLessThan(5 * 60_000);
  await expect(page.getByTestId('range-label')).toContainText('→');

  // Later by half would reach past now: it lands on the live four hours.
  await page.getByTestId('shift-later').click();
  await expect.poll(() => rangeOf(page)).toEqual({ from: 'now-4h', to: 'now' });
  await page.getByTestId('shift-earlier').click();
  await expect.poll(() => rangeOf(page).to).not.toBe('now');
  // A quick range from the picker; focus comes back to the range button.
  await page.getByTestId('range-picker').click();
  await page.getByTestId('quick-6h').click();
  await expect.poll(() => rangeOf(page)).toEqual({ from: 'now-6h', to: 'now' });
  await expect(page.getByTestId('range-picker')).toBeFocused();
  await page.getByTestId('shift-earlier').click();
  await expect.poll(() => rangeOf(page).to).not.toBe('now');
  // `/` focuses the trace-id box; a t typed there is not a shortcut.
  await page.locator('body').press('/');
  const box = page.getByLabel('Trace id');
  await expect(box).toBeFocused();
  await box.press('t');
  await box.press('-');
  await expect(box).toHaveValue('t-');
  expect(Date.parse(rangeOf(page).to!) - Date.parse(rangeOf(page).from!)).toBe(6 * HOUR);
});

for (const zone of ['UTC', 'Asia/Kolkata']) {
  test(`tz=${zone}: axes, range button, tooltip and trace table all show ${zone} time`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    // The browser runs in New York: nothing may fall back to its zone.
    const ctx = await browser.newContext({ baseURL, timezoneId: 'America/New_York' });
    const page = await ctx.newPage();
    const end = Date.now() - 10 * 60_000;
    const start = end - HOUR;
    await page.goto(
      `/workflows?from=${new Date(start).toISOString()}&to=${new Date(end).toISOString()}&tz=${encodeURIComponent(zone)}`,
    );
    await panelsSettled(page);
    await expect(page.getByTestId('zone-label')).toHaveText(zone === 'UTC' ? 'UTC' : 'UTC+05:30');
    // The range button: both ends in the zone, to the second.
    await expect(page.getByTestId('range-label')).toHaveText(
      `${wallDateTime(start, zone)} → ${wallDateTime(end, zone)}`,
    );
    // Axis ticks: each is a minute of the range on the zone's clock.
    const panel = page.locator('[data-testid=panel][data-panel-id="workflow-throughput"]');
    const shown = new Set<string>();
    for (let t = start; t <= end + 60_000; t += 60_000) shown.add(wallDateTime(t, zone).slice(11, 16));
    const ticks = await panel.getByTestId('time-tick').allTextContents();
    expect(ticks.length).toBeGreaterThan(2);
    for (const t of ticks) expect(shown).toContain(t);
    // The tooltip: a date and a 24-hour time inside the range, in the zone.
    await chartsInteractive(page);
    const box = (await panel.getByTestId('chart').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await page.mouse.move(box.x + box.width * 0.52, box.y + box.height * 0.5, { steps: 3 });
    const tip = (await panel.getByTestId('tooltip-time').textContent())!;
    const minutes = new Set<string>();
    for (let t = start; t <= end + 60_000; t += 60_000) minutes.add(wallDateTime(t, zone).slice(0, 16));
    expect(minutes).toContain(tip.slice(0, 16));
    expect(tip).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

    // The trace table: each start as the zone's clock shows it, and the column says which zone.
    // A window that ended 45 s ago: the traces in it have finished and been sent (the slow tail
    // aside, hence the overlap below). On a stack that just started, wait for it to hold some.
    let window = '';
    await expect
      .poll(
        async () => {
          window = `from=${new Date(Date.now() - 30 * 60_000).toISOString()}&to=${new Date(Date.now() - 45_000).toISOString()}&limit=5`;
          return ((await (await page.request.get(`/api/traces?${window}`)).json()) as { traces: [] }).traces.length;
        },
        { timeout: 90_000 },
      )
      .toBeGreaterThan(0);
    await page.goto(`/traces?${window}&tz=${encodeURIComponent(zone)}`);
    await expect(page.getByTestId('trace-search')).toHaveAttribute('data-state', 'ready');
    const res = (await (await page.request.get(`/api/traces?${window}`)).json()) as {
      traces: { traceId: string; startNs: string }[];
    };
    // A trace both answers hold: one that finished after the page asked may be in the second only.
    const onPage = await page
      .getByTestId('trace-result')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-trace-id')));
    const trace = res.traces.find((t) => onPage.includes(t.traceId))!;
    expect(trace).toBeDefined();
    const row = page.locator(`[data-testid=trace-result][data-trace-id="${trace.traceId}"]`);
    const ms = Number(BigInt(trace.startNs) / 1_000_000n);
    await expect(row.getByTestId('trace-start')).toHaveText(
      `${wallDateTime(ms, zone)}.${String(ms % 1000).padStart(3, '0')}`,
    );
    await expect(page.getByRole('columnheader', { name: /Start/ })).toContainText(zone === 'UTC' ? 'UTC' : 'UTC+05:30');
    await ctx.close();
  });
}

test('a zone chosen in the picker goes into the URL and is kept by a cookie for the next visit', async ({
  browser,
  baseURL,
}) => {
  const ctx = await browser.newContext({ baseURL, timezoneId: 'Asia/Tokyo' });
  const page = await ctx.newPage();
  await page.goto('/streaming');
  await expect(page.getByTestId('zone-label')).toHaveText('UTC+09:00');
  await page.getByTestId('zone-picker').click();
  await page.getByTestId('zone-search').fill('kolkata');
  await page.getByTestId('zone-Asia/Kolkata').click();
  await expect(page).toHaveURL(/tz=Asia%2FKolkata/);
  await expect(page.getByTestId('zone-label')).toHaveText('UTC+05:30');
  // Focus is back on the picker's button.
  await expect(page.getByTestId('zone-picker')).toBeFocused();
  // A later visit without tz= keeps the saved zone, in the server's HTML already.
  const res = await page.goto('/memory');
  expect(await res!.text()).toContain('UTC+05:30');
  await expect(page.getByTestId('zone-label')).toHaveText('UTC+05:30');
  await page.getByTestId('zone-picker').click();
  await page.getByTestId('zone-browser').click();
  await expect(page).not.toHaveURL(/tz=/);
  await expect(page.getByTestId('zone-label')).toHaveText('UTC+09:00');
  // A zone that does not exist says so.
  await page.goto('/memory?tz=Mars%2FOlympus');
  await expect(page.getByText(/"tz=Mars\/Olympus" is not a time zone/)).toBeVisible();
  await ctx.close();
});

test('auto-refresh asks again for every panel’s query on each tick, even when the step has not moved', async ({
  page,
}) => {
  const asked = new Map<string, number>();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname !== '/api/prom/query_range') return;
    const q = u.searchParams.get('query') ?? r.postData() ?? '';
    asked.set(q, (asked.get(q) ?? 0) + 1);
  });
  // Six hours: a step of a minute or more, so "now" moving 5 s rarely changes a query.
  await page.goto('/workflows?from=now-6h&to=now&refresh=5s');
  await panelsSettled(page);
  const panels = await page.locator('[data-testid=panel]').count();
  // Three ticks fit in 16 s; each must have asked for every query.
  await expect
    .poll(() => asked.size >= panels && [...asked.values()].every((n) => n >= 2), { timeout: 16_000 })
    .toBe(true);
});
