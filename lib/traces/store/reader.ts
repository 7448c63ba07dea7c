import Database from 'better-sqlite3';
import { buildTrace, kindName, toModelSpan } from '../convert';
import { rangeOnly, SORT_CAP } from '../model';
import { orderTraces } from './sort';
import type {
  Attribute,
  Resource,
  Scope,
  SkeletonColumns,
  Span,
  SpanDetail,
  SpanExtras,
  Trace,
  TraceSearch,
  TraceSearchResult,
} from '../model';
import { decodeSpan } from '../otlp/decode-proto';
import { decodeSpanExtras, decodeSpanStrings } from '../otlp/decode-stored';
import { Reader } from '../otlp/wire';
import { tagEntry } from './rows';
import { unpackSkeletons } from './skeleton';
import { recentIds, sampleTraces, searchGroups, searchIndex, type Statements } from './trace-sets';
import { tagPatterns } from './tag-match';
import { kvHash } from './bloom';
import { openDatabase } from './schema';
import { type SpanHead, summarize } from './summary';

/**
 * The embedded store's read side, on its own read-only connection (WAL lets it read while the
 * writer thread commits). Search walks the (service, start_ns) or (start_ns) index newest first
 * and stops as soon as it has `limit` distinct traces.
 */
export class SqliteReader {
  private readonly db: Database.Database;
  private readonly origins = new Map<number, { service: string; resource: Resource; scope: Scope }>();
  private readonly statements = new Map<string, Database.Statement>();

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    openDatabase(this.db, 'normal', true);
  }

  private origin(id: number) {
    let o = this.origins.get(id);
    if (!o) {
      const row = this.db.prepare('SELECT service, body FROM origins WHERE id = ?').get(id) as
        { service: string; body: string } | undefined;
      const body = row
        ? (JSON.parse(row.body) as { resource: Resource; scope: Scope })
        : {
            resource: { attributes: [], droppedAttributesCount: 0, schemaUrl: '' },
            scope: { name: '', version: '', attributes: [], droppedAttributesCount: 0, schemaUrl: '' },
          };
      o = { service: row?.service ?? 'unknown_service', ...body };
      this.origins.set(id, o);
    }
    return o;
  }

  /** A trace's span rows: one rowid range per export that carried it; a span sent twice counts once. */
  private traceRows<T extends { span_id: Buffer }>(id: Buffer, columns: string, safe = false): T[] {
    const ranges = this.db.prepare('SELECT lo, hi FROM trace_groups WHERE trace_id = ? ORDER BY lo').all(id) as {
      lo: number;
      hi: number;
    }[];
    const stmt = this.db
      .prepare(`SELECT span_id, ${columns} FROM spans WHERE rowid BETWEEN ? AND ? AND trace_id = ?`)
      .safeIntegers(safe);
    const seen = new Set<string>();
    const out: T[] = [];
    for (const r of ranges) {
      for (const row of stmt.all(r.lo, r.hi, id) as T[]) {
        const key = row.span_id.toString('latin1');
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(row);
      }
    }
    return out;
  }

  trace(traceId: string): Trace | null {
    const rows = this.traceRows<{ span_id: Buffer; origin: number; body: Buffer }>(
      Buffer.from(traceId, 'hex'),
      'origin, body',
    );
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

  /** A statement prepared once: the analysis and the map ask the same few thousands of times. */
  private readonly statement: Statements = (sql) => {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st;
  };

  /** The waterfall's skeleton of a trace: its groups' packed skeletons (lib/traces/store/skeleton.ts). */
  skeleton(traceId: string): SkeletonColumns | null {
    const groups = this.statement('SELECT skel, lo FROM trace_groups WHERE trace_id = ? ORDER BY lo').all(
      Buffer.from(traceId, 'hex'),
    ) as { skel: Buffer; lo: number }[];
    if (groups.length === 0) return null;
    // Retention removes spans oldest rowid first and may leave a group it has only partly removed.
    const minRowid = (this.statement('SELECT min(rowid) FROM spans').pluck().get() as number | null) ?? 0;
    return unpackSkeletons(groups, minRowid);
  }

  /** Attributes and event times of spans, by the refs a skeleton gave out. */
  extras(refs: number[]): SpanExtras[] {
    const out: SpanExtras[] = [];
    const one = this.statement('SELECT origin, body FROM spans WHERE rowid = ?');
    for (const ref of refs) {
      if (!Number.isSafeInteger(ref)) continue;
      const row = one.get(ref) as { origin: number; body: Buffer } | undefined;
      if (row) out.push({ ref, origin: row.origin, ...decodeSpanExtras(new Reader(row.body)) });
    }
    return out;
  }

  /** The string attributes named by `keys` of the spans `refs`, by ref; spans without any are left out. */
  spanStrings(refs: number[], keys: ReadonlySet<string>): Map<number, Map<string, string>> {
    const out = new Map<number, Map<string, string>>();
    const one = this.statement('SELECT body FROM spans WHERE rowid = ?').pluck();
    for (const ref of refs) {
      if (!Number.isSafeInteger(ref)) continue;
      const body = one.get(ref) as Buffer | undefined;
      if (!body) continue;
      const m = decodeSpanStrings(new Reader(body), keys);
      if (m.size) out.set(ref, m);
    }
    return out;
  }

  /** The resource attributes of a span's origin (kept once per process and read once). */
  resourceAttributes(origin: number): Attribute[] {
    return this.origin(origin).resource.attributes;
  }

  span(traceId: string, spanId: string): SpanDetail | null {
    const id = Buffer.from(traceId, 'hex');
    const sid = Buffer.from(spanId, 'hex');
    const ranges = this.db.prepare('SELECT lo, hi FROM trace_groups WHERE trace_id = ? ORDER BY lo').all(id) as {
      lo: number;
      hi: number;
    }[];
    const stmt = this.db.prepare(
      'SELECT origin, body FROM spans WHERE rowid BETWEEN ? AND ? AND trace_id = ? AND span_id = ?',
    );
    for (const r of ranges) {
      const row = stmt.get(r.lo, r.hi, id, sid) as { origin: number; body: Buffer } | undefined;
      if (!row) continue;
      const o = this.origin(row.origin);
      return {
        span: toModelSpan(decodeSpan(new Reader(row.body)), o.service, String(row.origin)),
        resource: o.resource,
        scope: o.scope,
      };
    }
    return null;
  }

  /** The filters of a search, as SQL over `spans`, and the tags only a Bloom filter can pre-test. */
  private filters(q: TraceSearch): { where: string[]; args: unknown[]; bloomTags: number[][] } {
    const where: string[] = ['start_ns >= ?', 'start_ns <= ?'];
    const args: unknown[] = [q.fromNs, q.toNs];
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
    // Tags that only span bytes can satisfy are pre-filtered per group with its Bloom filter.
    const bloomTags: number[][] = [];
    for (const t of q.tags) {
      if (t.key === 'status' && (t.value === 'error' || t.value === 'ok' || t.value === 'unset')) {
        where.push('status = ?');
        args.push(['unset', 'ok', 'error'].indexOf(t.value));
        continue;
      }
      const origins = this.db
        .prepare('SELECT id FROM origins WHERE instr(tags, ?) > 0')
        .pluck()
        .all(tagEntry(t.key, t.value)) as number[];
      const patterns = tagPatterns(t.key, t.value);
      const alternatives = patterns.map(() => 'instr(body, ?) > 0');
      if (origins.length) alternatives.push(`origin IN (${origins.join(',')})`);
      else bloomTags.push(patterns.map((p) => kvHash(p, 0, p.length)));
      where.push(`(${alternatives.join(' OR ')})`);
      args.push(...patterns);
    }
    return { where, args, bloomTags };
  }

  /**
   * The ids of the traces a search matches, newest first, up to `limit`, without reading their
   * spans (the analysis reads their skeletons instead).
   */
  matchingIds(q: TraceSearch): Buffer[] {
    if (rangeOnly(q)) return recentIds(this.statement, q.fromNs, q.toNs, q.limit);
    const { where, args, bloomTags } = this.filters(q);
    const found = bloomTags.length
      ? searchGroups(this.db, q, where, args, bloomTags)
      : searchIndex(this.db, this.servicesOf(q), q, where, args);
    return [...found.values()];
  }

  search(q: TraceSearch): TraceSearchResult {
    const { where, args, bloomTags } = this.filters(q);
    // A sorted search orders the whole result set (its newest SORT_CAP traces), then keeps `limit`.
    const sorted = q.sort !== undefined && q.sort !== 'newest';
    const want = sorted ? { ...q, limit: SORT_CAP } : q;
    const found = bloomTags.length
      ? searchGroups(this.db, want, where, args, bloomTags)
      : searchIndex(this.db, this.servicesOf(q), want, where, args);
    let ids = [...found];
    if (sorted) ids = orderTraces(this.db, ids, q.sort!).slice(0, q.limit);
    const out = ids.map(([key, id]) =>
      summarize(
        key,
        this.traceRows<SpanHead & { span_id: Buffer }>(id, 'parent_id, service, name, start_ns, dur_ns, status', true),
      ),
    );
    const traces = sorted
      ? out
      : out.sort((a, b) =>
          BigInt(b.startNs) > BigInt(a.startNs) ? 1 : BigInt(b.startNs) < BigInt(a.startNs) ? -1 : 0,
        );
    return sorted ? { traces, matched: found.size, capped: found.size >= SORT_CAP } : { traces };
  }

  /**
   * An even sample of the traces whose root span starts in [fromNs, toNs], and how many there are
   * (lib/traces/store/trace-sets.ts).
   */
  sampleTraces(fromNs: bigint, toNs: bigint, n: number): { ids: Buffer[]; population: number } {
    return sampleTraces(this.statement, fromNs, toNs, n);
  }

  /** The services a search walks: its own, or every one. */
  private servicesOf(q: TraceSearch): string[] {
    return q.service !== undefined ? [q.service] : this.services();
  }

  services(): string[] {
    return this.db.prepare('SELECT DISTINCT service FROM operations ORDER BY service').pluck().all() as string[];
  }

  operations(service: string): { name: string; kind: ReturnType<typeof kindName> }[] {
    const rows = this.db
      .prepare('SELECT name, kind FROM operations WHERE service = ? ORDER BY name, kind')
      .all(service) as { name: string; kind: number }[];
    return rows.map((r) => ({ name: r.name, kind: kindName(r.kind) }));
  }

  spanCount(): number {
    return Number(this.db.prepare('SELECT count(*) FROM spans').pluck().get());
  }

  close(): void {
    this.db.close();
  }
}
