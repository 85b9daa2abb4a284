/**
 * A Blob (a dropped File) read by a worker of its own (blob-reader-worker.ts),
 * its slices transferred here: the decoding thread no longer receives the
 * bytes from the browser's file reader itself. Falls back to `blobSource`
 * where workers cannot be started (Node, tests).
 */
import type { ByteSource } from '../types.ts';
import { blobName, blobSource, BLOB_READ_AHEAD } from '../sources.ts';
import type { PumpIn, PumpOut } from './blob-pump.ts';

/**
 * Chunk size when the reader worker reads into buffers handed back (blob-pump.ts): like the CLI's file
 * chunks, small enough to stay in the CPU's cache between the read and the decoding. The page's runs
 * over the 957 MB bench capture, best of 3 against the CLI (ipio.d / the count): 16 MiB 1.33-1.34x /
 * 1.60-1.63x, 4 MiB 1.23x / 1.51x, 2 MiB 1.21x / 1.44x, 1 MiB 1.24x / 1.37x, 256 KiB 1.40x / 1.37x;
 * 1 MiB with 6 ahead instead of 3, 1.31x / 1.42x. Where slices are read instead, each is a new buffer
 * and a larger one costs fewer requests: sources.ts CHUNK_SIZE.
 */
export const BLOB_WORKER_CHUNK = 1 << 20;

function spawnReader(): Worker {
  return new Worker(new URL('./blob-reader-worker.ts', import.meta.url), { type: 'module', name: 'wiretrace-blob-reader' });
}

/** A reader worker started ahead of the run that will use it (starting one takes tens of ms: not on a run's clock). */
let spare: Worker | null = null;

/** Starts a reader worker for the next source, where workers can be started (the engine worker's warm-up). */
export function prespawnBlobReader(): void {
  if (spare !== null) return;
  try { spare = spawnReader(); } catch { spare = null; }
}

export function blobWorkerSource(blob: Blob, name?: string, chunkSize = BLOB_WORKER_CHUNK, readAhead = BLOB_READ_AHEAD): ByteSource {
  let w: Worker;
  try {
    w = spare ?? spawnReader();
    spare = null;
  } catch {
    return blobSource(blob, name, chunkSize, readAhead);
  }
  const got: PumpOut[] = [];
  let wake: (() => void) | null = null;
  let done = false;
  w.onmessage = (e: MessageEvent<PumpOut>) => { got.push(e.data); wake?.(); wake = null; };
  w.onerror = (e) => { e.preventDefault(); got.push({ error: e.message || 'the capture reader failed' }); wake?.(); wake = null; };
  // The consumer holds one slice and readAhead more are read for it.
  const send = (m: PumpIn, transfer: Transferable[] = []): void => w.postMessage(m, transfer);
  send({ blob, chunk: chunkSize, ahead: readAhead + 1 });
  const stop = (): void => { if (!done) { done = true; send('stop'); w.terminate(); } };
  /** The chunk handed out last: once read() is called again it is no longer the consumer's, and goes back to be read into. */
  let last: ArrayBuffer | null = null;
  return {
    name: blobName(blob, name),
    size: blob.size,
    async read(): Promise<Uint8Array | null> {
      if (done) return null;
      while (got.length === 0) await new Promise<void>((r) => { wake = r; });
      const m = got.shift()!;
      if ('bytes' in m) {
        const back = last;
        last = m.bytes;
        send({ more: true, back }, back ? [back] : []);
        return new Uint8Array(m.bytes, 0, m.length);
      }
      stop();
      if ('error' in m) throw new Error(m.error);
      return null;
    },
    close(): Promise<void> { stop(); return Promise.resolve(); },
  };
}
