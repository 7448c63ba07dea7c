import { describe, expect, it } from 'vitest';
import type { VariableDef } from './types';
import { effectiveVars, keepByRegex, variableSource } from './variables';

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
