/**
 * A sortable table (@tanstack/react-table v9, sorting feature only) for small
 * result sets: aggregation rows and hosts. Click or Enter/Space on a header
 * sorts; aria-sort reports the order. Cells render as text only.
 */
import { useMemo } from 'react';
import { createColumnHelper, createSortedRowModel, rowSortingFeature, sortFn_alphanumeric, tableFeatures, useTable, type SortingState } from '@tanstack/react-table';
import { useState } from 'react';

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric },
});

export type Row = Record<string, string | number>;
export interface Col { key: string; header: string; numeric?: boolean; format?: (v: string | number) => string }

const helper = createColumnHelper<typeof features, Row>();

export function DataTable({ rows, cols, label, initialSort }: { rows: Row[]; cols: Col[]; label: string; initialSort?: SortingState }) {
  const [sorting, setSorting] = useState<SortingState>(initialSort ?? []);
  const columns = useMemo(() => helper.columns(cols.map((c) => helper.accessor((r: Row) => r[c.key] ?? '', {
    id: c.key,
    header: c.header,
    sortFn: c.numeric ? (a, b, id) => Number(a.getValue(id)) - Number(b.getValue(id)) : 'alphanumeric',
    sortDescFirst: c.numeric,
    cell: (ctx) => {
      const v = ctx.getValue() as string | number;
      return c.format ? c.format(v) : typeof v === 'number' ? v.toLocaleString('en-US') : String(v);
    },
  }))), [cols]);
  const table = useTable({ features, columns, data: rows, state: { sorting }, onSortingChange: setSorting });
  return (
    <div className="table-wrap">
      <table className="data-table" aria-label={label}>
        <thead>
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => {
                const dir = h.column.getIsSorted();
                const col = cols.find((c) => c.key === h.column.id);
                return (
                  <th key={h.id} scope="col" aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'} className={col?.numeric ? 'num' : undefined}>
                    <button type="button" className="sort-button" onClick={h.column.getToggleSortingHandler()}>
                      <table.FlexRender header={h} />
                      <span aria-hidden="true" className="sort-mark">{dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((r) => (
            <tr key={r.id}>
              {r.getAllCells().map((c) => (
                <td key={c.id} className={cols.find((x) => x.key === c.column.id)?.numeric ? 'num' : undefined}>
                  <table.FlexRender cell={c} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
