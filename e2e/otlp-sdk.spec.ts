import { randomBytes } from 'node:crypto';
import { SpanKind, SpanStatusCode, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { OTLPTraceExporter as GrpcExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Attribute, Span } from '../lib/traces/model';
import { expect, test } from './fixtures';
import { traceWithSpans } from './otlp-helpers';

/**
 * The three real OpenTelemetry JS exporters against the running console: what the SDK sent is
 * exactly what the trace API returns (span count, parent links, kinds, typed attribute values,
 * events, links, status, resource).
 */

const exporters: Record<string, (grpcPort: number, httpPort: number, consoleUrl: string) => SpanExporter> = {
  'OTLP/gRPC': (g) => new GrpcExporter({ url: `http://127.0.0.1:${g}` }),
  'OTLP/HTTP protobuf (dedicated port)': (_g, h) => new ProtoExporter({ url: `http://127.0.0.1:${h}/v1/traces` }),
  'OTLP/HTTP JSON (console port)': (_g, _h, c) =>
    new JsonExporter({ url: `${c.replace('localhost', '127.0.0.1')}/v1/traces` }),
};

function attr(span: Span | undefined, key: string): Attribute['value'] | undefined {
  return span?.attributes.find((a) => a.key === key)?.value;
}

for (const [name, make] of Object.entries(exporters)) {
  test(`${name}: the trace API returns exactly the spans the SDK sent`, async ({ stack }) => {
    const service = `e2e-${name.replace(/\W+/g, '-').toLowerCase()}`;
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': service, 'host.name': 'e2e-host' }),
      spanProcessors: [new BatchSpanProcessor(make(stack.otlp.grpcPort, stack.otlp.httpPort, stack.consoleUrl))],
    });
    const tracer = provider.getTracer('e2e-scope', '1.2.3');
    const linked = { traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'), traceFlags: 1 };
    const t0 = Date.now() - 5000;
    const root = tracer.startSpan(
      'GET /checkout',
      { kind: SpanKind.SERVER, startTime: t0, attributes: { 'http.response.status_code': 200 } },
      ROOT_CONTEXT,
    );
    const rootCtx = trace.setSpan(ROOT_CONTEXT, root);
    const a = tracer.startSpan(
      'db.query',
      {
        kind: SpanKind.CLIENT,
        startTime: t0 + 10,
        attributes: {
          'db.statement': 'SELECT 1 "quoted" \\ back',
          rows: 42,
          ratio: 0.25,
          cached: true,
          tags: ['x', 'y'],
        },
      },
      rootCtx,
    );
    a.addEvent('retry', { attempt: 2 }, t0 + 20);
    const b = tracer.startSpan(
      'render',
      { kind: SpanKind.INTERNAL, startTime: t0 + 15, links: [{ context: linked, attributes: { why: 'fan-in' } }] },
      rootCtx,
    );
    b.setStatus({ code: SpanStatusCode.ERROR, message: 'template missing' });
    const c = tracer.startSpan('db.connect', { startTime: t0 + 11 }, trace.setSpan(rootCtx, a));
    c.end(t0 + 12);
    a.end(t0 + 30);
    b.end(t0 + 40);
    root.end(t0 + 50);
    await provider.forceFlush();
    await provider.shutdown();

    const traceId = root.spanContext().traceId;
    const got = await traceWithSpans(stack.consoleUrl, traceId, 4);
    expect(got.spans).toHaveLength(4);
    const byName = new Map(got.spans.map((s) => [s.name, s]));
    const [r, sa, sb, sc] = ['GET /checkout', 'db.query', 'render', 'db.connect'].map((n) => byName.get(n));
    expect(r?.parentSpanId).toBeUndefined();
    expect(sa?.parentSpanId).toBe(root.spanContext().spanId);
    expect(sb?.parentSpanId).toBe(root.spanContext().spanId);
    expect(sc?.parentSpanId).toBe(a.spanContext().spanId);
    expect(r?.kind).toBe('server');
    expect(sa?.kind).toBe('client');
    expect(r?.service).toBe(service);
    expect(got.durationNs).toBe('50000000');
    expect(sa?.durationNs).toBe('20000000');
    expect(attr(sa, 'db.statement')).toEqual({ type: 'string', value: 'SELECT 1 "quoted" \\ back' });
    expect(attr(sa, 'rows')).toEqual({ type: 'int', value: '42' });
    expect(attr(sa, 'ratio')).toEqual({ type: 'double', value: 0.25 });
    expect(attr(sa, 'cached')).toEqual({ type: 'bool', value: true });
    expect(attr(sa, 'tags')).toEqual({
      type: 'array',
      value: [
        { type: 'string', value: 'x' },
        { type: 'string', value: 'y' },
      ],
    });
    expect(sa?.events).toEqual([
      {
        timeNs: String(BigInt(t0 + 20) * 1_000_000n),
        name: 'retry',
        attributes: [{ key: 'attempt', value: { type: 'int', value: '2' } }],
        droppedAttributesCount: 0,
      },
    ]);
    expect(sb?.status).toEqual({ code: 'error', message: 'template missing' });
    expect(sb?.links[0]).toMatchObject({
      traceId: linked.traceId,
      spanId: linked.spanId,
      attributes: [{ key: 'why', value: { type: 'string', value: 'fan-in' } }],
    });
    const res = got.resources[r?.resourceId ?? ''];
    expect(res?.resource.attributes).toEqual(
      expect.arrayContaining([
        { key: 'service.name', value: { type: 'string', value: service } },
        { key: 'host.name', value: { type: 'string', value: 'e2e-host' } },
      ]),
    );
    expect(res?.scope).toMatchObject({ name: 'e2e-scope', version: '1.2.3' });
    expect(got.warnings).toEqual([]);

    // The same trace through search, services and operations.
    const search = async (q: string) => {
      const res = await fetch(`${stack.consoleUrl}/api/traces?service=${encodeURIComponent(service)}&from=now-1h&${q}`);
      expect(res.status, q).toBe(200);
      return (
        (await res.json()) as { traces: { traceId: string; spanCount: number; errorCount: number; rootName: string }[] }
      ).traces;
    };
    expect(await search('tags=rows%3D42')).toEqual([
      expect.objectContaining({ traceId, spanCount: 4, errorCount: 1, rootName: 'GET /checkout' }),
    ]);
    expect((await search('minDuration=45ms')).map((t) => t.traceId)).toEqual([traceId]);
    expect(await search('minDuration=60ms')).toEqual([]);
    expect(await search('tags=rows%3D43')).toEqual([]);
    expect(await search('tags=status%3Derror&operation=render')).toHaveLength(1);
    const services = (await (await fetch(`${stack.consoleUrl}/api/services`)).json()) as { services: string[] };
    expect(services.services).toContain(service);
    const ops = (await (
      await fetch(`${stack.consoleUrl}/api/services/${encodeURIComponent(service)}/operations`)
    ).json()) as { operations: { name: string; kind: string }[] };
    expect(ops.operations).toEqual(
      expect.arrayContaining([
        { name: 'db.query', kind: 'client' },
        { name: 'GET /checkout', kind: 'server' },
      ]),
    );
  });
}

test('the trace API names what is wrong: 400 for malformed input, 404 for an unknown trace', async ({ stack }) => {
  const get = async (p: string) => {
    const res = await fetch(`${stack.consoleUrl}${p}`);
    return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
  };
  expect(await get('/api/traces/xyz')).toEqual({
    status: 400,
    body: { error: { code: 'bad_request', message: 'invalid trace id "xyz": expected 32 hex digits, not all zero' } },
  });
  const missing = await get(`/api/traces/${'ab'.repeat(16)}`);
  expect(missing.status).toBe(404);
  expect(missing.body.error.message).toContain(`trace ${'ab'.repeat(16)} is not in the store`);
  expect((await get('/api/traces?minDuration=soon')).body.error.message).toContain('invalid parameter "minDuration"');
  expect((await get('/api/traces?limit=5000')).body.error.message).toContain('invalid parameter "limit"');
  expect((await get('/api/traces?tags=a%3D%22open')).body.error.message).toContain('invalid parameter "tags"');
});

test('the simulator’s exemplars lead to real traces whose root lasts exactly the exemplar value', async ({ stack }) => {
  const om = await (
    await fetch(`http://127.0.0.1:${stack.simulator.orchestrator}/metrics`, {
      headers: { Accept: 'application/openmetrics-text' },
    })
  ).text();
  const lines = om
    .split('\n')
    .filter((l) => l.startsWith('shannon_workflow_duration_seconds_bucket') && l.includes('trace_id='));
  expect(lines.length).toBeGreaterThan(0);
  // The newest live exemplar (history has exemplars too, but no traces).
  const parsed = lines
    .map((l) => /trace_id="([0-9a-f]{32})",span_id="([0-9a-f]{16})"\} ([0-9.e+-]+) ([0-9.]+)/.exec(l))
    .filter((x): x is RegExpExecArray => x !== null)
    .filter((x) => Number(x[4]) * 1000 > stack.historyEndMs)
    .sort((x, y) => Number(y[4]) - Number(x[4]));
  expect(parsed.length, 'a live exemplar on the workflow histogram').toBeGreaterThan(0);
  const [, traceId, spanId, value] = parsed[0] as unknown as [string, string, string, string];
  const got = await traceWithSpans(stack.consoleUrl, traceId, 3, 15_000);
  const root = got.spans.find((s) => s.spanId === spanId);
  expect(root?.parentSpanId).toBeUndefined();
  expect(Number(root?.durationNs) / 1e9).toBe(Number(value));
  expect(new Set(got.spans.map((s) => s.service))).toEqual(new Set(['orchestrator', 'agent-core', 'llm-service']));
  const llm = got.spans.find((s) => s.service === 'llm-service');
  expect(attr(llm, 'gen_ai.usage.input_tokens')?.type).toBe('int');
  expect(got.warnings).toEqual([]);
});
