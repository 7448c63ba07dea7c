/**
 * Exemplar thinning as Grafana does it: the chart is cut into cells (one time step wide, a tenth
 * of the value range high) and each cell keeps its slowest exemplar, so the slowest overall always
 * survives and a dense minute does not bury the chart in dots.
 */
export type ChartExemplar = {
  traceId: string;
  spanId?: string;
  value: number;
  t: number;
  labels: Record<string, string>;
};

export function thinExemplars<T extends ChartExemplar>(
  exemplars: T[],
  startMs: number,
  stepMs: number,
  bands = 10,
): T[] {
  if (exemplars.length === 0) return [];
  let max = 0;
  for (const e of exemplars) max = Math.max(max, e.value);
  const bandSize = max > 0 ? max / bands : 1;
  const cells = new Map<string, T>();
  for (const e of exemplars) {
    const x = Math.floor((e.t - startMs) / Math.max(stepMs, 1));
    const y = Math.min(bands - 1, Math.floor(e.value / bandSize));
    const key = `${x}:${y}`;
    const cur = cells.get(key);
    if (!cur || e.value > cur.value) cells.set(key, e);
  }
  return [...cells.values()].sort((a, b) => a.t - b.t);
}
