import Database from 'better-sqlite3';
import { buildTrace, kindName, toModelSpan } from '../convert';
import type { Resource, Scope, Span, Trace, TraceSearch, TraceSummary } from '../model';
import { decodeSpan } from '../otlp/decode-proto';
import { Reader } from '../otlp/wire';
import { tagEntry } from './rows';
import { openDatabase } from './schema';

type SpanHead = { trace_id: Buffer; parent_id: Buffer | null; service: string; name: string; start_ns: bigint; dur_ns: bigint; status: number | bigint };

/**
 * The embedded store's read side, on its own read-only connection (WAL lets it read while the
 * writer thread commits). Search walks the (service, start_ns) or (start_ns) index newest first
 * and stops as soon as it has `limit` distinct traces.
 */
export class SqliteReader {
  private readonly db: Database.Database;
  private readonly origins = new Map<number, { service: string; resource: Resource; scope: Scope }>();

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    openDatabase(this.db, 'normal', true);
  }

  private origin(id: number) {
    let o = this.origins.get(id);
    if (!o) {
      const row = this.db.prepare('SELECT service, body FROM origins WHERE id = ?').get(id) as { service: string; body: string } | undefined;
      const body = row ? (JSON.parse(row.body) as { resource: Resource; scope: Scope }) : { resource: { attributes: [], droppedAttributesCount: 0, schemaUrl: '' }, scope: { name: '', version: '', attributes: [], droppedAttributesCount: 0, schemaUrl: '' } };
      o = { service: row?.service ?? 'unknown_service', ...body };
      this.origins.set(id, o);
    }
    return o;
  }

  trace(traceId: string): Trace | null {
    const rows = this.db.prepare('SELECT origin, body FROM spans WHERE trace_id = ?').all(Buffer.from(traceId, 'hex')) as { origin: number; body: Buffer }[];
    if (rows.length === 0) return null;
    const resources: Trace['resources'] = {};
    const spans: Span[] = rows.map((r) => {
      const o = this.origin(r.origin);
      const key = String(r.origin);
      resources[key] ??= { resource: o.resource, scope: o.scope };
      return toModelSpan(decodeSpan(new Reader(r.body)), o.service, key);
    });
    return buildTrace(traceId, spans, resources);
  }

  search(q: TraceSearch): TraceSummary[] {
    const where: string[] = ['start_ns >= ?', 'start_ns <= ?'];
    const args: unknown[] = [q.fromNs, q.toNs];
    if (q.service !== undefined) {
      where.unshift('service = ?');
      args.unshift(q.service);
    }
    if (q.operation !== undefined) {
      where.push('name = ?');
      args.push(q.operation);
    }
    if (q.minDurationNs !== undefined) {
      where.push('dur_ns >= ?');
      args.push(q.minDurationNs);
    }
    if (q.maxDurationNs !== undefined) {
      where.push('dur_ns <= ?');
      args.push(q.maxDurationNs);
    }
    for (const t of q.tags) {
      if (t.key === 'status' && (t.value === 'error' || t.value === 'ok' || t.value === 'unset')) {
        where.push('status = ?');
        args.push(['unset', 'ok', 'error'].indexOf(t.value));
        continue;
      }
      const entry = tagEntry(t.key, t.value);
      const origins = this.db.prepare('SELECT id FROM origins WHERE instr(tags, ?) > 0').pluck().all(entry) as number[];
      where.push(origins.length ? `(instr(tags, ?) > 0 OR origin IN (${origins.join(',')}))` : 'instr(tags, ?) > 0');
      args.push(entry);
    }
    const index = q.service !== undefined ? 'spans_service' : 'spans_start';
    const sql = `SELECT trace_id FROM spans INDEXED BY ${index} WHERE ${where.join(' AND ')} ORDER BY start_ns DESC`;
    const stmt = this.db.prepare(sql).pluck().safeIntegers(true);
    const ids = new Map<string, Buffer>();
    for (const id of stmt.iterate(...args) as IterableIterator<Buffer>) {
      const key = id.toString('hex');
      if (!ids.has(key)) ids.set(key, id);
      if (ids.size >= q.limit) break;
    }
    const heads = this.db.prepare('SELECT trace_id, parent_id, service, name, start_ns, dur_ns, status FROM spans WHERE trace_id = ?').safeIntegers(true);
    const out = [...ids].map(([key, id]) => summarize(key, heads.all(id) as SpanHead[]));
    return out.sort((a, b) => (BigInt(b.startNs) > BigInt(a.startNs) ? 1 : BigInt(b.startNs) < BigInt(a.startNs) ? -1 : 0));
  }

  services(): string[] {
    return this.db.prepare('SELECT DISTINCT service FROM operations ORDER BY service').pluck().all() as string[];
  }

  operations(service: string): { name: string; kind: ReturnType<typeof kindName> }[] {
    const rows = this.db.prepare('SELECT name, kind FROM operations WHERE service = ? ORDER BY name, kind').all(service) as { name: string; kind: number }[];
    return rows.map((r) => ({ name: r.name, kind: kindName(r.kind) }));
  }

  spanCount(): number {
    return Number(this.db.prepare('SELECT count(*) FROM spans').pluck().get());
  }

  close(): void {
    this.db.close();
  }
}

/** A trace's summary from its spans' heads: the root is the span without a parent (else the earliest). */
export function summarize(traceId: string, spans: SpanHead[]): TraceSummary {
  let start = spans[0]?.start_ns ?? 0n;
  let end = 0n;
  let root: SpanHead | undefined;
  let errors = 0;
  const services = new Map<string, number>();
  for (const s of spans) {
    if (s.start_ns < start) start = s.start_ns;
    const e = s.start_ns + s.dur_ns;
    if (e > end) end = e;
    if (Number(s.status) === 2) errors++;
    services.set(s.service, (services.get(s.service) ?? 0) + 1);
    if (!s.parent_id && (!root || s.start_ns < root.start_ns)) root = s;
  }
  if (!root) root = spans.reduce<SpanHead | undefined>((a, s) => (!a || s.start_ns < a.start_ns ? s : a), undefined);
  return {
    traceId,
    rootService: root?.service ?? '',
    rootName: root?.name ?? '',
    startNs: start.toString(),
    durationNs: (end - start).toString(),
    spanCount: spans.length,
    errorCount: errors,
    services: [...services].map(([service, spanCount]) => ({ service, spanCount })).sort((a, b) => b.spanCount - a.spanCount),
  };
}
