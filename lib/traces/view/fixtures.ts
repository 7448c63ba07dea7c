/** JSON trace fixtures for the waterfall's unit tests (times in ms, converted to ns). */
import type { Attribute } from '../model';
import type { IndexInput } from './trace-index';

export type FixtureSpan = [
  id: string,
  parent: string | undefined,
  service: string,
  name: string,
  startMs: number,
  endMs: number,
  extra?: Partial<IndexInput>,
];

const T0 = 1_700_000_000_000_000_000n;

/** A short fixture name as a 16-hex span id (its characters' codes), and back. */
export const hid = (name: string) =>
  Array.from(name, (c) => c.charCodeAt(0).toString(16).padStart(2, '0'))
    .join('')
    .padStart(16, '0');
export const short = (hex: string) =>
  (hex.replace(/^(00)+/, '').match(/../g) ?? []).map((h) => String.fromCharCode(parseInt(h, 16))).join('');

export function fixture(spans: FixtureSpan[]): IndexInput[] {
  return spans.map(([spanId, parentSpanId, service, name, s, e, extra]) => ({
    spanId: hid(spanId),
    ...(parentSpanId ? { parentSpanId: hid(parentSpanId) } : {}),
    name,
    service,
    startNs: T0 + BigInt(Math.round(s * 1e6)),
    endNs: T0 + BigInt(Math.round(e * 1e6)),
    kind: 1,
    error: false,
    attributes: [],
    events: [],
    ...extra,
  }));
}

export const str = (key: string, value: string): Attribute => ({ key, value: { type: 'string', value } });
export const int = (key: string, value: number): Attribute => ({ key, value: { type: 'int', value: String(value) } });
export const atMs = (ms: number) => T0 + BigInt(Math.round(ms * 1e6));

/**
 * A gateway request: A fans out to B and C in parallel; C waits on an LLM call D; B calls E.
 *   A gateway    0 ─────────────────────────── 100
 *   B orch         5 ──────────── 60
 *   E agent          10 ── 30
 *   C orch           10 ───────────────── 90
 *   D llm               20 ──────────── 80
 */
export const gatewayTrace: FixtureSpan[] = [
  ['a', undefined, 'gateway', 'POST /v1/chat', 0, 100],
  ['b', 'a', 'orchestrator', 'plan', 5, 60],
  ['e', 'b', 'agent-core', 'tool.search', 10, 30, { error: true }],
  ['c', 'a', 'orchestrator', 'execute', 10, 90],
  [
    'd',
    'c',
    'llm-service',
    'chat gpt-4o',
    20,
    80,
    {
      attributes: [
        str('gen_ai.system', 'openai'),
        str('gen_ai.request.model', 'gpt-4o'),
        int('gen_ai.usage.input_tokens', 120),
        int('gen_ai.usage.output_tokens', 45),
      ],
      events: [{ timeNs: atMs(32.5), name: 'first_token' }],
    },
  ],
];
