/**
 * The Timeline tab: the ipio view. One row per IP-layer firing (packets.d):
 * time, DELTA(us), direction, source, destination, interface, bytes,
 * protocol; virtualised for millions of rows; a text filter; a packets and
 * bytes per interval chart whose drag-selection (brush) narrows the table;
 * clicking a row shows that frame's layers and bytes (read by the worker
 * from the capture by frame number, shown as `tshark -x` prints them).
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useStore } from '../store/store.ts';
import { TimeChart } from '../components/TimeChart.tsx';
import type { PacketTable } from './packets-data.ts';
import { ViewShell } from './ViewShell.tsx';
import { readFrame } from '../actions.ts';
import { hexLines } from '../lib/hexdump.ts';
import type { FrameDetail as FrameInfo } from '../../engine/protocol.ts';

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
  const captureKey = useStore((s) => s.captureKey);
  const [res, setRes] = useState<{ frame: number; detail?: FrameInfo; error?: string } | null>(null);
  useEffect(() => {
    let live = true;
    void readFrame(frame).then((r) => { if (live) setRes({ frame, detail: r.detail, error: r.error }); });
    return () => { live = false; };
  }, [frame, captureKey]);
  const ipLayers: number[] = [];
  for (let i = Math.max(0, row - 16); i < Math.min(t.length, row + 16); i++) if (t.frame[i] === frame) ipLayers.push(i);
  const cur = res?.frame === frame ? res : null;
  const lines = useMemo(() => (cur?.detail ? hexLines(cur.detail.bytes) : []), [cur]);
  return (
    <section className="frame-detail" aria-label={`Frame ${frame}`} onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onClose(); } }}>
      <header><h3>Frame {frame}</h3><button type="button" onClick={onClose}>Close</button></header>
      <div className="frame-panes">
        <div className="frame-layers">
          {cur?.detail && (
            <>
              <p>{cur.detail.capLen} bytes captured ({cur.detail.origLen} on the wire) on <b>{cur.detail.ifName}</b> at {cur.detail.time}{cur.detail.malformed && <> · <span className="warn">malformed: {cur.detail.malformed}</span></>}</p>
              <h4>Layers</h4>
              <ol aria-label="Layers">
                {cur.detail.layers.map((l, i) => <li key={i}>{l.name} <span className="muted">at byte {l.offset}</span></li>)}
              </ol>
            </>
          )}
          <h4>IP layers (packets.d)</h4>
          <ol aria-label="IP layers">
            {ipLayers.map((i, d) => (
              <li key={i}>
                IP layer {d + 1} on <b>{t.ifName[i]}</b>: {t.src[i]} → {t.dst[i]}, {t.proto[i]}, {t.total[i]} bytes ({t.payload[i]} payload), {t.dir[i]}
              </li>
            ))}
          </ol>
          {cur?.error && <p className="warn" role="alert">{cur.error}</p>}
          {!cur && <p className="muted">Reading frame {frame}…</p>}
        </div>
        {cur?.detail && (
          <pre className="hexdump" aria-label={`Frame ${frame} bytes`} data-testid="hexdump" tabIndex={0}>
            {lines.map((l) => (
              <div key={l.offset}><span className="hex-off">{l.offset}</span>{'  '}<span className="hex-bytes">{l.hex}</span>{'   '}<span className="hex-ascii">{l.ascii}</span></div>
            ))}
          </pre>
        )}
      </div>
    </section>
  );
}
