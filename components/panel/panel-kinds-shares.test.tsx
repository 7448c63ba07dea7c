// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { matrix, renderPanel } from './test/render-panel';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const base = { id: 'p', title: 'The panel', description: 'What it shows.', variables: [] as string[] };

/** The panel's frame, found by its heading as a reader would. */
const panel = () => screen.getByRole('region', { name: 'The panel' });

describe('pie chart, bar chart', () => {
  it('pie chart: a slice per series, each with its share of the whole in the legend', async () => {
    renderPanel(
      { ...base, kind: 'piechart', unit: 'reqps', queries: [{ expr: 'sum by (m) (c)', legend: '{{m}}' }] },
      {
        'sum by (m) (c)': matrix([
          { labels: { m: 'enforce' }, values: [1] },
          { labels: { m: 'dry-run' }, values: [3] },
        ]),
      },
    );
    const pie = await within(panel()).findByTestId('piechart');
    expect(within(pie).getAllByTestId('pie-slice')).toHaveLength(2);
    expect(within(pie).getByRole('img')).toHaveAccessibleName('The panel: dry-run 75.0 %, enforce 25.0 %');
    expect(within(pie).getByRole('row', { name: /dry-run/ })).toHaveTextContent('75.0 %');
  });

  it('bar chart: a bar per series, its height the share of the largest, its value above it', async () => {
    renderPanel(
      { ...base, kind: 'barchart', unit: 'short', queries: [{ expr: 'sum by (m) (c)', legend: '{{m}}' }] },
      {
        'sum by (m) (c)': matrix([
          { labels: { m: 'a' }, values: [50] },
          { labels: { m: 'b' }, values: [200] },
        ]),
      },
    );
    const chart = await within(panel()).findByTestId('barchart');
    expect(within(chart).getByRole('listitem', { name: 'b: 200' })).toBeInTheDocument();
    const [a, b] = within(chart).getAllByTestId('bar');
    expect(Number.parseFloat(a!.style.height)).toBeCloseTo(Number.parseFloat(b!.style.height) / 4, 0);
  });
});
