import { describe, expect, it } from 'vitest';
import { escapeRegex, escapeString, labelMatcher } from './escape';
import { renderQuery } from './template';

/**
 * A small reader for PromQL string literals (Go escape rules), used to check that a rendered
 * query has exactly the structure of its template and that each literal decodes to the value.
 */
function splitLiterals(q: string): { skeleton: string; literals: string[] } {
  let skeleton = '';
  const literals: string[] = [];
  let i = 0;
  while (i < q.length) {
    const ch = q[i] as string;
    if (ch !== '"') {
      skeleton += ch;
      i++;
      continue;
    }
    i++;
    let lit = '';
    for (;;) {
      if (i >= q.length) throw new Error('unterminated string literal');
      const c = q[i] as string;
      if (c === '\n') throw new Error('raw newline inside a literal');
      if (c === '"') {
        i++;
        break;
      }
      if (c === '\\') {
        const n = q[i + 1];
        const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"' };
        if (n !== undefined && n in simple) {
          lit += simple[n];
          i += 2;
        } else if (n === 'x') {
          lit += String.fromCharCode(parseInt(q.slice(i + 2, i + 4), 16));
          i += 4;
        } else throw new Error(`unknown escape \\${n}`);
        continue;
      }
      lit += c;
      i++;
    }
    skeleton += '""';
    literals.push(lit);
  }
  return { skeleton, literals };
}

/** Undo escapeRegex: what RE2 would match literally. */
function unregex(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

const HOSTILE = [
  'a"b',
  'a\\b',
  'line1\nline2',
  '"}',
  '"} or vector(1) #',
  '.*',
  'a|b',
  '(x)+[y]{2}^$?',
  '\\"',
  'tab\there\r',
  '$&$1 {{filter}} $__rate_interval',
  '\u0000\u001f\u007f',
  '<img src=x onerror=alert(1)>',
  'עברית "quoted"',
];

const TEMPLATE = 'sum by (le) (rate(m_bucket{job="x",{{filter}}}[$__rate_interval]))';

describe('escapeString', () => {
  it.each(HOSTILE)('round-trips %j inside a literal', (v) => {
    const { literals } = splitLiterals(`"${escapeString(v)}"`);
    expect(literals).toEqual([v]);
  });
});

describe('labelMatcher and renderQuery', () => {
  it('single value uses = and decodes to the value exactly', () => {
    for (const v of HOSTILE) {
      const q = renderQuery(TEMPLATE, { variables: { workflow_type: [v] }, rateIntervalSec: 60 });
      const ref = renderQuery(TEMPLATE, { variables: { workflow_type: ['safe'] }, rateIntervalSec: 60 });
      const a = splitLiterals(q);
      const b = splitLiterals(ref);
      expect(a.skeleton).toBe(b.skeleton);
      expect(a.literals).toEqual(['x', v]);
    }
  });

  it('several values use =~ with every metacharacter escaped', () => {
    const q = renderQuery(TEMPLATE, {
      variables: { mode: [HOSTILE[4] as string, HOSTILE[7] as string, 'plain'] },
      rateIntervalSec: 15,
    });
    const { skeleton, literals } = splitLiterals(q);
    expect(skeleton).toBe('sum by (le) (rate(m_bucket{job="",mode=~""}[15s]))');
    const alternatives = (literals[1] as string).split(/(?<!\\)\|/).map(unregex);
    expect(alternatives).toEqual([HOSTILE[4], HOSTILE[7], 'plain']);
    // every metacharacter that survives is escaped
    expect(literals[1]).toContain('\\(x\\)\\+\\[y\\]\\{2\\}\\^\\$\\?');
  });

  it('no values means no matcher at all', () => {
    expect(labelMatcher('mode', [])).toBeNull();
    expect(renderQuery('m{ {{filter}} }', { variables: { mode: [] }, rateIntervalSec: 60 })).toBe('m{  }');
  });

  it('a value is never read as a placeholder or a replacement pattern', () => {
    const v = '$&$1 {{filter}} $__rate_interval';
    const q = renderQuery('m{ {{filter}} }[$__rate_interval]', { variables: { a: [v] }, rateIntervalSec: 60 });
    expect(splitLiterals(q).literals).toEqual([v]);
    expect(q.endsWith('[1m]')).toBe(true);
  });

  it('rejects label names that are not identifiers', () => {
    expect(() => labelMatcher('a"b', ['x'])).toThrow(/invalid label name/);
  });

  it('escapeRegex escapes all RE2 metacharacters', () => {
    expect(escapeRegex('.+*?()|[]{}^$\\')).toBe('\\.\\+\\*\\?\\(\\)\\|\\[\\]\\{\\}\\^\\$\\\\');
  });
});
