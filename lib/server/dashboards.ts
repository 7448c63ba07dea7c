import 'server-only';
import { z } from 'zod';
import { addressOf, authService, requireRole } from '../auth/server';
import { parseDashboard } from '../dashboards/schema';
import type { DashboardStore } from '../dashboards/store';
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
