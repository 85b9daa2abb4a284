import { describe, expect, it } from 'vitest';
import { PcapngWriter, darwinEpbOptions, ptcpdumpComment } from '../write.ts';
import { DIR_INBOUND, DIR_OUTBOUND } from '../types.ts';
import { readBytes, udpFrame } from './util.ts';
import type { PcapngReader } from '../pcapng.ts';

describe('pcapng reader', () => {
  it('reads sections with their own byte order and numbers interfaces globally', async () => {
    const a = new PcapngWriter(true);
    a.shb([{ code: 2, str: 'hw' }, { code: 3, str: 'Linux' }, { code: 4, str: 'app' }, { code: 1, str: 'first' }]);
    a.idb(1, 1500, [{ code: 2, str: 'eth0' }, { code: 3, str: 'uplink' }]);
    a.idb(113, 65535, [{ code: 2, str: 'any' }]);
    a.epb(1, 1000000n, udpFrame(1));
    a.epb(0, 2000000n, udpFrame(2));
    const b = new PcapngWriter(false);
    b.shb();
    b.idb(101, 0, [{ code: 2, str: 'tun0' }, { code: 13, u8: 4 }]);
    b.epb(0, 3000000n, udpFrame(3));
    const bytes = new Uint8Array([...a.take(), ...b.take()]);
    const { reader, recs } = await readBytes(bytes);
    expect(reader.format).toBe('pcapng');
    expect(reader.interfaces.map((i) => [i.index, i.section, i.linkType, i.snapLen, i.name, i.description, i.fcsLen])).toEqual([
      [0, 0, 1, 1500, 'eth0', 'uplink', 0],
      [1, 0, 113, 65535, 'any', '', 0],
      [2, 1, 101, 0, 'tun0', '', 4],
    ]);
    expect(reader.sections.map((s) => [s.index, s.littleEndian, s.major, s.minor, s.hardware, s.os, s.userAppl, s.comments])).toEqual([
      [0, true, 1, 0, 'hw', 'Linux', 'app', ['first']],
      [1, false, 1, 0, '', '', '', []],
    ]);
    expect(recs.map((r) => [r.frame, r.ifIndex, r.tsSec, r.tsNsec])).toEqual([[1, 1, 1, 0], [2, 0, 2, 0], [3, 2, 3, 0]]);
    expect(reader.warnings).toEqual([]);
  });

  it('applies if_tsresol (powers of 10 and 2) and if_tsoffset exactly', async () => {
    const w = new PcapngWriter();
    w.shb();
    w.idb(1, 0, [{ code: 9, u8: 9 }]); // ns
    w.idb(1, 0, [{ code: 9, u8: 0x80 | 20 }]); // 2^-20 s
    w.idb(1, 0, [{ code: 9, u8: 0x80 | 32 }, { code: 14, u64: 1000n }]); // 2^-32 s, +1000 s
    w.idb(1, 0, [{ code: 9, u8: 3 }, { code: 14, u64: 0xffffffffffffff9cn }]); // ms, -100 s
    w.idb(1, 0, [{ code: 9, u8: 10 }]); // 10^-10 s (BigInt path)
    const ns = 1763700000123456789n;
    w.epb(0, ns, udpFrame(1));
    w.epb(1, (1763700000n << 20n) + 1048575n, udpFrame(2));
    w.epb(2, (1763700000n << 32n) + 0xffffffffn, udpFrame(3));
    w.epb(3, 1763700000999n, udpFrame(4));
    w.epb(4, 17637000001234567890n, udpFrame(5));
    const { recs } = await readBytes(w.take());
    const floorNs = (frac: bigint, R: bigint): number => Number((frac * 1000000000n) / R);
    expect(recs.map((r) => [r.tsSec, r.tsNsec])).toEqual([
      [1763700000, 123456789],
      [1763700000, floorNs(1048575n, 1n << 20n)],
      [1763701000, floorNs(0xffffffffn, 1n << 32n)],
      [1763699900, 999000000],
      [1763700000, 123456789],
    ]);
  });

  it('reads epb_flags, epb_queue, epb_dropcount and comments', async () => {
    const w = new PcapngWriter();
    w.shb().idb(1);
    w.epb(0, 1n, udpFrame(1), 60, { flags: 1 | (3 << 2), queue: 7, dropCount: 12n, comments: ['hello', 'world'] });
    w.epb(0, 2n, udpFrame(2), undefined, { flags: 2 | (4 << 2) });
    w.epb(0, 3n, udpFrame(3));
    const { recs } = await readBytes(w.take());
    expect(recs.map((r) => [r.direction, r.receptionType, r.epbFlags, r.queue, r.dropCount, r.comments, r.origLen])).toEqual([
      [DIR_INBOUND, 3, 13, 7, 12, ['hello', 'world'], 60],
      [DIR_OUTBOUND, 4, 18, -1, -1, [], 50],
      [0, 0, 0, -1, -1, [], 50],
    ]);
  });

  it('reads SPBs (interface 0, length from the block, no timestamp) and obsolete Packet Blocks', async () => {
    const w = new PcapngWriter();
    w.shb().idb(1, 40).idb(1, 0);
    w.spb(udpFrame(1).subarray(0, 40), 50);
    w.obsoletePacket(1, 5000001n, udpFrame(2), 50, 3, [{ code: 2, u32: 2 }]);
    const { recs, reader } = await readBytes(w.take());
    expect(recs.map((r) => [r.ifIndex, r.capLen, r.origLen, r.tsSec, r.tsNsec, r.dropCount, r.direction])).toEqual([
      [0, 40, 50, 0, 0, -1, 0],
      [1, 50, 50, 5, 1000, 3, DIR_OUTBOUND],
    ]);
    expect(reader.warnings).toEqual([]);
  });

  it('parses NRBs, skips ISB, DSB, custom and unknown blocks', async () => {
    const w = new PcapngWriter();
    w.shb().idb(1);
    w.nrb([{ ip: new Uint8Array([10, 0, 0, 1]), names: ['gw.example', 'router'] },
      { ip: new Uint8Array([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]), names: ['v6.example'] }]);
    w.isb(0, 5n, [{ code: 4, u64: 10n }]);
    w.dsb(0x544c534b, new TextEncoder().encode('CLIENT_RANDOM x y\n'));
    w.rawBlock(0x00000bad, new Uint8Array([0, 0, 0x7e, 0xd9, 1, 2, 3]));
    w.rawBlock(0x40000bad, new Uint8Array(8));
    w.rawBlock(0x12345678, new Uint8Array(0));
    w.epb(0, 1n, udpFrame(1));
    const { recs, reader } = await readBytes(w.take());
    expect(recs.length).toBe(1);
    expect(reader.warnings).toEqual([]);
    expect([...(reader.names ?? new Map())]).toEqual([['10.0.0.1', 'gw.example'], ['2001:db8::1', 'v6.example']]);
  });

  it('reads Darwin process event blocks and the EPB options that index them', async () => {
    const w = new PcapngWriter();
    w.shb().idb(1, 0, [{ code: 2, str: 'en0' }]);
    w.darwinProcessBlock(1075, 'ssh');
    w.darwinProcessBlock(152, 'nscd');
    w.epb(0, 1n, udpFrame(1), undefined, { extra: darwinEpbOptions(0) });
    w.epb(0, 2n, udpFrame(2), undefined, { extra: darwinEpbOptions(1, 0) });
    w.epb(0, 3n, udpFrame(3), undefined, { extra: darwinEpbOptions(7) });
    w.epb(0, 4n, udpFrame(4));
    const { recs, reader } = await readBytes(w.take());
    expect(recs.map((r) => [r.pid, r.procName, r.effPid, r.effProcName])).toEqual([
      [1075, 'ssh', 1075, 'ssh'],
      [152, 'nscd', 1075, 'ssh'],
      [-1, '', -1, ''],
      [-1, '', -1, ''],
    ]);
    expect((reader as PcapngReader).processes).toEqual([{ pid: 1075, name: 'ssh' }, { pid: 152, name: 'nscd' }]);
  });

  it('reads ptcpdump process comments', async () => {
    const w = new PcapngWriter();
    w.shb().idb(1);
    w.epb(0, 1n, udpFrame(1), undefined, { comments: [ptcpdumpComment(1944, '/usr/lib/firefox/firefox-bin', '-P default'), 'ThreadId: 3\nThreadName: x'] });
    w.epb(0, 1n, udpFrame(1), undefined, { comments: ['ParentPID: 1\nParentCmd: /sbin/init'] });
    w.epb(0, 1n, udpFrame(1), undefined, { comments: ['PID: 12x'] });
    const { recs } = await readBytes(w.take());
    expect(recs.map((r) => [r.pid, r.procName, r.effPid])).toEqual([[1944, 'firefox-bin', 1944], [-1, '', -1], [-1, '', -1]]);
  });
});

describe('zero-copy records', () => {
  it('hands out one reused record whose buf is the current chunk', async () => {
    const w = new PcapngWriter().shb().idb(1);
    for (let i = 0; i < 50; i++) w.epb(0, BigInt(i), udpFrame(i));
    const bytes = w.take();
    const { openCapture } = await import('../open.ts');
    const { bytesSource } = await import('../sources.ts');
    const r = await openCapture(bytesSource(bytes, 'x', 1 << 20));
    const seen = new Set<object>();
    const bufs = new Set<ArrayBufferLike>();
    for (;;) {
      for (let p = r.nextSync(); p !== null; p = r.nextSync()) { seen.add(p); bufs.add(p.buf.buffer); expect(p.comments.length).toBe(0); }
      if (!(await r.fill())) break;
    }
    expect(seen.size).toBe(1);
    expect([...bufs]).toEqual([bytes.buffer]);
  });
});

describe('pcapng damage', () => {
  const good = (): PcapngWriter => new PcapngWriter().shb().idb(1).epb(0, 1n, udpFrame(1));

  it('stops at a block whose trailing length does not match, keeping what came before', async () => {
    const w = good();
    w.rawBlock(6, new Uint8Array(24), 40);
    w.epb(0, 2n, udpFrame(2));
    const { recs, reader } = await readBytes(w.take());
    expect(recs.length).toBe(1);
    expect(reader.warnings[0]!.message).toBe('pcapng block at offset 132 (type 0x6): trailing length 6 does not match leading length 40');
  });

  for (const [what, len] of [['zero', 0], ['short', 8], ['unaligned', 30], ['huge', 0xfffffff0]] as const) {
    it(`stops at a ${what} block length with the offset`, async () => {
      const w = good();
      const head = w.take();
      const bad = new Uint8Array(16);
      const dv = new DataView(bad.buffer);
      dv.setUint32(0, 6, true);
      dv.setUint32(4, len, true);
      const { recs, reader } = await readBytes(new Uint8Array([...head, ...bad]));
      expect(recs.length).toBe(1);
      expect(reader.warnings.length).toBe(1);
      expect(reader.warnings[0]!.message).toContain(`offset ${head.length} (type 0x6): total length ${len} is invalid`);
    });
  }

  it('warns and clamps a captured length larger than the block', async () => {
    const w = new PcapngWriter().shb().idb(1);
    const body = new Uint8Array(20 + 8);
    const dv = new DataView(body.buffer);
    dv.setUint32(12, 1000, true); // caplen
    dv.setUint32(16, 1000, true);
    w.rawBlock(6, body);
    const { recs, reader } = await readBytes(w.take());
    expect(recs.map((r) => r.capLen)).toEqual([8]);
    expect(reader.warnings[0]!.message).toMatch(/captured length 1000 exceeds the block's 8 data bytes; clamped/);
  });

  it('skips packets on undefined interfaces and options running past their block', async () => {
    const w = new PcapngWriter().shb().idb(1);
    w.epb(3, 1n, udpFrame(1));
    w.epb(0, 2n, udpFrame(2), undefined, { extra: [{ code: 0x2222, bytes: new Uint8Array(3) }] });
    const b = w.take();
    // Corrupt the option length of the last EPB to run past the block.
    const dv = new DataView(b.buffer);
    const lastEpb = b.length - (28 + 52 + 12 + 4);
    const optAt = lastEpb + 28 + 52;
    dv.setUint16(optAt + 2, 200, true);
    const { recs, reader } = await readBytes(b);
    expect(recs.length).toBe(1);
    expect(reader.warnings.map((x) => x.message)).toEqual([
      expect.stringMatching(/interface 3 is not defined in this section/),
      expect.stringMatching(/option 8738 at offset \d+ runs past the end of the block/),
    ]);
  });

  it('reads packets longer than the snaplen as is, warning once', async () => {
    const w = new PcapngWriter().shb().idb(1, 20);
    w.epb(0, 1n, udpFrame(1)).epb(0, 2n, udpFrame(2));
    const { recs, reader } = await readBytes(w.take());
    expect(recs.map((r) => r.capLen)).toEqual([50, 50]);
    expect(reader.warnings.map((x) => x.message)).toEqual([expect.stringMatching(/captured length 50 is more than the interface's snapshot length 20 \(read as is\)/)]);
  });

  it('falls back to microseconds for an out-of-range if_tsresol, with a warning', async () => {
    const w = new PcapngWriter().shb().idb(1, 0, [{ code: 9, u8: 20 }]);
    w.epb(0, 1500000n, udpFrame(1));
    const { recs, reader } = await readBytes(w.take());
    expect(recs.map((r) => [r.tsSec, r.tsNsec])).toEqual([[1, 500000000]]);
    expect(reader.warnings[0]!.message).toMatch(/if_tsresol 0x14 is out of range; using microseconds/);
  });

  it('keeps everything before a cut', async () => {
    const w = good().epb(0, 2n, udpFrame(2));
    const b = w.take();
    const { recs, reader } = await readBytes(b.subarray(0, b.length - 5));
    expect(recs.length).toBe(1);
    expect(reader.warnings[0]!.message).toMatch(/^capture truncated: record at offset \d+ needs 84 bytes, 79 available$/);
  });
});

describe('capture start (isb_starttime)', () => {
  it('is read from an ISB before the first packet, in the interface resolution, exactly', async () => {
    const start = 1216800000_123456789n;
    const w = new PcapngWriter();
    w.shb().idb(1, 65535, [{ code: 9, u8: 9 }]); // nanoseconds
    w.isb(0, start, [{ code: 2, bytes: u32pair(start) }]);
    w.epb(0, start + 598_913_000n, udpFrame(1));
    const bytes = w.take();
    for (const chunk of [0, 7]) {
      const { reader, recs } = await readBytes(bytes, chunk);
      expect(recs).toHaveLength(1);
      expect(reader.captureStart).toEqual({ sec: 1216800000, nsec: 123456789 });
    }
  });
  it('is null without an ISB', async () => {
    const w = new PcapngWriter();
    w.shb().idb(1).epb(0, 1n, udpFrame(1));
    const { reader } = await readBytes(w.take());
    expect(reader.captureStart ?? null).toBeNull();
  });
});

/** A 64-bit timestamp as pcapng writes it: high word, then low word, each little-endian. */
function u32pair(t: bigint): Uint8Array {
  const b = new Uint8Array(8);
  const dv = new DataView(b.buffer);
  dv.setUint32(0, Number(t >> 32n), true);
  dv.setUint32(4, Number(t & 0xffffffffn), true);
  return b;
}
