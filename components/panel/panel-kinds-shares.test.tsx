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

describe('decimals and value mappings', () => {
  const mappings = [
    { kind: 'value' as const, value: '0', text: 'Off', color: 'green' },
    { kind: 'value' as const, value: '1', text: 'On', color: 'red' },
    { kind: 'range' as const, from: 2, text: 'Odd' },
  ];
  it('a stat writes a mapped value as its word, in its colour; others with the panel’s decimals', async () => {
    renderPanel(
      {
        ...base,
        kind: 'stat',
        unit: 'short',
        decimals: 2,
        mappings,
        queries: [{ expr: 'max by (s) (k)', legend: '{{s}}' }],
      },
      {
        'max by (s) (k)': matrix([
          { labels: { s: 'on' }, values: [0, 1] },
          { labels: { s: 'off' }, values: [1, 0] },
          { labels: { s: 'odd' }, values: [7] },
          { labels: { s: 'half' }, values: [0.5] },
        ]),
      },
    );
    const stats = await within(panel()).findAllByTestId('stat');
    const byName = (n: string) => stats.find((s) => s.getAttribute('aria-label')!.startsWith(`${n}:`))!;
    expect(byName('on')).toHaveAccessibleName('on: On');
    expect(within(byName('on')).getByTestId('stat-value')).toHaveStyle({ color: '#dc2626' });
    expect(byName('off')).toHaveAccessibleName('off: Off');
    expect(within(byName('off')).getByTestId('stat-value')).toHaveStyle({ color: '#16a34a' });
    expect(byName('odd')).toHaveAccessibleName('odd: Odd');
    expect(byName('half')).toHaveAccessibleName('half: 0.50');
  });

  it('a time series writes its legend figures with the panel’s decimals', async () => {
    renderPanel(
      { ...base, kind: 'timeseries', unit: 'reqps', decimals: 3, queries: [{ expr: 'r', legend: 'rate' }] },
      { r: matrix([{ labels: {}, values: [1, 1.23456] }]) },
    );
    const item = await within(panel()).findByTestId('legend-item');
    expect(item).toHaveTextContent('1.235/s');
    expect(item).toHaveTextContent('1.000/s');
  });

  it('a time series writes its legend figures as their mapped words, the rest in its unit', async () => {
    renderPanel(
      { ...base, kind: 'timeseries', unit: 'short', mappings, queries: [{ expr: 'u', legend: 'state' }] },
      { u: matrix([{ labels: {}, values: [0, 1, 0.5] }]) },
    );
    const item = await within(panel()).findByTestId('legend-item');
    expect(within(item).getByTestId('legend-last')).toHaveTextContent('0.5');
    expect(within(item).getByTestId('legend-max')).toHaveTextContent('On');
    expect(within(item).getByTestId('legend-min')).toHaveTextContent('Off');
  });

  it('a table writes its values with the panel’s decimals and mappings', async () => {
    renderPanel(
      {
        ...base,
        kind: 'table',
        unit: 's',
        decimals: 1,
        mappings,
        columns: [{ key: 'j', label: 'Job' }],
        queries: [{ expr: 'x', legend: '{{j}}' }],
      },
      {
        x: matrix([
          { labels: { j: 'a' }, values: [1] },
          { labels: { j: 'b' }, values: [0.25] },
        ]),
      },
    );
    const table = await within(panel()).findByTestId('panel-table');
    expect(within(table).getByRole('row', { name: /^a/ })).toHaveTextContent('On');
    expect(within(table).getByRole('row', { name: /^b/ })).toHaveTextContent('250.0 ms');
  });
});
