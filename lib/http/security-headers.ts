import { randomBytes } from 'node:crypto';

/**
 * The headers every answer of the console carries (issue 13). Scripts run only from the console
 * itself or with this request's nonce (Next puts it on its own inline scripts when it finds it in
 * the request's Content-Security-Policy); no page can be framed; HSTS once served over TLS.
 */
export function securityHeaders(opts: { nonce: string; tls: boolean; dev: boolean; formAction?: string }) {
  const script = [`'self'`, `'nonce-${opts.nonce}'`, `'strict-dynamic'`, ...(opts.dev ? [`'unsafe-eval'`] : [])];
  const csp = [
    `default-src 'self'`,
    `script-src ${script.join(' ')}`,
    // Charts and the editor set style attributes; styles cannot run code.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'${opts.dev ? ' ws: wss:' : ''}`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'${opts.formAction ? ` ${opts.formAction}` : ''}`,
    `frame-ancestors 'none'`,
  ].join('; ');
  const h: Record<string, string> = {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
  };
  if (opts.tls) h['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  return h;
}

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}
