/**
 * Redaction of attribute values (REDACT_ATTRIBUTES): keys matching a pattern (`*` is any run of
 * characters, case ignored) keep their key and lose their value for viewers, wherever an
 * attribute appears in an answer: the console's model ({ key, value: { type, value } }) and
 * OTLP/JSON ({ key, value: { stringValue } }) alike.
 */
export const REDACTED = 'redacted';

export type KeyMatcher = (key: string) => boolean;

export function redactMatcher(patterns: readonly string[]): KeyMatcher {
  if (patterns.length === 0) return () => false;
  const re = new RegExp(
    `^(?:${patterns
      .map((p) =>
        p
          .split('*')
          .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*'),
      )
      .join('|')})$`,
    'i',
  );
  return (key) => re.test(key);
}

function isAttribute(v: Record<string, unknown>): boolean {
  return typeof v.key === 'string' && typeof v.value === 'object' && v.value !== null && !Array.isArray(v.value);
}

/** A copy of `value` with every matching attribute's value replaced by "redacted" (the rest shared, not copied). */
export function redactDeep<T>(value: T, matches: KeyMatcher): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      let out: unknown[] | null = null;
      for (let i = 0; i < v.length; i++) {
        const w = walk(v[i]);
        if (w !== v[i]) (out ??= v.slice())[i] = w;
      }
      return out ?? v;
    }
    if (typeof v !== 'object' || v === null) return v;
    const o = v as Record<string, unknown>;
    if (isAttribute(o) && matches(o.key as string)) {
      const redacted = 'type' in (o.value as object) ? { type: 'string', value: REDACTED } : { stringValue: REDACTED };
      return { ...o, value: redacted };
    }
    let out: Record<string, unknown> | null = null;
    for (const k of Object.keys(o)) {
      const w = walk(o[k]);
      if (w !== o[k]) (out ??= { ...o })[k] = w;
    }
    return out ?? o;
  };
  return walk(value) as T;
}
