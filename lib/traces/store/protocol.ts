/** Messages between the main thread and the store's writer thread. */
export type ToWorker = { type: 'ingest'; id: number; format: 'proto' | 'json'; body: Uint8Array } | { type: 'stop' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'stopped' }
  | { type: 'result'; id: number; ok: true; accepted: number; duplicates: number; rejected: number; message: string }
  | { type: 'result'; id: number; ok: false; status: 'bad_request' | 'unavailable' | 'internal'; message: string };
