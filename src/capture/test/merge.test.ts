import { describe, expect, it } from 'vitest';
import { PcapWriter, PcapngWriter } from '../write.ts';
import { bytesSource } from '../sources.ts';
import { openCapture } from '../open.ts';
import { mergeReaders } from '../merge.ts';
import { drain, udpFrame } from './util.ts';

describe('mergeReaders', () => {
  it('merges by time, stable on ties, renumbering frames and interfaces', async () => {
    const a = new PcapngWriter().shb().idb(1, 0, [{ code: 2, str: 'a0' }]).idb(1, 0, [{ code: 2, str: 'a1' }]);
    a.epb(0, 1000000n, udpFrame(1)); // t=1
    a.epb(1, 3000000n, udpFrame(3)); // t=3
    a.epb(0, 3000000n, udpFrame(4)); // t=3
    const b = new PcapWriter(101, { nanos: true });
    b.packet(2, 0, udpFrame(2)); // t=2
    b.packet(3, 0, udpFrame(5)); // t=3, tie: after file 0's
    b.packet(9, 0, udpFrame(6));
    const ra = await openCapture(bytesSource(a.take(), 'a', 13), { fileIndex: 0 });
    const rb = await openCapture(bytesSource(b.take(), 'b', 5), { fileIndex: 1 });
    const m = mergeReaders([ra, rb]);
    const recs = await drain(m);
    expect(recs.map((r) => [r.frame, r.tsSec, r.data[14 + 5], r.ifIndex])).toEqual([
      [1, 1, 1, 0], [2, 2, 2, 1], [3, 3, 3, 2], [4, 3, 4, 0], [5, 3, 5, 1], [6, 9, 6, 1],
    ]);
    expect(m.interfaces.map((i) => [i.index, i.file, i.name, i.linkType])).toEqual([
      [0, 0, 'a0', 1], [1, 1, '', 101], [2, 0, 'a1', 1],
    ]);
    expect(m.sections.map((s) => s.file)).toEqual([0, 1]);
  });

  it('passes warnings on with the input name', async () => {
    const a = new PcapWriter(1);
    a.packet(1, 0, udpFrame(1));
    const bytes = a.take();
    const ra = await openCapture(bytesSource(bytes.subarray(0, bytes.length - 3), 'cut.pcap'));
    const rb = await openCapture(bytesSource(bytes, 'ok.pcap'));
    const m = mergeReaders([ra, rb]);
    const recs = await drain(m);
    expect(recs.length).toBe(1);
    expect(m.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^cut\.pcap: capture truncated/)]);
  });

  it('returns a single reader unchanged', async () => {
    const a = new PcapWriter(1);
    a.packet(1, 0, udpFrame(1));
    const r = await openCapture(bytesSource(a.take()));
    expect(mergeReaders([r])).toBe(r);
  });
});
