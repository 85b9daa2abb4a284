import { describe, expect, it } from 'vitest';
import { PcapWriter, pcapFcsBits } from '../write.ts';
import { CaptureError } from '../types.ts';
import { readBytes, udpFrame } from './util.ts';
import { openCapture } from '../open.ts';
import { bytesSource } from '../sources.ts';

function hex(s: string): Uint8Array {
  const t = s.replace(/\s+/g, '');
  const out = new Uint8Array(t.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(t.slice(2 * i, 2 * i + 2), 16);
  return out;
}

describe('pcap reader', () => {
  for (const littleEndian of [true, false]) {
    for (const nanos of [false, true]) {
      it(`reads ${nanos ? 'ns' : 'µs'} ${littleEndian ? 'little' : 'big'}-endian files`, async () => {
        const w = new PcapWriter(1, { littleEndian, nanos, snapLen: 1500 });
        w.packet(1700000000, nanos ? 999999999 : 999999, udpFrame(1));
        w.packet(4294967295, 1, udpFrame(2), 100);
        const { reader, recs } = await readBytes(w.take());
        expect(reader.format).toBe('pcap');
        expect(reader.interfaces).toEqual([{ index: 0, file: 0, section: 0, linkType: 1, snapLen: 1500, name: '', description: '', fcsLen: 0 }]);
        expect(reader.sections[0]!.littleEndian).toBe(littleEndian);
        expect(recs.map((r) => [r.frame, r.tsSec, r.tsNsec, r.capLen, r.origLen])).toEqual([
          [1, 1700000000, 999999999 - (nanos ? 0 : 999), 50, 50],
          [2, 4294967295, nanos ? 1 : 1000, 50, 100],
        ]);
        expect(recs[0]!.data).toEqual(Array.from(udpFrame(1)));
        expect(recs[1]!.fileOffset).toBe(24 + 16 + 50);
        expect(reader.warnings).toEqual([]);
      });
    }
  }

  it('reads the FCS length from the link-type word (libpcap LT_FCS_*)', async () => {
    const w = new PcapWriter(1, { fcsBits: pcapFcsBits(4) });
    w.packet(1, 0, udpFrame(1));
    const { reader } = await readBytes(w.take());
    expect(reader.interfaces[0]!.linkType).toBe(1);
    expect(reader.interfaces[0]!.fcsLen).toBe(4);
  });

  it('refuses modified pcap with a clear error', async () => {
    const b = hex('34cdb2a1 0200 0400 00000000 00000000 ffff0000 01000000');
    const e = await openCapture(bytesSource(b, 'x.pcap')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CaptureError);
    expect((e as CaptureError).message).toMatch(/modified pcap format \(magic 34 cd b2 a1/);
    expect((e as CaptureError).offset).toBe(0);
  });

  it('says what it expected and found for an unknown format', async () => {
    const e = await openCapture(bytesSource(new TextEncoder().encode('<html><body>'), 'page')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CaptureError);
    expect((e as CaptureError).message).toBe('expected a pcap or pcapng file, found bytes 3c 68 74 6d at offset 0');
    expect((e as CaptureError).source).toBe('page');
  });

  it('rejects an empty input and a cut file header', async () => {
    await expect(openCapture(bytesSource(new Uint8Array(0)))).rejects.toThrow(/found an empty input at offset 0/);
    await expect(openCapture(bytesSource(hex('d4c3b2a1 0200 0400')))).rejects.toThrow(/pcap file header truncated/);
  });

  it('keeps every record before a cut and warns with the offset', async () => {
    const w = new PcapWriter(1);
    w.packet(1, 0, udpFrame(1));
    w.packet(2, 0, udpFrame(2));
    const b = w.take();
    const { reader, recs } = await readBytes(b.subarray(0, b.length - 10));
    expect(recs.length).toBe(1);
    expect(reader.warnings).toEqual([{ message: 'capture truncated: record at offset 90 needs 66 bytes, 56 available', offset: 90, frame: 2 }]);
  });

  it('reads a record longer than snaplen as is, with one warning', async () => {
    const w = new PcapWriter(1, { snapLen: 20 });
    w.packet(1, 0, udpFrame(1));
    w.packet(1, 0, udpFrame(2));
    const { reader, recs } = await readBytes(w.take());
    expect(recs.map((r) => r.capLen)).toEqual([50, 50]);
    expect(reader.warnings.length).toBe(1);
    expect(reader.warnings[0]!.message).toMatch(/more than the snapshot length 20/);
  });

  it('stops at an absurd captured length without allocating it', async () => {
    const w = new PcapWriter(1);
    w.packet(1, 0, udpFrame(1));
    w.packet(2, 0, udpFrame(2), 50, 0x7fffffff);
    const { reader, recs } = await readBytes(w.take());
    expect(recs.length).toBe(1);
    expect(reader.warnings[0]!.message).toMatch(/offset 90 has captured length 2147483647, more than the maximum 262144/);
  });
});
