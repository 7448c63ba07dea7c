import { describe, expect, it } from 'vitest';
import { parsePick, pickParam } from './map-pick';

describe('the service map pick in the URL', () => {
  it('reads a node or an edge back as it was written, and nothing else', () => {
    for (const p of [{ node: 'agent-core' }, { from: 'orchestrator', to: 'qdrant' }, { from: 'a b', to: 'c>d' }])
      expect(parsePick(pickParam(p))).toEqual(p);
    expect(parsePick(null)).toBeNull();
    expect(parsePick('node:')).toBeNull();
    expect(parsePick('edge:x')).toBeNull();
    expect(parsePick('agent-core')).toBeNull();
  });
});
