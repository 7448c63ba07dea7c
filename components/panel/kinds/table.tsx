'use client';

import { tableCsv } from '@/lib/charts/csv';
import { lastValues, type TableRow } from '@/lib/charts/table';
import type { MatrixPanelDef, TablePanelDef } from '@/lib/dashboards/types';
import { MatrixView, TableView } from '../table-view';
import { defineKind } from './define';
import type { PanelContext } from './types';
import { fromRange, useRangeData } from './use-range-data';

function useRows(def: TablePanelDef | MatrixPanelDef, ctx: PanelContext) {
  const r = useRangeData(def, ctx);
  const first = r.results?.[0];
  const rows = first ? lastValues(first) : null;
  const valueLabel = def.kind === 'table' ? (def.valueLabel ?? 'value') : 'value';
  return fromRange(r, rows, (x) => x.length === 0, rows ? { csv: () => tableCsv(rows, valueLabel) } : {});
}

export const tableKind = defineKind('table', {
  useData: useRows,
  View: ({ def, data }: { def: TablePanelDef; data: TableRow[] }) => (
    <TableView
      rows={data}
      columns={def.columns}
      valueLabel={def.valueLabel ?? 'value'}
      unit={def.unit}
      decimals={def.decimals}
      mappings={def.mappings}
    />
  ),
});

export const matrixKind = defineKind('matrix', {
  useData: useRows,
  View: ({ def, data }: { def: MatrixPanelDef; data: TableRow[] }) => (
    <MatrixView
      rows={data}
      rowLabel={def.matrix.rows}
      colLabel={def.matrix.cols}
      rowTitle={def.matrix.rowTitle}
      colTitle={def.matrix.colTitle}
      unit={def.unit}
    />
  ),
});
