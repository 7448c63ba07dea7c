import fs from 'node:fs';
import { z } from 'zod';

/**
 * How the console proves itself to Prometheus: basic auth, a bearer token, extra headers (a
 * tenant id for Mimir or Thanos, say) and a CA file for TLS. Read from the environment with the
 * rest of the configuration; a bad value is named, its secret never printed.
 */
export const prometheusCredentialShape = {
  PROMETHEUS_BASIC_AUTH_USER: z.string().optional(),
  PROMETHEUS_BASIC_AUTH_PASSWORD: z.string().optional(),
  PROMETHEUS_BEARER_TOKEN: z.string().optional(),
  PROMETHEUS_HEADERS: z.string().optional(),
  PROMETHEUS_CA_FILE: z.string().optional(),
};

export type PrometheusCredentials = { headers: Record<string, string>; caFile: string | undefined };

type Env = z.infer<z.ZodObject<typeof prometheusCredentialShape>>;

const TOKEN_RE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** The headers and CA file the environment asks for; problems go to `problems`, without the secrets. */
export function prometheusCredentials(e: Env, problems: string[]): PrometheusCredentials {
  const headers: Record<string, string> = {};
  for (const line of (e.PROMETHEUS_HEADERS ?? '').split(/\n|;/)) {
    if (!line.trim()) continue;
    const i = line.indexOf(':');
    const name = line.slice(0, i).trim();
    if (i <= 0 || !TOKEN_RE.test(name)) {
      problems.push(
        'PROMETHEUS_HEADERS must be "Name: value" pairs separated by ";" or new lines (like "X-Scope-OrgID: team-a")',
      );
      break;
    }
    headers[name] = line.slice(i + 1).trim();
  }
  const user = e.PROMETHEUS_BASIC_AUTH_USER;
  const password = e.PROMETHEUS_BASIC_AUTH_PASSWORD;
  if ((user === undefined) !== (password === undefined)) {
    problems.push('PROMETHEUS_BASIC_AUTH_USER and PROMETHEUS_BASIC_AUTH_PASSWORD go together: set both');
  } else if (user !== undefined && e.PROMETHEUS_BEARER_TOKEN) {
    problems.push('set PROMETHEUS_BASIC_AUTH_* or PROMETHEUS_BEARER_TOKEN, not both');
  }
  if (user !== undefined && password !== undefined) {
    headers.Authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  } else if (e.PROMETHEUS_BEARER_TOKEN) {
    headers.Authorization = `Bearer ${e.PROMETHEUS_BEARER_TOKEN}`;
  }
  const caFile = e.PROMETHEUS_CA_FILE || undefined;
  if (caFile) {
    try {
      fs.accessSync(caFile, fs.constants.R_OK);
    } catch {
      problems.push(`PROMETHEUS_CA_FILE: cannot read "${caFile}"`);
    }
  }
  return { headers, caFile };
}
