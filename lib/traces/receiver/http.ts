import type http from 'node:http';
import { readBody } from '../../http/read-body';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { encodeExportResponse, encodeRpcStatus } from '../otlp/encode';
import type { IngestOutcome } from '../store/embedded';
import { RETRY_AFTER_S, type ReceiverOptions, recordOutcome, tokenOk } from './common';

/**
 * OTLP/HTTP trace receiver (https://opentelemetry.io/docs/specs/otlp/#otlphttp): POST /v1/traces
 * with application/x-protobuf or application/json, optionally gzip-compressed. The answer is in
 * the request's encoding and is sent only after the spans are committed. Failures carry a
 * google.rpc.Status; 429/503 carry Retry-After so exporters back off and retry.
 */

const gunzip = promisify(zlib.gunzip);
const GRPC = {
  INVALID_ARGUMENT: 3,
  RESOURCE_EXHAUSTED: 8,
  UNAUTHENTICATED: 16,
  UNAVAILABLE: 14,
  INTERNAL: 13,
  UNIMPLEMENTED: 12,
};

type Format = 'proto' | 'json';

function send(
  res: http.ServerResponse,
  status: number,
  format: Format,
  body: Uint8Array | object,
  extra: Record<string, string> = {},
) {
  const payload = format === 'json' ? Buffer.from(JSON.stringify(body)) : Buffer.from(body as Uint8Array);
  res.writeHead(status, {
    'Content-Type': format === 'json' ? 'application/json' : 'application/x-protobuf',
    'Content-Length': String(payload.length),
    ...extra,
  });
  res.end(payload);
}

function sendStatus(
  res: http.ServerResponse,
  status: number,
  format: Format,
  code: number,
  message: string,
  extra: Record<string, string> = {},
) {
  send(res, status, format, format === 'json' ? { code, message } : encodeRpcStatus(code, message), extra);
}

export async function handleOtlpHttp(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  opts: ReceiverOptions,
): Promise<void> {
  const started = performance.now();
  const ctype = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const format: Format | null =
    ctype === 'application/x-protobuf' ? 'proto' : ctype === 'application/json' ? 'json' : null;
  const fmt: Format = format ?? 'json';
  const finish = (status: number, outcome?: IngestOutcome) =>
    recordOutcome('http', outcome ?? { ok: false, status: 'bad_request', message: '' }, String(status), started);

  if (req.method !== 'POST') {
    req.resume();
    sendStatus(res, 405, fmt, GRPC.UNIMPLEMENTED, `${req.method} is not supported on /v1/traces: send POST`, {
      Allow: 'POST',
    });
    return finish(405);
  }
  if (!tokenOk(req.headers.authorization, opts.token)) {
    req.resume();
    sendStatus(
      res,
      401,
      fmt,
      GRPC.UNAUTHENTICATED,
      'missing or wrong ingest token: send Authorization: Bearer <token>',
      { 'WWW-Authenticate': 'Bearer' },
    );
    return finish(401);
  }
  if (!format) {
    req.resume();
    sendStatus(
      res,
      415,
      'json',
      GRPC.INVALID_ARGUMENT,
      `unsupported content type "${ctype || '(none)'}": use application/x-protobuf or application/json`,
    );
    return finish(415);
  }
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'gzip' && encoding !== 'identity') {
    req.resume();
    sendStatus(res, 415, fmt, GRPC.INVALID_ARGUMENT, `unsupported content encoding "${encoding}": use gzip or none`);
    return finish(415);
  }
  const tooLarge = `the export is larger than the limit of ${opts.maxBytes} bytes (after decompression)`;
  const raw = await readBody(req, opts.maxBytes);
  if (raw === 'too-large') {
    if (!res.destroyed) sendStatus(res, 413, fmt, GRPC.RESOURCE_EXHAUSTED, tooLarge);
    return finish(413);
  }
  let body: Buffer = raw;
  if (encoding === 'gzip') {
    try {
      // The output cap stops a gzip bomb before it is inflated in memory.
      body = await gunzip(raw, { maxOutputLength: opts.maxBytes });
    } catch (e) {
      const big = (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      sendStatus(
        res,
        big ? 413 : 400,
        fmt,
        big ? GRPC.RESOURCE_EXHAUSTED : GRPC.INVALID_ARGUMENT,
        big ? tooLarge : `the body is not valid gzip: ${(e as Error).message}`,
      );
      return finish(big ? 413 : 400);
    }
  }
  const outcome = await opts.store.ingest(format, body);
  if (outcome.ok) {
    const partial = outcome.rejected > 0 || outcome.message;
    send(
      res,
      200,
      format,
      format === 'json'
        ? partial
          ? { partialSuccess: { rejectedSpans: String(outcome.rejected), errorMessage: outcome.message } }
          : {}
        : encodeExportResponse(outcome.rejected, outcome.message),
    );
    return finish(200, outcome);
  }
  const [status, code] =
    outcome.status === 'bad_request'
      ? [400, GRPC.INVALID_ARGUMENT]
      : outcome.status === 'internal'
        ? [500, GRPC.INTERNAL]
        : [503, GRPC.UNAVAILABLE];
  sendStatus(
    res,
    status,
    format,
    code,
    outcome.message,
    status === 503 ? { 'Retry-After': String(RETRY_AFTER_S) } : {},
  );
  return finish(status, outcome);
}
