import { describe, expect, it } from 'vitest';
import { reducedCsv, seriesCsv, tableCsv, toCsv } from './csv';

describe('CSV of what a panel shows', () => {
  it('quotes what must be quoted and ends rows with CRLF', () => {
    expect(
      toCsv(
        ['a', 'b,c'],
        [
          ['x "y"', 1.5],
          [null, Infinity],
        ],
      ),
    ).toBe('a,"b,c"\r\n"x ""y""",1.5\r\n,+Inf\r\n');
  });
  it('writes a time series as time then one column per series', () => {
    const csv = seriesCsv(
      [
        { t: 0, s0: 1, s1: null },
        { t: 60_000, s0: 2, s1: 0.25 },
      ],
      [
        { key: 's0', name: 'started', color: '', last: 2, max: 2, mean: 1.5, min: 1 },
        { key: 's1', name: 'completed', color: '', last: 0.25, max: 0.25, mean: 0.25, min: 0.25 },
      ],
    );
    expect(csv).toBe('time,started,completed\r\n1970-01-01T00:00:00.000Z,1,\r\n1970-01-01T00:01:00.000Z,2,0.25\r\n');
  });
  it('writes reduced values and tables', () => {
    expect(reducedCsv([{ name: 'p95', labels: {}, value: 0.5, values: [] }])).toBe('series,value\r\np95,0.5\r\n');
    expect(tableCsv([{ labels: { tool: 'web', z: 'a' }, value: 3 }], 'calls')).toBe('tool,z,calls\r\nweb,a,3\r\n');
  });
});
