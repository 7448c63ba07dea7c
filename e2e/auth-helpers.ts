import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Runs the real `npm run user` command (scripts/user.ts) against a users file. */
export function userCli(args: string[], env: Record<string, string>, input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/user.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(ROOT, 'tsconfig.server.json'), ...env },
    input,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export type AppRoute = { kind: 'page' | 'api'; path: string; methods: string[]; file: string };

const SAMPLE: Record<string, string> = {
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: 'b7ad6b7169203331',
  service: 'orchestrator',
  name: 'job',
  id: '1',
  uid: 'abc123',
};

/** Every page and API route under app/, with its path (dynamic segments filled) and, for APIs, its methods. */
export function appRoutes(): AppRoute[] {
  const out: AppRoute[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name === 'page.tsx' || e.name === 'route.ts') {
        const rel = path.relative(path.join(ROOT, 'app'), path.dirname(full));
        const segments = rel
          .split(path.sep)
          .filter((s) => s && !/^\(.*\)$/.test(s))
          .map((s) => {
            const m = /^\[(\w+)\]$/.exec(s);
            if (!m) return s;
            const v = SAMPLE[m[1]!];
            if (!v) throw new Error(`no sample value for the segment ${s} in ${full}: add one to SAMPLE`);
            return v;
          });
        const p = `/${segments.join('/')}`;
        if (e.name === 'page.tsx') out.push({ kind: 'page', path: p, methods: ['GET'], file: full });
        else {
          const src = fs.readFileSync(full, 'utf8');
          const methods = [...src.matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map(
            (m) => m[1]!,
          );
          out.push({ kind: 'api', path: p, methods, file: full });
        }
      }
    }
  };
  walk(path.join(ROOT, 'app'));
  return out;
}

/** A login through the console's form POST, as a JSON client: the answer and the session cookie (`name=value`). */
export async function loginAs(baseUrl: string, name: string, password = `${name}-secret-pw`) {
  const res = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    headers: { accept: 'application/json', origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ name, password }),
    redirect: 'manual',
  });
  return { res, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! };
}
