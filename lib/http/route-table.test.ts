import { describe, expect, it } from 'vitest';
import { escapeMalformedPath, matchRoute, parseRouteName, PathParamError, sortPatterns } from './route-table';

const names = [
  '/api/traces/[traceId]/route',
  '/api/traces/compare/route',
  '/api/traces/route',
  '/api/traces/[traceId]/spans/[spanId]/route',
  '/api/prom/labels/[name]/values/route',
  '/api/files/[...path]/route',
  '/workflows/page',
  '/icon.svg/route',
];
const table = sortPatterns(names.map(parseRouteName).flatMap((p) => (p ? [{ pattern: p }] : [])));

describe('route table from the build manifest', () => {
  it('keeps only API route handlers', () => {
    expect(table.map((e) => e.pattern.route).sort()).toEqual([
      '/api/files/[...path]',
      '/api/prom/labels/[name]/values',
      '/api/traces',
      '/api/traces/[traceId]',
      '/api/traces/[traceId]/spans/[spanId]',
      '/api/traces/compare',
    ]);
  });

  it('prefers a literal segment over a parameter', () => {
    expect(matchRoute(table, '/api/traces/compare')?.entry.pattern.route).toBe('/api/traces/compare');
    expect(matchRoute(table, '/api/traces/abc')?.entry.pattern.route).toBe('/api/traces/[traceId]');
  });

  it('decodes parameters and matches whole paths only', () => {
    const m = matchRoute(table, '/api/traces/a%20b/spans/c%2Fd');
    expect(m?.params).toEqual({ traceId: 'a b', spanId: 'c/d' });
    expect(matchRoute(table, '/api/traces/a/spans')).toBeNull();
    expect(matchRoute(table, '/api/traces/a/extra/more')).toBeNull();
    expect(matchRoute(table, '/api/traces/')).toBeNull();
    expect(matchRoute(table, '/workflows')).toBeNull();
  });

  it('collects a catch-all', () => {
    expect(matchRoute(table, '/api/files/a/b%20c')?.params).toEqual({ path: ['a', 'b c'] });
  });

  it('names the parameter whose percent-encoding is malformed', () => {
    for (const bad of ['%E0%A4%A', '%', '%ZZ']) {
      let err: unknown;
      try {
        matchRoute(table, `/api/prom/labels/${bad}/values`);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PathParamError);
      expect((err as PathParamError).param).toBe('name');
      expect((err as Error).message).toContain(bad);
    }
  });

  it('escapes only the malformed segments of a page path', () => {
    expect(escapeMalformedPath('/traces/%E0%A4%A')).toBe('/traces/%25E0%25A4%25A');
    expect(escapeMalformedPath('/traces/%41bc')).toBe('/traces/%41bc');
  });
});
