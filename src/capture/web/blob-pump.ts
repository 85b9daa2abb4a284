/**
 * The reading side of blob-reader-worker.ts, apart from the worker so it can
 * be tested: reads a Blob in chunks of `chunk` bytes and posts each with its
 * buffer transferred, at most `credit` ahead of the consumer.
 *
 * Where the Blob's stream is a byte stream (Chromium, Firefox, Node), the
 * chunks are read with a BYOB reader into buffers the consumer hands back
 * (ByteSource's contract: a chunk is the consumer's only until its next
 * read()), so a run over a large file reads into the same few buffers from
 * start to end. Each slice read with `blob.slice().arrayBuffer()` was a new
 * 16 MiB buffer, freed only when the garbage collector got round to it, and
 * its trigger for memory outside the heap is loose: on the 957 MB bench
 * capture the consumed slices held up to about 150 MB of the renderer's peak
 * during a run that allocated nothing else. BYOB reads also cost the
 * receiving thread less (measured in a worker over that capture, 4 rounds:
 * 0.60 s of renderer CPU against 0.77 s). Elsewhere, slices as before.
 */
import { CHUNK_SIZE } from '../sources.ts';

/** The reader worker's messages to the engine's: a chunk (its first `length` bytes), the end, or a read error. */
export type PumpOut = { bytes: ArrayBuffer; length: number } | { end: true } | { error: string };

/** The engine's messages to the reader worker: start, a chunk taken (with a buffer handed back), stop. */
export type PumpIn = { blob: Blob; chunk: number; ahead: number } | { more: true; back: ArrayBuffer | null } | 'stop';

type Byob = ReadableStreamBYOBReader;

export class BlobPump {
  private credit: number;
  private pos = 0;
  private reading = false;
  private stopped = false;
  private ended = false;
  private readonly byob: Byob | null;
  /** Slices are new buffers each: larger ones cost fewer requests (sources.ts CHUNK_SIZE). */
  private readonly sliceChunk: number;
  /** Buffers handed back by the consumer, ready to be read into again. */
  private readonly free: ArrayBuffer[] = [];

  constructor(
    private readonly blob: Blob,
    private readonly chunk: number,
    ahead: number,
    private readonly post: (m: PumpOut, transfer?: Transferable[]) => void,
  ) {
    this.credit = ahead;
    let r: Byob | null;
    try {
      r = blob.stream().getReader({ mode: 'byob' });
    } catch {
      r = null; // not a byte stream here: slices
    }
    this.byob = r;
    this.sliceChunk = Math.max(chunk, CHUNK_SIZE);
  }

  /** The consumer took a chunk: one more may be read ahead; `back` is a buffer it no longer uses (kept only to read into). */
  more(back?: ArrayBuffer | null): void {
    if (back && this.byob !== null && back.byteLength === this.chunk) this.free.push(back);
    this.credit++;
    void this.pump();
  }

  stop(): void {
    this.stopped = true;
    this.free.length = 0;
    void this.byob?.cancel().catch(() => undefined);
  }

  /** Reads and posts chunks while there is credit. */
  async pump(): Promise<void> {
    if (this.reading || this.stopped || this.ended) return;
    this.reading = true;
    try {
      while (this.credit > 0 && !this.stopped && !this.ended) {
        const got = this.byob !== null ? await this.readByob(this.byob) : await this.readSlice();
        if (this.stopped) return;
        if (got !== null) {
          this.credit--;
          this.post({ bytes: got.buf, length: got.n }, [got.buf]);
        }
      }
      if (this.ended && !this.stopped) this.post({ end: true });
    } catch (e) {
      this.stopped = true;
      this.post({ error: e instanceof Error ? e.message : String(e) });
    } finally {
      this.reading = false;
    }
  }

  private async readByob(r: Byob): Promise<{ buf: ArrayBuffer; n: number } | null> {
    let buf = this.free.pop() ?? new ArrayBuffer(this.chunk);
    let n = 0;
    while (n < buf.byteLength) {
      const x = await r.read(new Uint8Array(buf, n, buf.byteLength - n));
      if (x.value) buf = x.value.buffer as ArrayBuffer;
      if (x.done) { this.ended = true; break; }
      n += x.value!.byteLength;
    }
    if (n === 0) { this.free.push(buf); return null; }
    return { buf, n };
  }

  private async readSlice(): Promise<{ buf: ArrayBuffer; n: number } | null> {
    if (this.pos >= this.blob.size) { this.ended = true; return null; }
    const end = Math.min(this.blob.size, this.pos + this.sliceChunk);
    const buf = await this.blob.slice(this.pos, end).arrayBuffer();
    this.pos = end;
    if (this.pos >= this.blob.size) this.ended = true;
    return { buf, n: buf.byteLength };
  }
}
