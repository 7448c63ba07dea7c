import { randomBytes } from 'node:crypto';
import { traceWithSpans } from './otlp-helpers';

/** Synthetic traces for the waterfall tests, sent as OTLP/JSON to the console's real receiver. */
export type FixtureSpan = {
  id: string;
  parent?: string;
  service: string;
  name: string;
  startMs: number;
  endMs: number;
  attributes?: Record<string, string>;
};

export const newTraceId = () => randomBytes(16).toString('hex');
export const newSpanId = () => randomBytes(8).toString('hex');

export function otlpJson(traceId: string, spans: FixtureSpan[], baseMs = Date.now() - 60_000) {
  const services = [...new Set(spans.map((s) => s.service))];
  const ns = (ms: number) => (BigInt(Math.round((baseMs + ms) * 1000)) * 1000n).toString();
  return {
    resourceSpans: services.map((service) => ({
      resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
      scopeSpans: [
        {
          scope: { name: 'e2e-waterfall' },
          spans: spans
            .filter((s) => s.service === service)
            .map((s) => ({
              traceId,
              spanId: s.id,
              ...(s.parent ? { parentSpanId: s.parent } : {}),
              name: s.name,
              kind: 1,
              startTimeUnixNano: ns(s.startMs),
              endTimeUnixNano: ns(s.endMs),
              attributes: Object.entries(s.attributes ?? {}).map(([key, v]) => ({ key, value: { stringValue: v } })),
            })),
        },
      ],
    })),
  };
}

export async function sendTrace(consoleUrl: string, traceId: string, spans: FixtureSpan[]): Promise<void> {
  const res = await fetch(`${consoleUrl}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(otlpJson(traceId, spans)),
  });
  if (!res.ok) throw new Error(`OTLP export: HTTP ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { partialSuccess?: { rejectedSpans?: string | number } };
  if (Number(body.partialSuccess?.rejectedSpans ?? 0) > 0)
    throw new Error(`OTLP export rejected spans: ${JSON.stringify(body)}`);
}

/**
 * root [0,100]; a [20,40] and b [10,100] in parallel; c [20,90] under b. Walking back from the
 * root's end: b finished last, c inside it; a started after b did, so it never held anything up.
 */
export function criticalTrace() {
  const [root, a, b, c] = [newSpanId(), newSpanId(), newSpanId(), newSpanId()];
  const spans: FixtureSpan[] = [
    { id: root, service: 'gateway', name: 'POST /v1/chat/completions', startMs: 0, endMs: 100 },
    { id: a, parent: root, service: 'orchestrator', name: 'audit.write', startMs: 20, endMs: 40 },
    { id: b, parent: root, service: 'orchestrator', name: 'workflow', startMs: 10, endMs: 100 },
    { id: c, parent: b, service: 'llm-service', name: 'chat gpt-4o', startMs: 20, endMs: 90 },
  ];
  return { spans, critical: [root, b, c], notCritical: [a] };
}

/** A root, 40 sequential batches, 49 short leaves in each (alternating two services): 2,001 spans. */
export function bigTrace() {
  const root = newSpanId();
  const spans: FixtureSpan[] = [{ id: root, service: 'gateway', name: 'POST /v1/batch', startMs: 0, endMs: 1000 }];
  for (let i = 0; i < 40; i++) {
    const batch = newSpanId();
    spans.push({
      id: batch,
      parent: root,
      service: 'orchestrator',
      name: `batch ${i}`,
      startMs: i * 25,
      endMs: i * 25 + 25,
    });
    for (let j = 0; j < 49; j++) {
      const s = i * 25 + j * 0.5;
      spans.push({
        id: newSpanId(),
        parent: batch,
        service: j % 2 ? 'agent-core' : 'llm-service',
        name: `leaf ${i}.${j}`,
        startMs: s,
        endMs: s + 0.4,
      });
    }
  }
  return spans;
}

/** The 2,001-span trace sent to a console and stored (every span readable through its API). */
export async function storedBigTrace(consoleUrl: string): Promise<{ id: string; spans: FixtureSpan[] }> {
  const id = newTraceId();
  const spans = bigTrace();
  await sendTrace(consoleUrl, id, spans);
  await traceWithSpans(consoleUrl, id, spans.length);
  return { id, spans };
}
