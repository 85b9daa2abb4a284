import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inferEspPairs, MAX_INTERNED, PacketTableBuilder, TIME_BINS, TimeBins, TunnelIndex, tunnelGroups, tunnelIndexOf, type PacketTable, type TunnelGroup, type TunnelPair } from './packets-data.ts';
import { hostRows } from './hosts-data.ts';

describe('PacketTableBuilder', () => {
  it('parses packets.d lines split across chunks, times relative and exact', () => {
    const b = new PacketTableBuilder();
    b.feed('1700000000999999999\t1\tsend\teth0\t10.0.0.1\t10.0.0.2\t20\t40\tTCP\n17000000020000');
    b.feed('00001\t2\treceive\teth0\t10.0.0.2\t10.0.0.1\t0\t20\tTCP\n');
    const t = b.finish();
    expect(t.length).toBe(2);
    expect(t.base).toBe('1700000000.999999999');
    expect(t.relNs.get(1)).toBe(1_000_000_002);
    expect([t.dir.get(0), t.dir.get(1)]).toEqual(['send', 'receive']);
    expect([t.total.get(0), t.total.get(1)]).toEqual([40, 20]);
  });
  it('interns repeated strings: a million-row table holds each address, interface and protocol once', () => {
    const b = new PacketTableBuilder();
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) lines.push(`${1_000_000_000 + i}\t${i + 1}\t${i % 2 ? 'send' : 'receive'}\teth0\t10.0.0.${i % 64}\t10.1.0.${(i >> 6) % 64}\t20\t40\tTCP`);
    b.feed(lines.join('\n') + '\n');
    const t = b.finish();
    expect(t.length).toBe(20_000);
    expect(t.src.get(64)).toBe('10.0.0.0');
    // 2 directions + 1 interface + 64 + 64 addresses + 1 protocol.
    expect(b.interned).toBe(132);
  });
  it('stops interning past its cap of distinct values, keeping every value', () => {
    expect(MAX_INTERNED).toBeGreaterThanOrEqual(1 << 16);
    const CAP = 1000;
    const b = new PacketTableBuilder(CAP);
    const lines: string[] = [];
    for (let i = 0; i < CAP + 10; i++) lines.push(`${1_000_000_000 + i}\t${i + 1}\tsend\teth0\t10.${i >> 16}.${(i >> 8) & 255}.${i & 255}\t10.255.255.255\t20\t40\tTCP`);
    b.feed(lines.join('\n') + '\n');
    const t = b.finish();
    expect(b.interned).toBe(CAP);
    expect(t.src.get(CAP + 9)).toBe('10.0.3.241');
    expect(t.src.get(5)).toBe('10.0.0.5');
    expect(t.dst.get(CAP + 9)).toBe('10.255.255.255');
  });
  it('counts lines of another shape instead of guessing', () => {
    const b = new PacketTableBuilder();
    b.feed('hello\n');
    expect(b.finish().skipped).toBe(1);
  });
  it('groups the layers of one frame', () => {
    const b = new PacketTableBuilder();
    b.feed('1000000000\t1\tsend\te1000g0\t1.1.1.1\t2.2.2.2\t60\t80\tIPv6\n1000000000\t1\tsend\tip.tun0\ta::1\ta::2\t20\t60\tTCP\n1000000001\t2\tsend\te1000g0\t1.1.1.1\t2.2.2.2\t0\t20\tTCP\n');
    expect(tunnelGroups(b.finish())).toEqual([{ frame: 1, rows: [0, 1] }]);
  });
});

describe('hostRows', () => {
  it('merges the four aggregations by host', () => {
    const snap = (name: string, rows: [string, number][]) => ({ kind: 'agg' as const, name, func: 'count', tsNs: '0', rows: rows.map(([k, v]) => ({ key: [k], value: v })) });
    const rows = hostRows([
      snap('sent_pkts', [['10.0.0.1', 3]]), snap('sent_bytes', [['10.0.0.1', 300]]),
      snap('recv_pkts', [['10.0.0.2', 3], ['10.0.0.1', 1]]), snap('recv_bytes', [['10.0.0.2', 300], ['10.0.0.1', 5]]),
    ]);
    expect(rows).toEqual([
      { host: '10.0.0.1', sentPkts: 3, sentBytes: 300, recvPkts: 1, recvBytes: 5 },
      { host: '10.0.0.2', sentPkts: 0, sentBytes: 0, recvPkts: 3, recvBytes: 300 },
    ]);
  });
});

describe('inferEspPairs', () => {
  it('pairs each ESP packet with the nearest smaller same-direction packet on another interface', () => {
    // The proto2-ipsec-out scene as tshark shows it: SSH on ip.tun0, ESP on nge0, tens of microseconds apart.
    const b = new PacketTableBuilder();
    b.feed([
      '1000000000000000000\t1\tsend\tip.tun0\t10.7.250.24\t192.146.17.75\t68\t88\tTCP',
      '1000000000000073000\t2\tsend\tnge0\t192.168.1.108\t172.16.10.1\t140\t160\tESP',
      '1000000000018405000\t3\treceive\tnge0\t172.16.10.1\t192.168.1.108\t140\t160\tESP',
      '1000000000018474000\t4\treceive\tip.tun0\t192.146.17.75\t10.7.250.24\t68\t88\tTCP',
      '1000000000500000000\t5\tsend\tnge0\t192.168.1.108\t172.16.10.1\t140\t160\tESP',
    ].join('\n') + '\n');
    expect(inferEspPairs(b.finish())).toEqual([
      { frame: 2, rows: [1, 0], inferred: true },
      { frame: 3, rows: [2, 3], inferred: true },
    ]);
  });
});

describe('NAT-T ESP', () => {
  it('marks UDP port 4500 datagrams as ESP and pairs them like ESP', () => {
    const b = new PacketTableBuilder();
    b.feed([
      '1000000000000000000\t1\tsend\tip.tun0\t10.1.100.123\t192.168.10.75\t68\t88\tTCP',
      '1000000000000073000\t2\tsend\tnge0\t192.168.1.108\t192.168.5.1\t140\t160\tUDP',
      'udp\t2\t4500\t4500',
      'udp\t3\t4500\t4500',
      '1000000000018399000\t3\treceive\tnge0\t192.168.5.1\t192.168.1.108\t140\t160\tUDP',
      '1000000000018468000\t4\treceive\tip.tun0\t192.168.10.75\t10.1.100.123\t68\t88\tTCP',
      '1000000000500000000\t5\tsend\tnge0\t192.168.1.108\t192.168.9.9\t40\t60\tUDP',
      'udp\t5\t53\t53',
    ].join('\n') + '\n');
    const t = b.finish();
    expect(Array.from({ length: t.length }, (_, i) => t.proto.get(i))).toEqual(['TCP', 'ESP (NAT-T)', 'ESP (NAT-T)', 'TCP', 'UDP']);
    expect(t.skipped).toBe(0);
    expect(inferEspPairs(t).map((g) => g.rows)).toEqual([[1, 0], [2, 3]]);
  });
});

describe('NAT-T without port information', () => {
  it('pairs UDP on the NIC with a packet on a tunnel interface, not with another NIC', () => {
    const b = new PacketTableBuilder();
    b.feed([
      '1000000000000\t1\tsend\tip.tun0\t10.1.100.123\t192.168.10.75\t68\t88\tTCP',
      '1000000073412\t2\tsend\tnge0\t192.168.1.108\t192.168.5.1\t140\t160\tUDP',
      '2000000000000\t3\tsend\twlan0\t10.0.0.2\t10.0.0.1\t20\t40\tTCP',
      '2000000000100\t4\tsend\teth0\t10.0.1.2\t8.8.8.8\t60\t80\tUDP',
    ].join('\n') + '\n');
    expect(inferEspPairs(b.finish()).map((g) => g.rows)).toEqual([[1, 0]]);
  });
});

describe('TimeBins', () => {
  it('counts packets and bytes per interval incrementally, doubling the width as the span grows', () => {
    const b = new PacketTableBuilder();
    const bins = new TimeBins();
    // Rows 0.5 ms apart, 40 bytes each: 1 ms bins hold two rows each.
    const line = (i: number) => `${1_000_000_000 + i * 500_000}\t${i + 1}\tsend\teth0\t10.0.0.1\t10.0.0.2\t20\t40\tTCP\n`;
    for (let i = 0; i < 100; i++) b.feed(line(i));
    bins.add(b.table);
    expect(bins.width).toBe(1e6);
    expect(bins.used).toBe(50);
    expect([...bins.pkts.subarray(0, 50)].every((v) => v === 2)).toBe(true);
    // 1000 rows = 500 ms: past 256 bins of 1 ms, so 2 ms bins (four rows, 160 bytes each).
    for (let i = 100; i < 1000; i++) b.feed(line(i));
    bins.add(b.table);
    expect(bins.width).toBe(2e6);
    expect(bins.used).toBe(250);
    expect(bins.pkts[0]).toBe(4);
    expect(bins.bytes[249]).toBe(160);
    expect([...bins.pkts].reduce((a, v) => a + v, 0)).toBe(1000);
    const s = bins.series();
    expect(s.x.length).toBe(251);
    expect(s.x[250]).toBeCloseTo(0.5, 9);
    expect(bins.used).toBeLessThanOrEqual(TIME_BINS);
  });
});

/** What the Tunnels tab computed before TunnelIndex (one object per group, a string key per packet): the reference. */
function oldTunnels(t: PacketTable): { groups: TunnelGroup[]; pairs: TunnelPair[] } {
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

/** packets.d lines for a random capture: tunnels in one frame, ESP and NAT-T on separate interfaces, plain traffic. */
const packetsLines = fc.array(fc.record({
  layers: fc.integer({ min: 1, max: 3 }),
  gap: fc.oneof(fc.integer({ min: 0, max: 400_000 }), fc.integer({ min: 0, max: 3_000_000 }), fc.constant(-5_000)),
  ifs: fc.array(fc.constantFrom('nge0', 'ip.tun0', 'eth0', 'gre0', 'wlan0'), { minLength: 3, maxLength: 3 }),
  protos: fc.array(fc.constantFrom('ESP', 'UDP', 'TCP', 'IPv4', 'ICMP'), { minLength: 3, maxLength: 3 }),
  sizes: fc.array(fc.integer({ min: 40, max: 200 }), { minLength: 3, maxLength: 3 }),
  send: fc.boolean(),
  natt: fc.boolean(),
}), { maxLength: 120 }).map((frames) => {
  const lines: string[] = [];
  let ns = 1_000_000_000_000;
  frames.forEach((f, k) => {
    ns += f.gap;
    for (let d = 0; d < f.layers; d++) {
      lines.push(`${ns}\t${k + 1}\t${f.send ? 'send' : 'receive'}\t${f.ifs[d]}\t10.0.0.${d}\t10.0.1.${k % 7}\t${f.sizes[d]! - 20}\t${f.sizes[d]}\t${f.protos[d]}`);
    }
    if (f.natt && f.protos.slice(0, f.layers).includes('UDP')) lines.push(`udp\t${k + 1}\t4500\t4500`);
  });
  return lines;
});

describe('TunnelIndex', () => {
  it('gives the old groups and pair table on random tables, whole or read while the table grows in chunks', () => {
    fc.assert(fc.property(packetsLines, fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 20 }), fc.constantFrom(MAX_INTERNED, 6), (lines, cuts, maxInterned) => {
      const whole = new PacketTableBuilder(maxInterned);
      whole.feed(lines.join('\n') + '\n');
      const t = whole.finish();
      const ref = oldTunnels(t);
      const x = new TunnelIndex();
      expect(x.advance(t, true)).toBe(true);
      expect(x.done).toBe(true);
      expect(indexGroups(x, t)).toEqual(ref.groups);
      expect(x.pairs).toEqual(ref.pairs);
      expect(x.inferred).toBe(ref.groups.filter((g) => g.inferred).length);
      expect(x.lines).toBe(ref.groups.reduce((s, g) => s + g.rows.length, 0));

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
    const b = new PacketTableBuilder();
    b.feed([
      '1000000000000000000\t1\tsend\tip.tun0\t10.7.250.24\t192.146.17.75\t68\t88\tTCP',
      '1000000000000073000\t2\tsend\tnge0\t192.168.1.108\t172.16.10.1\t140\t160\tESP',
      '1000000000900000000\t3\treceive\teth0\t192.0.2.1\t198.51.100.1\t40\t60\tIPv4',
      '1000000000900000000\t3\treceive\tip.tun0\t10.0.0.1\t10.1.0.1\t20\t40\tTCP',
    ].join('\n') + '\n');
    const t = b.finish();
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
