import { describe, expect, it } from 'vitest';
import type { VariableDef } from './types';
import { variableSource } from './variables';

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
});
