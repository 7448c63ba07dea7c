import { ApiError } from './fetch-json';

/**
 * Send a JSON body (or text that is JSON) to one of the console's API routes that change what is
 * stored, and read the answer; an error carries the server's status, code and message.
 */
export async function sendJson<T>(method: 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'network', 'The console server did not answer (network error).');
  }
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => null)) as (T & { error?: { code: string; message: string } }) | null;
  if (!res.ok || json === null) {
    throw new ApiError(res.status, json?.error?.code ?? 'http', json?.error?.message ?? `HTTP ${res.status}`);
  }
  return json;
}
