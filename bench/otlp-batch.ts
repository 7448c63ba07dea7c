import { randomBytes } from 'node:crypto';
import { encodeSpan } from '../lib/traces/otlp/encode';
import type { RawExport, RawSpan } from '../lib/traces/otlp/types';
import { Writer } from '../lib/traces/otlp/wire-writer';
import type { Attribute } from '../lib/traces/model';

/**
 * Realistic OTLP protobuf batches for the benchmarks: 512 spans in 32 traces of 16, about 15
 * attributes each (HTTP, RPC, DB and Shannon attributes), across three services. A batch is
 * encoded once as a template; each send copies it and writes fresh trace ids over the old ones,
 * so the sender spends microseconds per batch and the server never sees a duplicate.
 */

const SERVICES = ['orchestrator', 'agent-core', 'llm-service'];
const ROUTES = ['/v1/chat/completions', '/v1/tasks', '/v1/sessions/{id}', '/healthz'];
const MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-sonnet-4'];

const s = (key: string, value: string): Attribute => ({ key, value: { type: 'string', value } });
const i = (key: string, value: number): Attribute => ({ key, value: { type: 'int', value: String(value) } });
const d = (key: string, value: number): Attribute => ({ key, value: { type: 'double', value } });
const b = (key: string, value: boolean): Attribute => ({ key, value: { type: 'bool', value } });

function attrs(k: number, trace: number): Attribute[] {
  return [
    s('http.request.method', k % 5 === 0 ? 'POST' : 'GET'),
    s('http.route', ROUTES[k % ROUTES.length] as string),
    i('http.response.status_code', k % 97 === 0 ? 500 : 200),
    s('url.scheme', 'https'),
    s('server.address', 'shannon.internal'),
    i('server.port', 8080),
    s('user.id', `user-${(trace * 7919 + k) % 10_000}`),
    s('session.id', `sess-${trace}-${k % 4}`),
    s('workflow.type', ['ResearchWorkflow', 'SimpleTaskWorkflow', 'SupervisorWorkflow'][trace % 3] as string),
    s('gen_ai.request.model', MODELS[k % MODELS.length] as string),
    i('gen_ai.usage.input_tokens', 300 + ((k * 37) % 4000)),
    i('gen_ai.usage.output_tokens', 50 + ((k * 53) % 1500)),
    d('shannon.cost_usd', ((k * 13) % 100) / 1000),
    b('shannon.cache_hit', k % 3 === 0),
    s('thread.name', `worker-${k % 8}`),
  ];
}

export type BatchTemplate = {
  bytes: Uint8Array;
  traceIds: Buffer[];
  spans: number;
  createdNs: bigint;
  timeOffsets: number[];
};

export function makeTemplate(spansPerTrace = 16, traces = 32): BatchTemplate {
  const now = BigInt(Date.now()) * 1_000_000n;
  const traceIds = Array.from({ length: traces }, () => randomBytes(16));
  const times: bigint[] = [];
  const w = new Writer();
  for (const [si, service] of SERVICES.entries()) {
    w.message(1, (rs) => {
      rs.message(1, (res) => {
        res.message(1, (kv) =>
          kv
            .tag(1, 2)
            .string('service.name')
            .message(2, (v) => v.tag(1, 2).string(service)),
        );
        res.message(1, (kv) =>
          kv
            .tag(1, 2)
            .string('deployment.environment.name')
            .message(2, (v) => v.tag(1, 2).string('bench')),
        );
      });
      rs.message(2, (ss) => {
        ss.message(1, (sc) => sc.tag(1, 2).string(`shannon-${service}`).tag(2, 2).string('1.0.0'));
        for (let t = 0; t < traces; t++) {
          for (let k = 0; k < spansPerTrace; k++) {
            if (k % SERVICES.length !== si) continue;
            const start = now - BigInt((traces - t) * 1_000_000 + (spansPerTrace - k) * 1000);
            const span: RawSpan = {
              traceId: traceIds[t] as Buffer,
              spanId: randomBytes(8),
              parentSpanId: k === 0 ? Buffer.alloc(0) : randomBytes(8),
              traceState: '',
              flags: 1,
              name: k === 0 ? 'POST /v1/chat/completions' : `op-${k % 6}`,
              kind: k === 0 ? 2 : 1,
              startNs: start,
              endNs: start + BigInt(1_000_000 + k * 50_000),
              attributes: attrs(k, t),
              droppedAttributesCount: 0,
              events: [],
              droppedEventsCount: 0,
              links: [],
              droppedLinksCount: 0,
              statusCode: k % 97 === 0 ? 2 : 0,
              statusMessage: '',
            };
            times.push(span.startNs, span.endNs);
            ss.tag(2, 2).bytes(encodeSpan(span));
          }
        }
      });
    });
  }
  const bytes = Buffer.from(w.finish());
  // Where each span's start and end times sit, so a send can move them to the present.
  const timeOffsets = times.map((t) => {
    const le = Buffer.alloc(8);
    le.writeBigUInt64LE(t);
    return bytes.indexOf(le);
  });
  return { bytes, traceIds, spans: spansPerTrace * traces, createdNs: now, timeOffsets };
}

/** A copy of the template with fresh trace ids and its times moved to now (as live spans are). */
export function freshBatch(t: BatchTemplate): Buffer {
  const out = Buffer.from(t.bytes);
  const shift = BigInt(Date.now()) * 1_000_000n - t.createdNs;
  for (const at of t.timeOffsets) if (at >= 0) out.writeBigUInt64LE(out.readBigUInt64LE(at) + shift, at);
  for (const old of t.traceIds) {
    const next = randomBytes(16);
    let at = out.indexOf(old);
    while (at >= 0) {
      next.copy(out, at);
      at = out.indexOf(old, at + 16);
    }
  }
  return out;
}

/**
 * A decoded export of `traces` traces of `spansPerTrace` spans, started at random times in
 * [endMs - spreadMs, endMs], for filling a store directly (bench/query). Returns the trace ids.
 */
export function makeRawBatch(
  endMs: number,
  spreadMs: number,
  traces: number,
  spansPerTrace: number,
): { req: RawExport; traceIds: string[] } {
  const byService = SERVICES.map(() => [] as RawSpan[]);
  const traceIds: string[] = [];
  for (let t = 0; t < traces; t++) {
    const traceId = randomBytes(16);
    traceIds.push(traceId.toString('hex'));
    const startMs = endMs - Math.random() * spreadMs;
    const rootDur = 5 + Math.exp(Math.random() * 8); // 6 ms .. ~3 s, long-tailed
    const rootId = randomBytes(8);
    const tn = Math.floor(Math.random() * 1e6);
    for (let k = 0; k < spansPerTrace; k++) {
      const start = BigInt(Math.floor((startMs + (k ? (rootDur * k) / (spansPerTrace + 1) : 0)) * 1e6));
      const dur = BigInt(Math.floor((k ? rootDur / (spansPerTrace + 1) : rootDur) * 1e6));
      (byService[k % SERVICES.length] as RawSpan[]).push({
        traceId,
        spanId: k ? randomBytes(8) : rootId,
        parentSpanId: k ? rootId : Buffer.alloc(0),
        traceState: '',
        flags: 1,
        name: k === 0 ? 'POST /v1/chat/completions' : `op-${k % 6}`,
        kind: k === 0 ? 2 : 1,
        startNs: start,
        endNs: start + dur,
        attributes: attrs(k, tn),
        droppedAttributesCount: 0,
        events: [],
        droppedEventsCount: 0,
        links: [],
        droppedLinksCount: 0,
        statusCode: k % 97 === 0 ? 2 : 0,
        statusMessage: '',
      });
    }
  }
  const req: RawExport = {
    resourceSpans: SERVICES.map((service, i) => ({
      resource: {
        attributes: [s('service.name', service), s('deployment.environment.name', 'bench')],
        droppedAttributesCount: 0,
      },
      schemaUrl: '',
      scopeSpans: [
        {
          scope: { name: `shannon-${service}`, version: '1.0.0', attributes: [], droppedAttributesCount: 0 },
          schemaUrl: '',
          spans: byService[i] as RawSpan[],
        },
      ],
    })),
  };
  return { req, traceIds };
}
