import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { PcapWriter } from '../write.ts';
import { blobSource, bytesSource, streamSource } from '../sources.ts';
import { fileSource, stdinSource } from '../sources.node.ts';
import { openCapture } from '../open.ts';
import { openCaptureFile } from '../open.node.ts';
import { gunzipSourceNode } from '../gzip.node.ts';
import { CaptureError } from '../types.ts';
import { drain, udpFrame } from './util.ts';

function pcap(n: number): Uint8Array {
  const w = new PcapWriter(1);
  for (let i = 0; i < n; i++) w.packet(1000 + i, i, udpFrame(i, 100 + (i % 50)));
  return w.take();
}

describe('sources', () => {
  const bytes = pcap(300);

  it('reads a Blob in slices', async () => {
    const r = await openCapture(blobSource(new Blob([bytes as BlobPart]), 'x.pcap', 1000));
    const recs = await drain(r);
    expect(recs.length).toBe(300);
    expect(r.bytesRead).toBe(bytes.length);
  });

  it('reads a Blob ahead in order, and reports a failed slice where it happens', async () => {
    const src = blobSource(new Blob([bytes as BlobPart]), 'x.pcap', 1000);
    const got: number[] = [];
    for (let c = await src.read(); c !== null; c = await src.read()) got.push(...c);
    expect(Buffer.from(got).equals(Buffer.from(bytes))).toBe(true);
    // A Blob whose second slice cannot be read (a file removed while reading, say).
    const failing = {
      size: 3000,
      slice(start: number): Blob {
        return { arrayBuffer: () => (start === 0 ? Promise.resolve(new ArrayBuffer(1000)) : Promise.reject(new Error('NotReadableError'))) } as Blob;
      },
    } as Blob;
    const f = blobSource(failing, 'gone.pcap', 1000);
    expect((await f.read())?.length).toBe(1000);
    await expect(f.read()).rejects.toThrow('NotReadableError');
    expect(await f.read()).toBeNull();
  });

  it('keeps readAhead slices requested beyond the one handed out, never more', async () => {
    const asked: number[] = [];
    const fake = {
      size: 10_000,
      slice(start: number, end: number): Blob {
        asked.push(start);
        return { arrayBuffer: () => Promise.resolve(new ArrayBuffer(end - start)) } as Blob;
      },
    } as Blob;
    const src = blobSource(fake, 'f.pcap', 1000, 3);
    expect((await src.read())?.length).toBe(1000);
    expect(asked).toEqual([0, 1000, 2000, 3000]);
    expect((await src.read())?.length).toBe(1000);
    expect(asked.length).toBe(5);
    let n = 2000;
    for (let c = await src.read(); c !== null; c = await src.read()) n += c.length;
    expect(n).toBe(10_000);
    expect(asked.length).toBe(10);
  });

  it('reads a fetch-like stream', async () => {
    const stream = new Blob([bytes as BlobPart]).stream();
    const recs = await drain(await openCapture(streamSource(stream, 'http://x/y.pcap')));
    expect(recs.length).toBe(300);
  });

  it('reads files through fileSource and openCaptureFile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wt-'));
    const p = join(dir, 'a.pcap');
    writeFileSync(p, bytes);
    expect((await drain(await openCapture(await fileSource(p, 777)))).length).toBe(300);
    expect((await drain(await openCaptureFile(p))).length).toBe(300);
    await expect(openCaptureFile(join(dir, 'missing.pcap'))).rejects.toThrow(/cannot open .*missing\.pcap: No such file or directory/);
  });

  it('reads a file ahead without handing out a chunk before the caller is done with the previous one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wt-'));
    const p = join(dir, 'b.bin');
    const data = new Uint8Array(10_000).map((_, i) => (i * 7 + (i >> 8)) & 255);
    writeFileSync(p, data);
    // Sizes around the chunk size: a remainder, an exact multiple, one byte, nothing.
    for (const size of [10_000, 9_000, 1, 0]) {
      writeFileSync(p, data.subarray(0, size));
      for (const ahead of [0, 1, 2, 3]) {
        const src = await fileSource(p, 1000, ahead);
        const got: number[] = [];
        let prev: Uint8Array | null = null;
        let prevCopy: number[] = [];
        for (;;) {
          // Read-ahead has been filling other buffers meanwhile: the chunk handed out last is intact until read() is called again.
          await new Promise((r) => setTimeout(r, 1));
          if (prev !== null) expect(Array.from(prev)).toEqual(prevCopy);
          const c = await src.read();
          if (c === null) break;
          prev = c;
          prevCopy = Array.from(c);
          got.push(...c);
        }
        expect(await src.read()).toBeNull();
        await src.close();
        expect(got.length).toBe(size);
        expect(Buffer.from(got).equals(Buffer.from(data.subarray(0, size)))).toBe(true);
      }
    }
  });

  it('reads a named pipe (which cannot seek) given as a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wt-'));
    const fifo = join(dir, 'live.pcap');
    execFileSync('mkfifo', [fifo]);
    // The writer runs in another process: opening a FIFO blocks until both ends are open.
    const writer = spawn('sh', ['-c', 'cat > "$1"', 'sh', fifo], { stdio: ['pipe', 'ignore', 'ignore'] });
    writer.stdin.end(Buffer.from(bytes));
    const recs = await drain(await openCaptureFile(fifo));
    expect(recs.length).toBe(300);
  });

  it('closes a read-ahead file source in the middle without leaving reads behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wt-'));
    const p = join(dir, 'c.pcap');
    writeFileSync(p, bytes);
    const src = await fileSource(p, 512, 3);
    expect((await src.read())?.length).toBe(512);
    await src.close();
    expect(await src.read()).toBeNull();
  });

  it('delivers stdin packets as they arrive', async () => {
    const pt = new PassThrough();
    const r = await (async () => {
      pt.write(bytes.subarray(0, 24 + 16 + 150));
      return openCapture(stdinSource(pt));
    })();
    // The first packet is readable before the rest of the input exists.
    let first = r.nextSync();
    if (first === null) { await r.fill(); first = r.nextSync(); }
    expect(first?.frame).toBe(1);
    pt.end(bytes.subarray(24 + 16 + 150));
    const rest = await drain(r);
    expect(rest.length).toBe(299);
  });

  for (const [name, gunzip] of [['DecompressionStream', undefined], ['node:zlib', gunzipSourceNode]] as const) {
    it(`reads gzip with ${name}, including concatenated members`, async () => {
      const half = 24 + (16 + 42 + 100) * 0;
      void half;
      const gz = new Uint8Array(gzipSync(bytes));
      const r = await openCapture(bytesSource(gz, 'x.pcap.gz', 333), { gunzip });
      expect(r.gzip).toBe(true);
      const recs = await drain(r);
      expect(recs.length).toBe(300);
      expect(r.bytesRead).toBe(gz.length);
      // Two members (as `cat a.gz b.gz`): the second member continues the stream.
      const p1 = new Uint8Array(gzipSync(bytes.subarray(0, 1000)));
      const p2 = new Uint8Array(gzipSync(bytes.subarray(1000)));
      const two = new Uint8Array([...p1, ...p2]);
      const recs2 = await drain(await openCapture(bytesSource(two, 'two.gz'), { gunzip }));
      expect(recs2.length).toBe(300);
    });

    it(`keeps what was read from a cut gzip file and warns (${name})`, async () => {
      const gz = new Uint8Array(gzipSync(bytes));
      const r = await openCapture(bytesSource(gz.subarray(0, gz.length - 2000), 'x.gz', 512), { gunzip });
      const recs = await drain(r);
      expect(recs.length).toBeGreaterThan(10);
      expect(recs.length).toBeLessThan(300);
      expect(r.warnings.length).toBeGreaterThan(0);
    });
  }

  it('says gzip data that is not a capture is not one', async () => {
    const gz = new Uint8Array(gzipSync(new TextEncoder().encode('hello world')));
    const e = await openCapture(bytesSource(gz)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CaptureError);
    expect((e as Error).message).toBe('expected a pcap or pcapng file, found bytes 68 65 6c 6c at offset 0 of the decompressed data');
  });
});
