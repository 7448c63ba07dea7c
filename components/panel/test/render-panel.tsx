import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import type { PanelDef } from '@/lib/dashboards/types';
import type { CompactMatrix } from '@/lib/prometheus/compact';
import { Panel } from '../panel';

/** The range every test panel is drawn over: 10 minutes, one point a minute. */
export const RANGE = { start: 1_700_000_000, end: 1_700_000_600, step: 60, rateInterval: 60 };
const N = (RANGE.end - RANGE.start) / RANGE.step + 1;

/** A recorded range answer: one series per entry, values on the RANGE grid (padded with the last). */
export function matrix(
  series: { labels?: Record<string, string>; values: (number | null)[] }[],
  warnings: string[] = [],
): CompactMatrix {
  return {
    start: RANGE.start,
    step: RANGE.step,
    n: N,
    series: series.map((s) => ({
      labels: s.labels ?? {},
      values: Array.from({ length: N }, (_, i) =>
        i < s.values.length ? (s.values[i] as number | null) : (s.values[s.values.length - 1] ?? null),
      ),
    })),
    warnings,
  };
}

/** An answer the console's API gives: data, an API error, or none yet (the request stays open). */
export type Answer = CompactMatrix | { status: number; code: string; message: string } | 'pending';

/**
 * Renders a panel whose range queries are answered from `answers`, keyed by the PromQL sent
 * (recorded answers of /api/prom/query_range; a query not listed answers 404). Returns the
 * requests made, so a test can see a retry ask again.
 */
export function renderPanel(def: PanelDef, answers: Record<string, Answer>) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (input: string) => {
    const url = new URL(input, 'http://console.test');
    const query = url.searchParams.get('query') ?? '';
    asked.push(query);
    const a = answers[query];
    if (a === 'pending') return new Promise<Response>(() => {});
    if (a === undefined)
      return Response.json(
        { error: { code: 'not_found', message: `no recorded answer for ${query}` } },
        { status: 404 },
      );
    if ('status' in a) return Response.json({ error: { code: a.code, message: a.message } }, { status: a.status });
    return Response.json(a);
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <QueryClientProvider client={client}>
      <Panel def={def} vars={{}} range={RANGE} onZoom={() => {}} />
    </QueryClientProvider>,
  );
  return { ...view, asked, client };
}
