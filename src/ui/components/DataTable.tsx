/**
 * A sortable table (@tanstack/react-table v9, sorting feature only) for
 * result sets: aggregation rows (up to AGG_SNAPSHOT_ROWS) and hosts. Click or
 * Enter/Space on a header sorts; aria-sort reports the order. Cells render as
 * text only. Past VIRTUAL_FROM rows only the rows in view (and OVERSCAN
 * around them) are in the document, between two spacer rows: rendering
 * thousands of rows at once was a main-thread task of 100+ ms (Hosts, 456
 * rows: 161 ms). aria-rowcount/aria-rowindex keep the whole table's shape.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
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

const VIRTUAL_FROM = 200;
const OVERSCAN = 20;
/** A body row's height before one is measured (px). */
const ROW_H = 26;

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
  const all = table.getRowModel().rows;
  const virtual = all.length > VIRTUAL_FROM;
  const wrap = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600, rowH: ROW_H });
  const measure = (): void => {
    const w = wrap.current;
    if (!w) return;
    const tr = w.querySelector<HTMLTableRowElement>('tbody tr[data-row]');
    const rowH = tr ? tr.getBoundingClientRect().height || ROW_H : ROW_H;
    const next = { top: w.scrollTop, height: w.clientHeight || 600, rowH };
    setView((v) => (v.top === next.top && v.height === next.height && v.rowH === next.rowH ? v : next));
  };
  useLayoutEffect(() => { if (virtual) measure(); }, [virtual]);
  const first = virtual ? Math.max(0, Math.floor(view.top / view.rowH) - OVERSCAN) : 0;
  const last = virtual ? Math.min(all.length, Math.ceil((view.top + view.height) / view.rowH) + OVERSCAN) : all.length;
  return (
    <div className="table-wrap" ref={wrap} onScroll={virtual ? measure : undefined}>
      <table className="data-table" aria-label={label} aria-rowcount={virtual ? all.length + 1 : undefined}>
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
          {first > 0 && <tr aria-hidden="true"><td colSpan={cols.length} style={{ height: first * view.rowH, padding: 0, border: 0 }} /></tr>}
          {all.slice(first, last).map((r, i) => (
            <tr key={r.id} data-row="" aria-rowindex={virtual ? first + i + 2 : undefined}>
              {r.getAllCells().map((c) => (
                <td key={c.id} className={cols.find((x) => x.key === c.column.id)?.numeric ? 'num' : undefined}>
                  <table.FlexRender cell={c} />
                </td>
              ))}
            </tr>
          ))}
          {last < all.length && <tr aria-hidden="true"><td colSpan={cols.length} style={{ height: (all.length - last) * view.rowH, padding: 0, border: 0 }} /></tr>}
        </tbody>
      </table>
    </div>
  );
}
