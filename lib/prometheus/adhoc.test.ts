import { describe, expect, it } from 'vitest';
import { parser } from '@prometheus-io/lezer-promql';
import { type AdhocFilter, installPromqlParser, parseAdhoc, withAdhocFilters } from './adhoc';

installPromqlParser(parser);

const job: AdhocFilter = { key: 'job', op: '=', value: 'api' };
const inst: AdhocFilter = { key: 'instance', op: '!~', value: 'db-.*' };

describe('ad hoc filters', () => {
  it('adds the matchers to every series selector, wherever it is in the query', () => {
    const cases: [string, string][] = [
      ['up', 'up{job="api"}'],
      ['up{}', 'up{job="api"}'],
      ['up{env="prod"}', 'up{env="prod", job="api"}'],
      ['up{env="prod",}', 'up{env="prod",job="api"}'],
      ['{__name__="up"}', '{__name__="up", job="api"}'],
      ['rate(x_total[5m]) offset 1h', 'rate(x_total{job="api"}[5m]) offset 1h'],
      [
        'sum by (le) (rate(x_bucket{le!="+Inf"}[1m])) / on() group_left sum(y)',
        'sum by (le) (rate(x_bucket{le!="+Inf", job="api"}[1m])) / on() group_left sum(y{job="api"})',
      ],
      ['max_over_time(x[10m:1m]) @ 100', 'max_over_time(x{job="api"}[10m:1m]) @ 100'],
      ['1 + 2', '1 + 2'],
      ['count(up) > bool 0', 'count(up{job="api"}) > bool 0'],
    ];
    for (const [q, want] of cases) expect(withAdhocFilters(q, [job]), q).toBe(want);
  });

  it('joins several filters, escapes values, and leaves a query that does not parse as it is', () => {
    expect(withAdhocFilters('up', [job, inst])).toBe('up{job="api", instance!~"db-.*"}');
    expect(withAdhocFilters('up', [{ key: 'path', op: '=', value: 'a"b\\c' }])).toBe('up{path="a\\"b\\\\c"}');
    expect(withAdhocFilters('sum(up', [job])).toBe('sum(up');
    expect(withAdhocFilters('up', [])).toBe('up');
  });

  it('reads key|op|value as Grafana writes it, and names what is wrong', () => {
    expect(parseAdhoc('job|=|api')).toEqual({ ok: true, filter: job });
    expect(parseAdhoc('path|=~|a|b')).toEqual({ ok: true, filter: { key: 'path', op: '=~', value: 'a|b' } });
    expect(parseAdhoc('job|=|')).toEqual({ ok: true, filter: { key: 'job', op: '=', value: '' } });
    const bad: [string, string][] = [
      ['job=api', '"job=api" is not a filter (key|op|value)'],
      ['1job|=|a', '"1job" is not a label name'],
      ['job|<|3', '"<" is not a matcher: one of = != =~ !~'],
      ['job|=~|(', 'job=~"(": the regex does not compile'],
    ];
    for (const [text, error] of bad) expect(parseAdhoc(text)).toEqual({ ok: false, error });
  });
});
