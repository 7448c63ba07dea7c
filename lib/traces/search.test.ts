import { describe, expect, it } from 'vitest';
import { formatLogfmt, normalizeTraceId, parseDurationNs, parseLogfmt, parseTraceSearch } from './search';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const parse = (q: string) => parseTraceSearch(new URLSearchParams(q), NOW);

describe('trace search parameters', () => {
  it('reads durations exactly in nanoseconds', () => {
    expect(parseDurationNs('250ms')).toBe(250_000_000n);
    expect(parseDurationNs('1.5s')).toBe(1_500_000_000n);
    expect(parseDurationNs('300us')).toBe(300_000n);
    expect(parseDurationNs('0.000000001s')).toBe(1n);
    expect(parseDurationNs('2m')).toBe(120_000_000_000n);
    expect(parseDurationNs('fast')).toBeNull();
    expect(parseDurationNs('-1s')).toBeNull();
  });

  it('parses logfmt with quotes and escapes, and says what is wrong otherwise', () => {
    expect(parseLogfmt('a=1 b="x y" c="say \\"hi\\"" status=error')).toEqual({
      tags: [
        { key: 'a', value: '1' },
        { key: 'b', value: 'x y' },
        { key: 'c', value: 'say "hi"' },
        { key: 'status', value: 'error' },
      ],
    });
    expect(parseLogfmt('a')).toEqual({ error: '"a" has no value: write a=value' });
    expect(parseLogfmt('a="open')).toEqual({ error: 'the quoted value of "a" is not closed' });
  });

  it('defaults to the last hour, 20 traces', () => {
    const r = parse('');
    expect(r).toEqual({
      search: { tags: [], fromNs: BigInt(NOW - 3_600_000) * 1_000_000n, toNs: BigInt(NOW) * 1_000_000n, limit: 20 },
    });
  });

  it('reads every field', () => {
    const r = parse(
      'service=orchestrator&operation=POST%20%2Fv1&minDuration=250ms&maxDuration=2s&tags=http.status_code%3D500&from=now-15m&to=now&limit=1000',
    );
    expect(r).toEqual({
      search: {
        service: 'orchestrator',
        operation: 'POST /v1',
        minDurationNs: 250_000_000n,
        maxDurationNs: 2_000_000_000n,
        tags: [{ key: 'http.status_code', value: '500' }],
        fromNs: BigInt(NOW - 900_000) * 1_000_000n,
        toNs: BigInt(NOW) * 1_000_000n,
        limit: 1000,
      },
    });
  });

  it.each([
    ['minDuration=fast', 'invalid parameter "minDuration": "fast" is not a duration'],
    ['minDuration=2562048h', 'invalid parameter "minDuration": "2562048h" is longer than any span can last'],
    ['maxDuration=99999999999h', 'invalid parameter "maxDuration": "99999999999h" is longer than any span can last'],
    ['minDuration=2s&maxDuration=1s', 'invalid parameter "maxDuration": must not be less than minDuration'],
    ['limit=1001', 'invalid parameter "limit": must be an integer from 1 to 1000'],
    ['limit=0', 'invalid parameter "limit"'],
    ['from=yesterday', 'invalid parameter "from"'],
    ['from=now&to=now-1h', 'invalid parameter "to": must not be before from'],
    ['tags=a', 'invalid parameter "tags"'],
  ])('%s → %s', (q, message) => {
    const r = parse(q);
    expect('error' in r && r.error).toContain(message);
  });

  it('accepts a trace id in any case and refuses anything else', () => {
    expect(normalizeTraceId('ABCDEF0123456789abcdef0123456789')).toBe('abcdef0123456789abcdef0123456789');
    expect(normalizeTraceId('0'.repeat(32))).toBeNull();
    expect(normalizeTraceId('abc')).toBeNull();
    expect(normalizeTraceId('g'.repeat(32))).toBeNull();
  });

  it('accepts a W3C traceparent as its trace id', () => {
    expect(normalizeTraceId('00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01')).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );
    expect(normalizeTraceId('00-00000000000000000000000000000000-00f067aa0ba902b7-01')).toBeNull();
  });
});

describe('formatLogfmt', () => {
  it('writes tags that parseLogfmt reads back exactly, hostile values included', () => {
    const tags = [
      { key: 'workflow.type', value: 'SimpleTaskWorkflow' },
      { key: 'gen_ai.request.model', value: 'a b' },
      { key: 'x', value: 'say "hi" \\ back\nslash=1' },
      { key: 'empty', value: '' },
    ];
    const text = formatLogfmt(tags);
    expect(text.startsWith('workflow.type=SimpleTaskWorkflow gen_ai.request.model="a b" ')).toBe(true);
    expect(parseLogfmt(text)).toEqual({ tags });
  });
});

describe('the sort parameter', () => {
  const NOW = Date.parse('2026-12-06T10:00:00Z');
  it('takes the orders the store knows, newest by default, and names a bad one', () => {
    const q = (qs: string) => parseTraceSearch(new URLSearchParams(qs), NOW);
    expect(q('sort=longest')).toMatchObject({ search: { sort: 'longest' } });
    expect('search' in q('sort=newest') && q('sort=newest')).toMatchObject({ search: {} });
    expect((q('') as { search: { sort?: string } }).search.sort).toBeUndefined();
    expect(q('sort=slowest%27%3B')).toEqual({
      error: `invalid parameter "sort": must be one of newest, oldest, longest, shortest, most-spans, most-errors, got "slowest';"`,
    });
  });
});
