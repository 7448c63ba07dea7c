import { describe, expect, it } from 'vitest';
import { lastValues, toMatrix } from './table';

describe('tables and matrices from range results', () => {
  it('takes each series’ last value, largest first, and sums series that share a cell', () => {
    const rows = lastValues({
      start: 0,
      step: 15,
      n: 3,
      warnings: [],
      series: [
        {
          labels: { original_decision: 'allow', would_enforce_decision: 'deny', user_type: 'regular' },
          values: [1, 5, null],
        },
        {
          labels: { original_decision: 'allow', would_enforce_decision: 'deny', user_type: 'premium' },
          values: [1, 2, 3],
        },
        {
          labels: { original_decision: 'allow', would_enforce_decision: 'allow', user_type: 'regular' },
          values: [90, 95, 100],
        },
        { labels: { original_decision: 'deny', would_enforce_decision: 'deny' }, values: [null, null, null] },
      ],
    });
    expect(rows.map((r) => r.value)).toEqual([100, 5, 3]);
    const m = toMatrix(rows, 'original_decision', 'would_enforce_decision');
    expect(m.rows).toEqual(['allow']);
    expect(m.cols).toEqual(['allow', 'deny']);
    expect(m.cell('allow', 'deny')).toBe(8);
    expect(m.cell('deny', 'deny')).toBeNull();
  });
});
