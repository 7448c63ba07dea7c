import { describe, expect, it } from 'vitest';
import { renderQuery } from './template';

const ctx = { rateIntervalSec: 60, rangeSec: 3600, stepSec: 15 };

describe('renderQuery', () => {
  it('fills the console’s placeholders and Grafana’s macros', () => {
    expect(
      renderQuery(
        'rate(x{ {{filter}} }[$__rate_interval]) / $__range_s / $__range_ms [$__range] $__interval $__interval_ms',
        {
          ...ctx,
          variables: { job: ['a'] },
        },
      ),
    ).toBe('rate(x{ job="a" }[1m]) / 3600 / 3600000 [1h] 15s 15000');
  });

  it('puts a variable’s values where Grafana writes $var, escaped, and .* when none is picked', () => {
    const t = 'x{a=~"$wf", b=~"${wf}", c=~"${wf:regex}", d=~"[[wf]]", e="$other"}';
    expect(renderQuery(t, { ...ctx, variables: { wf: ['A.b', 'c"d'] } })).toBe(
      'x{a=~"A\\\\.b|c\\"d", b=~"A\\\\.b|c\\"d", c=~"A\\\\.b|c\\"d", d=~"A\\\\.b|c\\"d", e="$other"}',
    );
    expect(renderQuery('x{a=~"$wf"}', { ...ctx, variables: { wf: [] } })).toBe('x{a=~".*"}');
  });

  it('never reads a substituted value as a placeholder', () => {
    expect(
      renderQuery('x{a=~"$wf"}[$__rate_interval]', { ...ctx, variables: { wf: ['$__rate_interval', '{{filter}}'] } }),
    ).toBe('x{a=~"\\\\$__rate_interval|\\\\{\\\\{filter\\\\}\\\\}"}[1m]');
  });
});
