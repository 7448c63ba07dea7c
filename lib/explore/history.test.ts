import { describe, expect, it } from 'vitest';
import {
  HISTORY_MAX,
  parseHistory,
  remember,
  searchHistory,
  toggleStar,
  type HistoryEntry,
  errorOffset,
  historyCompletions,
} from './history';

const e = (q: string, at = 0): HistoryEntry => ({ q, at, from: 'now-1h', to: 'now' });

describe('explore history', () => {
  it('puts a query run again on top, once, keeping its star', () => {
    let h = remember([], e('up', 1));
    h = remember(h, e('rate(x[5m])', 2));
    h = toggleStar(h, 'up');
    h = remember(h, e('up', 3));
    expect(h.map((x) => [x.q, x.at, x.starred ?? false])).toEqual([
      ['up', 3, true],
      ['rate(x[5m])', 2, false],
    ]);
  });
  it('keeps the newest 200 unstarred, and every starred one', () => {
    let h = toggleStar(remember([], e('keep', 0)), 'keep');
    for (let i = 1; i <= HISTORY_MAX + 50; i++) h = remember(h, e(`q${i}`, i));
    expect(h.filter((x) => !x.starred)).toHaveLength(HISTORY_MAX);
    expect(h.some((x) => x.q === 'keep')).toBe(true);
    expect(h.some((x) => x.q === 'q1')).toBe(false);
  });
  it('searches by every word, starred first; reads back only what is ours', () => {
    const h = toggleStar([e('sum(rate(a_total[5m]))'), e('rate(b_total[1m])'), e('up')], 'rate(b_total[1m])');
    expect(searchHistory(h, 'RATE total').map((x) => x.q)).toEqual(['rate(b_total[1m])', 'sum(rate(a_total[5m]))']);
    expect(parseHistory('not json')).toEqual([]);
    expect(parseHistory('{"q":1}')).toEqual([]);
    expect(parseHistory(JSON.stringify([e('up'), { q: 3 }]))).toEqual([e('up')]);
  });
});

describe('history completions and error positions', () => {
  it('offers entries holding what is typed, starred first, never the text itself', () => {
    const list = [
      { q: 'rate(a_total[5m])', at: 3, from: 'now-1h', to: 'now' },
      { q: 'up', at: 2, from: 'now-1h', to: 'now' },
      { q: 'sum(rate(a_total[1m]))', at: 1, from: 'now-1h', to: 'now', starred: true },
    ];
    expect(historyCompletions(list, 'A_TOTAL').map((e) => e.q)).toEqual([
      'sum(rate(a_total[1m]))',
      'rate(a_total[5m])',
    ]);
    expect(historyCompletions(list, 'up').map((e) => e.q)).toEqual([]);
    expect(historyCompletions(list, '', 2)).toHaveLength(2);
  });

  it('reads "line:col:" off Prometheus’s parse errors', () => {
    expect(errorOffset('sum(', '1:5: parse error: unclosed left parenthesis')).toBe(4);
    expect(
      errorOffset('sum(rate(x[5m])', 'invalid parameter "query": 1:16: parse error: unclosed left parenthesis'),
    ).toBe(15);
    expect(errorOffset('up\n  and foo(', '2:9: parse error: unknown function')).toBe(11);
    expect(errorOffset('up', 'vector cannot contain metrics with the same labelset')).toBeNull();
    expect(errorOffset('up', '9:1: parse error')).toBeNull();
    expect(errorOffset('up', 'at 1:2: something else')).toBeNull();
  });
});
