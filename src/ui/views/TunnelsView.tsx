/**
 * The Tunnels tab: frames that fired on more than one interface (the outer
 * packet on the NIC, the inner one on a tunnel interface), grouped "around
 * each physical packet" as the Prototype #2 page did by hand, with the
 * encapsulation overhead (outer total length − inner total length) per packet
 * and per interface pair.
 */
import { useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useStore } from '../store/store.ts';
import { DataTable, type Col } from '../components/DataTable.tsx';
import { ESP_PAIR_WINDOW_NS, inferEspPairs, tunnelGroups, type PacketTable } from './packets-data.ts';
import { ViewShell } from './ViewShell.tsx';

export function TunnelsView() {
  const packets = useStore((s) => s.packets);
  return (
    <ViewShell what="tunnels and their overhead" script="packets.d" view={packets}>
      {(t) => <Tunnels t={t} />}
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

function Tunnels({ t }: { t: PacketTable }) {
  const groups = useMemo(() => [...tunnelGroups(t), ...inferEspPairs(t)].sort((a, b) => a.rows[0]! - b.rows[0]!), [t]);
  const pairs = useMemo(() => {
    const m = new Map<string, { outer: string; inner: string; packets: number; outerBytes: number; innerBytes: number; overhead: number; perPacket: number; pairing: string }>();
    for (const g of groups) {
      const o = g.rows[0]!;
      for (const i of g.rows.slice(1)) {
        const pairing = g.inferred ? 'inferred (time, size)' : 'same frame';
        const k = `${t.ifName.get(o)}\u0000${t.ifName.get(i)}\u0000${pairing}`;
        let p = m.get(k);
        if (!p) { p = { outer: t.ifName.get(o), inner: t.ifName.get(i), packets: 0, outerBytes: 0, innerBytes: 0, overhead: 0, perPacket: 0, pairing }; m.set(k, p); }
        p.packets++;
        p.outerBytes += t.total.get(o);
        p.innerBytes += t.total.get(i);
        p.overhead += t.total.get(o) - t.total.get(i);
        p.perPacket = p.overhead / p.packets;
      }
    }
    return [...m.values()];
  }, [groups, t]);
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render only, as TanStack documents
  const v = useVirtualizer({ count: groups.length, getScrollElement: () => scroller.current, estimateSize: (i) => 26 * groups[i]!.rows.length + 8, overscan: 10 });

  if (groups.length === 0) {
    return <p className="empty">No tunnelled packets: every frame carries a single IP layer, and no ESP packet has a same-direction packet on another interface within {ESP_PAIR_WINDOW_NS / 1e6} ms.</p>;
  }
  const total = pairs.reduce((s, p) => s + p.overhead, 0);
  return (
    <div className="tunnels">
      <p>
        {groups.length.toLocaleString('en-US')} tunnelled packets; encapsulation overhead {total.toLocaleString('en-US')} bytes in total.
        {groups.some((g) => g.inferred) && <> ESP packets and tunnel-interface packets captured as separate frames are paired by time (within {ESP_PAIR_WINDOW_NS / 1e6} ms) and size: <b>inferred</b>, not read from the capture.</>}
      </p>
      <DataTable label="Tunnel interfaces" cols={PAIR_COLS} rows={pairs} />
      <h3>Each physical packet and the packets it carried</h3>
      <div ref={scroller} className="group-scroll" tabIndex={0} aria-label="Tunnelled frames">
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {v.getVirtualItems().map((it) => {
            const g = groups[it.index]!;
            const o = g.rows[0]!;
            return (
              <div key={it.key} className="tgroup" style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${it.start}px)` }}>
                {g.rows.map((i, d) => (
                  <div key={i} className={d === 0 ? 'tlayer outer' : 'tlayer inner'} style={{ paddingLeft: `${d * 1.5 + 0.5}em` }}>
                    <span className="num">#{t.frame.get(i)}</span>
                    <span className="ifname">{t.ifName.get(i)}</span>
                    <span>{t.src.get(i)} → {t.dst.get(i)}</span>
                    <span>{t.proto.get(i)}</span>
                    <span className="num">{t.total.get(i)} B</span>
                    {d > 0 && <span className="overhead">+{t.total.get(o) - t.total.get(i)} B overhead{g.inferred ? ` · inferred, ${Math.abs(t.relNs.get(i) - t.relNs.get(o)) / 1000} µs apart` : ''}</span>}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
