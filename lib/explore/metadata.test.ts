import { describe, expect, it } from 'vitest';
import { metadataOf } from './metadata';

describe('metadataOf', () => {
  const md = {
    shannon_policy_cache_hits: [{ type: 'counter', help: 'Policy cache hits.' }],
    shannon_workflow_duration_seconds: [{ type: 'histogram', help: 'Workflow duration in seconds.' }],
    up: [{ type: 'gauge', help: 'Up.' }],
  };
  it('finds a series by its metric family: histogram parts and OpenMetrics counters', () => {
    expect(metadataOf(md, 'shannon_policy_cache_hits_total')?.type).toBe('counter');
    expect(metadataOf(md, 'shannon_workflow_duration_seconds_count')?.type).toBe('histogram');
    expect(metadataOf(md, 'up')?.help).toBe('Up.');
    expect(metadataOf(md, 'nope_total')).toBeUndefined();
    expect(metadataOf(undefined, 'up')).toBeUndefined();
  });
});
