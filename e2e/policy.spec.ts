import { policyDashboard } from '../lib/dashboards/policy';
import { SIM_CANARY_PERCENT } from './constants';
import { expect, panelsSettled, test } from './fixtures';

test('/policy shows the configured enforce share, every panel ready, and a verdict with every input', async ({
  page,
  stack,
}) => {
  await page.goto('/policy?from=now-1h');
  await panelsSettled(page);
  for (const p of policyDashboard.panels)
    await expect(page.locator(`[data-testid=panel][data-panel-id="${p.id}"]`), p.id).toHaveAttribute(
      'data-state',
      'ready',
    );
  const verdict = page.getByTestId('canary-verdict');
  await expect(verdict).toHaveAttribute('data-state', 'ready');
  const share = Number(
    /enforce share ([\d.]+) %/.exec((await page.getByTestId('enforce-percent').innerText()) ?? '')?.[1],
  );
  expect(Math.abs(share - SIM_CANARY_PERCENT)).toBeLessThanOrEqual(3);
  // Prometheus, asked directly, agrees with what the page shows (to the rounding shown).
  const res = await fetch(
    `${stack.prometheusUrl}/api/v1/query?${new URLSearchParams({ query: 'sum(increase(shannon_policy_canary_decisions_total{effective_mode="enforce"}[1h])) / sum(increase(shannon_policy_canary_decisions_total[1h])) * 100' })}`,
  );
  const witness = Number(
    ((await res.json()) as { data: { result: { value: [number, string] }[] } }).data.result[0]!.value[1],
  );
  expect(Math.abs(share - witness)).toBeLessThan(0.5);
  await expect(page.getByTestId('verdict-metric')).toHaveCount(6);
  for (const m of await page.getByTestId('verdict-metric').all())
    await expect(m).toHaveAttribute('data-status', /^(pass|marginal|fail)$/);
  await expect(page.getByTestId('kill-switch-banner')).toHaveCount(0);
  // Shannon's SLO lines are drawn on the latency panel, inside its plot: 1 ms below 5 ms.
  const slo = page.locator('[data-testid=panel][data-panel-id="policy-latency"] [data-testid=threshold]');
  await expect(slo).toHaveCount(2);
  const ys = await slo.evaluateAll((gs) =>
    gs.map((g) => [g.getAttribute('data-value'), g.getBoundingClientRect().top, g.textContent] as const),
  );
  const byValue: Record<string, { y: number; text: string | null }> = Object.fromEntries(
    ys.map(([v, y, text]) => [v, { y, text }]),
  );
  expect(byValue['0.001']!.text).toMatch(/1 ms/);
  expect(byValue['0.005']!.text).toMatch(/5 ms/);
  expect(byValue['0.001']!.y).toBeGreaterThan(byValue['0.005']!.y);
  const plot = (await page
    .locator('[data-testid=panel][data-panel-id="policy-latency"] [data-testid=chart]')
    .boundingBox())!;
  for (const { y } of Object.values(byValue)) {
    expect(y).toBeGreaterThan(plot.y);
    expect(y).toBeLessThan(plot.y + plot.height);
  }
});

test('verdict thresholds live in the URL: a zero deny margin cannot pass, and a fresh context judges the same', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto('/policy?from=now-1h');
  const deny = page.locator('[data-testid=verdict-metric][data-metric=deny-rate]');
  await expect(deny).toHaveAttribute('data-status', /^(pass|marginal|fail)$/);
  const ctx = await browser.newContext({ baseURL });
  const other = await ctx.newPage();
  await other.goto('/policy?from=now-1h&denyPass=0&denyFail=0.5');
  // Passing needs the whole interval at or below a zero increase: with sampling noise it cannot.
  await expect(other.locator('[data-testid=verdict-metric][data-metric=deny-rate]')).toHaveAttribute(
    'data-status',
    'marginal',
  );
  await expect(other.locator('[data-testid=verdict-metric][data-metric=deny-rate]')).toContainText(
    'a rise passes within 0.00 points and fails beyond 50.00 points',
  );
  // The verdict says it in words: enforce would deny so many points more (or fewer) than dry-run.
  await expect(other.locator('[data-testid=verdict-metric][data-metric=deny-rate]')).toContainText(
    /enforce would deny \d+\.\d\d points (more|fewer) than dry-run \(95 % CI [−+±]\d+\.\d\d to [−+±]\d+\.\d\d points\)/,
  );
  await ctx.close();

  // The editor speaks the verdict's units: points and ms, while the URL keeps fractions and seconds.
  await page.getByTestId('thresholds-button').click();
  await expect(page.getByTestId('threshold-denyPass')).toHaveValue('1');
  await expect(page.getByTestId('threshold-latencyFail')).toHaveValue('2');
  await expect(page.getByLabel('Deny rate rise: pass within (points)')).toBeVisible();
  await page.getByTestId('threshold-denyPass').fill('0.7');
  await page.getByTestId('threshold-latencyPass').focus();
  await expect(page).toHaveURL(/denyPass=0\.007(&|$)/);
  await expect(deny).toContainText('passes within 0.70 points');
});
