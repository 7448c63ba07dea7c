// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PanelDef } from '@/lib/dashboards/types';
import { matrix, renderPanel } from './test/render-panel';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const base = { id: 'p', title: 'The panel', description: 'What it shows.', variables: [] as string[] };

/** The panel's frame, found by its heading as a reader would. */
const panel = () => screen.getByRole('region', { name: 'The panel' });

describe('every kind: loading, error with retry, empty', () => {
  const kinds: PanelDef[] = [
    { ...base, kind: 'timeseries', unit: 's', queries: [{ expr: 'sum(a)' }] },
    { ...base, kind: 'heatmap', unit: 's', queries: [{ expr: 'sum(a)' }] },
    { ...base, kind: 'table', unit: 'short', queries: [{ expr: 'sum(a)' }], columns: [{ key: 'job', label: 'Job' }] },
    {
      ...base,
      kind: 'matrix',
      unit: 'short',
      queries: [{ expr: 'sum(a)' }],
      matrix: { rows: 'a', cols: 'b', rowTitle: 'A', colTitle: 'B' },
    },
    { ...base, kind: 'stat', unit: 'short', queries: [{ expr: 'sum(a)' }] },
    { ...base, kind: 'gauge', unit: 'percentunit', min: 0, max: 1, queries: [{ expr: 'sum(a)' }] },
    { ...base, kind: 'bargauge', unit: 'short', queries: [{ expr: 'sum(a)' }] },
  ];
  for (const def of kinds) {
    it(`${def.kind}: shows a skeleton while loading`, () => {
      renderPanel(def, { 'sum(a)': 'pending' });
      expect(panel()).toHaveAttribute('aria-busy', 'true');
      expect(panel()).toHaveAttribute('data-state', 'loading');
    });

    it(`${def.kind}: says what failed, and Retry asks again and draws the answer`, async () => {
      const answers: Parameters<typeof renderPanel>[1] = {
        'sum(a)': { status: 400, code: 'bad_query', message: 'parse error at char 5: unclosed left parenthesis' },
      };
      const { asked } = renderPanel(def, answers);
      const alert = await within(panel()).findByRole('alert');
      expect(alert).toHaveTextContent('This panel could not load');
      expect(alert).toHaveTextContent('parse error at char 5: unclosed left parenthesis');
      answers['sum(a)'] = matrix([{ labels: { a: 'x', b: 'y', job: 'api', le: '1' }, values: [0.4, 0.5, 0.6] }]);
      await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
      await waitFor(() => expect(panel()).toHaveAttribute('data-state', 'ready'));
      expect(asked).toEqual(['sum(a)', 'sum(a)']);
    });

    it(`${def.kind}: explains an empty answer`, async () => {
      renderPanel(def, { 'sum(a)': matrix([]) });
      expect(await within(panel()).findByText('No data in this range')).toBeInTheDocument();
      expect(panel()).toHaveAttribute('data-state', 'empty');
    });
  }
});

describe('unsupported kinds', () => {
  for (const kind of ['sparkles', 'constructor', '__proto__']) {
    it(`"${kind}" renders an explicit state naming the kinds there are, not a crash`, () => {
      renderPanel({ ...base, kind, unit: 's', queries: [] } as unknown as PanelDef, {});
      expect(panel()).toHaveAttribute('data-state', 'unsupported');
      const status = within(panel()).getByRole('status');
      expect(status).toHaveTextContent('Unsupported panel kind');
      expect(status).toHaveTextContent(
        `This panel's kind "${kind}" is not one the console draws. Kinds it draws: timeseries, heatmap, table, matrix, stat, gauge, bargauge, piechart, barchart, text.`,
      );
    });
  }
});
