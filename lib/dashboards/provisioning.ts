import fs from 'node:fs';
import path from 'node:path';
import { BUILT_IN } from './built-in';
import { importGrafana } from './grafana';
import { parseDashboard } from './schema';
import type { DashboardDef } from './types';

/**
 * Dashboards provisioned from files (issue 16), as Grafana's file provisioning: every `*.json`
 * in `DASHBOARDS_DIR` (and its folders, two levels down), in the console's model or Grafana's
 * JSON. They are read-only, served at `/dashboards/<uid>`, and "Save as" copies one. A file that
 * is not a dashboard is named with its problem; the others load.
 */
export type Provisioned = { uid: string; file: string; def: DashboardDef; tags: string[]; grafana: boolean };
export type ProvisionProblem = { file: string; problem: string };
export type ProvisionResult = { dashboards: Provisioned[]; problems: ProvisionProblem[] };

const UID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const MAX_FILE = 10 * 1024 * 1024;

function jsonFiles(dir: string, depth = 0): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && depth < 2) out.push(...jsonFiles(p, depth + 1));
    else if (e.isFile() && e.name.endsWith('.json')) out.push(p);
  }
  return out;
}

/** The uid a file's dashboard is served at: its own `uid` (Grafana) or `id` (console), else the file's name. */
function uidOf(raw: Record<string, unknown>, file: string): string {
  const inner = (raw.dashboard ?? raw.spec ?? raw) as Record<string, unknown>;
  for (const c of [inner.uid, (raw.metadata as Record<string, unknown> | undefined)?.name, inner.id]) {
    if (typeof c === 'string' && UID.test(c)) return c;
  }
  return (
    path
      .basename(file, '.json')
      .replace(/[^A-Za-z0-9_-]/g, '-')
      .replace(/^-+/, '')
      .slice(0, 64) || 'dashboard'
  );
}

export function loadProvisioned(dir: string | undefined): ProvisionResult {
  const result: ProvisionResult = { dashboards: [], problems: [] };
  if (!dir) return result;
  let files: string[];
  try {
    files = jsonFiles(dir);
  } catch (e) {
    result.problems.push({ file: dir, problem: `cannot read the folder: ${(e as Error).message}` });
    return result;
  }
  const taken = new Set<string>(BUILT_IN.map((b) => b.def.id));
  for (const file of files) {
    const rel = path.relative(dir, file);
    const fail = (problem: string) => result.problems.push({ file: rel, problem });
    const size = fs.statSync(file).size;
    if (size > MAX_FILE) {
      fail(`${size} bytes: larger than the 10 MiB a dashboard may be`);
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      fail(`not JSON: ${(e as Error).message}`);
      continue;
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      fail('not a dashboard: the file holds no JSON object');
      continue;
    }
    const obj = raw as Record<string, unknown>;
    const uid = uidOf(obj, file);
    if (taken.has(uid)) {
      fail(`uid "${uid}" is already taken by another dashboard; give this one its own "uid"`);
      continue;
    }
    const own = parseDashboard(obj);
    if (own.ok) {
      const tags = Array.isArray(obj.tags) ? obj.tags.filter((t): t is string => typeof t === 'string') : [];
      result.dashboards.push({ uid, file: rel, def: own.def, tags, grafana: false });
      taken.add(uid);
      continue;
    }
    const g = importGrafana(obj);
    const checked = g.ok ? parseDashboard(g.def) : null;
    if (g.ok && checked?.ok) {
      result.dashboards.push({ uid, file: rel, def: checked.def, tags: g.tags, grafana: true });
      taken.add(uid);
    } else {
      const why = g.ok ? (checked && !checked.ok ? checked.error : '') : g.error;
      fail(`neither a console dashboard (${own.error}) nor a Grafana one (${why})`);
    }
  }
  return result;
}
