/**
 * Prometheus labels of Shannon's metrics and the span attributes that carry the same value, so
 * that "traces at this point" finds the traces of that series (its workflow type, agent, model),
 * not every trace of the service.
 */
export const TRACE_ATTRIBUTES: Readonly<Record<string, string>> = {
  workflow_type: 'workflow.type',
  agent_id: 'agent.id',
  model: 'gen_ai.request.model',
};

/** The trace-search tags for a series' labels: those with a span attribute, in label order. */
export function seriesTraceTags(
  labels: Readonly<Record<string, string>> | undefined,
  map: Readonly<Record<string, string>> = TRACE_ATTRIBUTES,
): { key: string; value: string }[] {
  return Object.keys(labels ?? {})
    .sort()
    .filter((l) => map[l] !== undefined && labels![l] !== '')
    .map((l) => ({ key: map[l]!, value: labels![l]! }));
}
