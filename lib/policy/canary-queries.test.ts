import { describe, expect, it } from 'vitest';
import { parseThresholds } from '../url/thresholds';
import { assembleCanary, canaryQueries } from './canary-queries';

describe('canary inputs from Prometheus vectors', () => {
  it('splits increases by mode, sorts buckets with +Inf last, and computes the enforce share', () => {
    const d = assembleCanary({
      evaluations: [
        { labels: { effective_mode: 'dry-run' }, value: 750 },
        { labels: { effective_mode: 'enforce' }, value: 250 },
      ],
      wouldDeny: [{ labels: { effective_mode: 'dry-run' }, value: 45 }],
      errors: [{ labels: { mode: 'enforce' }, value: 3 }],
      latencyBuckets: [
        { labels: { mode: 'enforce', le: '+Inf' }, value: 250 },
        { labels: { mode: 'enforce', le: '0.002' }, value: 200 },
        { labels: { mode: 'enforce', le: '0.001' }, value: 120 },
      ],
      latencySum: [{ labels: { mode: 'enforce' }, value: 0.3 }],
      latencyCount: [{ labels: { mode: 'enforce' }, value: 250 }],
      cacheHits: [{ labels: { effective_mode: 'enforce' }, value: 200 }],
      cacheMisses: [{ labels: { effective_mode: 'enforce' }, value: 50 }],
      routed: [
        { labels: { effective_mode: 'enforce', routing_reason: 'percentage_rollout' }, value: 250 },
        { labels: { effective_mode: 'dry-run', routing_reason: 'percentage_rollout' }, value: 700 },
        { labels: { effective_mode: 'dry-run', routing_reason: 'emergency_kill_switch' }, value: 50 },
      ],
      killSwitchNow: [{ labels: {}, value: 0.4 }],
    });
    expect(d.samples['dry-run']).toMatchObject({ evaluations: 750, wouldDeny: 45, errors: 0 });
    expect(d.samples.enforce.latency.buckets).toEqual([
      { le: 0.001, count: 120 },
      { le: 0.002, count: 200 },
      { le: Infinity, count: 250 },
    ]);
    expect(d.samples.enforce).toMatchObject({ errors: 3, cacheHits: 200, cacheMisses: 50 });
    expect(d.enforcePercent).toBe(25);
    expect(d.routing[0]).toEqual({ reason: 'percentage_rollout', mode: 'dry-run', count: 700 });
    expect(d.killSwitchActive).toBe(true);
  });

  it('uses the window as the increase range, at least a minute', () => {
    expect(canaryQueries(3600).evaluations).toBe(
      'sum by (effective_mode) (increase(shannon_policy_mode_comparison_total[3600s]))',
    );
    expect(canaryQueries(10).errors).toContain('[60s]');
  });

  it('reads thresholds from the URL and names a bad one', () => {
    const r = parseThresholds(new URLSearchParams('denyFail=0.05&p95Pass=abc&errorPass=0.5&errorFail=0.1'));
    expect(r.thresholds.denyFail).toBe(0.05);
    expect(r.thresholds.p95Pass).toBe(1.2);
    expect(r.thresholds.errorPass).toBe(0.005);
    expect(r.notices).toEqual([
      'Ignored p95Pass="abc": use a number from 1 to 100.',
      'Ignored errorPass=0.5 above errorFail=0.1: defaults used for both.',
    ]);
  });
});
