/** A URL fit to show: its password (and any user name) replaced, so no credential is ever displayed or logged. */
export function redactUrl(raw: string): string {
  try {
    const u = new URL(raw);
    if (!u.username && !u.password) return raw;
    u.username = u.username ? 'redacted' : '';
    u.password = u.password ? 'redacted' : '';
    return u.toString().replace(/\/$/, raw.endsWith('/') ? '/' : '');
  } catch {
    // Not a URL: drop anything that looks like credentials before an @.
    return raw.replace(/\/\/[^/@\s]*@/, '//redacted@');
  }
}
