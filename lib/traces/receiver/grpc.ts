import * as grpc from '@grpc/grpc-js';
import { encodeExportResponse } from '../otlp/encode';
import { traceService } from './grpc-service';
import { type ReceiverOptions, recordOutcome, tokenOk } from './common';

/**
 * OTLP/gRPC trace receiver: opentelemetry.proto.collector.trace.v1.TraceService/Export. Messages
 * pass through grpc-js as raw bytes (identity serializers) and are decoded by the store's writer
 * thread, the same decoder as OTLP/HTTP. grpc-js enforces the size limit after decompression and
 * answers RESOURCE_EXHAUSTED itself.
 */

export async function startOtlpGrpc(
  opts: ReceiverOptions & { host: string; port: number },
): Promise<{ port: number; stop: () => Promise<void> }> {
  const server = new grpc.Server({
    'grpc.max_receive_message_length': opts.maxBytes,
    'grpc.max_send_message_length': 4 * 1024 * 1024,
  });
  server.addService(traceService, {
    Export: (call: grpc.ServerUnaryCall<Buffer, Buffer>, callback: grpc.sendUnaryData<Buffer>) => {
      const started = performance.now();
      const auth = call.metadata.get('authorization')[0];
      if (!tokenOk(typeof auth === 'string' ? auth : undefined, opts.token)) {
        callback({
          code: grpc.status.UNAUTHENTICATED,
          details: 'missing or wrong ingest token: send authorization: Bearer <token>',
        });
        recordOutcome('grpc', { ok: false, status: 'bad_request', message: '' }, 'UNAUTHENTICATED', started);
        return;
      }
      void opts.store.ingest('proto', call.request).then((outcome) => {
        if (outcome.ok) {
          callback(null, Buffer.from(encodeExportResponse(outcome.rejected, outcome.message)));
          recordOutcome('grpc', outcome, 'OK', started);
          return;
        }
        const code =
          outcome.status === 'bad_request'
            ? grpc.status.INVALID_ARGUMENT
            : outcome.status === 'internal'
              ? grpc.status.INTERNAL
              : grpc.status.UNAVAILABLE;
        callback({ code, details: outcome.message });
        recordOutcome('grpc', outcome, grpc.status[code] ?? String(code), started);
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${opts.host}:${opts.port}`, grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.tryShutdown(() => resolve());
        setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 2000).unref();
      }),
  };
}
