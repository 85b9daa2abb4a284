/**
 * The Timeline tab: the ipio view. One row per IP-layer firing (packets.d):
 * time, DELTA(us), direction, source, destination, interface, bytes,
 * protocol; virtualised for millions of rows (components/scaled-scroll.ts:
 * past the browser's height limit the scrollbar maps proportionally, wheel and
 * keys move by rows); a text filter; a packets and
 * bytes per interval chart whose drag-selection (brush) narrows the table;
 * clicking a row shows that frame's layers and bytes (read by the worker
 * from the capture by frame number, shown as `tshark -x` prints them).
 */
import { memo, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useStore } from '../store/store.ts';
import { TimeChart } from '../components/TimeChart.tsx';
import { deltaUs, NATT_ROWS, timeBinsOf, type PacketTable } from './packets-data.ts';
import { ViewShell } from './ViewShell.tsx';
import { useScaledScroll } from '../components/use-scaled-scroll.ts';
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

interface RowProps { t: PacketTable; k: number; i: number; prev: number; top: number; selected: boolean; select: (i: number) => void }

/**
 * One table row. A row's cells never change once parsed, except a NAT-T mark on the last few rows, so
 * a table that grows while a run streams does not re-render the rows on screen (each update would
 * otherwise rebuild hundreds of cells).
 */
const Row = memo(function Row({ t, k, i, prev, top, selected, select }: RowProps) {
  return (
    <div
      role="row" aria-rowindex={k + 2} tabIndex={-1}
      className={`vrow${selected ? ' selected' : ''}`}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_H, transform: `translateY(${top}px)` }}
      onClick={() => select(i)}
      onKeyDown={(e) => { if (e.key === 'Enter') select(i); }}
    >
      <span role="cell" className="num">{t.frame.get(i)}</span>
      <span role="cell" className="num">{(t.relNs.get(i) / 1e9).toFixed(6)}</span>
      <span role="cell" className="num">{deltaUs(prev === i && i === 0 ? t.firstNs : t.relNs.get(i) - t.relNs.get(prev))}</span>
      <span role="cell">{t.dir.get(i) === 'send' ? '→ send' : '← recv'}</span>
      <span role="cell">{t.src.get(i)}</span>
      <span role="cell">{t.dst.get(i)}</span>
      <span role="cell">{t.ifName.get(i)}</span>
      <span role="cell" className="num">{t.total.get(i)}</span>
      <span role="cell">{t.proto.get(i)}</span>
    </div>
  );
}, (a, b) => a.k === b.k && a.i === b.i && a.prev === b.prev && a.top === b.top && a.selected === b.selected && a.select === b.select
  && (a.t === b.t || (a.t.proto === b.t.proto && b.i < a.t.length - NATT_ROWS)));

/** Row height in px (fixed: the window is arithmetic). */
const ROW_H = 24;

function Timeline({ t }: { t: PacketTable }) {
  const [filter, setFilter] = useState('');
  const [range, setRange] = useState<[number, number] | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const q = useDeferredValue(filter.trim().toLowerCase());
  // Each update bins only the rows added since the last (timeBinsOf keeps one TimeBins per growing table).
  const chart = useMemo(() => { const b = timeBinsOf(t); b.add(t); return b.series(); }, [t]);
  const series = useMemo(() => [{ label: 'packets', values: chart.pkts }, { label: 'bytes', values: chart.bytes, scale: 'right' as const }], [chart]);
  // The rows shown, as indexes into t: none (null) means all of them, so a million-row table needs no index list.
  const rows = useMemo(() => {
    if (!q && !range) return null;
    let out = new Int32Array(1024);
    let n = 0;
    const lo = range ? range[0] * 1e9 : -Infinity;
    const hi = range ? range[1] * 1e9 : Infinity;
    for (let i = 0; i < t.length; i++) {
      const ns = t.relNs.get(i);
      if (ns < lo || ns > hi) continue;
      if (q && !(t.src.get(i).includes(q) || t.dst.get(i).includes(q) || t.ifName.get(i).toLowerCase().includes(q) || t.proto.get(i).toLowerCase().includes(q) || t.dir.get(i).includes(q) || String(t.frame.get(i)) === q)) continue;
      if (n === out.length) { const b = new Int32Array(n * 2); b.set(out); out = b; }
      out[n++] = i;
    }
    return out.subarray(0, n);
  }, [t, q, range]);
  const count = rows ? rows.length : t.length;
  const at = (k: number): number => (rows ? rows[k]! : k);
  // A new filter or time range starts at the top (a table that grows while a run streams does not).
  const { attach, ...sc } = useScaledScroll(count, ROW_H, { overscan: 8, resetKey: `${q}|${range?.join(',') ?? ''}` });

  return (
    <div className="timeline">
      <TimeChart x={chart.x} series={series} label="Packets and bytes per interval" onSelect={(a, b) => setRange([Math.max(0, a), b])} height={170} stepped />
      <div className="view-toolbar">
        <label>Filter <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="address, interface, protocol, frame" /></label>
        {range && <button type="button" onClick={() => setRange(null)}>Clear time range ({range[0].toFixed(3)}–{range[1].toFixed(3)} s)</button>}
        <span>{count.toLocaleString('en-US')} of {t.length.toLocaleString('en-US')} firings · drag across the chart to zoom</span>
      </div>
      <div className="vtable" role="table" aria-label="Timeline" aria-rowcount={count + 1}>
        <div className="vrow vhead" role="row">
          {['Frame', 'Time (s)', 'DELTA(us)', 'Dir', 'Source', 'Destination', 'Interface', 'Bytes', 'Proto'].map((h) => <span key={h} role="columnheader">{h}</span>)}
        </div>
        <div ref={attach} className="vbody" role="rowgroup" tabIndex={0} onScroll={sc.onScroll} onKeyDown={(e) => { sc.onKeyDown(e); }} data-testid="timeline-body">
          <div role="presentation" style={{ height: sc.height, position: 'relative', overflow: 'hidden' }}>
            {Array.from({ length: sc.last - sc.first }, (_, j) => {
              const k = sc.first + j;
              const i = at(k);
              return <Row key={k} t={t} k={k} i={i} prev={k > 0 ? at(k - 1) : i} top={sc.top(k)} selected={selected === i} select={setSelected} />;
            })}
          </div>
        </div>
      </div>
      {selected !== null && <FrameDetail t={t} row={selected} onClose={() => setSelected(null)} />}
    </div>
  );
}

function FrameDetail({ t, row, onClose }: { t: PacketTable; row: number; onClose: () => void }) {
  const frame = t.frame.get(row);
  const captureKey = useStore((s) => s.captureKey);
  const [res, setRes] = useState<{ frame: number; detail?: FrameInfo; error?: string } | null>(null);
  useEffect(() => {
    let live = true;
    void readFrame(frame).then((r) => { if (live) setRes({ frame, detail: r.detail, error: r.error }); });
    return () => { live = false; };
  }, [frame, captureKey]);
  // The frame's IP layers, outermost first: a sent frame's layers fired innermost first (and a loopback frame's twice: its send path is shown).
  const ipLayers: number[] = [];
  const dir = t.dir.get(row);
  for (let i = Math.max(0, row - 16); i < Math.min(t.length, row + 16); i++) if (t.frame.get(i) === frame && t.dir.get(i) === dir) ipLayers.push(i);
  if (dir === 'send') ipLayers.reverse();
  const cur = res?.frame === frame ? res : null;
  const lines = useMemo(() => (cur?.detail ? hexLines(cur.detail.bytes) : []), [cur]);
  return (
    <section className="frame-detail" aria-label={`Frame ${frame}`} onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onClose(); } }}>
      <header><h3>Frame {frame}</h3><button type="button" onClick={onClose}>Close</button></header>
      <div className="frame-panes">
        <div className="frame-layers">
          {cur?.detail && (
            <>
              <p>{cur.detail.capLen} bytes captured ({cur.detail.origLen} on the wire) on <b>{cur.detail.ifName}</b> at {cur.detail.time}{cur.detail.malformed && <> · <span className="warn">malformed: {cur.detail.malformed}</span></>}{cur.detail.decrypted === true && <> · ESP decrypted with your keys (plaintext shown)</>}</p>
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
                IP layer {d + 1} on <b>{t.ifName.get(i)}</b>: {t.src.get(i)} → {t.dst.get(i)}, {t.proto.get(i)}, {t.total.get(i)} bytes ({t.payload.get(i)} payload), {t.dir.get(i)}
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
