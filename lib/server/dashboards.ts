import 'server-only';
import { z } from 'zod';
import { addressOf, authService, requireRole } from '../auth/server';
import { parseDashboard } from '../dashboards/schema';
import type { DashboardStore } from '../dashboards/store';
import { builtIn } from '../dashboards/built-in';
import type { Provisioned, ProvisionResult } from '../dashboards/provisioning';
import type { DashboardDef } from '../dashboards/types';
import { BadRequest, NotFound } from '../errors';
import { peekProcessSlot } from './process';
import { readJson } from './route';

/** The process's dashboard store, made by the console server. */
export function dashboardStore(): DashboardStore {
  const s = peekProcessSlot('dashboards');
  if (!s) throw new Error('the dashboard store is not open: start the console with `npm start` (scripts/serve.ts)');
  return s;
}

const saveSchema = z.object({
  dashboard: z.unknown(),
  /** absent on a PUT: the tags stay as they are */
  tags: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
  message: z.string().max(500).default(''),
  /** PUT: the version this edit started from */
  version: z.number().int().min(1).optional(),
});

/** A save's body: the dashboard checked against the model, its tags and message; 400 naming the problem. */
export async function readSave(req: Request) {
  const body = await readJson(req, '{ "dashboard": { … }, "tags": [], "message": "" }');
  const r = saveSchema.safeParse(body);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new BadRequest(`${i.path.join('.') || 'the body'}: ${i.message}`);
  }
  const d = parseDashboard(r.data.dashboard);
  if (!d.ok) {
    const whole = 'the dashboard: ';
    throw new BadRequest(
      d.error.startsWith(whole) ? `dashboard: ${d.error.slice(whole.length)}` : `dashboard.${d.error}`,
    );
  }
  return { def: d.def, tags: r.data.tags, message: r.data.message, version: r.data.version };
}

/** The editor saving, and its audit entry. */
export function saver(req: Request, kind: string) {
  const who = requireRole(req, 'editor');
  return {
    who,
    audit: (detail: Record<string, unknown>) => authService().audit(kind, who.name, addressOf(req), detail),
  };
}

export function notFound(uid: string): never {
  throw new NotFound(`no dashboard with uid "${uid.slice(0, 80)}"`);
}

/** Dashboards from DASHBOARDS_DIR (none when it is not set), and the files that did not load. */
export function provisioned(): ProvisionResult {
  return peekProcessSlot('provisioned') ?? { dashboards: [], problems: [] };
}

export const provisionedOne = (uid: string): Provisioned | undefined =>
  provisioned().dashboards.find((d) => d.uid === uid);

/** A dashboard a user may start a copy from: a built-in page by its id, or a provisioned one by uid. */
export function copySource(id: string): DashboardDef | undefined {
  return builtIn(id)?.def ?? provisionedOne(id)?.def;
}

/** Refuse a change to a provisioned dashboard: its file is what it is. */
export function refuseProvisioned(uid: string): void {
  const p = provisionedOne(uid);
  if (p)
    throw new BadRequest(
      `dashboard "${uid}" is provisioned from the file ${p.file} (DASHBOARDS_DIR) and is read-only: change the file, or save a copy`,
    );
}
