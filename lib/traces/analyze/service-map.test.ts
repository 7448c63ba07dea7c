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

  it('counts each node and edge over time in the buckets it is given, by when each call started', () => {
    const spans = fixture([
      ['r', undefined, 'orchestrator', 'task', 0, 50],
      ['q', 'r', 'orchestrator', 'qdrant.search', 5, 15],
      ['l', 'r', 'llm-service', 'chat', 20, 45],
      ['m', 'r', 'llm-service', 'chat', 31, 49],
    ]);
    const ix = buildTraceIndex('t', spans);
    // Buckets of 10 ms from 10 ms before the trace: the root falls in the second.
    const b = new ServiceMapBuilder({ startMs: Number(ix.t0 / 1_000_000n) - 10, stepMs: 10, n: 5 });
    b.add(ix, (i) => (ix.strings[ix.name[i]!] === 'qdrant.search' ? 'qdrant' : null));
    const llm = [...b.edges.values()].find((e) => e.to === 'llm-service')!;
    expect([...llm.series!.count]).toEqual([0, 0, 0, 1, 1]);
    expect(llm.series!.durations[4]).toEqual([18e6]);
    expect([...b.nodes.get('orchestrator')!.series!.count]).toEqual([0, 1, 0, 0, 0]);
    expect([...b.nodes.get('qdrant')!.series!.count]).toEqual([0, 1, 0, 0, 0]);
    // Without buckets, no series is kept.
    const plain = new ServiceMapBuilder();
    plain.add(ix);
    expect(plain.nodes.get('orchestrator')!.series).toBeUndefined();
  });
});
