import { describe, expect, it } from 'vitest';
import {
  absoluteState,
  parseShiftSec,
  parseViewState,
  planViewRange,
  resolveRange,
  serializeViewState,
  toSearchParams,
} from './view-state';
import { parseTimeExpr } from './time';

const spec = { variables: ['workflow_type', 'mode'] };
const NOW = Date.parse('2026-11-26T12:00:00Z');

describe('view state URL contract', () => {
  it('round-trips range, refresh and multi-valued variables', () => {
    const params = new URLSearchParams(
      'from=now-6h&to=now&refresh=30s&shift=1d&workflow_type=DAGWorkflow&workflow_type=a%22b%7D&mode=standard',
    );
    const { state, notices } = parseViewState(params, spec, NOW);
    expect(notices).toEqual([]);
    expect(state).toEqual({
      from: 'now-6h',
      to: 'now',
      refresh: '30s',
      shift: '1d',
      vars: { workflow_type: ['DAGWorkflow', 'a"b}'], mode: ['standard'] },
    });
    const again = parseViewState(serializeViewState(state), spec, NOW);
    expect(again.state).toEqual(state);
  });

  it('accepts ISO and epoch-ms times', () => {
    const p = new URLSearchParams(`from=2026-11-26T10:00:00Z&to=${NOW}`);
    const { state, notices } = parseViewState(p, spec, NOW);
    expect(notices).toEqual([]);
    expect(resolveRange(state, NOW)).toEqual({ fromMs: NOW - 2 * 3600_000, toMs: NOW });
  });

  it('falls back to defaults with a notice for garbage', () => {
    const p = new URLSearchParams('from=yesterday-ish&to=now&refresh=2s');
    const { state, notices } = parseViewState(p, spec, NOW);
    expect(state.from).toBe('now-1h');
    expect(state.refresh).toBe('off');
    expect(notices).toHaveLength(2);
    expect(notices[0]).toContain('from=yesterday-ish');
    expect(notices[1]).toContain('refresh=2s');
  });

  it('takes a time shift from one minute to a year, and says so when it is not one', () => {
    expect(parseShiftSec('1w')).toBe(7 * 86_400);
    expect(parseShiftSec('90m')).toBe(5400);
    for (const bad of ['0s', '30s', '2y', '-1d', 'yesterday', '']) expect(parseShiftSec(bad)).toBeNull();
    const { state, notices } = parseViewState(new URLSearchParams('shift=fortnight'), spec, NOW);
    expect(state.shift).toBeNull();
    expect(notices[0]).toContain('"shift=fortnight" is not a time shift');
    expect(serializeViewState(state).has('shift')).toBe(false);
  });

  it('rejects a range whose from is not before to', () => {
    const p = new URLSearchParams('from=now&to=now-1h');
    const { state, notices } = parseViewState(p, spec, NOW);
    expect(state.from).toBe('now-1h');
    expect(state.to).toBe('now');
    expect(notices[0]).toMatch(/not before/);
  });

  it('keeps params it does not own and pins an absolute link', () => {
    const { state } = parseViewState(new URLSearchParams('from=now-1h'), spec, NOW);
    const out = serializeViewState(state, new URLSearchParams('panel=latency&from=now-5m'));
    expect(out.get('panel')).toBe('latency');
    expect(out.getAll('from')).toEqual(['now-1h']);
    const abs = absoluteState(state, NOW);
    expect(abs.from).toBe('2026-11-26T11:00:00.000Z');
    expect(abs.to).toBe('2026-11-26T12:00:00.000Z');
  });

  it('parses time expressions', () => {
    expect(parseTimeExpr('now-1h30m')).toEqual({ kind: 'relative', offsetMs: 5_400_000 });
    expect(parseTimeExpr('now-')).toBeNull();
    expect(parseTimeExpr('2026-13-45')).toBeNull();
    expect(parseTimeExpr('')).toBeNull();
  });

  it('takes any epoch millisecond, 0 included, up to the last instant a Date holds', () => {
    expect(parseTimeExpr('0')).toEqual({ kind: 'absolute', ms: 0 });
    expect(parseTimeExpr('1764590400000')).toEqual({ kind: 'absolute', ms: 1764590400000 });
    expect(parseTimeExpr('8640000000000001')).toBeNull();
    expect(parseTimeExpr('-5')).toBeNull();
  });
});

describe('toSearchParams and planViewRange', () => {
  it('keeps repeated params in order and drops absent ones', () => {
    expect(toSearchParams({ from: 'now-1h', mode: ['a', 'b'], x: undefined }).toString()).toBe(
      'from=now-1h&mode=a&mode=b',
    );
  });
  it('resolves the range against the given now and plans its step', () => {
    const now = Date.UTC(2026, 10, 27, 12, 0, 0);
    const r = planViewRange({ from: 'now-24h', to: 'now' }, now, { maxDataPoints: 600, scrapeIntervalSec: 15 });
    expect(r.step).toBe(144);
    expect(r.end).toBe(Math.floor(now / 1000 / 144) * 144);
    expect(r.start).toBe(Math.floor((now / 1000 - 86400) / 144) * 144);
    expect(r.rateInterval).toBe(159);
  });
});
