import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect, it } from 'vitest';
import { installPromqlParser } from '../prometheus/adhoc';
import { exemplarExpr, panelExprs } from './panel-queries';
import type { PanelDef, VariableDef } from './types';
import {
  adhocProblems,
  autoInterval,
  choicesRequest,
  effectiveVars,
  keepByRegex,
  resultLines,
  variableSource,
} from './variables';

const VARS: VariableDef[] = [
  { name: 'provider', label: 'Provider', source: 'llm_requests_total' },
  { name: 'model', label: 'Model', source: 'llm_requests_total' },
  { name: 'tier', label: 'Tier', source: 'llm_requests_total{job="llm-service"}' },
];

describe('variableSource', () => {
  it('is the variable’s own selector while nothing before it is chosen', () => {
    expect(variableSource(VARS, 'provider', { model: ['gpt-4o'] })).toBe('llm_requests_total');
    expect(variableSource(VARS, 'model', {})).toBe('llm_requests_total');
  });
  it('is narrowed by the choices of the variables before it, escaped as data', () => {
    expect(variableSource(VARS, 'model', { provider: ['openai'] })).toBe('llm_requests_total{provider="openai"}');
    expect(variableSource(VARS, 'model', { provider: ['openai', 'a"b'] })).toBe(
      'llm_requests_total{provider=~"openai|a\\"b"}',
    );
  });
  it('adds to a selector that has matchers of its own', () => {
    expect(variableSource(VARS, 'tier', { provider: ['openai'], model: ['m.1'] })).toBe(
      'llm_requests_total{job="llm-service",provider="openai",model="m.1"}',
    );
  });
  it('names a variable the dashboard does not have', () => {
    expect(() => variableSource(VARS, 'nope', {})).toThrow('no variable "nope"');
  });
  it('keeps a query variable’s values by its regex, by the first group when it has one', () => {
    expect(keepByRegex(['web-1.eu', 'web-2.eu', 'db-1.us'], '^(web-\\d)\\.')).toEqual(['web-1', 'web-2']);
    expect(keepByRegex(['a', 'bb', 'ab'], 'b')).toEqual(['b']);
    expect(keepByRegex(['a', 'b'], undefined)).toEqual(['a', 'b']);
  });
  it('narrows a variable with no selector of its own to the label filters before it', () => {
    const defs = [
      { name: 'job', label: 'Job', source: 'up' },
      { name: 'env', label: 'Env', kind: 'custom' as const, values: ['a'] },
      { name: 'inst', label: 'Instance', kind: 'query' as const, labelName: 'instance', source: '' },
    ];
    expect(variableSource(defs, 'inst', { job: ['node'], env: ['a'] })).toBe('{job="node"}');
    expect(variableSource(defs, 'inst', {})).toBe('');
  });
  it('draws with the defaults of intervals, text boxes and constants, and none picked for the rest', () => {
    const defs = [
      { name: 'job', label: 'Job', source: 'up' },
      { name: 'win', label: 'Window', kind: 'interval' as const, values: ['5m', '1h'] },
      { name: 'c', label: 'C', kind: 'constant' as const, values: ['k'] },
      { name: 'env', label: 'Env', kind: 'custom' as const, values: ['a', 'b'] },
    ];
    expect(effectiveVars(defs, { win: ['1h'], c: ['ignored'] })).toEqual({
      job: [],
      '=win': ['1h'],
      '=c': ['k'],
      '~env': [],
    });
    expect(effectiveVars(defs, {})['=win']).toEqual(['5m']);
  });
  it('writes the variables before it into a selector that names them, and matches everything for later ones', () => {
    const defs: VariableDef[] = [
      { name: 'job', label: 'Job', source: 'up' },
      {
        name: 'host',
        label: 'Host',
        kind: 'query',
        labelName: 'nodename',
        source: 'node_uname_info{job=~"$job", x=~"$later"}',
      },
      { name: 'later', label: 'Later', kind: 'custom', values: ['a'] },
    ];
    expect(variableSource(defs, 'host', { job: ['node', 'n.2'] })).toBe(
      'node_uname_info{job=~"node|n\\\\.2", x=~".*",job=~"node|n\\\\.2"}',
    );
  });
});

describe('an interval variable with "auto"', () => {
  const win: VariableDef = {
    name: 'win',
    label: 'Window',
    kind: 'interval',
    values: ['1m', '1h'],
    auto: { count: 30, min: '10s' },
  };
  it('cuts the range in its count of steps, rounded up to a written duration, never under its minimum', () => {
    expect(autoInterval(3600, { count: 30, min: '10s' })).toBe('2m');
    expect(autoInterval(86_400, { count: 30, min: '10s' })).toBe('1h');
    expect(autoInterval(7 * 86_400, { count: 30, min: '10s' })).toBe('6h');
    expect(autoInterval(300, { count: 30, min: '10s' })).toBe('10s');
    expect(autoInterval(300, { count: 30, min: '1m' })).toBe('1m');
    expect(autoInterval(3600, { count: 50, min: '1s' })).toBe('2m');
  });
  it('opens on auto and follows the range; a chosen interval is used as written', () => {
    expect(effectiveVars([win], {}, 86_400)).toEqual({ '=win': ['1h'] });
    expect(effectiveVars([win], { win: ['auto'] }, 3600)).toEqual({ '=win': ['2m'] });
    expect(effectiveVars([win], { win: ['1m'] }, 86_400)).toEqual({ '=win': ['1m'] });
    expect(effectiveVars([{ ...win, auto: undefined }], {}, 86_400)).toEqual({ '=win': ['1m'] });
  });
});

describe('a query variable’s choices', () => {
  it('are asked as label values, label names or an instant query’s result', () => {
    expect(choicesRequest({ name: 'job', label: 'Job', source: 'up' }, 'up')).toEqual({
      from: 'values',
      label: 'job',
      source: 'up',
    });
    expect(choicesRequest({ name: 'l', label: 'L', kind: 'query', from: 'names' }, 'up')).toEqual({
      from: 'names',
      label: 'l',
      source: 'up',
    });
    expect(choicesRequest({ name: 'r', label: 'R', kind: 'query', from: 'result', source: 'up' }, 'up').from).toBe(
      'result',
    );
  });
  it('from a query result are one line per series, as Grafana writes them for the regex to pick from', () => {
    const lines = resultLines([
      { labels: { __name__: 'up', job: 'orchestrator', instance: 'a:1' }, t: 1700000000, value: 1 },
      { labels: { job: 'x"y' }, t: 1700000000.5, value: null },
    ]);
    expect(lines).toEqual(['up{job="orchestrator",instance="a:1"} 1 1700000000000', '{job="x\\"y"} NaN 1700000000500']);
    expect(keepByRegex(lines, 'job="([^"]+)"')).toEqual(['orchestrator', 'x\\']);
  });
});

describe('ad hoc filters', () => {
  installPromqlParser(parser); // the server's: lib/server/prefetch.ts
  const defs: VariableDef[] = [
    { name: 'job', label: 'Job', source: 'up' },
    { name: 'filters', label: 'Filters', kind: 'adhoc' },
  ];
  const panel: PanelDef = {
    id: 'p',
    title: 'P',
    description: '',
    kind: 'timeseries',
    unit: 's',
    variables: ['job'],
    exemplars: 'x_bucket',
    queries: [{ expr: 'histogram_quantile(0.9, sum by (le) (rate(x_bucket{ {{filter}} }[$__rate_interval])))' }],
  };
  const range = { start: 0, end: 3600, rateInterval: 60 };

  it('go into every selector of every panel query and exemplar, beside the variables; a bad one is named and left out', () => {
    const picked = { job: ['api'], filters: ['instance|!~|db-.*', 'env|=|prod', 'oops'] };
    const vars = effectiveVars(defs, picked);
    expect(panelExprs(panel, vars, range)).toEqual([
      'histogram_quantile(0.9, sum by (le) (rate(x_bucket{ job="api" , instance!~"db-.*", env="prod"}[1m])))',
    ]);
    expect(exemplarExpr(panel, vars, range)).toBe('x_bucket{ job="api" , instance!~"db-.*", env="prod"}');
    expect(adhocProblems(defs, picked)).toEqual(['Filter filters: "oops" is not a filter (key|op|value); left out.']);
    // The variables after it are not narrowed by it (the filter is the page's, not a variable's choice).
    expect(variableSource([...defs, { name: 'model', label: 'Model', source: 'llm' }], 'model', picked)).toBe(
      'llm{job="api"}',
    );
  });
});
