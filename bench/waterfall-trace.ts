import { randomBytes } from 'node:crypto';
import type { Attribute } from '../lib/traces/model';
import type { RawExport, RawSpan } from '../lib/traces/otlp/types';

/**
 * One huge trace for bench/waterfall, about `target` spans in four levels (root, workflows, agent
 * tasks, tools and LLM calls), each level's children spread over their parent's time, across the
 * three Shannon services; yielded as OTLP exports of at most `chunk` spans.
 */
const SERVICES = ['orchestrator', 'agent-core', 'llm-service'];
const s = (key: string, value: string): Attribute => ({ key, value: { type: 'string', value } });
const n = (key: string, value: number): Attribute => ({ key, value: { type: 'int', value: String(value) } });

export function branching(target: number): number {
  return Math.max(2, Math.round(Math.cbrt(target)));
}

export function spanCountFor(target: number): number {
  const b = branching(target);
  return 1 + b + b * b + b * b * b;
}

export function* hugeTrace(
  target: number,
  chunk = 20_000,
): Generator<{ req: RawExport; traceId: string; rootId: string }> {
  const b = branching(target);
  const traceId = randomBytes(16);
  const rootId = randomBytes(8);
  const t0 = BigInt(Date.now() - 10 * 60_000) * 1_000_000n;
  const rootDur = 600_000_000_000n; // 10 minutes
  let buf: RawSpan[][] = [[], [], []];
  let count = 0;
  const span = (id: Uint8Array, parent: Uint8Array, level: number, k: number, start: bigint, dur: bigint): RawSpan => {
    const svc = level === 0 ? 0 : level === 3 && k % 3 === 0 ? 2 : level === 1 ? 0 : 1;
    const attributes: Attribute[] = [
      s('shannon.level', String(level)),
      n('shannon.index', k),
      s('thread.name', `worker-${k % 8}`),
    ];
    if (svc === 2)
      attributes.push(
        s('gen_ai.system', 'openai'),
        s('gen_ai.request.model', 'gpt-4o'),
        n('gen_ai.usage.input_tokens', 100 + (k % 900)),
        n('gen_ai.usage.output_tokens', 20 + (k % 300)),
      );
    const name = [
      'POST /v1/chat/completions',
      'workflow ResearchWorkflow',
      'agent.ExecuteTask',
      svc === 2 ? 'chat gpt-4o' : `tool ${['web_search', 'calculator', 'file_read'][k % 3]}`,
    ][level]!;
    const sp: RawSpan = {
      traceId,
      spanId: id,
      parentSpanId: parent,
      traceState: '',
      flags: 1,
      name,
      kind: level === 0 ? 2 : 1,
      startNs: start,
      endNs: start + dur,
      attributes,
      droppedAttributesCount: 0,
      events:
        svc === 2 ? [{ timeNs: start + dur / 5n, name: 'first_token', attributes: [], droppedAttributesCount: 0 }] : [],
      droppedEventsCount: 0,
      links: [],
      droppedLinksCount: 0,
      statusCode: k % 211 === 0 ? 2 : 0,
      statusMessage: '',
    };
    buf[svc]!.push(sp);
    count++;
    return sp;
  };
  const flush = () => {
    const req: RawExport = {
      resourceSpans: SERVICES.map((service, i) => ({
        resource: { attributes: [s('service.name', service)], droppedAttributesCount: 0 },
        schemaUrl: '',
        scopeSpans: [
          {
            scope: { name: `shannon-${service}`, version: '1.0.0', attributes: [], droppedAttributesCount: 0 },
            schemaUrl: '',
            spans: buf[i]!,
          },
        ],
      })),
    };
    buf = [[], [], []];
    count = 0;
    return { req, traceId: traceId.toString('hex'), rootId: rootId.toString('hex') };
  };
  span(rootId, new Uint8Array(0), 0, 0, t0, rootDur);
  // Children run one after another inside their parent (a sequential workflow), with small gaps.
  const children = (parent: Uint8Array, level: number, start: bigint, dur: bigint): [Uint8Array, bigint, bigint][] => {
    const slot = dur / BigInt(b);
    return Array.from({ length: b }, (_, k) => {
      const id = randomBytes(8);
      const st = start + slot * BigInt(k) + slot / 20n;
      const d = (slot * 9n) / 10n;
      span(id, parent, level, k, st, d);
      return [id, st, d] as [Uint8Array, bigint, bigint];
    });
  };
  for (const [w, ws, wd] of children(rootId, 1, t0, rootDur)) {
    for (const [a, as, ad] of children(w, 2, ws, wd)) {
      children(a, 3, as, ad);
      if (count >= chunk) yield flush();
    }
  }
  if (count > 0) yield flush();
}
