import { describe, expect, it } from 'vitest';
import type { RulesData } from '../prometheus/envelope';
import { alertRules, presenceQuery, requiredMetrics } from './alerts';
import { SLO_TILES, sloState } from './slo';

const tile = (id: string) => SLO_TILES.find((t) => t.id === id)!;

describe('SLO tiles and alert rules', () => {
  it('judges both directions, and nothing is "no data"', () => {
    expect([0.01, 0.045, 0.06].map((v) => sloState(tile('policy-errors'), v))).toEqual(['green', 'amber', 'red']);
    expect([0.9, 0.82, 0.7].map((v) => sloState(tile('policy-cache'), v))).toEqual(['green', 'amber', 'red']);
    expect(sloState(tile('policy-p95'), null)).toBe('nodata');
    expect(sloState(tile('policy-p95'), NaN)).toBe('nodata');
  });

  it('orders firing, pending, inactive and marks a rule whose metric is absent as no data', () => {
    const data: RulesData = {
      groups: [
        {
          name: 'g',
          file: 'f',
          rules: [
            {
              type: 'alerting',
              name: 'B',
              query: 'x',
              health: 'ok',
              labels: { page: 'policy', severity: 'warning' },
              annotations: { requires: 'shannon_x', summary: 's' },
              alerts: [],
            },
            {
              type: 'alerting',
              name: 'A',
              query: 'y',
              health: 'ok',
              labels: { page: 'overview' },
              annotations: { requires: 'temporal_y' },
              alerts: [],
            },
            {
              type: 'alerting',
              name: 'C',
              query: 'z',
              health: 'ok',
              annotations: { requires: 'shannon_x' },
              alerts: [{ labels: {}, annotations: {}, state: 'pending', value: '1', activeAt: '2026-11-27T06:00:00Z' }],
            },
            { type: 'recording', name: 'r', query: 'q', health: 'ok' },
          ],
        },
      ],
    };
    expect(requiredMetrics(data)).toEqual(['shannon_x', 'temporal_y']);
    expect(presenceQuery(['shannon_x', 'temporal_y'])).toBe('count by (__name__) ({__name__=~"shannon_x|temporal_y"})');
    const rules = alertRules(data, new Set(['shannon_x']));
    expect(rules.map((r) => [r.name, r.state, r.noData, r.page])).toEqual([
      ['C', 'pending', false, ''],
      ['A', 'inactive', true, 'overview'],
      ['B', 'inactive', false, 'policy'],
    ]);
    expect(rules[0]!.activeAt).toBe('2026-11-27T06:00:00Z');
  });
});
