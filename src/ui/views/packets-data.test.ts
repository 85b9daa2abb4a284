import { describe, expect, it } from 'vitest';
import { deltaUs, MAX_INTERNED, PacketTableBuilder, TIME_BINS, TimeBins } from './packets-data.ts';
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

describe('TimeBins', () => {
  it('counts packets and bytes per interval incrementally, doubling the width as the span grows', () => {
    const b = new PacketTableBuilder();
    const bins = new TimeBins();
    // Rows 0.5 ms apart, 40 bytes each: 1 ms bins hold two rows each.
    const line = (i: number) => `${1_000_000_000 + i * 500_000}\t${i + 1}\tsend\teth0\t10.0.0.1\t10.0.0.2\t20\t40\tTCP\n`;
    for (let i = 0; i < 100; i++) b.feed(line(i));
    bins.add(b.finish());
    expect(bins.width).toBe(1e6);
    expect(bins.used).toBe(50);
    expect([...bins.pkts.subarray(0, 50)].every((v) => v === 2)).toBe(true);
    // 1000 rows = 500 ms: past 256 bins of 1 ms, so 2 ms bins (four rows, 160 bytes each).
    for (let i = 100; i < 1000; i++) b.feed(line(i));
    bins.add(b.finish());
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

describe('deltaUs (the Timeline\'s DELTA(us))', () => {
  it('truncates as D\'s integer division does, never rounds', () => {
    expect(deltaUs(18_325_900)).toBe(18325);
    expect(deltaUs(18_325_999)).toBe(18325);
    expect(deltaUs(999)).toBe(0);
    expect(deltaUs(1000)).toBe(1);
    expect(deltaUs(-1500)).toBe(-1);
  });
});
