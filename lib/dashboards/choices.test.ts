import { describe, expect, it } from 'vitest';
import { pickedChoices, withChoices } from './choices';
import { quantileQueries } from './panel-queries';
import type { TimeseriesPanelDef } from './types';

const def: TimeseriesPanelDef = {
  id: 'lat',
  title: 'Latency',
  description: '',
  kind: 'timeseries',
  unit: 's',
  variables: [],
  choices: { label: 'Quantile', defaults: ['p95'] },
  queries: quantileQueries('x_bucket', 'type', '{{type}} '),
};

describe('panel choices', () => {
  it('runs the defaults until the URL picks, and ignores what the panel does not offer', () => {
    expect(pickedChoices(def, new URLSearchParams())).toEqual(['p95']);
    expect(pickedChoices(def, new URLSearchParams('pick=lat:p50&pick=lat:p99&pick=other:p50'))).toEqual(['p50', 'p99']);
    expect(pickedChoices(def, new URLSearchParams('pick=lat:p42'))).toEqual(['p95']);
  });
  it('keeps only the picked queries, without the dash when one is left', () => {
    const one = withChoices(def, ['p95']);
    expect(one.queries.map((q) => q.choice)).toEqual(['p95']);
    expect(one.queries[0]!.dash).toBeUndefined();
    const two = withChoices(def, ['p50', 'p99']);
    expect(two.queries.map((q) => [q.choice, q.dash])).toEqual([
      ['p50', undefined],
      ['p99', '2 3'],
    ]);
  });
});
