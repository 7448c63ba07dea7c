import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import type { TraceSource } from './traces';

/** The flame graph's answer (lib/traces/view/flame), as the browser validates it. */
const flameBlockSchema = z.object({
  depth: z.number(),
  start: z.number(),
  dur: z.number(),
  count: z.number(),
  spanId: z.optional(z.string()),
  name: z.optional(z.string()),
  service: z.number(),
  error: z.number(),
  critical: z.number(),
});
export const flameLayoutSchema = z.object({
  window: z.tuple([z.number(), z.number()]),
  depth: z.number(),
  blocks: z.array(flameBlockSchema),
  spans: z.number(),
  truncated: z.boolean(),
});
export type FlameLayoutResponse = z.infer<typeof flameLayoutSchema>;

export function flameOptions(src: TraceSource, zoom: [number, number] | null) {
  return queryOptions({
    queryKey: ['trace', src.key, 'flame', zoom?.join('-') ?? 'all'] as const,
    queryFn: ({ signal }) => src.flame(zoom, signal),
    staleTime: Infinity,
  });
}
