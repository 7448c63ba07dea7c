// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PointMenu } from './point-menu';

// The menu navigates with Next's router; here only its links and labels are read.
vi.mock('next/navigation', () => ({
  useRouter: () => ({ push: vi.fn() }),
  useSearchParams: () => new URLSearchParams(),
  usePathname: () => '/workflows',
}));
afterEach(cleanup);

const T = Date.parse('2026-12-06T10:00:00Z');
const props = { t: T, unit: 's' as const, stepMs: 60_000, service: 'orchestrator', x: 10, y: 10, onClose: () => {} };

describe('PointMenu', () => {
  it('searches the series’ own traces: its labels as span attributes, in its window', () => {
    render(
      <PointMenu
        {...props}
        ceiling={10}
        values={[
          { name: 'DAGWorkflow p95', color: '#000', value: 2.5, labels: { workflow_type: 'DAGWorkflow', le: 'x' } },
        ]}
      />,
    );
    const item = screen.getByRole('link', { name: 'slower than this, in this window' });
    const q = new URL(item.getAttribute('href')!, 'http://x').searchParams;
    expect(q.get('tags')).toBe('workflow.type=DAGWorkflow');
    expect(q.get('minDuration')).toBe('2500.000ms');
    expect(q.get('service')).toBe('orchestrator');
    expect([q.get('from'), q.get('to')]).toEqual([String(T - 60_000), String(T + 60_000)]);
    expect(screen.getByRole('button', { name: 'slowest at or below' })).toBeInTheDocument();
  });

  it('offers a quantile stuck at the histogram’s top bucket as "≥ 10 s", never "slower than 10 s"', () => {
    render(<PointMenu {...props} ceiling={10} values={[{ name: 'SwarmWorkflow p99', color: '#000', value: 10 }]} />);
    const row = screen.getByText('SwarmWorkflow p99').closest('li')!;
    expect(within(row).getByTestId('point-value')).toHaveTextContent('≥ 10');
    expect(within(row).queryByText(/slower than this/)).toBeNull();
    expect(within(row).getByRole('link', { name: 'this long or longer, in this window' })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'the slowest' })).toBeInTheDocument();
  });
});
