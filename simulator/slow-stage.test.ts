import { describe, expect, it } from 'vitest';
import { compareAttributes, pairOf } from '../lib/traces/analyze/attributes';
import { criticalTree, diffTrees } from '../lib/traces/analyze/critical-tree';
import { buildTraceIndex } from '../lib/traces/view/trace-index';
import { Simulation } from './engine';
import { parseKnobs } from './knobs';
import { layoutTrace, plannedIndexInput } from './trace-plan';
import type { RequestOutcome } from './workload';

const T0 = Date.parse('2026-11-26T15:00:00Z');

/** Simple-task requests over `minutes`, laid out as traces, split at their p90 into slow and baseline. */
function analyse(args: string[], minutes: number) {
  const sim = new Simulation(parseKnobs(['--daily-amplitude', '0', '--rate', '20', '--seed', '21', ...args]), T0);
  const outcomes: RequestOutcome[] = [];
  sim.onRequest = (o) => outcomes.push(o);
  sim.advanceTo(T0 + minutes * 60_000);
  const traces = outcomes
    .filter((o) => o.workflowType === 'SimpleTaskWorkflow' && o.status === 'completed')
    .map((o) => {
      const spans = layoutTrace(o);
      const ix = buildTraceIndex(o.traceId, plannedIndexInput(spans));
      // As the store compares them: strings, whole numbers and booleans (not measurements).
      const attrs = new Set(
        spans.flatMap((x) =>
          Object.entries(x.attrs)
            .filter(([, v]) => typeof v !== 'number' || Number.isInteger(v))
            .map(([k, v]) => pairOf(k, String(v))),
        ),
      );
      return { ix, attrs, dur: o.durationSec };
    });
  const sorted = traces.map((t) => t.dur).sort((a, b) => a - b);
  const p90 = sorted[Math.floor(0.9 * sorted.length)]!;
  const slow = traces.filter((t) => t.dur >= p90);
  const base = traces.filter((t) => t.dur < p90);
  return {
    diff: diffTrees(criticalTree(slow.map((t) => t.ix)), criticalTree(base.map((t) => t.ix))),
    attributes: compareAttributes(
      slow.map((t) => t.attrs),
      base.map((t) => t.attrs),
    ),
  };
}

/**
 * The planted cause must dominate the slow tail to be the answer: 30x on a ~18 ms search adds
 * about half a second to a third of the requests, and without the simulator's random slow tail
 * (--slow-fraction 0) nothing else makes requests slow but their natural spread.
 */
describe('--slow-stage is ground truth for the analysis', () => {
  it('ranks the slowed stage first in the difference, and its attribute value first and confident', () => {
    const { diff, attributes } = analyse(
      ['--slow-stage', 'vector_search:collection=kb-large:30x', '--slow-fraction', '0'],
      20,
    );
    expect(diff[0]!.name).toBe('qdrant.search kb-large');
    expect(diff[0]!.slowShare).toBeGreaterThan(diff[0]!.baseShare + 0.2);
    const top = attributes.leans[0]!;
    expect([top.key, top.value, top.confident]).toEqual(['db.collection.name', 'kb-large', true]);
  });

  it('without it, no attribute value is named with confidence', () => {
    const { attributes } = analyse(['--slow-fraction', '0'], 20);
    expect(attributes.tooFew).toBe(false);
    expect(attributes.leans.filter((l) => l.confident).map((l) => `${l.key}=${l.value}`)).toEqual([]);
  });

  it('refuses a malformed knob, naming the form it takes', () => {
    expect(() => parseKnobs(['--slow-stage', 'qdrant:8x'])).toThrow(
      '--slow-stage: must be stage:key=value:factor, e.g. vector_search:collection=kb-large:8x',
    );
  });
});
