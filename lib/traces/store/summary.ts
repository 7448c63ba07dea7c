import type { TraceSummary } from '../model';

/** What a trace's summary reads of each span row. */
export type SpanHead = {
  parent_id: Buffer | null;
  service: string;
  name: string;
  start_ns: bigint;
  dur_ns: bigint;
  status: number | bigint;
};

/** A trace's summary from its spans' heads: the root is the span without a parent (else the earliest). */
export function summarize(traceId: string, spans: SpanHead[]): TraceSummary {
  let start = spans[0]?.start_ns ?? 0n;
  let end = 0n;
  let root: SpanHead | undefined;
  let errors = 0;
  const services = new Map<string, number>();
  for (const s of spans) {
    if (s.start_ns < start) start = s.start_ns;
    const e = s.start_ns + s.dur_ns;
    if (e > end) end = e;
    if (Number(s.status) === 2) errors++;
    services.set(s.service, (services.get(s.service) ?? 0) + 1);
    if (!s.parent_id && (!root || s.start_ns < root.start_ns)) root = s;
  }
  if (!root) root = spans.reduce<SpanHead | undefined>((a, s) => (!a || s.start_ns < a.start_ns ? s : a), undefined);
  return {
    traceId,
    rootService: root?.service ?? '',
    rootName: root?.name ?? '',
    startNs: start.toString(),
    durationNs: (end - start).toString(),
    spanCount: spans.length,
    errorCount: errors,
    services: [...services]
      .map(([service, spanCount]) => ({ service, spanCount }))
      .sort((a, b) => b.spanCount - a.spanCount),
  };
}
