import { expect, offeredValues, panelsSettled, test } from './fixtures';

test('chained variables: on /llm a chosen provider leaves only its own models to pick', async ({ page, stack }) => {
  await page.goto('/llm?from=now-1h&to=now');
  await panelsSettled(page);
  const all = await offeredValues(page, 'model');
  // The witness: which models Prometheus has for openai.
  const res = await fetch(
    `${stack.prometheusUrl}/api/v1/series?${new URLSearchParams({ 'match[]': 'llm_requests_total{provider="openai"}', start: String(Date.now() / 1000 - 3600) })}`,
  );
  const series = ((await res.json()) as { data: { model: string }[] }).data;
  const openai = [...new Set(series.map((s) => s.model))].sort();
  expect(openai.length).toBeGreaterThan(0);
  expect(openai.length).toBeLessThan(all.length);

  // Pick openai in the provider menu: the model menu now offers only OpenAI's models.
  await page.getByTestId('var-provider-button').click();
  await page.locator('[data-testid=var-option][data-value=openai]').check();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/provider=openai/);
  await expect.poll(() => offeredValues(page, 'model')).toEqual(openai);

  // The provider menu is not narrowed by a model: every provider can still be picked.
  const providers = await offeredValues(page, 'provider');
  expect(providers.length).toBeGreaterThan(1);
  // A shared link offers the same on a fresh load.
  await page.goto('/llm?from=now-1h&to=now&provider=openai');
  await panelsSettled(page);
  expect(await offeredValues(page, 'model')).toEqual(openai);
});
