import type { Attribute } from '../model';

/**
 * An OTLP export request after decoding (protobuf or JSON), before validation and storage.
 * Ids stay raw bytes and times bigint: this is the ingest hot path, hex strings come later.
 */
export type RawEvent = { timeNs: bigint; name: string; attributes: Attribute[]; droppedAttributesCount: number };
export type RawLink = {
  traceId: Uint8Array;
  spanId: Uint8Array;
  traceState: string;
  flags: number;
  attributes: Attribute[];
  droppedAttributesCount: number;
};
export type RawSpan = {
  traceId: Uint8Array;
  spanId: Uint8Array;
  parentSpanId: Uint8Array;
  traceState: string;
  flags: number;
  name: string;
  kind: number;
  startNs: bigint;
  endNs: bigint;
  attributes: Attribute[];
  droppedAttributesCount: number;
  events: RawEvent[];
  droppedEventsCount: number;
  links: RawLink[];
  droppedLinksCount: number;
  statusCode: number;
  statusMessage: string;
};
export type RawScope = { name: string; version: string; attributes: Attribute[]; droppedAttributesCount: number };
export type RawResource = { attributes: Attribute[]; droppedAttributesCount: number };
export type RawScopeSpans = { scope: RawScope; schemaUrl: string; spans: RawSpan[] };
export type RawResourceSpans = { resource: RawResource; schemaUrl: string; scopeSpans: RawScopeSpans[] };
export type RawExport = { resourceSpans: RawResourceSpans[] };

/** What the store needs of a span at ingest: index fields and the span's protobuf bytes. */
export type IngestSpan = {
  traceId: Uint8Array;
  spanId: Uint8Array;
  parentSpanId: Uint8Array;
  name: string;
  kind: number;
  startNs: bigint;
  endNs: bigint;
  statusCode: number;
  /** the Span message, protobuf-encoded: as received, or encoded from JSON */
  body: Uint8Array;
  /** range in IngestExport.kvHashes of this span's KeyValue hashes (attributes, events, links, nested) */
  kvStart: number;
  kvEnd: number;
};
export type IngestScopeSpans = { scope: RawScope; schemaUrl: string; spans: IngestSpan[] };
export type IngestExport = {
  resourceSpans: { resource: RawResource; schemaUrl: string; scopeSpans: IngestScopeSpans[] }[];
  kvHashes: Uint32Array;
};
