import { describe, expect, it } from 'vitest';
import { idHex } from '../view/span-ids';
import { packSkeleton, unpackSkeletons, type SkeletonSpan } from './skeleton';

const id = (n: number) => Uint8Array.from({ length: 8 }, (_, k) => (k === 7 ? n : k === 0 ? 0xab : 0));
const T = 1_795_000_000_123_456_789n;

function span(n: number, parent: number | null, over: Partial<SkeletonSpan> = {}): SkeletonSpan {
  return {
    spanId: id(n),
    parentId: parent === null ? null : id(parent),
    name: `op ${n}`,
    service: n % 2 ? 'agent-core' : 'orchestrator',
    kind: 2,
    status: 0,
    startNs: T + BigInt(n) * 1_000_001n,
    durNs: 5_000_000_007n,
    ...over,
  };
}

describe('packed trace skeletons', () => {
  it('round-trip ids, parents, exact ns offsets, names, services, kind, error and rowids', () => {
    const a = [span(1, null), span(2, 1, { status: 2, name: 'ünïcode ✓' }), span(3, 2)];
    const c = unpackSkeletons([{ skel: packSkeleton(a, [10, 11, 12], 10), lo: 10 }], 0)!;
    expect(c.n).toBe(3);
    expect([0, 1, 2].map((i) => idHex(c.ids, i))).toEqual(['ab00000000000001', 'ab00000000000002', 'ab00000000000003']);
    expect(Array.from(c.hasParent)).toEqual([0, 1, 1]);
    expect(idHex(c.pids, 2)).toBe('ab00000000000002');
    expect(c.baseNs).toBe(T + 1_000_001n);
    expect(Array.from(c.start)).toEqual([0, 1_000_001, 2_000_002]);
    expect(Array.from(c.dur)).toEqual([5_000_000_007, 5_000_000_007, 5_000_000_007]);
    expect(Array.from(c.name, (k) => c.strings[k])).toEqual(['op 1', 'ünïcode ✓', 'op 3']);
    expect(Array.from(c.service, (k) => c.strings[k])).toEqual(['agent-core', 'orchestrator', 'agent-core']);
    expect(Array.from(c.error)).toEqual([0, 1, 0]);
    expect(Array.from(c.kind)).toEqual([2, 2, 2]);
    expect(Array.from(c.refs!)).toEqual([10, 11, 12]);
  });

  it('keeps a span re-sent in a later export once, and leaves out rows retention removed', () => {
    const g1 = { skel: packSkeleton([span(1, null), span(2, 1)], [5, 6], 5), lo: 5 };
    const g2 = { skel: packSkeleton([span(2, 1), span(3, 1)], [20, 21], 20), lo: 20 };
    const c = unpackSkeletons([g1, g2], 0)!;
    expect(Array.from({ length: c.n }, (_, i) => idHex(c.ids, i))).toEqual([
      'ab00000000000001',
      'ab00000000000002',
      'ab00000000000003',
    ]);
    expect(Array.from(c.refs!)).toEqual([5, 6, 21]);
    const trimmed = unpackSkeletons([g1, g2], 6)!;
    // Span 1 (rowid 5) is gone; span 2 keeps its first copy (rowid 6), not the re-sent one (20).
    expect(Array.from(trimmed.refs!)).toEqual([6, 21]);
    expect(unpackSkeletons([g1], 100)).toBeNull();
  });
});
