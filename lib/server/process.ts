import type { AsyncLocalStorage } from 'node:async_hooks';
import type { AuthService } from '../auth/service';
import type { DashboardStore } from '../dashboards/store';
import type { ProvisionResult } from '../dashboards/provisioning';
import type { Principal } from '../auth/roles';
import type { PromClient } from '../prometheus/client';
import type { RangeCache } from '../prometheus/range-cache';
import type { TraceStore } from '../traces/model';
import type { ConsoleMetrics } from './metrics';
import type { TraceViewEntry } from './trace-views';

/** Who the request being served is for: its principal (null on an open path) and the client's address. */
export type RequestContext = { principal: Principal | null; address: string };

/** What the console server's trace side gives the store's users: the store, or why there is none. */
export type TraceStoreSlot = { store?: TraceStore; whyNot?: string };

/**
 * Every piece of process-wide state, one typed slot each. Next bundles lib/ once per layer
 * (route handlers, server components, SSR, instrumentation) and the console server loads the
 * trace side itself, so a module-level variable would exist several times in one process. The
 * slots live on globalThis under one registered symbol: every copy of this module reaches the
 * same objects. Nothing else touches globalThis (eslint); see docs/adr/0003.
 */
export type ProcessSlots = {
  metrics: ConsoleMetrics;
  promClient: PromClient;
  rangeCache: RangeCache;
  traceStore: TraceStoreSlot;
  traceViews: Map<string, TraceViewEntry>;
  /** Explore's completion answers (label names, series, metadata), kept briefly. */
  metaCache: Map<string, { at: number; answer: Promise<unknown> }>;
  /** Sessions, tokens and the audit log, made by the console server (absent in unit tests). */
  auth: AuthService;
  /** Dashboards users save (made by the console server). */
  dashboards: DashboardStore;
  /** Dashboards from DASHBOARDS_DIR, read when the console server starts. */
  provisioned: ProvisionResult;
  /** Who the request being served is, set by the console server's guard around each request. */
  requestContext: AsyncLocalStorage<RequestContext>;
};

const KEY = Symbol.for('shannon-console.process-slots');

function slots(): Partial<ProcessSlots> {
  const g = globalThis as { [KEY]?: Partial<ProcessSlots> };
  return (g[KEY] ??= {});
}

/** The slot's value, made by `create` the first time any copy of this module asks. */
export function processSlot<K extends keyof ProcessSlots>(key: K, create: () => ProcessSlots[K]): ProcessSlots[K] {
  const s = slots();
  return (s[key] ??= create());
}

/** The slot's value, or undefined when nothing has set it. */
export function peekProcessSlot<K extends keyof ProcessSlots>(key: K): ProcessSlots[K] | undefined {
  return slots()[key];
}

export function setProcessSlot<K extends keyof ProcessSlots>(key: K, value: ProcessSlots[K]): void {
  slots()[key] = value;
}
