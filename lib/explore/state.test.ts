import { describe, expect, it } from 'vitest';
import { guessUnit, parseExplore, parseSplit } from './state';

describe('guessUnit', () => {
  it('reads the unit from the metric name as Prometheus names them', () => {
    expect(
      guessUnit('histogram_quantile(0.95, sum by (le) (rate(shannon_workflow_duration_seconds_bucket[5m])))'),
    ).toBe('s');
    expect(guessUnit('rate(shannon_agent_execution_duration_ms_sum[5m])')).toBe('ms');
    expect(guessUnit('agent_core_memory_pool_used_bytes')).toBe('bytes');
    expect(guessUnit('sum(rate(llm_requests_total[5m]))')).toBe('ops');
    expect(guessUnit('rate(shannon_workflow_duration_seconds_count[5m])')).toBe('reqps');
    expect(guessUnit('sum(rate(a_errors_total[5m])) / sum(rate(a_total[5m]))')).toBe('short');
    expect(guessUnit('up')).toBe('short');
  });
});

describe('parseExplore', () => {
  it('reads the queries, tab and unit, and says what it ignored', () => {
    const { state, notices } = parseExplore(new URLSearchParams('q=up&q=&q=rate(x_total[5m])&tab=table&unit=ms'));
    expect(state).toEqual({ queries: ['up', 'rate(x_total[5m])'], tab: 'table', unit: 'ms', off: [] });
    // A query switched off by its letter; letters past the queries are ignored.
    expect(parseExplore(new URLSearchParams('q=a&q=b&off=B&off=C&off=Z')).state.off).toEqual([1]);
    expect(notices).toEqual([]);
    expect(parseExplore(new URLSearchParams('q=up&tab=json'))).toMatchObject({ state: { tab: 'json' }, notices: [] });
    const bad = parseExplore(new URLSearchParams(`tab=pie&unit=furlongs&q=${'x'.repeat(20_001)}`));
    expect(bad.state).toEqual({ queries: [], tab: 'graph', unit: null, off: [] });
    expect(bad.notices).toHaveLength(3);
  });
});

describe('split view in the URL', () => {
  it('reads the right pane under its own keys, and its kind and range link', () => {
    const sp = new URLSearchParams('q=up&split=metrics&q2=rate(x_total[5m])&tab2=table&off2=A&unlink=1');
    expect(parseExplore(sp).state.queries).toEqual(['up']);
    expect(parseExplore(sp, '2').state).toEqual({ queries: ['rate(x_total[5m])'], tab: 'table', unit: null, off: [0] });
    expect(parseSplit(sp)).toEqual({ split: { split: 'metrics', linked: false }, notices: [] });
    expect(parseSplit(new URLSearchParams('split=traces')).split).toEqual({ split: 'traces', linked: true });
    expect(parseSplit(new URLSearchParams('split=logs'))).toEqual({
      split: { split: null, linked: true },
      notices: ['"split=logs" is not metrics or traces; one pane is shown.'],
    });
    expect(parseExplore(new URLSearchParams('tab2=pie'), '2').notices).toEqual([
      '"tab2=pie" is not graph, table or json.',
    ]);
  });
});
