import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_INTERNED, PacketTableBuilder, type PacketTable } from './packets-data.ts';
import { inferEspPairs, TunnelIndex, tunnelGroups, tunnelIndexOf, type TunnelGroup, type TunnelPair } from './tunnels-data.ts';

const table = (lines: string[]): PacketTable => {
  const b = new PacketTableBuilder();
  b.feed(lines.join('\n') + '\n');
  return b.finish();
};

describe('tunnelGroups', () => {
  it('groups the layers of one received frame, outer first', () => {
    const t = table([
      '1000000000\t1\treceive\te1000g0\t1.1.1.1\t2.2.2.2\t60\t80\tIPv6',
      '1000000000\t1\treceive\tip.tun0\ta::1\ta::2\t20\t60\tTCP',
      '1000000001\t2\treceive\te1000g0\t1.1.1.1\t2.2.2.2\t0\t20\tTCP',
    ]);
    expect(tunnelGroups(t)).toEqual([{ frame: 1, rows: [0, 1] }]);
  });
  it('takes a sent frame\'s last row as its outer one (sent layers fire innermost first)', () => {
    // An ERSPAN mirror session sending: the mirrored packet on gre0 fires first, then the GRE packet on eth0.
    const t = table([
      '1000000000\t1\tsend\tgre0\t10.0.0.5\t10.0.0.6\t40\t60\tTCP',
      '1000000000\t1\tsend\teth0\t192.0.2.1\t192.0.2.2\t96\t116\tGRE',
      '1000000100\t2\treceive\teth0\t192.0.2.2\t192.0.2.1\t96\t116\tGRE',
      '1000000100\t2\treceive\tgre0\t10.0.0.6\t10.0.0.5\t40\t60\tTCP',
    ]);
    expect(tunnelGroups(t)).toEqual([{ frame: 1, rows: [1, 0] }, { frame: 2, rows: [2, 3] }]);
    const x = new TunnelIndex();
    x.advance(t, true);
    expect(x.pairs.map((p) => [p.outer, p.inner, p.packets, p.overhead])).toEqual([['eth0', 'gre0', 2, 112]]);
  });
  it('never makes a loopback frame a tunnel: its send and receive paths are one layer each', () => {
    const t = table([
      '1000000000\t1\tsend\tlo\t127.0.0.1\t127.0.0.1\t40\t60\tTCP',
      '1000000000\t1\treceive\tlo\t127.0.0.1\t127.0.0.1\t40\t60\tTCP',
      '1000000100\t2\tsend\tlo\t::1\t::1\t20\t60\tUDP',
      '1000000100\t2\treceive\tlo\t::1\t::1\t20\t60\tUDP',
    ]);
    expect(tunnelGroups(t)).toEqual([]);
    expect(inferEspPairs(t)).toEqual([]);
  });
  it('shows a tunnel over loopback once, from its send path', () => {
    const t = table([
      '1000000000\t1\tsend\tip.tun0\t10.0.0.1\t10.0.0.2\t20\t40\tTCP',
      '1000000000\t1\tsend\tlo\t127.0.0.1\t127.0.0.1\t40\t60\tIPv4',
      '1000000000\t1\treceive\tlo\t127.0.0.1\t127.0.0.1\t40\t60\tIPv4',
      '1000000000\t1\treceive\tip.tun0\t10.0.0.1\t10.0.0.2\t20\t40\tTCP',
    ]);
    expect(tunnelGroups(t)).toEqual([{ frame: 1, rows: [1, 0] }]);
  });
});

describe('inferEspPairs', () => {
  it('pairs each ESP packet with the nearest smaller same-direction packet of a tunnel interface', () => {
    // The proto2-ipsec-out scene as tshark shows it: SSH on ip.tun0, ESP on nge0, tens of microseconds apart.
    const t = table([
      '1000000000000000000\t1\tsend\tip.tun0\t10.7.250.24\t192.146.17.75\t68\t88\tTCP',
      '1000000000000073000\t2\tsend\tnge0\t192.168.1.108\t172.16.10.1\t140\t160\tESP',
      '1000000000018405000\t3\treceive\tnge0\t172.16.10.1\t192.168.1.108\t140\t160\tESP',
      '1000000000018474000\t4\treceive\tip.tun0\t192.146.17.75\t10.7.250.24\t68\t88\tTCP',
      '1000000000500000000\t5\tsend\tnge0\t192.168.1.108\t172.16.10.1\t140\t160\tESP',
    ]);
    expect(inferEspPairs(t)).toEqual([
      { frame: 2, rows: [1, 0], inferred: true },
      { frame: 3, rows: [2, 3], inferred: true },
    ]);
  });
  it('marks UDP port 4500 datagrams as NAT-T ESP and pairs them like ESP', () => {
    const t = table([
      '1000000000000000000\t1\tsend\tip.tun0\t10.1.100.123\t192.168.10.75\t68\t88\tTCP',
      '1000000000000073000\t2\tsend\tnge0\t192.168.1.108\t192.168.5.1\t140\t160\tUDP',
      'udp\t2\t4500\t4500',
      'udp\t3\t4500\t4500',
      '1000000000018399000\t3\treceive\tnge0\t192.168.5.1\t192.168.1.108\t140\t160\tUDP',
      '1000000000018468000\t4\treceive\tip.tun0\t192.168.10.75\t10.1.100.123\t68\t88\tTCP',
      '1000000000500000000\t5\tsend\tnge0\t192.168.1.108\t192.168.9.9\t40\t60\tUDP',
      'udp\t5\t53\t53',
    ]);
    expect(Array.from({ length: t.length }, (_, i) => t.proto.get(i))).toEqual(['TCP', 'ESP (NAT-T)', 'ESP (NAT-T)', 'TCP', 'UDP']);
    expect(t.skipped).toBe(0);
    expect(inferEspPairs(t).map((g) => g.rows)).toEqual([[1, 0], [2, 3]]);
  });
  it('pairs opaque UDP on the NIC (NAT-T the udp provider does not see) with a tunnel interface, never with another NIC', () => {
    const t = table([
      '1000000000000\t1\tsend\tip.tun0\t10.1.100.123\t192.168.10.75\t68\t88\tTCP',
      '1000000073412\t2\tsend\tnge0\t192.168.1.108\t192.168.5.1\t140\t160\tUDP',
      '2000000000000\t3\tsend\twlan0\t10.0.0.2\t10.0.0.1\t20\t40\tTCP',
      '2000000000100\t4\tsend\teth0\t10.0.1.2\t8.8.8.8\t60\t80\tUDP',
    ]);
    expect(inferEspPairs(t).map((g) => g.rows)).toEqual([[1, 0]]);
  });
  it('infers nothing where the capture has no tunnel interface of its own (GENEVE decoded in the frame)', () => {
    // Sent GENEVE frames fire geneve0 first, then eth0: the inner rows are never a frame's outer row.
    const lines: string[] = [];
    for (let k = 0; k < 20; k++) {
      const ns = 1_000_000_000 + k * 50_000;
      if (k % 2 === 0) {
        lines.push(`${ns}\t${k + 1}\tsend\tgeneve0\t10.0.0.1\t10.0.0.2\t40\t60\tTCP`, `${ns}\t${k + 1}\tsend\teth0\t192.0.2.11\t192.0.2.12\t98\t118\tUDP`);
      } else {
        lines.push(`${ns}\t${k + 1}\treceive\teth0\t192.0.2.12\t192.0.2.11\t98\t118\tUDP`, `${ns}\t${k + 1}\treceive\tgeneve0\t10.0.0.2\t10.0.0.1\t40\t60\tTCP`);
      }
    }
    const t = table(lines);
    expect(inferEspPairs(t)).toEqual([]);
    const x = new TunnelIndex();
    x.advance(t, true);
    expect([x.groups, x.inferred, x.lines]).toEqual([20, 0, 40]);
    expect(x.pairs.map((p) => [p.outer, p.inner, p.packets, p.overhead])).toEqual([['eth0', 'geneve0', 20, 20 * 58]]);
  });
  it('does not pair ESP with a packet on another NIC', () => {
    const t = table([
      '1000000000000\t1\tsend\teth1\t10.1.100.123\t192.168.10.75\t68\t88\tTCP',
      '1000000073412\t2\tsend\teth0\t192.168.1.108\t192.168.5.1\t140\t160\tESP',
    ]);
    expect(inferEspPairs(t)).toEqual([]);
  });
});

/** The plain statement of the grouping (the reference for TunnelIndex). */
function reference(t: PacketTable): { groups: TunnelGroup[]; pairs: TunnelPair[] } {
  const groups = [...tunnelGroups(t), ...inferEspPairs(t)].sort((a, b) => a.rows[0]! - b.rows[0]!);
  const m = new Map<string, TunnelPair>();
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
  return { groups, pairs: [...m.values()] };
}

/** The index's groups as TunnelGroups, read back through its line arrays (rowOf), as the view reads them. */
function indexGroups(x: TunnelIndex, t: PacketTable): TunnelGroup[] {
  const out: TunnelGroup[] = [];
  for (let g = 0; g < x.groups; g++) {
    const rows: number[] = [];
    for (let l = x.gLine[g]!; l < x.gLine[g + 1]!; l++) { expect(x.groupOf(l)).toBe(g); rows.push(x.rowOf(l)); }
    out.push(x.gInner[g]! >= 0 ? { frame: t.frame.get(rows[0]!), rows, inferred: true } : { frame: t.frame.get(rows[0]!), rows });
  }
  return out;
}

/**
 * packets.d lines for a random capture: tunnels in one frame (sent ones innermost first), ESP, NAT-T and
 * opaque UDP beside tunnel interfaces captured on their own, loopback frames (send path, then receive path).
 */
const packetsLines = fc.array(fc.record({
  layers: fc.integer({ min: 1, max: 3 }),
  gap: fc.oneof(fc.integer({ min: 0, max: 400_000 }), fc.integer({ min: 0, max: 3_000_000 }), fc.constant(-5_000)),
  ifs: fc.array(fc.constantFrom('nge0', 'ip.tun0', 'eth0', 'gre0', 'wlan0', 'lo'), { minLength: 3, maxLength: 3 }),
  protos: fc.array(fc.constantFrom('ESP', 'UDP', 'TCP', 'IPv4', 'ICMP'), { minLength: 3, maxLength: 3 }),
  sizes: fc.array(fc.integer({ min: 40, max: 200 }), { minLength: 3, maxLength: 3 }),
  dir: fc.constantFrom('send', 'receive', 'loop'),
  natt: fc.boolean(),
}), { maxLength: 120 }).map((frames) => {
  const lines: string[] = [];
  let ns = 1_000_000_000_000;
  frames.forEach((f, k) => {
    ns += f.gap;
    const layer = (d: number, dir: string): string => `${ns}\t${k + 1}\t${dir}\t${f.ifs[d]}\t10.0.0.${d}\t10.0.1.${k % 7}\t${f.sizes[d]! - 20}\t${f.sizes[d]}\t${f.protos[d]}`;
    const down = (dir: string): void => { for (let d = 0; d < f.layers; d++) lines.push(layer(d, dir)); };
    const up = (): void => { for (let d = f.layers - 1; d >= 0; d--) lines.push(layer(d, 'send')); };
    if (f.dir === 'send') up();
    else if (f.dir === 'receive') down('receive');
    else { up(); down('receive'); }
    if (f.natt && f.protos.slice(0, f.layers).includes('UDP')) lines.push(`udp\t${k + 1}\t4500\t4500`);
  });
  return lines;
});

describe('TunnelIndex', () => {
  it('gives the reference groups and pair table on random tables, whole or read while the table grows in chunks', () => {
    fc.assert(fc.property(packetsLines, fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 20 }), fc.constantFrom(MAX_INTERNED, 6), (lines, cuts, maxInterned) => {
      const whole = new PacketTableBuilder(maxInterned);
      whole.feed(lines.join('\n') + '\n');
      const t = whole.finish();
      const ref = reference(t);
      const x = new TunnelIndex();
      expect(x.advance(t, true)).toBe(true);
      expect(x.done).toBe(true);
      expect(indexGroups(x, t)).toEqual(ref.groups);
      expect(x.pairs).toEqual(ref.pairs);
      expect(x.inferred).toBe(ref.groups.filter((g) => g.inferred).length);
      expect(x.lines).toBe(ref.groups.reduce((s, g) => s + g.rows.length, 0));
      // A same-frame group's rows are all of its frame.
      for (const g of ref.groups) if (!g.inferred) for (const i of g.rows.slice(1)) expect(t.frame.get(i)).toBe(g.frame);

      // Streaming: the table grows a few lines at a time, read between chunks in tiny slices (a deadline already past).
      const b = new PacketTableBuilder(maxInterned);
      const y = new TunnelIndex();
      let at = 0;
      let clock = 0;
      for (let c = 0; at < lines.length; c++) {
        const n = cuts[c % cuts.length]!;
        b.feed(lines.slice(at, at + n).join('\n') + '\n');
        at += n;
        const view = { ...b.table };
        y.advance(view, false, 0, () => clock++);
        while (!y.advance(view, false, 0, () => clock++));
      }
      const tt = b.finish();
      y.advance(tt, true);
      expect(indexGroups(y, tt)).toEqual(ref.groups);
      expect(y.pairs).toEqual(ref.pairs);
    }), { numRuns: 300 });
  });

  it('groups an IP-in-IP frame and an inferred ESP pair into lines, outer first', () => {
    const t = table([
      '1000000000000000000\t1\tsend\tip.tun0\t10.7.250.24\t192.146.17.75\t68\t88\tTCP',
      '1000000000000073000\t2\tsend\tnge0\t192.168.1.108\t172.16.10.1\t140\t160\tESP',
      '1000000000900000000\t3\treceive\teth0\t192.0.2.1\t198.51.100.1\t40\t60\tIPv4',
      '1000000000900000000\t3\treceive\tip.tun0\t10.0.0.1\t10.1.0.1\t20\t40\tTCP',
    ]);
    const x = tunnelIndexOf(t);
    x.advance(t, true);
    expect(tunnelIndexOf({ ...t })).toBe(x);
    expect([x.groups, x.lines, x.inferred]).toEqual([2, 4, 1]);
    expect([0, 1, 2, 3].map((l) => x.rowOf(l))).toEqual([1, 0, 2, 3]);
    expect(x.pairs.map((p) => [p.outer, p.inner, p.packets, p.overhead, p.pairing])).toEqual([
      ['nge0', 'ip.tun0', 1, 72, 'inferred (time, size)'],
      ['eth0', 'ip.tun0', 1, 20, 'same frame'],
    ]);
  });
});
