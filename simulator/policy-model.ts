import { DENY_REASONS, POLICY_HASH, POLICY_PATH } from './catalog';
import type { Knobs } from './knobs';
import { killSwitchActive } from './knobs';
import type { Rng } from './rng';
import type { OrchestratorMetrics } from './services/orchestrator-metrics';

/**
 * One policy evaluation under Shannon's canary: the configured mode is enforce for a share of
 * traffic (canaryPercent), dry-run otherwise; the kill switch forces everything to dry-run.
 * Returns whether the request is blocked (only enforce can block).
 */
export function evaluatePolicy(
  m: OrchestratorMetrics,
  k: Knobs,
  rng: Rng,
  tMs: number,
): { blocked: boolean; mode: string } {
  const userType = rng.weighted([
    ['regular', 80],
    ['premium', 15],
    ['internal', 5],
  ] as const);
  let configured = 'enforce';
  let effective: string;
  let reason: string;
  if (killSwitchActive(k, tMs)) {
    effective = 'dry-run';
    reason = 'emergency_kill_switch';
  } else if (userType === 'internal' && rng.chance(0.3)) {
    effective = 'enforce';
    reason = 'explicit_enforce_user';
  } else if (rng.chance(k.canaryPercent / 100)) {
    effective = 'enforce';
    reason = 'percentage_rollout';
  } else {
    configured = 'dry-run';
    effective = 'dry-run';
    reason = 'percentage_rollout';
  }
  const wouldDeny = rng.chance(Math.min(1, k.denyRate + (effective === 'enforce' ? k.enforceDenyExtra : 0)));
  const decision = wouldDeny && effective === 'enforce' ? 'deny' : 'allow';
  const denyReason = rng.pick(DENY_REASONS);
  const evalReason = wouldDeny ? denyReason[1] : 'policy allowed';

  m.polEvaluations.inc({ decision, mode: effective, reason: evalReason });
  m.polCanary.inc({ configured_mode: configured, effective_mode: effective, routing_reason: reason, decision });
  const originalDecision = effective === 'dry-run' ? 'allow' : decision;
  m.polComparison.inc({
    original_decision: originalDecision,
    effective_mode: effective,
    would_enforce_decision: wouldDeny ? 'deny' : 'allow',
    user_type: userType,
  });
  if (effective === 'dry-run' && wouldDeny) m.polDivergence.inc({ divergence_type: 'would_deny' });
  if (effective === 'enforce' && !wouldDeny && rng.chance(0.02))
    m.polDivergence.inc({ divergence_type: 'would_allow' });
  if (wouldDeny) {
    m.polDenyReasons.inc({ reason_hash: denyReason[0], mode: effective, truncated_reason: denyReason[1] });
  }

  const cacheHit = rng.chance(0.88);
  const seconds =
    (cacheHit ? rng.logNormal(0.0004, 0.5) : rng.logNormal(0.0018, 0.6)) *
    (effective === 'enforce' ? k.enforceLatencyFactor : 1);
  m.polDuration.observe({ mode: effective }, seconds);
  m.polLatencySlo.observe({ effective_mode: effective, cache_hit: String(cacheHit) }, seconds);
  (cacheHit ? m.polCacheHits : m.polCacheMisses).inc({ effective_mode: effective });
  if (rng.chance(0.004)) {
    const category = rng.pick(['timeout', 'evaluation_error', 'input_error']);
    m.polErrors.inc({ error_type: category, mode: effective });
    m.polSloErrors.inc({ error_category: category, effective_mode: effective });
  }
  return { blocked: decision === 'deny', mode: effective };
}

export function initPolicy(m: OrchestratorMetrics, startMs: number) {
  const loaded = Math.floor(startMs / 1000) - 3 * 86400;
  m.polVersion.set({ policy_path: POLICY_PATH, version_hash: POLICY_HASH, load_timestamp: String(loaded) }, 1);
  m.polLoadTimestamp.set({ policy_path: POLICY_PATH }, loaded);
  m.polFilesLoaded.set({ policy_path: POLICY_PATH }, 6);
  for (const effective of ['dry-run', 'enforce']) {
    m.polCacheHits.touch({ effective_mode: effective });
    m.polCacheMisses.touch({ effective_mode: effective });
  }
  m.polDivergence.touch({ divergence_type: 'would_deny' }).touch({ divergence_type: 'would_allow' });
}
