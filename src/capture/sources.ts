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
export const CHUNK_SIZE = 16 << 20;
/**
 * Slices of a Blob requested ahead of the one being parsed. Chromium delivers
 * a File's slices from another process: read alone in a Web Worker, one 4 MiB
 * slice in flight gave 226–416 MB/s, three 16 MiB slices 1,018 MB/s; the
 * page's runs over the 957 MB bench capture went from 2.03x/2.50x the CLI's
 * time (ipio.d/count) to 1.54x/2.09x (README "Performance"). At most
 * (readAhead + 1) x chunkSize = 64 MiB is held.
 */
export const BLOB_READ_AHEAD = 3;

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
 * at once. `readAhead` slices are kept requested ahead of the one handed
 * out: the browser reads Blobs off the calling thread, so reading overlaps
 * decoding (readAhead + 1 slices in memory at most).
 */
/** A Blob source's name: the one given, else the File's own, else 'blob'. */
export function blobName(blob: Blob, name?: string): string {
  const label = name ?? (blob as { name?: unknown }).name;
  return typeof label === 'string' ? label : 'blob';
}

export function blobSource(blob: Blob, name?: string, chunkSize = CHUNK_SIZE, readAhead = BLOB_READ_AHEAD): ByteSource {
  let pos = 0;
  let done = false;
  const queue: Promise<ArrayBuffer | Error>[] = [];
  const topUp = (n: number): void => {
    while (queue.length < n && pos < blob.size) {
      const end = Math.min(blob.size, pos + chunkSize);
      queue.push(blob.slice(pos, end).arrayBuffer().catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
      pos = end;
    }
  };
  return {
    name: blobName(blob, name),
    size: blob.size,
    async read(): Promise<Uint8Array | null> {
      if (done) return null;
      topUp(1);
      const p = queue.shift();
      if (p === undefined) { done = true; return null; }
      const ab = await p;
      if (ab instanceof Error) { done = true; queue.length = 0; throw ab; }
      if (!done) topUp(readAhead);
      return new Uint8Array(ab);
    },
    close(): Promise<void> { done = true; queue.length = 0; return Promise.resolve(); },
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
