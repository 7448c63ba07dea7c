import { describe, expect, it } from 'vitest';
import { alertChanges, canaryChanges, killSwitchChanges, queryMarks, versionChanges } from './detect';

const T0 = 1_800_000_000;
const m = (series: { labels: Record<string, string>; values: (number | null)[] }[]) => ({
  start: T0,
  step: 60,
  n: series[0]!.values.length,
  series,
});
const t = (i: number) => (T0 + i * 60) * 1000;
const _ = null;

describe('annotations', () => {
  it('alerts: pending, firing and resolved, per rule; the state at the start is no change', () => {
    const out = alertChanges(
      m([
        { labels: { alertname: 'A', alertstate: 'pending', severity: 'warning' }, values: [_, 1, 1, _, _, _] },
        { labels: { alertname: 'A', alertstate: 'firing', severity: 'warning' }, values: [_, _, _, 1, 1, _] },
        { labels: { alertname: 'B', alertstate: 'firing' }, values: [1, 1, _, _, _, _] },
      ]),
    );
    expect(out.map((a) => [a.t, a.title, a.tone])).toEqual([
      [t(1), 'A pending', 'warn'],
      [t(2), 'B resolved', 'good'],
      [t(3), 'A firing', 'bad'],
      [t(5), 'A resolved', 'good'],
    ]);
    expect(out[0]!.text).toBe('severity warning');
  });

  it('the kill switch: on where some series rises above zero, off where none is', () => {
    const out = killSwitchChanges(m([{ labels: {}, values: [0, 0, 2, 3, _, 0, 1] }]));
    expect(out.map((a) => [a.t, a.title])).toEqual([
      [t(2), 'Policy kill switch on'],
      [t(4), 'Policy kill switch off'],
      [t(6), 'Policy kill switch on'],
    ]);
    // On through the whole range: nothing changed in it.
    expect(killSwitchChanges(m([{ labels: {}, values: [1, 1, 1] }]))).toEqual([]);
  });

  it('policy versions: a version that appears in the range, saying whether it replaced one', () => {
    const out = versionChanges(
      m([
        { labels: { version_hash: 'aaaaaaaaaaaaaaaa', policy_path: '/p' }, values: [1, 1, _, _] },
        { labels: { version_hash: 'bbbbbbbbbbbbbbbb', policy_path: '/p' }, values: [_, _, 1, 1] },
      ]),
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ t: t(2), title: 'Policy version bbbbbbbbbbbb replaces the one before', text: '/p' });
    expect(versionChanges(m([{ labels: { version_hash: 'c' }, values: [_, 1] }]))[0]!.title).toBe(
      'Policy version c loaded',
    );
  });

  it('the canary: a move to another rollout step that holds 5 minutes, not sampling noise or gaps', () => {
    // 5 % with noise (up to 13 %), a gap (kill switch), then 25 % from point 7 on (a point a minute).
    const share = [0.05, 0.13, 0.02, _, _, 0.052, 0.041, 0.24, 0.27, 0.25, 0.23, 0.26, 0.22, 0.25];
    const out = canaryChanges(m([{ labels: {}, values: share }]));
    expect(out.map((a) => [a.t, a.title])).toEqual([[t(7), 'Canary enforce share 5 % → 25 %']]);
    // Three odd minutes are not a rollout; nor is a level that ends before 5 minutes.
    expect(canaryChanges(m([{ labels: {}, values: [0.05, 0.05, 0.2, 0.22, 0.2, 0.05, 0.05] }]))).toEqual([]);
  });
  it('an annotation query: a marker where each series starts to be non-zero, named and labelled', () => {
    const out = queryMarks(
      m([
        { labels: { __name__: 'deploys', app: 'api' }, values: [1, 1, _, 0, 2, _] },
        { labels: { app: 'web' }, values: [_, _, _, 5, _, _] },
      ]),
      'Deploys',
    );
    expect(out).toEqual([
      { t: t(0), kind: 'query', title: 'Deploys', tone: 'info', text: 'app=api' },
      { t: t(3), kind: 'query', title: 'Deploys', tone: 'info', text: 'app=web' },
      { t: t(4), kind: 'query', title: 'Deploys', tone: 'info', text: 'app=api' },
    ]);
  });
});
