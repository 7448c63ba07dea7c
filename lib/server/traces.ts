import 'server-only';
import { AnswerableError, BadRequest } from '../errors';
import type { StoreHealth, TraceStore } from '../traces/model';
import { peekProcessSlot, setProcessSlot } from './process';

/** The process's trace store, opened by the console server's trace side at start (scripts/serve.ts). */
export function setTraceStore(store: TraceStore | undefined, whyNot?: string): void {
  setProcessSlot('traceStore', { store, whyNot });
}

export class StoreUnavailable extends AnswerableError {
  constructor(why?: string) {
    super(
      'StoreUnavailable',
      503,
      'store_unavailable',
      why ?? 'the trace store is not open in this process: start the console with `npm start` or `npm run demo`',
    );
  }
}

export function traceStore(): TraceStore {
  const slot = peekProcessSlot('traceStore');
  if (!slot?.store) throw new StoreUnavailable(slot?.whyNot);
  return slot.store;
}

export function badRequest(message: string): never {
  throw new BadRequest(message);
}

/** The trace store's state, for /api/ready: open and writing, failing writes (and since when), or not open. */
export function traceStoreHealth(): StoreHealth {
  const slot = peekProcessSlot('traceStore');
  if (!slot?.store) return { ok: false, detail: new StoreUnavailable(slot?.whyNot).message };
  return slot.store.health?.() ?? { ok: true, detail: 'open' };
}
