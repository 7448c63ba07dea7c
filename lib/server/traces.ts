import 'server-only';
import { AnswerableError, BadRequest } from '../errors';
import type { TraceStore } from '../traces/model';
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
