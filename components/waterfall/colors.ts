/** Service colours by rank of first appearance; readable on light and dark backgrounds. */
const PALETTE = [
  '#6366f1',
  '#0ea5e9',
  '#10b981',
  '#f59e0b',
  '#ec4899',
  '#8b5cf6',
  '#14b8a6',
  '#f97316',
  '#84cc16',
  '#06b6d4',
  '#e11d48',
  '#a855f7',
];

export function serviceColor(rank: number): string {
  return PALETTE[rank % PALETTE.length]!;
}
