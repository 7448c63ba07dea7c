/** LLM fields of a span from the OpenTelemetry gen_ai conventions, and attribute values as text. */
import type { Attribute } from '../model';

export type GenAi = {
  model: string;
  provider: string;
  inputTokens: number;
  outputTokens: number;
  ttftMs: number | null;
};

export function attrText(a: Attribute): string {
  const v = a.value;
  switch (v.type) {
    case 'string':
      return v.value;
    case 'int':
    case 'double':
    case 'bool':
      return String(v.value);
    default:
      return '';
  }
}

function attrNumber(attrs: Attribute[], key: string): number | null {
  const a = attrs.find((x) => x.key === key);
  if (!a) return null;
  const n = Number(
    a.value.type === 'int' || a.value.type === 'double' || a.value.type === 'string' ? a.value.value : NaN,
  );
  return Number.isFinite(n) ? n : null;
}

function attrString(attrs: Attribute[], key: string): string | null {
  const a = attrs.find((x) => x.key === key);
  return a && a.value.type === 'string' ? a.value.value : null;
}

/** Model, provider, tokens and time to first token of an LLM span (OpenTelemetry gen_ai conventions). */
export function genAiOf(
  attrs: Attribute[],
  events: { timeNs: bigint; name: string }[],
  startNs: bigint,
): GenAi | undefined {
  if (!attrs.some((a) => a.key.startsWith('gen_ai.'))) return undefined;
  const model = attrString(attrs, 'gen_ai.response.model') ?? attrString(attrs, 'gen_ai.request.model') ?? 'unknown';
  const provider = attrString(attrs, 'gen_ai.system') ?? attrString(attrs, 'gen_ai.provider.name') ?? 'unknown';
  let ttftMs = attrNumber(attrs, 'gen_ai.server.time_to_first_token');
  if (ttftMs !== null) ttftMs *= 1000; // the semantic convention's unit is seconds
  const first = events.find((e) => e.name === 'first_token' || e.name === 'gen_ai.first_token');
  if (ttftMs === null && first) ttftMs = Number(first.timeNs - startNs) / 1e6;
  return {
    model,
    provider,
    inputTokens: attrNumber(attrs, 'gen_ai.usage.input_tokens') ?? 0,
    outputTokens: attrNumber(attrs, 'gen_ai.usage.output_tokens') ?? 0,
    ttftMs,
  };
}
