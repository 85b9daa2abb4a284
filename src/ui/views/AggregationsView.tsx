/**
 * The Aggregations tab: every aggregation of the last run, as a sortable
 * table and a chart: bars for count/sum/avg/min/max keyed by tuples,
 * histograms for quantize/lquantize/llquantize, and a time chart when a
 * tick clause printed the same aggregation repeatedly (printa + clear series).
 */
import { useMemo } from 'react';
import type { AggSnapshotEvent } from '../../engine/events.ts';
import { useStore } from '../store/store.ts';
import { BarChart } from '../components/BarChart.tsx';
import { DataTable, type Col, type Row } from '../components/DataTable.tsx';
import { TimeChart } from '../components/TimeChart.tsx';
import { downloadText } from '../lib/download.ts';
import { aggToCsv, aggToJson, aggToText } from './agg-format.ts';

const DIST = new Set(['quantize', 'lquantize', 'llquantize']);

export function AggregationsView() {
  const aggs = useStore((s) => s.aggs);
  const running = useStore((s) => s.runStatus !== 'idle');
  const groups = useMemo(() => {
    const m = new Map<string, AggSnapshotEvent[]>();
    for (const a of aggs) {
      const k = a.name || '@';
      if (!m.has(k)) m.set(k, []);
      m.get(k)!.push(a);
    }
    return [...m.entries()];
  }, [aggs]);
  if (groups.length === 0) {
    return <div className="empty"><p>{running ? 'Running…' : 'No aggregations yet: run a script that uses @name = count(), sum(), quantize() … to see them as tables and charts.'}</p></div>;
  }
  return (
    <div className="aggs">
      {groups.map(([name, snaps]) => <AggCard key={name} name={name} snaps={snaps} />)}
    </div>
  );
}

function AggCard({ name, snaps }: { name: string; snaps: AggSnapshotEvent[] }) {
  const last = snaps[snaps.length - 1]!;
  const title = name.startsWith('@') ? name : `@${name}`;
  const isDist = DIST.has(last.func) || last.rows.some((r) => r.buckets);
  const file = title.replace(/[^\w-]+/g, '_') || 'agg';
  const nkeys = Math.max(0, ...last.rows.map((r) => r.key.length));
  const cols: Col[] = [...Array.from({ length: nkeys }, (_, i) => ({ key: `k${i}`, header: nkeys === 1 ? 'key' : `key ${i + 1}` })), { key: 'value', header: last.func, numeric: true }];
  const rows: Row[] = last.rows.map((r) => {
    const o: Row = { value: isDist ? r.buckets?.reduce((s, b) => s + b.count, 0) ?? Number(r.value) : Number(r.value) };
    r.key.forEach((k, i) => { o[`k${i}`] = k; });
    return o;
  });
  return (
    <section className="agg-card" aria-label={`Aggregation ${title}`}>
      <header className="agg-head">
        <h3>{title} <small>{last.func}{snaps.length > 1 ? ` · ${snaps.length} snapshots` : ''}</small></h3>
        {last.omitted !== undefined && <p className="hint">The last {last.rows.length.toLocaleString('en-US')} of {(last.rows.length + last.omitted).toLocaleString('en-US')} keys in printing order (the largest values); Output has them all.</p>}
        <div className="view-toolbar">
          <button type="button" onClick={() => downloadText(aggToCsv(last), `${file}.csv`, 'text/csv')}>Export CSV</button>
          <button type="button" onClick={() => downloadText(aggToJson(last), `${file}.json`, 'application/json')}>Export JSON</button>
          <button type="button" onClick={() => void navigator.clipboard?.writeText(last.text ?? aggToText(last))}>Copy as dtrace text</button>
        </div>
      </header>
      <div className={isDist ? 'agg-body dist-body' : 'agg-body'}>
        <DataTable rows={rows} cols={cols} label={`${title} table`} initialSort={[{ id: 'value', desc: true }]} />
        {isDist ? (
          <div className="dist-list">
            {last.rows.slice(0, 6).map((r, i) => (
              <figure key={i} className="dist">
                <figcaption>{r.key.length ? r.key.join(', ') : title}</figcaption>
                <BarChart label={`${title} ${r.key.join(', ')} distribution`} bars={(r.buckets ?? []).map((b) => ({ label: b.lo, value: b.count }))} />
              </figure>
            ))}
            {last.rows.length > 6 && <p className="hint">Distributions of the first 6 of {last.rows.length} keys; the table lists all.</p>}
          </div>
        ) : snaps.length > 1 && nkeys <= 1 && last.rows.length <= 8 ? <SeriesChart title={title} snaps={snaps} /> : (
          <BarChart label={`${title} chart`} bars={[...rows].sort((a, b) => Number(b.value) - Number(a.value)).map((r) => ({ label: Array.from({ length: nkeys }, (_, i) => String(r[`k${i}`])).join(', ') || title, value: Number(r.value) }))} />
        )}
      </div>
    </section>
  );
}

/** tick-N + printa + clear: one line per key over the snapshots' virtual times. */
function SeriesChart({ title, snaps }: { title: string; snaps: AggSnapshotEvent[] }) {
  const { x, series } = useMemo(() => {
    const t0 = BigInt(snaps[0]!.tsNs || '0');
    const x = snaps.map((s) => Number(BigInt(s.tsNs || '0') - t0) / 1e9);
    const keys = [...new Set(snaps.flatMap((s) => s.rows.map((r) => String(r.key[0] ?? title))))].slice(0, 6);
    const series = keys.map((k) => ({ label: k, values: snaps.map((s) => Number(s.rows.find((r) => String(r.key[0] ?? title) === k)?.value ?? 0)) }));
    return { x, series };
  }, [snaps, title]);
  return <TimeChart x={x} series={series} label={`${title} over time`} />;
}
