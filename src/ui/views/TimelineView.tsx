/**
 * The Timeline tab: the ipio view. One row per IP-layer firing (packets.d):
 * time, DELTA(us), direction, source, destination, interface, bytes,
 * protocol; virtualised for millions of rows; a text filter; a packets and
 * bytes per interval chart whose drag-selection (brush) narrows the table;
 * clicking a row shows that frame's layers.
 */
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useStore } from '../store/store.ts';
import { TimeChart } from '../components/TimeChart.tsx';
import type { PacketTable } from './packets-data.ts';
import { ViewShell } from './ViewShell.tsx';

export function TimelineView() {
  const packets = useStore((s) => s.packets);
  return (
    <ViewShell what="the packet timeline" script="packets.d" view={packets}>
      {(t) => t.length === 0 ? <p className="empty">No IP packets in this capture.</p> : <Timeline t={t} />}
    </ViewShell>
  );
}

function bins(t: PacketTable): { x: number[]; pkts: number[]; bytes: number[]; width: number } {
  const span = t.relNs[t.length - 1]! / 1e9;
  const n = Math.min(240, Math.max(1, t.length));
  const width = span > 0 ? span / n : 1;
  const x = Array.from({ length: n + 1 }, (_, i) => i * width);
  const pkts = new Array<number>(n + 1).fill(0);
  const bytes = new Array<number>(n + 1).fill(0);
  for (let i = 0; i < t.length; i++) {
    const b = Math.min(n, Math.floor(t.relNs[i]! / 1e9 / width));
    pkts[b]!++;
    bytes[b]! += t.total[i]!;
  }
  return { x, pkts, bytes, width };
}

function Timeline({ t }: { t: PacketTable }) {
  const [filter, setFilter] = useState('');
  const [range, setRange] = useState<[number, number] | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const q = useDeferredValue(filter.trim().toLowerCase());
  const chart = useMemo(() => bins(t), [t]);
  const series = useMemo(() => [{ label: 'packets', values: chart.pkts }, { label: 'bytes', values: chart.bytes, scale: 'right' as const }], [chart]);
  const rows = useMemo(() => {
    const out: number[] = [];
    const lo = range ? range[0] * 1e9 : -Infinity;
    const hi = range ? range[1] * 1e9 : Infinity;
    for (let i = 0; i < t.length; i++) {
      const ns = t.relNs[i]!;
      if (ns < lo || ns > hi) continue;
      if (q && !(t.src[i]!.includes(q) || t.dst[i]!.includes(q) || t.ifName[i]!.toLowerCase().includes(q) || t.proto[i]!.toLowerCase().includes(q) || t.dir[i]!.includes(q) || String(t.frame[i]) === q)) continue;
      out.push(i);
    }
    return out;
  }, [t, q, range]);
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render only, as TanStack documents
  const v = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => 24, overscan: 20 });

  return (
    <div className="timeline">
      <TimeChart x={chart.x} series={series} label="Packets and bytes per interval" onSelect={(a, b) => setRange([Math.max(0, a), b])} height={170} stepped />
      <div className="view-toolbar">
        <label>Filter <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="address, interface, protocol, frame" /></label>
        {range && <button type="button" onClick={() => setRange(null)}>Clear time range ({range[0].toFixed(3)}–{range[1].toFixed(3)} s)</button>}
        <span>{rows.length.toLocaleString('en-US')} of {t.length.toLocaleString('en-US')} firings · drag across the chart to zoom</span>
      </div>
      <div className="vtable" role="table" aria-label="Timeline" aria-rowcount={rows.length + 1}>
        <div className="vrow vhead" role="row">
          {['Frame', 'Time (s)', 'DELTA(us)', 'Dir', 'Source', 'Destination', 'Interface', 'Bytes', 'Proto'].map((h) => <span key={h} role="columnheader">{h}</span>)}
        </div>
        <div ref={scroller} className="vbody" tabIndex={0}>
          <div style={{ height: v.getTotalSize(), position: 'relative' }}>
            {v.getVirtualItems().map((it) => {
              const i = rows[it.index]!;
              const prev = it.index > 0 ? rows[it.index - 1]! : i;
              return (
                <div
                  key={it.key} role="row" aria-rowindex={it.index + 2} tabIndex={-1}
                  className={`vrow${selected === i ? ' selected' : ''}`}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: 24, transform: `translateY(${it.start}px)` }}
                  onClick={() => setSelected(i)}
                  onKeyDown={(e) => { if (e.key === 'Enter') setSelected(i); }}
                >
                  <span role="cell" className="num">{t.frame[i]}</span>
                  <span role="cell" className="num">{(t.relNs[i]! / 1e9).toFixed(6)}</span>
                  <span role="cell" className="num">{Math.round((t.relNs[i]! - t.relNs[prev]!) / 1000)}</span>
                  <span role="cell">{t.dir[i] === 'send' ? '→ send' : '← recv'}</span>
                  <span role="cell">{t.src[i]}</span>
                  <span role="cell">{t.dst[i]}</span>
                  <span role="cell">{t.ifName[i]}</span>
                  <span role="cell" className="num">{t.total[i]}</span>
                  <span role="cell">{t.proto[i]}</span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {selected !== null && <FrameDetail t={t} row={selected} onClose={() => setSelected(null)} />}
    </div>
  );
}

function FrameDetail({ t, row, onClose }: { t: PacketTable; row: number; onClose: () => void }) {
  const frame = t.frame[row]!;
  const layers: number[] = [];
  for (let i = Math.max(0, row - 16); i < Math.min(t.length, row + 16); i++) if (t.frame[i] === frame) layers.push(i);
  return (
    <section className="frame-detail" aria-label={`Frame ${frame}`}>
      <header><h3>Frame {frame}</h3><button type="button" onClick={onClose}>Close</button></header>
      <ol>
        {layers.map((i, d) => (
          <li key={i}>
            IP layer {d + 1} on <b>{t.ifName[i]}</b>: {t.src[i]} → {t.dst[i]}, {t.proto[i]}, {t.total[i]} bytes ({t.payload[i]} payload), {t.dir[i]}
          </li>
        ))}
      </ol>
      <p className="hint">The link and transport layers of a frame: open packets.d and add <code>stack();</code> to its clauses, with a predicate <code>/args[0]-&gt;pkt_addr == {frame}/</code>.</p>
    </section>
  );
}
