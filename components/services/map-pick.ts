/** What is picked on the map, as the URL writes it: `node:<id>` or `edge:<from>><to>`. */
export type MapPick = { node: string } | { from: string; to: string };

export function parsePick(v: string | null): MapPick | null {
  if (!v) return null;
  if (v.startsWith('node:') && v.length > 5) return { node: v.slice(5) };
  const edge = /^edge:(.+?)>(.+)$/.exec(v);
  return edge ? { from: edge[1]!, to: edge[2]! } : null;
}

export const pickParam = (p: MapPick) => ('node' in p ? `node:${p.node}` : `edge:${p.from}>${p.to}`);
