/**
 * Safe substitution of variable values into PromQL. Values never change a query's structure:
 * they only ever land inside a double-quoted string literal, escaped for it, and for `=~`
 * every regex metacharacter is escaped too, so a value matches only itself.
 */

/** Escape a value for a PromQL double-quoted string literal (Go string syntax). */
export function escapeString(value: string): string {
  let out = '';
  for (const ch of value) {
    const cp = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}

/** Escape RE2 metacharacters so that the value matches literally. */
export function escapeRegex(value: string): string {
  return value.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

const LABEL_NAME_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export function isLabelName(name: string): boolean {
  return LABEL_NAME_RE.test(name);
}

/**
 * A label matcher for a multi-select variable: one value → `name="v"`; several →
 * `name=~"a|b"` with each value regex-escaped; none (all) → null (no matcher).
 */
export function labelMatcher(name: string, values: readonly string[]): string | null {
  if (!isLabelName(name)) throw new Error(`invalid label name: ${JSON.stringify(name)}`);
  if (values.length === 0) return null;
  if (values.length === 1) return `${name}="${escapeString(values[0] as string)}"`;
  return `${name}=~"${escapeString(values.map(escapeRegex).join('|'))}"`;
}
