import { timingSafeEqual } from 'node:crypto';
import { consoleMetrics } from '../../server/metrics';
import type { EmbeddedStore, IngestOutcome } from '../store/embedded';

/** What both OTLP receivers (HTTP and gRPC) share: limits, auth and the store they write to. */
export type ReceiverOptions = {
  store: EmbeddedStore;
  /** largest accepted export, measured after decompression */
  maxBytes: number;
  /** when set, exports must carry `Authorization: Bearer <token>` */
  token?: string;
};

/** Seconds a client should wait before retrying when the store is busy. */
export const RETRY_AFTER_S = 1;

export function tokenOk(header: string | undefined, token: string | undefined): boolean {
  if (!token) return true;
  if (!header) return false;
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!m) return false;
  const a = Buffer.from(m[1] as string);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function recordOutcome(
  transport: 'grpc' | 'http',
  outcome: IngestOutcome,
  status: string,
  startedMs: number,
): void {
  const m = consoleMetrics();
  if (outcome.ok) {
    if (outcome.accepted) m.otlpSpans.inc({ transport, outcome: 'accepted' }, outcome.accepted);
    if (outcome.duplicates) m.otlpSpans.inc({ transport, outcome: 'duplicate' }, outcome.duplicates);
    if (outcome.rejected) m.otlpSpans.inc({ transport, outcome: 'rejected' }, outcome.rejected);
  }
  m.otlpRequests.observe({ transport, status }, (performance.now() - startedMs) / 1000);
}
