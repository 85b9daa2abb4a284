import { describe, expect, it } from 'vitest';
import { NATT_PROTO, NATT_ROWS, PacketLineParser } from './packet-lines.ts';
import { applyDelta, deltaTransfer, emptyPacketTable, type TableDelta } from './packet-table.ts';

const row = (ns: number, frame: number, src = '10.0.0.1', proto = 'TCP') => `${ns}\t${frame}\tsend\teth0\t${src}\t10.0.0.2\t20\t40\t${proto}\n`;

describe('PacketLineParser', () => {
  it('counts the first row from BEGIN, as ipio.d\'s first DELTA does', () => {
    const p = new PacketLineParser();
    p.feed('begin\t1000000000000\n');
    p.feed(row(1000598913734, 1) + row(1000598987146, 2));
    p.finish();
    const t = emptyPacketTable();
    applyDelta(t, p.take(true)!);
    expect(t.firstNs).toBe(598913734);
    expect(t.relNs.get(1)).toBe(73412);
    expect(t.base).toBe('1000.598913734');
  });

  it('holds back the last rows a later udp line may re-mark, and hands out everything at the end', () => {
    const p = new PacketLineParser();
    let text = '';
    for (let i = 1; i <= 20; i++) text += row(1_000_000_000 + i, i, '10.0.0.1', 'UDP');
    p.feed(text);
    const d1 = p.take(false)!;
    expect([d1.from, d1.rows]).toEqual([0, 20 - NATT_ROWS]);
    // A udp line for frame 18 marks that row, which was held back.
    p.feed('udp\t18\t4500\t4500\n');
    p.finish();
    const d2 = p.take(true)!;
    expect([d2.from, d2.rows]).toEqual([20 - NATT_ROWS, NATT_ROWS]);
    const t = emptyPacketTable();
    applyDelta(t, d1);
    applyDelta(t, d2);
    expect(t.length).toBe(20);
    expect(t.proto.get(17)).toBe(NATT_PROTO);
    expect(t.proto.get(16)).toBe('UDP');
    expect(p.take(true)).toMatchObject({ rows: 0 });
  });

  it('sends each dictionary entry once, and values past the cap per row, across deltas', () => {
    const p = new PacketLineParser(4);
    const deltas: TableDelta[] = [];
    for (let i = 1; i <= 30; i++) {
      p.feed(row(1_000_000_000 + i, i, `10.0.${i}.1`));
      const d = p.take(false);
      if (d) deltas.push(d);
    }
    p.finish();
    deltas.push(p.take(true)!);
    const t = emptyPacketTable(4);
    for (const d of deltas) applyDelta(t, d);
    expect(deltas.reduce((n, d) => n + d.strings.length, 0)).toBe(4);
    expect(Array.from({ length: 30 }, (_, i) => t.src.get(i))).toEqual(Array.from({ length: 30 }, (_, i) => `10.0.${i + 1}.1`));
  });

  it('fills the buffers the page gives back, and the table is the same as with new ones', () => {
    const p = new PacketLineParser();
    const fresh = new PacketLineParser();
    const t = emptyPacketTable();
    const u = emptyPacketTable();
    let given: ArrayBuffer[] = [];
    for (let k = 0; k < 5; k++) {
      let text = '';
      for (let i = 1; i <= 300; i++) text += row(1_000_000_000 + k * 1000 + i, k * 300 + i, `10.0.${k}.${i % 7}`);
      p.feed(text);
      fresh.feed(text);
      const d = p.take(false)!;
      const e = fresh.take(false)!;
      // Every column after the first delta is one of the buffers given back (and no two share one).
      const bufs = deltaTransfer(d);
      expect(new Set(bufs).size).toBe(9);
      if (k > 0) for (const b of bufs) expect(given).toContain(b);
      applyDelta(t, d);
      applyDelta(u, e);
      // As the page does: the rows are copied out, the buffers go back (here, without a transfer, then reused).
      p.reuse(bufs);
      given = bufs;
    }
    p.finish();
    fresh.finish();
    applyDelta(t, p.take(true)!);
    applyDelta(u, fresh.take(true)!);
    expect(t.length).toBe(1500);
    for (let i = 0; i < t.length; i++) {
      expect([t.relNs.get(i), t.frame.get(i), t.src.get(i), t.total.get(i)]).toEqual([u.relNs.get(i), u.frame.get(i), u.src.get(i), u.total.get(i)]);
    }
  });

  it('refuses a delta out of order instead of corrupting the table', () => {
    const p = new PacketLineParser();
    p.feed(row(1, 1) + row(2, 2));
    p.finish();
    const d = p.take(true)!;
    const t = emptyPacketTable();
    expect(() => applyDelta(t, { ...d, from: 5 })).toThrow(/out of order/);
  });

  it('counts lines of another shape, and reads malformed numbers as 0, never throwing', () => {
    const p = new PacketLineParser();
    p.feed('hello\nbegin\tx\n1\t99999999999\tsend\teth0\ta\tb\t-1\t4.5\tTCP\n');
    p.finish();
    const t = emptyPacketTable();
    applyDelta(t, p.take(true)!);
    expect(t.skipped).toBe(1);
    expect([t.frame.get(0), t.payload.get(0), t.total.get(0)]).toEqual([0, 0, 0]);
  });
});
