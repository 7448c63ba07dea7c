import type * as grpc from '@grpc/grpc-js';

const identity = (b: Buffer) => b;
/** The OTLP trace service with raw-bytes (de)serializers; test clients use it too. */
export const traceService: grpc.ServiceDefinition = {
  Export: {
    path: '/opentelemetry.proto.collector.trace.v1.TraceService/Export',
    requestStream: false,
    responseStream: false,
    requestSerialize: identity,
    requestDeserialize: identity,
    responseSerialize: identity,
    responseDeserialize: identity,
  },
};
