/**
 * The Tunnels tab: frames that fired on more than one interface (the outer
 * packet on the NIC, the inner one on a tunnel interface), grouped "around
 * each physical packet" as the Prototype #2 page did by hand, with the
 * encapsulation overhead (outer total length − inner total length) per packet
 * and per interface pair.
 *
 * Millions of tunnelled packets: the groups and the pair table come from a
 * TunnelIndex (packets-data.ts: typed arrays, built in slices of a few ms on
 * the main thread, resumed as the table grows), and the list is fixed-height
 * lines, one per layer (a group's first line is its outer packet), through
 * useScaledScroll, so every line is reachable past the browser's
 * element-height limit, as in Output and Timeline.
 */
import { memo, useEffect, useMemo, useState } from 'react';
import { useStore } from '../store/store.ts';
import { DataTable, type Col, type Row } from '../components/DataTable.tsx';
import { useScaledScroll } from '../components/use-scaled-scroll.ts';
import type { PacketTable } from './packets-data.ts';
import { ESP_PAIR_WINDOW_NS, tunnelIndexOf, type TunnelIndex } from './tunnels-data.ts';
import { ViewShell } from './ViewShell.tsx';

export function TunnelsView() {
  const packets = useStore((s) => s.packets);
  return (
    <ViewShell what="tunnels and their overhead" script="packets.d" view={packets}>
      {(t) => <Tunnels t={t} final={packets.status !== 'running'} />}
    </ViewShell>
  );
}

const PAIR_COLS: Col[] = [
  { key: 'outer', header: 'Physical interface' },
  { key: 'inner', header: 'Tunnel interface' },
  { key: 'packets', header: 'Packets', numeric: true },
  { key: 'outerBytes', header: 'Outer bytes', numeric: true },
  { key: 'innerBytes', header: 'Inner bytes', numeric: true },
  { key: 'overhead', header: 'Overhead bytes', numeric: true },
  { key: 'perPacket', header: 'Overhead/packet', numeric: true, format: (v) => Number(v).toFixed(1) },
  { key: 'pairing', header: 'Pairing' },
];

/** Line height in px (fixed: the window is arithmetic), and in classroom mode's larger type. */
const LINE_H = 26;
const LINE_H_CLASSROOM = 34;
/** Main-thread budget per slice of TunnelIndex work, ms. */
const SLICE_MS = 8;
/** How often the list and table show progress while the index is built, ms. */
const SHOW_MS = 250;

/**
 * The table's TunnelIndex, advanced in slices (a MessageChannel message
 * between them: a new task, so input and rendering get their turn). Returns
 * a number that changes whenever the index has grown, for memos and renders.
 */
function useTunnelIndex(t: PacketTable, final: boolean): { x: TunnelIndex; version: number } {
  const x = tunnelIndexOf(t);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    let shown = performance.now();
    const ch = new MessageChannel();
    const step = (): void => {
      if (!live) return;
      const done = x.advance(t, final, performance.now() + SLICE_MS);
      const now = performance.now();
      if (done || now - shown >= SHOW_MS) { shown = now; setVersion((v) => v + 1); }
      if (!done) ch.port2.postMessage(0);
    };
    ch.port1.onmessage = step;
    ch.port2.postMessage(0);
    return () => { live = false; ch.port1.close(); };
  }, [x, t, final]);
  return { x, version };
}

function Tunnels({ t, final }: { t: PacketTable; final: boolean }) {
  const { x, version } = useTunnelIndex(t, final);
  // Copies of the few pair rows per update (DataTable sees a new array); perPacket is kept current by the index.
  const pairs = useMemo<Row[]>(() => x.pairs.map((p) => ({ ...p })), [x, version]); // eslint-disable-line react-hooks/exhaustive-deps -- version says x changed
  const total = useMemo(() => pairs.reduce((s, p) => s + Number(p.overhead), 0), [pairs]);
  const lineH = useStore((s) => s.classroom) ? LINE_H_CLASSROOM : LINE_H;
  const { attach, ...sc } = useScaledScroll(x.lines, lineH, { overscan: 8, resetKey: x });

  // Final once the index has read a table that will not grow; until then every number is a count so far, and says so.
  const counting = !x.done;
  if (x.groups === 0) {
    if (counting) return <p className="muted tunnels-empty" data-final="false" role="status">Counting tunnelled packets…</p>;
    return (
      <p className="empty tunnels-empty" data-final="true">
        No tunnelled packets: no frame carries more than one IP layer, and the capture has no tunnel interface of its own
        whose packets could be paired with opaque (ESP, NAT-T or undecoded UDP) packets on a NIC.
      </p>
    );
  }
  const n = x.groups.toLocaleString('en-US');
  return (
    <div className="tunnels" data-final={!counting}>
      <p role="status">
        {counting ? <>Counting: <b>{n}</b> tunnelled {x.groups === 1 ? 'packet' : 'packets'} so far…</> : <><b>{n}</b> tunnelled {x.groups === 1 ? 'packet' : 'packets'}</>}
        {'; '}encapsulation overhead {total.toLocaleString('en-US')} bytes{counting ? ' so far' : ' in total'}.
        {x.inferred > 0 && <> {x.inferred.toLocaleString('en-US')} of them {x.inferred === 1 ? 'is a pair' : 'are pairs'} of an opaque packet on a NIC and a packet of a tunnel interface captured as separate frames, matched by time (within {ESP_PAIR_WINDOW_NS / 1e6} ms) and size: <b>inferred</b>, not read from the capture.</>}
      </p>
      <DataTable label="Tunnel interfaces" cols={PAIR_COLS} rows={pairs} />
      <h3>Each physical packet and the packets it carried</h3>
      <div
        ref={attach} className="group-scroll" tabIndex={0} aria-label="Tunnelled frames"
        onScroll={sc.onScroll} onKeyDown={(e) => { sc.onKeyDown(e); }}
        data-lines={x.lines} data-following={sc.following}
      >
        <div style={{ height: sc.height, position: 'relative', overflow: 'hidden' }}>
          {Array.from({ length: sc.last - sc.first }, (_, k) => {
            const l = sc.first + k;
            return <Line key={l} t={t} x={x} l={l} top={sc.top(l)} h={lineH} />;
          })}
        </div>
      </div>
    </div>
  );
}

/** One layer's line. Emitted lines never change, so a line re-renders only when it moves (or, while the run streams, with the table). */
const Line = memo(function Line({ t, x, l, top, h }: { t: PacketTable; x: TunnelIndex; l: number; top: number; h: number }) {
  const g = x.groupOf(l);
  const d = l - x.gLine[g]!;
  const o = x.gRow[g]!;
  const inferred = x.gInner[g]! >= 0;
  const i = x.rowIn(g, d);
  const cls = d === 0 ? (g === 0 ? 'tlayer outer first' : 'tlayer outer') : 'tlayer inner';
  return (
    <div className={cls} data-line={l} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: h, transform: `translateY(${top}px)`, paddingLeft: `${d * 1.5 + 0.5}em` }}>
      <span className="num">#{t.frame.get(i)}</span>
      <span className="ifname">{t.ifName.get(i)}</span>
      <span>{t.src.get(i)} → {t.dst.get(i)}</span>
      <span>{t.proto.get(i)}</span>
      <span className="num">{t.total.get(i)} B</span>
      {d > 0 && <span className="overhead">+{t.total.get(o) - t.total.get(i)} B overhead{inferred ? ` · inferred, ${Math.abs(t.relNs.get(i) - t.relNs.get(o)) / 1000} µs apart` : ''}</span>}
    </div>
  );
}, (a, b) => a.l === b.l && a.top === b.top && a.h === b.h && a.x === b.x && (a.t === b.t || b.x.done));
