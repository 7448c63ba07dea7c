import { describe, expect, it } from 'vitest';
import { formatValue, legendName, parseFormatted } from './units';

describe('formatValue', () => {
  it('writes durations in the unit a person reads', () => {
    expect(formatValue(0.0042, 's')).toBe('4.2 ms');
    expect(formatValue(2.5, 's')).toBe('2.5 s');
    expect(formatValue(90, 's')).toBe('1.5 min');
    expect(formatValue(0.0000031, 's')).toBe('3.1 µs');
  });
  it('shows millisecond histograms in the right unit', () => {
    expect(formatValue(2500, 'ms')).toBe('2.5 s');
    expect(formatValue(450, 'ms')).toBe('450 ms');
  });
  it('writes rates, percents, bytes and missing values', () => {
    expect(formatValue(3.14159, 'reqps')).toBe('3.14/s');
    expect(formatValue(0.0512, 'percentunit')).toBe('5.12%');
    expect(formatValue(512 * 1024 * 1024, 'bytes')).toBe('512 MiB');
    expect(formatValue(null, 's')).toBe('–');
    expect(formatValue(42.5, 'percent')).toBe('42.5%');
    expect(formatValue(3 * 1024 * 1024, 'bytesps')).toBe('3 MiB/s');
    expect(formatValue(12_500, 'ops')).toBe('12.5K ops/s');
  });
  it('writes micro- and nanoseconds, bits, packets, I/O, frequencies and temperatures (Node Exporter Full’s units)', () => {
    expect(formatValue(250, 'us')).toBe('250 µs');
    expect(formatValue(1500, 'us')).toBe('1.5 ms');
    expect(formatValue(800, 'ns')).toBe('800 ns');
    expect(formatValue(2_500_000, 'ns')).toBe('2.5 ms');
    expect(formatValue(1500, 'bits')).toBe('1.5 kb');
    expect(formatValue(940_000_000, 'bps')).toBe('940 Mb/s');
    expect(formatValue(12_500, 'pps')).toBe('12.5K p/s');
    expect(formatValue(320, 'iops')).toBe('320 io/s');
    expect(formatValue(2_400_000_000, 'hertz')).toBe('2.4 GHz');
    expect(formatValue(41.5, 'celsius')).toBe('41.5 °C');
    expect(formatValue(940_000_000, 'bps', 1)).toBe('940.0 Mb/s');
  });
  it('parses back what it wrote, within rounding', () => {
    for (const [v, u] of [
      [0.0042, 's'],
      [2500, 'ms'],
      [0.0512, 'percentunit'],
      [3.14159, 'reqps'],
      [123456, 'short'],
      [5e8, 'bytes'],
      [42.5, 'percent'],
      [3.3e6, 'bytesps'],
      [12_500, 'ops'],
      [250, 'us'],
      [2_500_000, 'ns'],
      [800, 'ns'],
      [1500, 'bits'],
      [940_000_000, 'bps'],
      [12_500, 'pps'],
      [320, 'iops'],
      [2_400_000_000, 'hertz'],
      [41.5, 'celsius'],
    ] as const) {
      const back = parseFormatted(formatValue(v, u), u) as number;
      expect(Math.abs(back - v) / v).toBeLessThan(0.01);
    }
  });
});

describe('legendName', () => {
  it('interpolates labels and falls back to the label set', () => {
    expect(legendName('{{workflow_type}} p95', { workflow_type: 'DAGWorkflow' })).toBe('DAGWorkflow p95');
    expect(legendName(undefined, { a: 'b' })).toBe('{a="b"}');
  });
});
