import {
  type Context,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  defaultTextMapGetter,
  defaultTextMapSetter,
  trace,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter as GrpcExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, type IdGenerator } from '@opentelemetry/sdk-trace-base';
import { type PlannedSpan, type RequestDetails, type Service, layoutTrace } from './trace-plan';

/**
 * Real OpenTelemetry SDK traces for the simulated requests, exported the way Shannon's services
 * do: the orchestrator over OTLP/gRPC, llm-service over OTLP/HTTP protobuf, agent-core over
 * OTLP/HTTP JSON. One provider per service; crossing a service boundary goes through a W3C
 * traceparent header, as between the real processes.
 */

/** Ids the workload already chose (they are in the exemplars); the SDK takes them from here. */
class PlannedIds implements IdGenerator {
  traceId = '';
  spanId = '';
  generateTraceId() {
    return this.traceId;
  }
  generateSpanId() {
    return this.spanId;
  }
}

/**
 * Epoch milliseconds as a double carry ~0.24 µs of rounding error; converting through whole
 * microseconds gives the SDK exact times, so durations match the exemplars to the nanosecond.
 */
function hr(ms: number): [number, number] {
  const us = Math.round(ms * 1000);
  return [Math.floor(us / 1e6), (us % 1e6) * 1000];
}

const KIND = { server: SpanKind.SERVER, client: SpanKind.CLIENT, internal: SpanKind.INTERNAL } as const;

export type TraceExport = { grpcUrl?: string; httpUrl?: string; headers?: Record<string, string> };

export class SimulatorTracing {
  private readonly ids = new PlannedIds();
  private readonly providers = new Map<Service, BasicTracerProvider>();
  private readonly propagator = new W3CTraceContextPropagator();
  exported = 0;

  constructor(opts: TraceExport) {
    const make = (service: Service, exporter: ConstructorParameters<typeof BatchSpanProcessor>[0]) =>
      new BasicTracerProvider({
        resource: resourceFromAttributes({
          'service.name': service,
          'service.namespace': 'shannon',
          'deployment.environment.name': 'simulator',
        }),
        idGenerator: this.ids,
        spanProcessors: [
          new BatchSpanProcessor(exporter, {
            maxQueueSize: 20_000,
            maxExportBatchSize: 512,
            scheduledDelayMillis: 1000,
          }),
        ],
      });
    const headers = opts.headers ?? {};
    if (opts.grpcUrl) this.providers.set('orchestrator', make('orchestrator', new GrpcExporter({ url: opts.grpcUrl })));
    if (opts.httpUrl) {
      const url = `${opts.httpUrl.replace(/\/+$/, '')}/v1/traces`;
      this.providers.set('llm-service', make('llm-service', new ProtoExporter({ url, headers })));
      this.providers.set('agent-core', make('agent-core', new JsonExporter({ url, headers })));
    }
  }

  /** Emits the request's trace: spans are created parents first, with their planned times. */
  record(d: RequestDetails): void {
    const spans = layoutTrace(d);
    const contexts = new Map<string, { ctx: Context; service: Service }>();
    for (const p of spans) {
      const provider = this.providers.get(p.service);
      const parent = p.parent ? contexts.get(p.parent) : undefined;
      let ctx: Context = parent?.ctx ?? ROOT_CONTEXT;
      if (parent && parent.service !== p.service) ctx = this.acrossProcess(ctx);
      this.ids.traceId = d.traceId;
      this.ids.spanId = p.id;
      if (!provider) {
        // Not exported, but children in other services still join the trace.
        contexts.set(p.id, {
          ctx: trace.setSpanContext(ctx, { traceId: d.traceId, spanId: p.id, traceFlags: 1, isRemote: false }),
          service: p.service,
        });
        continue;
      }
      const span = provider
        .getTracer(`shannon-${p.service}`, '0.1.0')
        .startSpan(p.name, { kind: KIND[p.kind], startTime: hr(p.startMs), attributes: p.attrs }, ctx);
      finish(span, p);
      contexts.set(p.id, { ctx: trace.setSpan(ctx, span), service: p.service });
      this.exported++;
    }
  }

  /** What a real hop does: serialise the context into traceparent, parse it on the other side. */
  private acrossProcess(ctx: Context): Context {
    const carrier: Record<string, string> = {};
    this.propagator.inject(ctx, carrier, defaultTextMapSetter);
    return this.propagator.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter);
  }

  async flush(): Promise<void> {
    await Promise.all([...this.providers.values()].map((p) => p.forceFlush().catch(() => {})));
  }

  async shutdown(): Promise<void> {
    await Promise.all([...this.providers.values()].map((p) => p.shutdown().catch(() => {})));
  }
}

function finish(span: Span, p: PlannedSpan) {
  for (const e of p.events ?? []) span.addEvent(e.name, e.attrs ?? {}, hr(e.tMs));
  if (p.error) span.setStatus({ code: SpanStatusCode.ERROR, message: p.error });
  span.end(hr(p.endMs));
}
