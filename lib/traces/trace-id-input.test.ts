import { describe, expect, it } from 'vitest';
import { parseTraceIdInput } from './trace-id-input';

const id = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('parseTraceIdInput', () => {
  it('accepts a trace id, a traceparent, an X-Trace-ID header line and a UUID', () => {
    expect(parseTraceIdInput(`  ${id.toUpperCase()} `)).toEqual({ traceId: id });
    expect(parseTraceIdInput(`00-${id}-00f067aa0ba902b7-01`)).toEqual({ traceId: id, spanId: '00f067aa0ba902b7' });
    expect(parseTraceIdInput(`traceparent: 00-${id}-00f067aa0ba902b7-01`)).toEqual({
      traceId: id,
      spanId: '00f067aa0ba902b7',
    });
    expect(parseTraceIdInput(`X-Trace-ID: ${id}`)).toEqual({ traceId: id });
    expect(parseTraceIdInput('4bf92f35-77b3-4da6-a3ce-929d0e0e4736')).toEqual({ traceId: id });
  });

  it('names what is wrong', () => {
    expect(parseTraceIdInput('')).toEqual({ error: expect.stringContaining('Paste a trace id') });
    expect(parseTraceIdInput('0'.repeat(32))).toEqual({ error: 'an all-zero trace id is invalid' });
    expect(parseTraceIdInput('00f067aa0ba902b7')).toEqual({ error: expect.stringContaining('that is a span id') });
    expect(parseTraceIdInput('hello')).toEqual({ error: expect.stringContaining('"hello" is not a trace id') });
    expect(parseTraceIdInput(`ff-${id}-00f067aa0ba902b7-01`)).toEqual({ error: 'traceparent version ff is invalid' });
  });
});
