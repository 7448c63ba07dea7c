import { describe, expect, it } from 'vitest';
import { fixture, gatewayTrace } from '../view/fixtures';
import { buildTraceIndex } from '../view/trace-index';
import { outsideTarget, quantileNs, ServiceMapBuilder } from './service-map';

describe('service map', () => {
  it('draws an edge for each call across services, and a node per service with its entry spans', () => {
    const b = new ServiceMapBuilder();
    b.add(buildTraceIndex('t', fixture(gatewayTrace)));
    const edges = [...b.edges.values()].map((e) => [e.from, e.to, e.calls, e.errors]);
    expect(edges).toEqual([
      ['gateway', 'orchestrator', 2, 0],
      ['orchestrator', 'agent-core', 1, 1],
      ['orchestrator', 'llm-service', 1, 0],
    ]);
    expect(b.nodes.get('gateway')).toMatchObject({ requests: 1, errors: 0, external: false });
    expect(b.nodes.get('agent-core')).toMatchObject({ requests: 1, errors: 1 });
  });

  it('adds what a span calls outside Shannon as a node of its own, named by its attributes', () => {
    const spans = fixture([
      ['r', undefined, 'orchestrator', 'task', 0, 50],
      ['q', 'r', 'orchestrator', 'qdrant.search', 5, 15],
      ['l', 'r', 'llm-service', 'chat', 20, 45],
    ]);
    const ix = buildTraceIndex('t', spans);
    const attrs: Record<string, Map<string, string>> = {
      'qdrant.search': new Map([['db.system', 'qdrant']]),
      chat: new Map([['gen_ai.system', 'openai']]),
    };
    const b = new ServiceMapBuilder();
    b.add(ix, (i) => outsideTarget(attrs[ix.strings[ix.name[i]!]!] ?? new Map()));
    expect([...b.edges.values()].map((e) => `${e.from}→${e.to}`).sort()).toEqual([
      'llm-service→openai',
      'orchestrator→llm-service',
      'orchestrator→qdrant',
    ]);
    expect(b.nodes.get('qdrant')).toMatchObject({ external: true, requests: 1, durations: [10e6] });
    expect(
      outsideTarget(
        new Map([
          ['peer.service', 'redis'],
          ['db.system', 'x'],
        ]),
      ),
    ).toBe('redis');
    expect(quantileNs([3, 1, 2, 4], 0.5)).toBe(3);
    expect(quantileNs([], 0.95)).toBeNull();
  });
});
