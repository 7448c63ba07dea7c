/**
 * A small metrics registry that writes OpenMetrics text, with exemplars and, for history
 * backfill, explicit timestamps. prom-client cannot stamp samples with a past time, which
 * `promtool tsdb create-blocks-from openmetrics` needs; see docs/adr/0002-simulator-metrics.md.
 */
export type Labels = Record<string, string>;
export type Exemplar = { labels: Labels; value: number; tsSec: number };
type Kind = 'counter' | 'gauge' | 'histogram';

type HistState = { counts: number[]; sum: number; count: number; exemplars: (Exemplar | undefined)[] };

export class Family {
  readonly series = new Map<string, { labels: Labels; value: number; hist?: HistState }>();
  constructor(
    readonly name: string,
    readonly kind: Kind,
    readonly help: string,
    readonly labelNames: readonly string[],
    readonly buckets: readonly number[] = [],
  ) {}

  private get(labels: Labels) {
    const key = this.labelNames.map((n) => labels[n] ?? '').join('\u0000');
    let s = this.series.get(key);
    if (!s) {
      for (const n of this.labelNames) {
        if (labels[n] === undefined) throw new Error(`${this.name}: missing label ${n}`);
      }
      s = { labels: { ...labels }, value: 0 };
      if (this.kind === 'histogram') {
        s.hist = { counts: new Array(this.buckets.length + 1).fill(0), sum: 0, count: 0, exemplars: [] };
      }
      this.series.set(key, s);
    }
    return s;
  }

  /** Make a series exist at zero, as real clients do once a label set is known. */
  touch(labels: Labels = {}) {
    this.get(labels);
    return this;
  }

  inc(labels: Labels = {}, by = 1) {
    if (by < 0) throw new Error(`${this.name}: counters only go up`);
    this.get(labels).value += by;
  }

  set(labels: Labels, value: number) {
    this.get(labels).value = value;
  }

  observe(labels: Labels, value: number, exemplar?: Exemplar) {
    const h = this.get(labels).hist as HistState;
    let i = this.buckets.findIndex((b) => value <= b);
    if (i === -1) i = this.buckets.length;
    h.counts[i] = (h.counts[i] as number) + 1;
    h.sum += value;
    h.count += 1;
    if (exemplar) h.exemplars[i] = exemplar;
  }
}

export class Registry {
  readonly families: Family[] = [];

  private add(f: Family) {
    if (this.families.some((x) => x.name === f.name)) throw new Error(`duplicate metric ${f.name}`);
    this.families.push(f);
    return f;
  }
  counter(name: string, help: string, labelNames: readonly string[] = []) {
    if (!name.endsWith('_total')) throw new Error(`counter ${name} must end in _total`);
    return this.add(new Family(name, 'counter', help, labelNames));
  }
  gauge(name: string, help: string, labelNames: readonly string[] = []) {
    return this.add(new Family(name, 'gauge', help, labelNames));
  }
  histogram(name: string, help: string, labelNames: readonly string[], buckets: readonly number[]) {
    return this.add(new Family(name, 'histogram', help, labelNames, buckets));
  }
}

export function escapeLabelValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labelStr(labels: Labels, extra?: [string, string]): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabelValue(v)}"`);
  if (extra) parts.push(`${extra[0]}="${escapeLabelValue(extra[1])}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(n);
}

/** The header lines of a family (OpenMetrics names a counter family without `_total`). */
export function familyHeader(f: Family): string[] {
  const base = f.kind === 'counter' ? f.name.slice(0, -'_total'.length) : f.name;
  return [`# TYPE ${base} ${f.kind}`, `# HELP ${base} ${f.help}`];
}

/** The sample lines of a family; `tsSec` stamps each sample (history), exemplars only when live. */
export function familySamples(f: Family, opts: { tsSec?: number; exemplars?: boolean } = {}): string[] {
  const ts = opts.tsSec === undefined ? '' : ` ${opts.tsSec}`;
  const out: string[] = [];
  for (const s of f.series.values()) {
    if (f.kind !== 'histogram') {
      out.push(`${f.name}${labelStr(s.labels)} ${formatNumber(s.value)}${ts}`);
      continue;
    }
    const h = s.hist as HistState;
    let cum = 0;
    for (let i = 0; i <= f.buckets.length; i++) {
      cum += h.counts[i] as number;
      const le = i < f.buckets.length ? formatNumber(f.buckets[i] as number) : '+Inf';
      let line = `${f.name}_bucket${labelStr(s.labels, ['le', le])} ${cum}${ts}`;
      const ex = opts.exemplars ? h.exemplars[i] : undefined;
      if (ex) line += ` # ${labelStr(ex.labels)} ${formatNumber(ex.value)} ${ex.tsSec.toFixed(3)}`;
      out.push(line);
    }
    out.push(`${f.name}_sum${labelStr(s.labels)} ${formatNumber(h.sum)}${ts}`);
    out.push(`${f.name}_count${labelStr(s.labels)} ${h.count}${ts}`);
  }
  return out;
}

/** A live scrape of a registry. */
export function exposition(reg: Registry): string {
  const lines: string[] = [];
  for (const f of reg.families) {
    lines.push(...familyHeader(f), ...familySamples(f, { exemplars: true }));
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}
