'use client';

import { useMemo } from 'react';
import type { CriticalTree, DiffNode } from '@/lib/traces/analyze/critical-tree';
import { formatValue } from '@/lib/format/units';

const ROW = 22;

type Props = {
  tree: CriticalTree;
  /** colour each node by how much its share grew (slow minus baseline), by path */
  diff?: ReadonlyMap<string, DiffNode>;
  label: string;
};

/**
 * An aggregated critical path as an icicle: the root across the top, each node's width its
 * critical-path time per trace (its own and its descendants'), children left to right by width.
 * In the difference view a node is red where its share of the critical path grew, blue where it
 * shrank.
 */
export function Icicle({ tree, diff, label }: Props) {
  const boxes = useMemo(() => {
    const out: { key: string; title: string; depth: number; x: number; w: number; perTrace: number; tint: string }[] =
      [];
    const total = tree.nodes[0]?.totalNs ?? 0;
    if (total <= 0) return out;
    const walk = (i: number, x: number) => {
      const n = tree.nodes[i]!;
      const w = n.totalNs / total;
      if (i > 0) {
        const d = diff?.get(n.key);
        out.push({
          key: n.key,
          title: `${n.service} · ${n.name}`,
          depth: n.depth - 1,
          x,
          w,
          perTrace: tree.traces ? n.totalNs / tree.traces : 0,
          tint: d ? tintOf(d.grew) : 'rgb(56 189 248 / 0.35)',
        });
      }
      let cx = x;
      const kids = [...n.children].sort((a, b) => tree.nodes[b]!.totalNs - tree.nodes[a]!.totalNs);
      // A node's own time sits before its children, as the path spends it around them.
      cx += n.selfNs / total;
      for (const c of kids) {
        walk(c, cx);
        cx += tree.nodes[c]!.totalNs / total;
      }
    };
    walk(0, 0);
    return out;
  }, [tree, diff]);
  const depth = boxes.reduce((m, b) => Math.max(m, b.depth + 1), 0);
  if (boxes.length === 0) return <p className="text-sm text-slate-500">No critical path in this group.</p>;
  return (
    <div
      role="group"
      aria-label={label}
      data-testid="icicle"
      className="relative w-full overflow-hidden rounded border border-slate-200 dark:border-slate-800"
      style={{ height: depth * ROW }}
    >
      {boxes.map((b) => {
        const d = diff?.get(b.key);
        const text = `${b.title}: ${formatValue(b.perTrace / 1e6, 'ms')} per trace${
          d
            ? `; ${Math.round(d.slowShare * 100)} % of the slow requests' critical path, ${Math.round(d.baseShare * 100)} % of the baseline's`
            : ''
        }`;
        return (
          <div
            key={b.key}
            data-testid="icicle-node"
            data-key={b.key}
            title={text}
            aria-label={text}
            role="img"
            className="absolute truncate border-r border-b border-white px-1 text-[11px] leading-[22px] dark:border-slate-900"
            style={{
              left: `${b.x * 100}%`,
              width: `${b.w * 100}%`,
              top: b.depth * ROW,
              height: ROW,
              background: b.tint,
            }}
          >
            {b.w > 0.06 ? b.title : ''}
          </div>
        );
      })}
    </div>
  );
}

/** Red as a share grew, blue as it shrank, grey when it held (±1 point). */
function tintOf(grew: number): string {
  if (Math.abs(grew) < 0.01) return 'rgb(148 163 184 / 0.35)';
  const a = Math.min(0.85, 0.2 + Math.abs(grew) * 2);
  return grew > 0 ? `rgb(239 68 68 / ${a})` : `rgb(59 130 246 / ${a})`;
}
