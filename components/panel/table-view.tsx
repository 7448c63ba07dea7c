'use client';

import { toMatrix, type TableRow } from '@/lib/charts/table';
import { formatValue, type Unit } from '@/lib/format/units';
import { cssColor } from '@/lib/charts/reduce';
import { valueText, type ValueFormat } from '@/lib/charts/value-text';

export type TableViewProps = {
  rows: TableRow[];
  columns: { key: string; label: string }[];
  valueLabel: string;
  unit: Unit;
  limit?: number;
} & Pick<ValueFormat, 'decimals' | 'mappings'>;

/** A panel as a table: one row per series, its labels and its value over the range. */
export function TableView({ rows, columns, valueLabel, unit, limit = 20, decimals, mappings }: TableViewProps) {
  return (
    <table data-testid="panel-table" className="w-full text-xs">
      <thead className="text-left text-slate-500">
        <tr>
          {columns.map((c) => (
            <th key={c.key} className="py-1 font-normal">
              {c.label}
            </th>
          ))}
          <th className="py-1 text-right font-normal">{valueLabel}</th>
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, limit).map((r, i) => (
          <tr key={i} className="border-t border-slate-100 dark:border-slate-800">
            {columns.map((c) => (
              <td key={c.key} className="py-1 pr-2 break-all">
                {r.labels[c.key] ?? ''}
              </td>
            ))}
            <ValueCell value={r.value} format={{ unit, decimals, mappings }} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ValueCell({ value, format }: { value: number | null; format: ValueFormat }) {
  const shown = valueText(format, value);
  return (
    <td className="py-1 text-right font-mono" style={shown.color ? { color: cssColor(shown.color) } : undefined}>
      {shown.text}
    </td>
  );
}

export type MatrixViewProps = {
  rows: TableRow[];
  rowLabel: string;
  colLabel: string;
  rowTitle: string;
  colTitle: string;
  unit: Unit;
};

/** Rows × columns from two labels; cells where the two labels differ are the ones that change. */
export function MatrixView({ rows, rowLabel, colLabel, rowTitle, colTitle, unit }: MatrixViewProps) {
  const m = toMatrix(rows, rowLabel, colLabel);
  return (
    <table data-testid="panel-matrix" className="w-full text-sm">
      <thead>
        <tr className="text-xs text-slate-500">
          <th className="py-1 text-left font-normal">
            {rowTitle} ↓ · {colTitle} →
          </th>
          {m.cols.map((c) => (
            <th key={c} className="py-1 text-right font-normal">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {m.rows.map((r) => (
          <tr key={r} className="border-t border-slate-100 dark:border-slate-800">
            <th scope="row" className="py-2 text-left text-xs font-normal text-slate-500">
              {r}
            </th>
            {m.cols.map((c) => {
              const changes = r !== c;
              const v = m.cell(r, c);
              return (
                <td
                  key={c}
                  data-testid="matrix-cell"
                  data-changes={changes ? 'true' : 'false'}
                  title={changes ? `${rowTitle} ${r} but ${colTitle} ${c}: enforce would change these` : undefined}
                  className={`py-2 text-right font-mono ${changes && v ? 'bg-amber-100 font-semibold text-amber-900 dark:bg-amber-950 dark:text-amber-200' : ''}`}
                >
                  {v === null ? '–' : formatValue(v, unit)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
