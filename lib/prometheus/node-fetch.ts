import http from 'node:http';
import https from 'node:https';

/**
 * A minimal fetch on node:http with a keep-alive pool, for the hot path to Prometheus: undici's
 * fetch spends about a millisecond per request on Web-stream plumbing that a proxy hop of a few
 * milliseconds cannot afford (bench/prom-proxy). Supports what PromClient uses: method, headers,
 * a string or URLSearchParams body, and an AbortSignal.
 */
export type NodeFetchOptions = {
  /** CA certificates (PEM) to trust for an https Prometheus, besides the system's */
  ca?: string | Buffer;
  /** headers sent with every request (credentials, a tenant id); never logged */
  headers?: Record<string, string>;
};

/** A fetch for one upstream: its own keep-alive pool, CA and headers. */
export function makeNodeFetch(opts: NodeFetchOptions = {}): typeof fetch {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 64, ...(opts.ca ? { ca: opts.ca } : {}) }),
  };
  return ((input: string | URL, init: RequestInit & { maxBytes?: number } = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(String(input));
      const mod = url.protocol === 'https:' ? https : http;
      const body = init.body === undefined || init.body === null ? undefined : String(init.body);
      const headers: Record<string, string> = {
        ...opts.headers,
        ...(init.headers as Record<string, string> | undefined),
      };
      if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body));
      const req = mod.request(
        url,
        {
          method: init.method ?? 'GET',
          headers,
          agent: agents[url.protocol as 'http:'],
          signal: init.signal ?? undefined,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          const limit = init.maxBytes ?? Infinity;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size <= limit) return void chunks.push(c);
            // Past the cap: stop reading (the socket is dropped, not drained) and say why.
            chunks.length = 0;
            req.destroy();
            reject(Object.assign(new Error('answer too large'), { code: 'ANSWER_TOO_LARGE', limit }));
          });
          // Not a Web Response: building one (and reading it back through a stream) costs more
          // than the rest of the hop. PromClient reads only ok, status and text().
          res.on('end', () => {
            const body = Buffer.concat(chunks);
            const status = res.statusCode ?? 502;
            resolve({ ok: status >= 200 && status < 300, status, text: async () => body.toString('utf8') } as Response);
          });
          res.on('error', reject);
        },
      );
      req.on('error', (e) => reject(Object.assign(new TypeError('fetch failed'), { cause: e })));
      if (body !== undefined) req.write(body);
      req.end();
    })) as typeof fetch;
}

export const nodeFetch = makeNodeFetch();
