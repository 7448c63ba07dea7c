import { describe, expect, it } from 'vitest';
import { seriesTraceTags } from './trace-tags';

describe('seriesTraceTags', () => {
  it('maps the labels that have a span attribute and leaves the rest', () => {
    expect(seriesTraceTags({ workflow_type: 'SimpleTaskWorkflow', mode: 'standard', le: '1' })).toEqual([
      { key: 'workflow.type', value: 'SimpleTaskWorkflow' },
    ]);
    expect(seriesTraceTags({ model: 'gpt-4o', agent_id: 'a1' })).toEqual([
      { key: 'agent.id', value: 'a1' },
      { key: 'gen_ai.request.model', value: 'gpt-4o' },
    ]);
    expect(seriesTraceTags(undefined)).toEqual([]);
  });
});
