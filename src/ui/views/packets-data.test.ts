import { describe, expect, it } from 'vitest';
import { PacketTableBuilder, tunnelGroups } from './packets-data.ts';
import { hostRows } from './hosts-data.ts';

describe('PacketTableBuilder', () => {
  it('parses packets.d lines split across chunks, times relative and exact', () => {
    const b = new PacketTableBuilder();
    b.feed('1700000000999999999\t1\tsend\teth0\t10.0.0.1\t10.0.0.2\t20\t40\tTCP\n17000000020000');
    b.feed('00001\t2\treceive\teth0\t10.0.0.2\t10.0.0.1\t0\t20\tTCP\n');
    const t = b.finish();
    expect(t.length).toBe(2);
    expect(t.base).toBe('1700000000.999999999');
    expect(t.relNs[1]).toBe(1_000_000_002);
    expect(t.dir).toEqual(['send', 'receive']);
    expect(t.total).toEqual([40, 20]);
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
