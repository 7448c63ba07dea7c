import type { MODELS } from './catalog';
import type { Knobs } from './knobs';
import type { Rng } from './rng';
import type { Services } from './workload';

/** The gateway's metrics for one request: requests, latency, tokens, and for a stream its TTFT and chunks. Returns the TTFT (s) of a stream. */
export function gatewayResponse(
  s: Services,
  k: Knobs,
  rng: Rng,
  model: (typeof MODELS)[number],
  stream: boolean,
  endpoint: string,
  durationSec: number,
  prompt: number,
  completion: number,
  failed: boolean,
  exemplar: (v: number) => { labels: Record<string, string>; value: number; tsSec: number } | undefined,
) {
  const { orch } = s;
  const m = model.model;
  orch.gwRequests.inc({ model: m, endpoint, status: failed ? 'error' : 'success' });
  orch.gwLatency.observe({ model: m, endpoint, stream: String(stream) }, durationSec, exemplar(durationSec));
  orch.gwTokens.inc({ model: m, type: 'prompt' }, prompt);
  orch.gwTokens.inc({ model: m, type: 'completion' }, completion);
  orch.gwTokensPerRequest.observe({ model: m, type: 'prompt' }, prompt);
  orch.gwTokensPerRequest.observe({ model: m, type: 'completion' }, completion);
  if (failed) orch.gwErrors.inc({ model: m, error_type: 'workflow_failed', error_code: '500' });
  if (!stream) return undefined;
  // Time to first token cannot exceed the request itself.
  const regressed =
    k.ttftRegression && k.ttftRegression.slice(0, k.ttftRegression.lastIndexOf(':')) === m
      ? Number(k.ttftRegression.slice(k.ttftRegression.lastIndexOf(':') + 1))
      : 1;
  const ttft =
    Math.min(
      durationSec,
      rng.logNormal(model.ttft, 0.45) * (k.slowFraction > 0 && rng.chance(k.slowFraction) ? 4 : 1),
    ) * regressed;
  orch.gwTtft.observe({ model: m }, ttft, exemplar(ttft));
  orch.gwStreamDuration.observe({ model: m }, Math.max(durationSec, ttft + completion / model.tps));
  orch.gwStreamChunks.inc({ model: m }, Math.ceil(completion / 4));
  if (rng.chance(0.005))
    orch.gwStreamErrors.inc({ model: m, error_type: rng.pick(['client_disconnect', 'upstream_error']) });
  return ttft;
}
