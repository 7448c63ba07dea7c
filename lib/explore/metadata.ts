/**
 * A series name's TYPE and HELP: Prometheus keys metadata by the metric family, so a histogram's
 * `_bucket`/`_sum`/`_count` and an OpenMetrics counter's `_total` are looked up without the suffix.
 */
export function metadataOf(
  metadata: Record<string, { type: string; help: string }[]> | undefined,
  name: string,
): { type: string; help: string } | undefined {
  if (!metadata) return undefined;
  for (const key of [name, name.replace(/_(bucket|sum|count)$/, ''), name.replace(/_total$/, '')])
    if (metadata[key]?.[0]) return metadata[key][0];
  return undefined;
}
