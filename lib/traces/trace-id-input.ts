/**
 * What people paste to open a trace: a 32-hex trace id, a W3C `traceparent`
 * (`00-<trace id>-<span id>-<flags>`), an `X-Trace-ID: …` header line as Shannon's gateway returns
 * it, or a UUID-formatted id. Returns the trace id (and the span id when the input names one).
 */
export function parseTraceIdInput(input: string): { traceId: string; spanId?: string } | { error: string } {
  let s = input.trim();
  if (s === '') return { error: 'Paste a trace id: 32 hex digits, a traceparent or an X-Trace-ID value.' };
  s = s
    .replace(/^(x-trace-id|traceparent)\s*[:=]\s*/i, '')
    .replace(/^["']|["']$/g, '')
    .trim();
  const tp = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/i.exec(s);
  if (tp) {
    if (tp[1]!.toLowerCase() === 'ff') return { error: 'traceparent version ff is invalid' };
    const traceId = tp[2]!.toLowerCase();
    if (/^0+$/.test(traceId)) return { error: 'the traceparent carries an all-zero trace id, which is invalid' };
    return { traceId, spanId: tp[3]!.toLowerCase() };
  }
  const compact = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s) ? s.replace(/-/g, '') : s;
  if (/^[0-9a-f]{32}$/i.test(compact)) {
    if (/^0+$/.test(compact)) return { error: 'an all-zero trace id is invalid' };
    return { traceId: compact.toLowerCase() };
  }
  if (/^[0-9a-f]{16}$/i.test(compact))
    return { error: `"${s}" has 16 hex digits: that is a span id (or a 64-bit trace id); a trace id has 32` };
  return {
    error: `"${s.slice(0, 60)}" is not a trace id: expected 32 hex digits, a traceparent (00-…-…-01) or an X-Trace-ID value`,
  };
}
