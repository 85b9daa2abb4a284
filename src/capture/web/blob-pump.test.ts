/** BlobPump: the blob reader worker's reading, in Node (whose Blob streams are byte streams, as Chromium's are). */
import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE } from '../sources.ts';
import { BlobPump, type PumpOut } from './blob-pump.ts';

/** A consumer as blob-worker-source.ts is: takes each chunk, hands the previous one back, asks for one more. */
async function drain(blob: Blob, chunk: number, ahead: number, slices = false): Promise<{ bytes: Uint8Array; chunks: number; maxAhead: number; ended: boolean }> {
  const queue: PumpOut[] = [];
  let wake: (() => void) | null = null;
  // A Blob whose stream is not a byte stream (as in a browser without them): slices.
  const src = slices ? ({ size: blob.size, slice: blob.slice.bind(blob), stream: () => { throw new TypeError('no byte stream'); } } as unknown as Blob) : blob;
  const pump = new BlobPump(src, chunk, ahead, (m) => { queue.push(m); wake?.(); wake = null; });
  void pump.pump();
  const out: number[] = [];
  let last: ArrayBuffer | null = null;
  let chunks = 0;
  let maxAhead = 0;
  for (;;) {
    while (queue.length === 0) await new Promise<void>((r) => { wake = r; });
    maxAhead = Math.max(maxAhead, queue.filter((m) => 'bytes' in m).length);
    const m = queue.shift()!;
    if ('error' in m) throw new Error(m.error);
    if ('end' in m) return { bytes: Uint8Array.from(out), chunks, maxAhead, ended: true };
    const view = new Uint8Array(m.bytes, 0, m.length);
    out.push(...view);
    chunks++;
    const back = last;
    last = m.bytes;
    pump.more(back);
  }
}

const data = (n: number): Uint8Array<ArrayBuffer> => Uint8Array.from({ length: n }, (_, i) => (i * 7 + (i >> 8)) & 0xff);

describe('BlobPump', () => {
  for (const slices of [false, true]) {
    const how = slices ? 'slices' : 'a BYOB reader into handed-back buffers';
    it(`reads every byte in order, at most \`ahead\` chunks ahead (${how})`, async () => {
      for (const [size, chunk] of [[10_000, 1000], [10_500, 1000], [999, 1000], [1, 4096], [0, 1000], [65_536 * 3 + 17, 65_536]] as const) {
        const bytes = data(size);
        const r = await drain(new Blob([bytes]), chunk, 3, slices);
        expect(Buffer.from(r.bytes).equals(Buffer.from(bytes))).toBe(true);
        expect(r.ended).toBe(true);
        expect(r.maxAhead).toBeLessThanOrEqual(3);
        // Slices are at least CHUNK_SIZE (16 MiB): these small Blobs come in one.
        if (slices) expect(r.chunks).toBe(size > 0 ? 1 : 0);
        if (!slices && size > 0) expect(r.chunks).toBeGreaterThanOrEqual(Math.ceil(size / chunk));
      }
    });
  }

  it('reads into the buffers the consumer hands back (no new buffer per chunk)', async () => {
    const made: number[] = [];
    const Real = globalThis.ArrayBuffer;
    // Count the buffers BlobPump allocates (a BYOB read returns the same memory under a new object, not a new allocation).
    const Counting = new Proxy(Real, { construct(t, args: [number]) { made.push(args[0]); return new t(...args); } });
    (globalThis as { ArrayBuffer: ArrayBufferConstructor }).ArrayBuffer = Counting;
    try {
      const bytes = data(200 * 1024);
      const r = await drain(new Blob([bytes]), 4096, 2);
      expect(Buffer.from(r.bytes).equals(Buffer.from(bytes))).toBe(true);
      expect(r.chunks).toBe(50);
      expect(made.filter((n) => n === 4096).length).toBeLessThanOrEqual(4);
    } finally {
      (globalThis as { ArrayBuffer: ArrayBufferConstructor }).ArrayBuffer = Real;
    }
  });

  it('posts nothing after stop()', async () => {
    const posted: PumpOut[] = [];
    const pump = new BlobPump(new Blob([data(100_000)]), 1000, 2, (m) => posted.push(m));
    await pump.pump();
    expect(posted).toHaveLength(2);
    pump.stop();
    pump.more(null);
    await pump.pump();
    expect(posted).toHaveLength(2);
  });

  it('keeps no handed-back buffer when it reads slices (nothing would read into them)', async () => {
    const slicing = { size: 10, slice: () => new Blob([new Uint8Array(10)]), stream: () => { throw new TypeError('no byte stream'); } } as unknown as Blob;
    const pump = new BlobPump(slicing, CHUNK_SIZE, 1, () => undefined);
    for (let i = 0; i < 3; i++) pump.more(new ArrayBuffer(CHUNK_SIZE));
    await pump.pump();
    expect((pump as unknown as { free: ArrayBuffer[] }).free).toHaveLength(0);
  });
});
