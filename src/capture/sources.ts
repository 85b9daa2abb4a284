/**
 * Byte sources that run anywhere (browser main thread, Web Worker, Node):
 * an in-memory array, a Blob/File read in slices, and a ReadableStream (a
 * fetch body, or the output of a DecompressionStream).
 *
 * A source hands out chunks; a chunk is valid until the next read(). Readers
 * never need the whole input, so memory stays at one chunk (plus one stitched
 * record) whatever the file size.
 */
import type { ByteSource } from './types.ts';

/** Slice size for Blobs and files: large enough that per-chunk costs vanish, small enough for memory. */
export const CHUNK_SIZE = 4 << 20;

/** A whole array as a source. `chunkSize` splits it (tests use tiny chunks to cross every boundary). */
export function bytesSource(bytes: Uint8Array, name = 'bytes', chunkSize = 0): ByteSource {
  let pos = 0;
  let done = false;
  return {
    name,
    size: bytes.length,
    read(): Promise<Uint8Array | null> {
      if (done || pos >= bytes.length) { done = true; return Promise.resolve(null); }
      const n = chunkSize > 0 ? Math.min(chunkSize, bytes.length - pos) : bytes.length - pos;
      const c = bytes.subarray(pos, pos + n);
      pos += n;
      return Promise.resolve(c);
    },
    close(): Promise<void> { done = true; return Promise.resolve(); },
  };
}

/**
 * A Blob (a dropped File) read in slices of `chunkSize`; never the whole Blob
 * at once. The next slice is requested when one is handed out: the browser
 * reads Blobs off the calling thread, so reading overlaps decoding (two
 * slices in memory at most).
 */
export function blobSource(blob: Blob, name?: string, chunkSize = CHUNK_SIZE): ByteSource {
  let pos = 0;
  let done = false;
  let next: Promise<ArrayBuffer | Error> | null = null;
  const label = name ?? ((blob as { name?: unknown }).name as string | undefined) ?? 'blob';
  const request = (): Promise<ArrayBuffer | Error> | null => {
    if (pos >= blob.size) return null;
    const end = Math.min(blob.size, pos + chunkSize);
    const p = blob.slice(pos, end).arrayBuffer().catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    pos = end;
    return p;
  };
  return {
    name: typeof label === 'string' ? label : 'blob',
    size: blob.size,
    async read(): Promise<Uint8Array | null> {
      if (done) return null;
      const p = next ?? request();
      next = null;
      if (p === null) { done = true; return null; }
      const ab = await p;
      if (ab instanceof Error) { done = true; throw ab; }
      if (!done) next = request();
      return new Uint8Array(ab);
    },
    close(): Promise<void> { done = true; next = null; return Promise.resolve(); },
  };
}

/**
 * A ReadableStream of bytes (a fetch body). Chunks are passed on as the stream
 * delivers them (zero-copy); `size` is the Content-Length when known.
 */
export function streamSource(stream: ReadableStream<Uint8Array>, name: string, size?: number): ByteSource {
  const reader = stream.getReader();
  let done = false;
  return {
    name,
    size,
    async read(): Promise<Uint8Array | null> {
      while (!done) {
        const r = await reader.read();
        if (r.done) { done = true; break; }
        if (r.value.length > 0) return r.value;
      }
      return null;
    },
    async close(): Promise<void> {
      if (!done) {
        done = true;
        try { await reader.cancel(); } catch { /* already errored or closed */ }
      }
      reader.releaseLock();
    },
  };
}

/** Wraps a source and counts the bytes taken from it (progress: compressed bytes for gzip). */
export class CountingSource implements ByteSource {
  count = 0;
  constructor(private readonly inner: ByteSource) {}
  get name(): string { return this.inner.name; }
  get size(): number | undefined { return this.inner.size; }
  async read(): Promise<Uint8Array | null> {
    const c = await this.inner.read();
    if (c !== null) this.count += c.length;
    return c;
  }
  close(): Promise<void> { return this.inner.close(); }
}

/**
 * A source that first replays bytes already taken (the sniffed head), then
 * continues with the inner source. Used by openCapture after sniffing.
 */
export class PrefixedSource implements ByteSource {
  private head: Uint8Array | null;
  constructor(private readonly inner: ByteSource, head: Uint8Array) {
    this.head = head.length > 0 ? head : null;
  }
  get name(): string { return this.inner.name; }
  get size(): number | undefined { return this.inner.size; }
  read(): Promise<Uint8Array | null> {
    if (this.head !== null) {
      const h = this.head;
      this.head = null;
      return Promise.resolve(h);
    }
    return this.inner.read();
  }
  close(): Promise<void> { return this.inner.close(); }
}
