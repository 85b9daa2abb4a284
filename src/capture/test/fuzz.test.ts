/**
 * Property tests: any input either fails at open with a CaptureError or reads
 * to its end without throwing, in a bounded number of steps, with the stitch
 * buffer bounded by what the input actually holds.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { runs } from '../../../test/fuzz/config.ts';
import { openCapture } from '../open.ts';
import { bytesSource } from '../sources.ts';
import { CaptureError } from '../types.ts';
import type { ChunkedReader } from '../chunked.ts';
import { captureFixtures } from '../../../test/fixtures/gen-capture.ts';

const seeds = captureFixtures().filter((f) => !f.name.endsWith('.gz')).map((f) => f.bytes);

/** `size`: what the input may expand to (a gzip's uncompressed seed); the bounds follow it. */
async function check(bytes: Uint8Array, chunk: number, size = bytes.length): Promise<void> {
  let reader;
  try {
    reader = await openCapture(bytesSource(bytes, 'fuzz', chunk));
  } catch (e) {
    expect(e).toBeInstanceOf(CaptureError);
    return;
  }
  const chunks = chunk > 0 ? Math.ceil(bytes.length / chunk) : 1;
  const limit = 4 * size + 4 * chunks + 100;
  let steps = 0;
  let packets = 0;
  for (;;) {
    for (let p = reader.nextSync(); p !== null; p = reader.nextSync()) {
      packets++;
      steps++;
      // The record's view must lie inside its buffer.
      expect(p.off + p.capLen).toBeLessThanOrEqual(p.buf.length);
      expect(p.capLen).toBeGreaterThanOrEqual(0);
      expect(p.ifIndex).toBeLessThan(reader.interfaces.length);
      expect(Number.isInteger(p.tsNsec) && p.tsNsec >= 0 && p.tsNsec < 1e9).toBe(true);
      expect(steps).toBeLessThan(limit);
    }
    steps++;
    expect(steps).toBeLessThan(limit);
    if (!(await reader.fill())) break;
  }
  expect(packets).toBeLessThanOrEqual(size / 12);
  const cap = (reader as unknown as ChunkedReader).stitchCapacity;
  expect(cap).toBeLessThanOrEqual(Math.max(1 << 16, 2 * size));
  expect(reader.nextSync()).toBeNull();
}

const chunkArb = fc.constantFrom(0, 1, 3, 16, 100);
// Generous per-test time: the machine is shared; these are about correctness, not speed.
const T = 120_000;

describe('bad input never throws, hangs or balloons', () => {
  it('random bytes (with valid magics in front half the time)', async () => {
    const magic = fc.constantFrom(
      [], [0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0], [0xa1, 0xb2, 0x3c, 0x4d, 0, 2, 0, 4],
      [0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0], [0x1f, 0x8b, 8, 0],
    );
    await fc.assert(fc.asyncProperty(magic, fc.uint8Array({ maxLength: 400 }), chunkArb, async (m, rest, chunk) => {
      await check(new Uint8Array([...m, ...rest]), chunk);
    }), runs(400));
  }, T);

  it('bit flips in valid files', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), chunkArb,
      async (si, flips, chunk) => {
        const b = seeds[si]!.slice();
        for (const f of flips) b[f % b.length]! ^= 1 << (f % 8);
        await check(b, chunk);
      }), runs(400));
  }, T);

  it('truncations of valid files', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: seeds.length - 1 }), fc.nat(), chunkArb, async (si, cut, chunk) => {
      const b = seeds[si]!;
      await check(b.subarray(0, cut % (b.length + 1)), chunk);
    }), runs(300));
  }, T);

  it('huge, zero and odd length fields written over valid files', async () => {
    const lens = fc.constantFrom(0, 1, 4, 8, 11, 12, 13, 0x7fffffff, 0xffffffff, 0x00ffffff, 16 << 20, (16 << 20) + 4, 134348832, 134348836);
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: seeds.length - 1 }), fc.nat(), lens, fc.boolean(), chunkArb,
      async (si, at, len, le, chunk) => {
        const b = seeds[si]!.slice();
        const o = (at % Math.max(1, b.length - 4)) & ~3;
        new DataView(b.buffer).setUint32(o, len, le);
        await check(b, chunk);
      }), runs(400));
  }, T);

  it('gzip: bit flips and truncations of compressed files', async () => {
    // Compressed bit flips change what inflates; the bounds follow the uncompressed size (a
    // flipped stream can only end early or fail its CRC, never grow past the deflate limit of
    // 1032:1, which the seeds are far from).
    const gz = seeds.map((b) => ({ raw: b, gz: new Uint8Array(gzipSync(b)) }));
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: gz.length - 1 }), fc.array(fc.nat(), { maxLength: 6 }), fc.nat(), chunkArb,
      async (si, flips, cut, chunk) => {
        const { raw, gz: z } = gz[si]!;
        const b = z.slice(0, Math.max(2, z.length - (cut % 64)));
        for (const f of flips) b[f % b.length]! ^= 1 << (f % 8);
        await check(b, chunk, Math.max(b.length, raw.length) * 1032);
      }), runs(300));
  }, T);

  it('a block that points back at itself cannot loop', async () => {
    // pcapng lengths only move forward (>= 12), so a "loop" degenerates to a bad length; check a few by hand.
    for (const len of [0, 4, 8]) {
      const b = seeds.find((s) => s[0] === 0x0a)!.slice();
      new DataView(b.buffer).setUint32(28 + 4, len, true); // first block after the SHB
      await check(b, 0);
      await check(b, 1);
    }
  }, T);
});
