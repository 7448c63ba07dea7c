import { expect, panelsSettled, test } from './fixtures';

/** Wall-clock HH:MM of instant `ms` in `timeZone`, by the browser engine's own Intl (not the console's code). */
function wall(ms: number, timeZone: string): string {
  return new Date(ms).toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

test('charts are labelled in the viewer’s time zone, rendered so by the server once it knows it', async ({
  browser,
  baseURL,
}) => {
  const zone = 'Asia/Kolkata'; // UTC+5:30: a label in any other zone would fall outside the hour shown
  const ctx = await browser.newContext({ baseURL, timezoneId: zone });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const labels = async () => {
    await panelsSettled(page);
    const panel = page.locator('[data-testid=panel][data-panel-id="workflow-throughput"]');
    const start = Number(await panel.getAttribute('data-start')) * 1000;
    const end = Number(await panel.getAttribute('data-end')) * 1000;
    const ticks = await panel.getByTestId('time-tick').allTextContents();
    // Every minute of the range, as the viewer's clock shows it.
    const shown = new Set<string>();
    for (let t = start; t <= end; t += 60_000) shown.add(wall(t, zone));
    return { ticks, shown };
  };

  // First visit: the server does not know the zone yet; the browser relabels after hydrating.
  await page.goto('/workflows?from=now-1h&to=now');
  await expect
    .poll(async () => {
      const { ticks, shown } = await labels();
      return ticks.length > 0 && ticks.every((t) => shown.has(t));
    })
    .toBe(true);

  // Later visits: the cookie tells the server, whose HTML already has the viewer's labels.
  const res = await page.goto('/workflows?from=now-1h&to=now');
  const html = await res!.text();
  const { ticks, shown } = await labels();
  expect(ticks.length).toBeGreaterThan(2);
  for (const t of ticks) {
    expect(shown.has(t)).toBe(true);
    expect(html).toContain(`>${t}</span>`);
  }
  expect(errors).toEqual([]);
  await ctx.close();
});
