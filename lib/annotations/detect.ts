import type { CompactMatrix } from '../prometheus/compact';

/** What an annotation marks. */
export type AnnotationKind = 'alert' | 'kill-switch' | 'policy-version' | 'canary' | 'query';

/** A marker on the time axis: something changed at `t` (epoch ms). */
export type Annotation = {
  t: number;
  kind: AnnotationKind;
  /** One line, shown on hover and in the list ("ShannonPolicyKillSwitchActive firing"). */
  title: string;
  /** Its colour's meaning: bad (red), warn (amber), good (green) or info (blue). */
  tone: 'bad' | 'warn' | 'good' | 'info';
  text?: string;
};

type Matrix = Pick<CompactMatrix, 'start' | 'step' | 'n' | 'series'>;

const at = (m: Matrix, i: number) => (m.start + i * m.step) * 1000;
const has = (v: number | null | undefined): v is number => v !== null && v !== undefined;

/**
 * Alert state changes from Prometheus's `ALERTS` series (alertname, alertstate): pending, firing
 * and resolved, per rule. The state at the range's first point is where it stood, not a change.
 */
export function alertChanges(m: Matrix): Annotation[] {
  const rules = new Map<string, { firing?: (number | null)[]; pending?: (number | null)[]; severity?: string }>();
  for (const s of m.series) {
    const name = s.labels.alertname;
    const state = s.labels.alertstate;
    if (!name || (state !== 'firing' && state !== 'pending')) continue;
    const r = rules.get(name) ?? {};
    r[state] = s.values;
    r.severity ??= s.labels.severity;
    rules.set(name, r);
  }
  const out: Annotation[] = [];
  for (const [name, r] of rules) {
    const stateAt = (i: number) => (has(r.firing?.[i]) ? 'firing' : has(r.pending?.[i]) ? 'pending' : 'inactive');
    let prev = stateAt(0);
    for (let i = 1; i < m.n; i++) {
      const now = stateAt(i);
      if (now === prev) continue;
      out.push({
        t: at(m, i),
        kind: 'alert',
        title: `${name} ${now === 'inactive' ? 'resolved' : now}`,
        tone: now === 'firing' ? 'bad' : now === 'pending' ? 'warn' : 'good',
        ...(r.severity ? { text: `severity ${r.severity}` } : {}),
      });
      prev = now;
    }
  }
  return out.sort((a, b) => a.t - b.t);
}

/** The kill switch turning on (some series above zero) and off again. */
export function killSwitchChanges(m: Matrix): Annotation[] {
  const on = (i: number) => m.series.some((s) => (s.values[i] ?? 0) > 0);
  const out: Annotation[] = [];
  let prev = m.n > 0 && on(0);
  for (let i = 1; i < m.n; i++) {
    const now = on(i);
    if (now === prev) continue;
    out.push({
      t: at(m, i),
      kind: 'kill-switch',
      title: now ? 'Policy kill switch on' : 'Policy kill switch off',
      tone: now ? 'bad' : 'good',
      text: now ? 'every evaluation forced to dry-run' : 'canary routing restored',
    });
    prev = now;
  }
  return out;
}

/** A policy version (one series per `version_hash`) appearing where another was loaded before. */
export function versionChanges(m: Matrix): Annotation[] {
  const out: Annotation[] = [];
  for (const s of m.series) {
    const first = s.values.findIndex(has);
    if (first <= 0) continue; // loaded before the range began, or never
    const before = m.series.some((o) => o !== s && o.values.slice(0, first).some(has));
    const hash = s.labels.version_hash ?? '?';
    out.push({
      t: at(m, first),
      kind: 'policy-version',
      title: before
        ? `Policy version ${hash.slice(0, 12)} replaces the one before`
        : `Policy version ${hash.slice(0, 12)} loaded`,
      tone: 'info',
      ...(s.labels.policy_path ? { text: s.labels.policy_path } : {}),
    });
  }
  return out.sort((a, b) => a.t - b.t);
}

/** The rollout steps a canary's enforce share is read against: Shannon's playbook (5 → 25 → 50 → 100 %) and 0 and 75 %. */
export const CANARY_STEPS = [0, 0.05, 0.25, 0.5, 0.75, 1];
/**
 * How long a new step must hold before it counts as a change: at least 3 points and 5 minutes
 * (a 5 % canary at a few evaluations a second reads anywhere from 2 to 13 % a minute: sampling
 * noise is not a rollout).
 */
export const CANARY_HOLD = { points: 3, seconds: 300 };

const nearestStep = (v: number) =>
  CANARY_STEPS.reduce((best, s) => (Math.abs(s - v) < Math.abs(best - v) ? s : best), CANARY_STEPS[0]!);
const pctLabel = (v: number) => `${Math.round(v * 100)} %`;

/**
 * The canary's enforce share (a 0–1 series of the share of rollout-routed evaluations in
 * enforce) moving from one rollout step to another and holding there. Points without a share
 * (no rollout traffic, e.g. under the kill switch) neither start nor end a step.
 */
export function canaryChanges(m: Matrix): Annotation[] {
  const values = m.series[0]?.values ?? [];
  const out: Annotation[] = [];
  let level: number | null = null;
  type Candidate = { level: number; since: number; count: number };
  let candidate = null as Candidate | null;
  for (let i = 0; i < m.n; i++) {
    const v = values[i];
    if (!has(v)) continue;
    const step = nearestStep(v);
    if (level === null) {
      level = step;
      continue;
    }
    if (step === level) {
      candidate = null;
      continue;
    }
    candidate =
      candidate?.level === step ? { ...candidate, count: candidate.count + 1 } : { level: step, since: i, count: 1 };
    const held = (i - candidate.since) * m.step;
    if (candidate.count >= CANARY_HOLD.points && held >= CANARY_HOLD.seconds) {
      out.push({
        t: at(m, candidate.since),
        kind: 'canary',
        title: `Canary enforce share ${pctLabel(level)} → ${pctLabel(step)}`,
        tone: 'info',
      });
      level = step;
      candidate = null;
    }
  }
  return out;
}

/**
 * A dashboard's own annotation query (Grafana's, imported): a marker where a series starts to
 * have a non-zero value, titled with the annotation's name and the series' labels.
 */
export function queryMarks(m: Matrix, name = 'Annotation'): Annotation[] {
  const out: Annotation[] = [];
  const on = (v: number | null | undefined) => has(v) && v !== 0;
  for (const s of m.series) {
    const labels = Object.entries(s.labels)
      .filter(([k]) => k !== '__name__')
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    for (let i = 0; i < m.n; i++) {
      if (!on(s.values[i]) || (i > 0 && on(s.values[i - 1]))) continue;
      out.push({ t: at(m, i), kind: 'query', title: name, tone: 'info', ...(labels ? { text: labels } : {}) });
    }
  }
  return out.sort((a, b) => a.t - b.t);
}

export const DETECTORS: Record<AnnotationKind, (m: Matrix, name?: string) => Annotation[]> = {
  alert: alertChanges,
  'kill-switch': killSwitchChanges,
  'policy-version': versionChanges,
  canary: canaryChanges,
  query: queryMarks,
};
