import 'server-only';
import type { TraceStore } from '../traces/model';
import { BadRequest } from './route';

/**
 * The process's trace store, opened by the console server (scripts/serve.ts) at start. Kept on
 * globalThis because the server and Next's bundled route modules are separate module graphs.
 */
const g = globalThis as unknown as { __traceStore?: TraceStore; __traceStoreWhyNot?: string };

export function setTraceStore(store: TraceStore | undefined, whyNot?: string): void {
  g.__traceStore = store;
  g.__traceStoreWhyNot = whyNot;
}

export class StoreUnavailable extends Error {
  constructor(why?: string) {
    super(why ?? 'the trace store is not open in this process: start the console with `npm start` or `npm run demo`');
    this.name = 'StoreUnavailable';
  }
}

export function traceStore(): TraceStore {
  if (!g.__traceStore) throw new StoreUnavailable(g.__traceStoreWhyNot);
  return g.__traceStore;
}

export function badRequest(message: string): never {
  throw new BadRequest(message);
}
