import type { DrawStyle, ThresholdLine } from '../dashboards/types';
import type { Unit } from '../format/units';
import { areaPath, barsPath, linePath, pointsPath, stackRows, valueTicks } from './axes';
import type { ChartRow, ChartSeries } from './series';

/** The plot's own coordinates: 0–1000 both ways, stretched to whatever size the panel has. */
export const VIEW = 1000;

export type SeriesPath = { s: ChartSeries; style: DrawStyle; d: string; area?: string };

export type ChartLayout = {
  /** The left axis's ticks and top, and where a value sits on it (0 at the top, 1 at the bottom). */
  y: { ticks: number[]; top: number };
  fy: (v: number) => number;
  /** The right axis, when a series or a threshold line is drawn against it. */
  yR: { ticks: number[]; top: number } | null;
  fyR: (v: number) => number;
  rightUnit: Unit;
  fx: (t: number) => number;
  paths: SeriesPath[];
};

export type LayoutInput = {
  rows: ChartRow[];
  /** The series shown (the legend's hidden ones left out). */
  shown: ChartSeries[];
  domain: [number, number];
  stepMs: number;
  unit: Unit;
  min?: number;
  max?: number;
  right?: { unit: Unit; min?: number; max?: number };
  thresholds: ThresholdLine[];
  draw: DrawStyle;
  stack: boolean;
};

/**
 * Where everything on a time series chart goes, in VIEW coordinates: each value axis from 0 (or
 * its minimum) to a round number above the largest value drawn against it (the top of the stack
 * when stacked) and every threshold line on it; then one path per series as lines, areas, bars
 * (side by side within a step unless stacked) or points.
 */
export function layoutChart(o: LayoutInput): ChartLayout {
  const { rows, shown, draw } = o;
  const [d0, d1] = o.domain;
  const span = d1 - d0;
  // Series compared with an earlier range stack among themselves, never on top of today's.
  const group = (right: boolean, compare: boolean) =>
    shown.filter((s) => (s.axis === 'right') === right && Boolean(s.compare) === compare);
  const groups = {
    left: group(false, false),
    right: group(true, false),
    cmpLeft: group(false, true),
    cmpRight: group(true, true),
  };
  const onRight = [...groups.right, ...groups.cmpRight];
  const onLeft = [...groups.left, ...groups.cmpLeft];
  const ts = rows.map((r) => r.t);
  const of = (list: ChartSeries[]) =>
    stackRows(
      rows,
      list.map((s) => s.key),
      (r, k) => r[k],
    );
  const stacks = o.stack
    ? { left: of(groups.left), right: of(groups.right), cmpLeft: of(groups.cmpLeft), cmpRight: of(groups.cmpRight) }
    : null;
  const stackTop = (st: { top: (number | null)[][] }) =>
    Math.max(0, ...st.top.flatMap((col) => col.filter((v): v is number => v !== null)));
  const topOf = (list: ChartSeries[], st: { top: (number | null)[][] }[] | undefined) =>
    st ? Math.max(0, ...st.map(stackTop)) : Math.max(0, ...list.map((s) => s.max ?? 0));
  const lines = (side: 'left' | 'right') =>
    o.thresholds.filter((t) => (t.axis === 'right') === (side === 'right')).map((t) => t.value);
  const bottom = o.min ?? 0;
  const y = valueTicks(
    bottom,
    Math.max(bottom, topOf(onLeft, stacks ? [stacks.left, stacks.cmpLeft] : undefined), ...lines('left')),
    5,
    o.max,
    o.unit,
  );
  const rightUnit = o.right?.unit ?? o.unit;
  const rBottom = o.right?.min ?? 0;
  const yR =
    onRight.length > 0 || lines('right').length > 0
      ? valueTicks(
          rBottom,
          Math.max(rBottom, topOf(onRight, stacks ? [stacks.right, stacks.cmpRight] : undefined), ...lines('right')),
          5,
          o.right?.max,
          rightUnit,
        )
      : null;
  const fx = (t: number) => (span > 0 ? (t - d0) / span : 0);
  const fy = (v: number) => (y.top > bottom ? (y.top - v) / (y.top - bottom) : 1);
  const fyR = (v: number) => (yR && yR.top > rBottom ? (yR.top - v) / (yR.top - rBottom) : 1);
  const styleOf = (s: ChartSeries): DrawStyle => (s.compare ? 'line' : (s.draw ?? draw));
  const barSeries = shown.filter((s) => styleOf(s) === 'bars');
  const stepW = span > 0 ? (o.stepMs / span) * VIEW * 0.8 : 0;
  const X = (t: number) => fx(t) * VIEW;
  const paths = shown.map((s): SeriesPath => {
    const isRight = s.axis === 'right';
    const Y = (v: number) => (isRight ? fyR(v) : fy(v)) * VIEW;
    const style = styleOf(s);
    const key =
      `${s.compare ? 'cmp' : ''}${isRight ? (s.compare ? 'Right' : 'right') : s.compare ? 'Left' : 'left'}` as keyof typeof groups;
    const st = stacks?.[key];
    const j = groups[key].indexOf(s);
    const values = st
      ? (st.top[j] as (number | null)[])
      : rows.map((r) => (typeof r[s.key] === 'number' ? (r[s.key] as number) : null));
    const base = st ? (st.base[j] as number[]) : isRight ? rBottom : bottom;
    if (style === 'bars') {
      const w = stepW / Math.max(1, st ? 1 : barSeries.length);
      const offset = st ? -stepW / 2 : -stepW / 2 + barSeries.indexOf(s) * w;
      return { s, style, d: barsPath(ts, values, base, X, Y, w, offset) };
    }
    if (style === 'points') return { s, style, d: pointsPath(ts, values, X, Y) };
    if (!st) return { s, style, d: linePath(rows, (r) => r[s.key], X, Y) };
    return {
      s,
      style,
      d: linePath(
        ts.map((t, i) => ({ t, v: values[i] })),
        (pt) => pt.v,
        X,
        Y,
      ),
      ...(s.compare ? {} : { area: areaPath(ts, values, base as number[], X, Y) }),
    };
  });
  return { y, fy, yR, fyR, rightUnit, fx, paths };
}
