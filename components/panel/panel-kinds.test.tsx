// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { matrix, renderPanel } from './test/render-panel';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const base = { id: 'p', title: 'The panel', description: 'What it shows.', variables: [] as string[] };

/** The panel's frame, found by its heading as a reader would. */
const panel = () => screen.getByRole('region', { name: 'The panel' });

describe('timeseries', () => {
  it('draws a second unit on a right axis, so a ratio of 4–7 is not flattened by a count of 150K', async () => {
    renderPanel(
      {
        ...base,
        kind: 'timeseries',
        unit: 'short',
        right: { unit: 'short' },
        queries: [
          { expr: 'ratio', legend: 'ratio' },
          { expr: 'saved', legend: 'tokens saved', axis: 'right' },
        ],
      },
      { ratio: matrix([{ values: [4, 5, 7] }]), saved: matrix([{ values: [120_000, 150_000] }]) },
    );
    await waitFor(() => expect(panel()).toHaveAttribute('data-state', 'ready'));
    const left = [...within(panel()).getByTestId('left-axis').querySelectorAll('span')].map((e) => e.textContent);
    const right = [...within(panel()).getByTestId('right-axis').querySelectorAll('span')].map((e) => e.textContent);
    expect(left.at(-1)).toBe('8');
    expect(right.at(-1)).toBe('150K');
    expect(within(panel()).getByRole('img')).toHaveAccessibleName(/^2 series over /);
    const saved = within(panel())
      .getAllByTestId('legend-item')
      .find((r) => r.getAttribute('data-series') === 'tokens saved')!;
    expect(saved).toHaveTextContent('(right)');
  });

  it('stacks series as areas, draws bars or points, and shows the legend columns asked for', async () => {
    renderPanel(
      {
        ...base,
        kind: 'timeseries',
        unit: 'percent',
        stack: true,
        draw: 'bars',
        legend: { columns: ['min', 'max'] },
        queries: [{ expr: 'sum by (k) (a)', legend: '{{k}}' }],
      },
      {
        'sum by (k) (a)': matrix([
          { labels: { k: 'one' }, values: [10, 20] },
          { labels: { k: 'two' }, values: [30, 40] },
        ]),
      },
    );
    await waitFor(() => expect(panel()).toHaveAttribute('data-state', 'ready'));
    const lines = within(panel()).getAllByTestId('series-line');
    expect(lines.map((l) => l.getAttribute('data-draw'))).toEqual(['bars', 'bars']);
    // Stacked: the axis reaches the top of the stack (20 + 40), not the largest series (40).
    const left = [...within(panel()).getByTestId('left-axis').querySelectorAll('span')].map((e) => e.textContent);
    expect(left.at(-1)).toBe('60%');
    const header = within(within(panel()).getByTestId('legend'))
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(header).toEqual(['Series', 'Min', 'Max']);
    const one = within(panel()).getAllByTestId('legend-item')[0]!;
    expect(within(one).getByTestId('legend-min')).toHaveTextContent('10%');
    expect(within(one).getByTestId('legend-max')).toHaveTextContent('20%');
  });

  it('applies overrides by name and by regex (colour, hidden), and names a bad pattern instead of failing', async () => {
    renderPanel(
      {
        ...base,
        kind: 'timeseries',
        unit: 'reqps',
        draw: 'points',
        overrides: [
          { match: { name: 'errors' }, color: '#ff0000' },
          { match: { regex: '^debug' }, hidden: true },
          { match: { regex: '(' }, color: 'blue' },
        ],
        queries: [{ expr: 'sum by (k) (a)', legend: '{{k}}' }],
      },
      {
        'sum by (k) (a)': matrix([
          { labels: { k: 'errors' }, values: [1] },
          { labels: { k: 'debug-1' }, values: [2] },
          { labels: { k: 'ok' }, values: [3] },
        ]),
      },
    );
    await waitFor(() => expect(panel()).toHaveAttribute('data-state', 'ready'));
    const drawn = within(panel()).getAllByTestId('series-line');
    expect(drawn.map((l) => l.getAttribute('data-series')).sort()).toEqual(['errors', 'ok']);
    expect(drawn.find((l) => l.getAttribute('data-series') === 'errors')).toHaveAttribute('stroke', '#ff0000');
    const debug = within(panel()).getByRole('button', { name: 'debug-1' });
    expect(debug).toHaveAttribute('aria-pressed', 'false');
    // A click shows the hidden series alone; a second click shows every series.
    await userEvent.click(debug);
    expect(
      within(panel())
        .getAllByTestId('series-line')
        .map((l) => l.getAttribute('data-series')),
    ).toEqual(['debug-1']);
    await userEvent.click(debug);
    expect(within(panel()).getAllByTestId('series-line')).toHaveLength(3);
    // Ctrl-click switches one series off and leaves the others.
    const user = userEvent.setup();
    await user.keyboard('{Control>}');
    await user.click(within(panel()).getByRole('button', { name: 'ok' }));
    await user.keyboard('{/Control}');
    expect(
      within(panel())
        .getAllByTestId('series-line')
        .map((l) => l.getAttribute('data-series'))
        .sort(),
    ).toEqual(['debug-1', 'errors']);
    expect(within(panel()).getByTestId('panel-problems')).toHaveTextContent('override regex /(/ is not valid');
  });

  it('keeps a Prometheus warning in view', async () => {
    renderPanel(
      { ...base, kind: 'timeseries', unit: 's', queries: [{ expr: 'sum(a)' }] },
      { 'sum(a)': matrix([{ values: [1] }], ['2 native histogram series were left out']) },
    );
    expect(
      await within(panel()).findByText(/Prometheus warning: 2 native histogram series were left out/),
    ).toBeInTheDocument();
  });
});

describe('stat, gauge, bar gauge', () => {
  it('stat: one number per series, reduced as asked, coloured by thresholds', async () => {
    renderPanel(
      {
        ...base,
        kind: 'stat',
        unit: 'usd',
        reduce: 'max',
        thresholds: { base: 'green', steps: [{ value: 10, color: 'red' }] },
        queries: [{ expr: 'sum by (m) (c)', legend: '{{m}}' }],
      },
      {
        'sum by (m) (c)': matrix([
          { labels: { m: 'big' }, values: [3, 12, 5] },
          { labels: { m: 'small' }, values: [1, 2, 1] },
        ]),
      },
    );
    const big = await within(panel()).findByRole('figure', { name: 'big: $12' });
    expect(within(big).getByTestId('stat-value')).toHaveStyle({ color: 'rgb(220, 38, 38)' });
    const small = within(panel()).getByRole('figure', { name: 'small: $2' });
    expect(within(small).getByTestId('stat-value')).toHaveStyle({ color: 'rgb(22, 163, 74)' });
  });

  it('gauge: a meter per series between min and max, its arc in the threshold colour', async () => {
    renderPanel(
      {
        ...base,
        kind: 'gauge',
        unit: 'percentunit',
        min: 0,
        max: 1,
        thresholds: {
          base: 'green',
          steps: [
            { value: 0.85, color: 'amber' },
            { value: 0.95, color: 'red' },
          ],
        },
        queries: [{ expr: 'used', legend: 'pool' }],
      },
      { used: matrix([{ values: [0.5, 0.9] }]) },
    );
    const meter = await within(panel()).findByRole('meter', { name: 'pool' });
    expect(meter).toHaveAttribute('aria-valuenow', '0.9');
    expect(meter).toHaveAttribute('aria-valuetext', '90%');
    expect(within(meter).getByTestId('gauge-fill')).toHaveAttribute('stroke', '#d97706');
  });

  it('bar gauge: a bar per series, its length the share of max', async () => {
    renderPanel(
      { ...base, kind: 'bargauge', unit: 'short', queries: [{ expr: 'sum by (m) (c)', legend: '{{m}}' }] },
      {
        'sum by (m) (c)': matrix([
          { labels: { m: 'a' }, values: [50] },
          { labels: { m: 'b' }, values: [200] },
        ]),
      },
    );
    const a = await within(panel()).findByRole('meter', { name: 'a' });
    expect(a).toHaveAttribute('aria-valuemax', '200');
    expect(a.firstElementChild).toHaveStyle({ width: '25.00%' });
    expect(within(panel()).getByRole('meter', { name: 'b' }).firstElementChild).toHaveStyle({ width: '100.00%' });
  });
});

describe('table, matrix, heatmap', () => {
  it('table: a row per series with its labels and last value', async () => {
    renderPanel(
      {
        ...base,
        kind: 'table',
        unit: 'short',
        valueLabel: 'Requests',
        columns: [{ key: 'job', label: 'Job' }],
        queries: [{ expr: 'sum by (job) (r)' }],
      },
      {
        'sum by (job) (r)': matrix([
          { labels: { job: 'api' }, values: [5, 7] },
          { labels: { job: 'web' }, values: [9] },
        ]),
      },
    );
    const table = await within(panel()).findByRole('table');
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual(['JobRequests', 'web9', 'api7']);
  });

  it('matrix: two labels as rows and columns, the changing cells marked', async () => {
    renderPanel(
      {
        ...base,
        kind: 'matrix',
        unit: 'short',
        matrix: { rows: 'dry', cols: 'enforce', rowTitle: 'Dry run', colTitle: 'Enforce' },
        queries: [{ expr: 'm' }],
      },
      {
        m: matrix([
          { labels: { dry: 'allow', enforce: 'deny' }, values: [3] },
          { labels: { dry: 'allow', enforce: 'allow' }, values: [90] },
        ]),
      },
    );
    const table = await within(panel()).findByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'allow' })).toBeInTheDocument();
    const cells = within(table).getAllByTestId('matrix-cell');
    expect(cells.map((c) => [c.textContent, c.getAttribute('data-changes')])).toEqual([
      ['90', 'false'],
      ['3', 'true'],
    ]);
  });

  it('heatmap: a grid of bucket rates; all-zero buckets are empty', async () => {
    const buckets = (v: number) => ['0.1', '1', '+Inf'].map((le) => ({ labels: { le }, values: [v, v] }));
    renderPanel({ ...base, kind: 'heatmap', unit: 's', queries: [{ expr: 'h' }] }, { h: matrix(buckets(2)) });
    expect(await within(panel()).findByTestId('heatmap')).toBeInTheDocument();
    cleanup();
    renderPanel({ ...base, kind: 'heatmap', unit: 's', queries: [{ expr: 'h' }] }, { h: matrix(buckets(0)) });
    expect(await within(panel()).findByText('No data in this range')).toBeInTheDocument();
  });
});

describe('text', () => {
  it('renders Markdown as text: headings, lists and safe links; raw HTML and script links are not rendered', async () => {
    const content =
      '# Runbook\n\n- check **the pool**\n- [open traces](/traces)\n\n<script>alert(1)</script><img src=x onerror="alert(2)">\n\n[bad](javascript:alert(3))';
    const { container } = renderPanel(
      { id: 'p', title: 'The panel', description: 'What it shows.', kind: 'text', content },
      {},
    );
    expect(await within(panel()).findByRole('heading', { name: 'Runbook' })).toBeInTheDocument();
    expect(
      within(panel())
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['check the pool', 'open traces']);
    expect(within(panel()).getByRole('link', { name: 'open traces' })).toHaveAttribute('href', '/traces');
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    const bad = within(panel()).getByText('bad');
    expect(bad.closest('a')?.getAttribute('href') ?? '').not.toMatch(/javascript/i);
    // Nothing to show a query for.
    expect(within(panel()).queryByRole('button', { name: 'Show query' })).toBeNull();
  });

  it('says so when it has no content', async () => {
    renderPanel({ id: 'p', title: 'The panel', description: 'What it shows.', kind: 'text', content: '  ' }, {});
    expect(await within(panel()).findByText('This text panel has no content.')).toBeInTheDocument();
  });
});
