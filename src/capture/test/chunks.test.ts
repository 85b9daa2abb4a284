/**
 * Reading through every chunk boundary: each fixture read with chunks of 1, 7
 * and 64 bytes gives exactly what one whole-file read gives (records,
 * interfaces, sections, warnings), and the stitch buffer stays small.
 */
import { describe, expect, it } from 'vitest';
import { captureFixtures, brokenFixtures } from '../../../test/fixtures/gen-capture.ts';
import { bytesSource } from '../sources.ts';
import { openCapture } from '../open.ts';
import { drain } from './util.ts';
import type { ChunkedReader } from '../chunked.ts';
import { PcapngWriter } from '../write.ts';
import { udpFrame } from './util.ts';

async function readWith(bytes: Uint8Array, chunk: number) {
  const reader = await openCapture(bytesSource(bytes, 'f', chunk));
  const recs = await drain(reader);
  return { recs, interfaces: reader.interfaces, sections: reader.sections, warnings: reader.warnings, reader };
}

describe('chunk boundaries', () => {
  const all = [...captureFixtures(), ...brokenFixtures()].filter((f) => !f.name.endsWith('.gz') && !f.name.includes('modified') && !f.name.includes('not-a'));
  for (const f of all) {
    it(f.name, async () => {
      const whole = await readWith(f.bytes, 0);
      expect(whole.recs.length).toBeGreaterThan(0);
      for (const chunk of [1, 7, 64]) {
        const r = await readWith(f.bytes, chunk);
        expect(r.recs, `chunk ${chunk}`).toEqual(whole.recs);
        expect(r.interfaces).toEqual(whole.interfaces);
        expect(r.sections).toEqual(whole.sections);
        expect(r.warnings).toEqual(whole.warnings);
        expect((r.reader as unknown as ChunkedReader).stitchCapacity).toBeLessThanOrEqual(1 << 16);
      }
    }, 60_000);
  }

  it('streams past a 20 MiB custom block without buffering it, counting it as tshark does', async () => {
    const w = new PcapngWriter().shb().idb(1);
    w.epb(0, 1n, udpFrame(1));
    w.rawBlock(0x00000bad, new Uint8Array(20 << 20));
    w.epb(0, 2n, udpFrame(2));
    const r = await readWith(w.take(), 1 << 20);
    expect(r.recs.map((x) => x.frame)).toEqual([1, 3]);
    expect(r.warnings).toEqual([]);
    expect((r.reader as unknown as ChunkedReader).stitchCapacity).toBeLessThanOrEqual(1 << 16);
  }, 60_000);

  it('warns when a skipped block is cut', async () => {
    const w = new PcapngWriter().shb().idb(1);
    w.epb(0, 1n, udpFrame(1));
    w.rawBlock(0x00000bad, new Uint8Array(1000));
    const b = w.take();
    const r = await readWith(b.subarray(0, b.length - 100), 64);
    expect(r.recs.length).toBe(1);
    expect(r.warnings.map((x) => x.message)).toEqual([`capture truncated: block at offset 132 needs 1012 bytes, 912 available`]);
  });
});
