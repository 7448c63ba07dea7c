import { z } from 'zod';
import { UNITS } from '../format/units';
import { parseTimeExpr, REFRESH_OPTIONS } from '../url/time';
import { linkUrlAllowed } from './links';
import { repeatable } from './repeat';
import { variable } from './schema-variables';
import { LEGEND_COLUMNS, PANEL_KIND_NAMES, type DashboardDef } from './types';

/**
 * The dashboard model as data that users save (issue 16): the same DashboardDef the built-in
 * pages are written in, checked with zod before anything is stored. Every bad field is named.
 */

const text = (max: number) => z.string().max(max, `at most ${max} characters`);
const id = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/,
    'an id of 1-64 letters, digits, - and _ (starting with a letter or digit)',
  );
const unit = z.enum(UNITS, { error: `a unit: one of ${UNITS.join(', ')}` });
const color = text(40);
const thresholds = z.object({
  base: color,
  steps: z.array(z.object({ value: z.number(), color })).max(20),
});
const query = z.object({
  expr: text(20_000).min(1, 'a query needs its PromQL'),
  legend: text(500).optional(),
  dash: text(40).optional(),
  axis: z.enum(['left', 'right']).optional(),
  choice: text(40).optional(),
});

const linkUrl = text(2000).refine(linkUrlAllowed, 'a link goes to http(s), mailto or a path of the console');
const timeExpr = text(100).refine((t) => parseTimeExpr(t) !== null, 'a time such as now-6h or an ISO date');

const common = {
  id,
  title: text(200),
  description: text(5000).default(''),
  wide: z.boolean().optional(),
  height: z.number().int().min(80).max(2000).optional(),
  grid: z
    .object({
      x: z.number().int().min(0).max(23),
      y: z.number().int().min(0).max(10_000),
      w: z.number().int().min(1).max(24),
      h: z.number().int().min(1).max(100),
    })
    .refine((g) => g.x + g.w <= 24, 'a panel must fit in the 24 columns (x + w ≤ 24)')
    .optional(),
  links: z
    .array(z.object({ title: text(200).min(1, 'a link needs its text'), url: linkUrl, newTab: z.boolean().optional() }))
    .max(20)
    .optional(),
  repeat: z
    .object({
      variable: text(100),
      direction: z.enum(['h', 'v'], { error: 'a repeat direction: h (side by side) or v (stacked)' }).optional(),
      maxPerRow: z.number().int().min(1, 'maxPerRow: 1 to 24').max(24, 'maxPerRow: 1 to 24').optional(),
    })
    .optional(),
};
const compiles = (r: string) => {
  try {
    new RegExp(r);
    return true;
  } catch {
    return false;
  }
};
const shown = { text: text(200).optional(), color: color.optional() };
const mapping = z.discriminatedUnion(
  'kind',
  [
    z.object({ ...shown, kind: z.literal('value'), value: text(200) }),
    z.object({ ...shown, kind: z.literal('range'), from: z.number().optional(), to: z.number().optional() }),
    z.object({ ...shown, kind: z.literal('special'), match: z.enum(['null', 'nan', 'null+nan']) }),
    z.object({ ...shown, kind: z.literal('regex'), pattern: text(500).refine(compiles, 'a regex that compiles') }),
  ],
  { error: 'a value mapping: kind value, range, special or regex' },
);
const queried = {
  ...common,
  unit,
  queries: z.array(query).min(1, 'a panel needs at least one query').max(26),
  variables: z.array(text(100)).max(20).default([]),
  choices: z.object({ label: text(100), defaults: z.array(text(40)).max(26) }).optional(),
  decimals: z.number().int().min(0, 'decimals: 0 to 10').max(10, 'decimals: 0 to 10').optional(),
  mappings: z.array(mapping).max(100).optional(),
};
const reduce = z.enum(['last', 'mean', 'max', 'min']).optional();

const timeseries = z.object({
  ...queried,
  kind: z.literal('timeseries'),
  exemplars: text(500).optional(),
  traceService: text(200).optional(),
  quantileCeiling: z.number().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  right: z.object({ unit, min: z.number().optional(), max: z.number().optional() }).optional(),
  colorBy: text(100).optional(),
  draw: z.enum(['line', 'bars', 'points']).optional(),
  stack: z.boolean().optional(),
  legend: z
    .object({
      placement: z.enum(['bottom', 'right', 'hidden']).optional(),
      columns: z.array(z.enum(LEGEND_COLUMNS)).optional(),
    })
    .optional(),
  overrides: z
    .array(
      z.object({
        match: z.union([z.object({ name: text(500) }), z.object({ regex: text(500) })]),
        color: color.optional(),
        axis: z.enum(['left', 'right']).optional(),
        hidden: z.boolean().optional(),
        draw: z.enum(['line', 'bars', 'points']).optional(),
        displayName: text(200).optional(),
      }),
    )
    .max(100)
    .optional(),
  warnWithinRange: text(200).optional(),
  thresholds: z
    .array(
      z.object({
        value: z.number(),
        label: text(200),
        color: color.optional(),
        axis: z.enum(['left', 'right']).optional(),
      }),
    )
    .max(20)
    .optional(),
});

const panel = z.discriminatedUnion(
  'kind',
  [
    timeseries,
    z.object({ ...queried, kind: z.literal('heatmap') }),
    z.object({
      ...queried,
      kind: z.literal('table'),
      columns: z.array(z.object({ key: text(100), label: text(200) })).max(50),
      valueLabel: text(200).optional(),
    }),
    z.object({
      ...queried,
      kind: z.literal('matrix'),
      matrix: z.object({ rows: text(100), cols: text(100), rowTitle: text(200), colTitle: text(200) }),
      valueLabel: text(200).optional(),
    }),
    z.object({
      ...queried,
      kind: z.literal('stat'),
      reduce,
      thresholds: thresholds.optional(),
      sparkline: z.boolean().optional(),
    }),
    z.object({
      ...queried,
      kind: z.literal('gauge'),
      reduce,
      min: z.number(),
      max: z.number(),
      thresholds: thresholds.optional(),
    }),
    z.object({
      ...queried,
      kind: z.literal('bargauge'),
      reduce,
      min: z.number().optional(),
      max: z.number().optional(),
      thresholds: thresholds.optional(),
    }),
    z.object({ ...queried, kind: z.literal('piechart'), reduce, donut: z.boolean().optional() }),
    z.object({ ...queried, kind: z.literal('barchart'), reduce, thresholds: thresholds.optional() }),
    z.object({ ...common, kind: z.literal('text'), content: text(100_000) }),
  ],
  { error: `a panel kind: one of ${PANEL_KIND_NAMES.join(', ')}` },
);

export const dashboardSchema = z
  .object({
    id: id.default('dashboard'),
    version: z.number().int().min(1).default(1),
    title: text(200).min(1, 'a dashboard needs a title'),
    description: text(5000).default(''),
    variables: z.array(variable).max(50).default([]),
    panels: z.array(panel).max(500, 'at most 500 panels'),
    time: z.object({ from: timeExpr, to: timeExpr }).optional(),
    refresh: z.enum(REFRESH_OPTIONS, { error: `an auto-refresh: one of ${REFRESH_OPTIONS.join(', ')}` }).optional(),
    links: z
      .array(
        z
          .object({
            title: text(200).min(1, 'a link needs its text'),
            url: linkUrl.optional(),
            tags: z.array(text(100).min(1, 'a tag')).max(10).optional(),
            tooltip: text(500).optional(),
            newTab: z.boolean().optional(),
            keepTime: z.boolean().optional(),
            includeVars: z.boolean().optional(),
          })
          .refine((l) => !!l.url || !!l.tags?.length, 'a link needs a URL or tags'),
      )
      .max(20)
      .optional(),
    rows: z
      .array(
        z.object({
          id,
          title: text(200),
          y: z.number().int().min(0).max(10_000),
          collapsed: z.boolean().optional(),
          repeat: z.object({ variable: text(100) }).optional(),
        }),
      )
      .max(100)
      .optional(),
    annotations: z
      .array(
        z.union([
          z.object({ kind: z.enum(['kill-switch', 'policy-version', 'canary']), expr: text(20_000) }),
          z.object({ kind: z.literal('query'), expr: text(20_000).min(1), name: text(200) }),
        ]),
      )
      .max(20)
      .optional(),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    const repeatBy = (repeat: { variable: string } | undefined, path: (string | number)[]) => {
      const by = repeat && d.variables.find((v) => v.name === repeat.variable);
      if (repeat && (!by || !repeatable(by.kind)))
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'repeat', 'variable'],
          message: by
            ? `$${by.name} is of kind ${by.kind}: a repeat is by a label, query or custom variable`
            : `$${repeat.variable} is not a variable of this dashboard`,
        });
    };
    d.panels.forEach((p, i) => {
      if (seen.has(p.id))
        ctx.addIssue({ code: 'custom', path: ['panels', i, 'id'], message: `"${p.id}" is the id of another panel` });
      seen.add(p.id);
      repeatBy(p.repeat, ['panels', i]);
    });
    const rowIds = new Set<string>();
    d.rows?.forEach((r, i) => {
      if (rowIds.has(r.id))
        ctx.addIssue({ code: 'custom', path: ['rows', i, 'id'], message: `"${r.id}" is the id of another row` });
      rowIds.add(r.id);
      repeatBy(r.repeat, ['rows', i]);
    });
  });

/** A dashboard as given, checked: the model, or the first problem with where it is. */
export function parseDashboard(input: unknown): { ok: true; def: DashboardDef } | { ok: false; error: string } {
  const r = dashboardSchema.safeParse(input);
  if (r.success) return { ok: true, def: r.data as DashboardDef };
  const i = r.error.issues[0]!;
  const where = i.path.length ? i.path.join('.') : 'the dashboard';
  return { ok: false, error: `${where}: ${i.message}` };
}
