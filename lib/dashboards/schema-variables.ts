import { z } from 'zod';
import { parseDurationMs } from '../time/duration';
import { QUERY_VARIABLE_SOURCES, VARIABLE_KINDS } from './variable-types';

/** A dashboard variable as data (part of lib/dashboards/schema.ts): every bad field named. */
const text = (max: number) => z.string().max(max, `at most ${max} characters`);

export const variable = z
  .object({
    name: z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'a variable name is a Prometheus label name'),
    label: text(200),
    kind: z.enum(VARIABLE_KINDS, { error: `a variable kind: one of ${VARIABLE_KINDS.join(', ')}` }).optional(),
    source: text(2000).optional(),
    labelName: z
      .string()
      .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'a label name')
      .optional(),
    regex: text(500)
      .refine((r) => {
        try {
          new RegExp(r);
          return true;
        } catch {
          return false;
        }
      }, 'a regular expression that compiles')
      .optional(),
    values: z.array(text(500)).max(500).optional(),
    multi: z.boolean().optional(),
    from: z
      .enum(QUERY_VARIABLE_SOURCES, {
        error: `where a query variable's choices come from: one of ${QUERY_VARIABLE_SOURCES.join(', ')}`,
      })
      .optional(),
    auto: z
      .object({
        count: z.number().int().min(1).max(10_000),
        min: z.string().refine((d) => (parseDurationMs(d) ?? 0) > 0, 'a duration such as 10s'),
      })
      .optional(),
  })
  .superRefine((v, ctx) => {
    const kind = v.kind ?? 'label';
    if (kind === 'label' && !v.source?.trim())
      ctx.addIssue({
        code: 'custom',
        path: ['source'],
        message: 'a variable needs the series selector its values come from',
      });
    if (kind === 'query' && v.from === 'result' && !v.source?.trim())
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'a query result variable needs its query' });
    if ((kind === 'custom' || (kind === 'interval' && !v.auto)) && !v.values?.length)
      ctx.addIssue({
        code: 'custom',
        path: ['values'],
        message: `${kind === 'interval' ? 'an' : 'a'} ${kind} variable needs its values`,
      });
  });
