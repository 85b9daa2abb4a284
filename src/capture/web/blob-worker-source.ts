/**
 * A Blob (a dropped File) read by a worker of its own (blob-reader-worker.ts),
 * its slices transferred here: the decoding thread no longer receives the
 * bytes from the browser's file reader itself. Falls back to `blobSource`
 * where workers cannot be started (Node, tests).
 */
import type { ByteSource } from '../types.ts';
import { blobName, blobSource, BLOB_READ_AHEAD, CHUNK_SIZE } from '../sources.ts';
import type { PumpOut } from './blob-pump.ts';

type Msg = PumpOut;

export function blobWorkerSource(blob: Blob, name?: string, chunkSize = CHUNK_SIZE, readAhead = BLOB_READ_AHEAD): ByteSource {
  let w: Worker;
  try {
    w = new Worker(new URL('./blob-reader-worker.ts', import.meta.url), { type: 'module', name: 'wiretrace-blob-reader' });
  } catch {
    return blobSource(blob, name, chunkSize, readAhead);
  }
  const got: Msg[] = [];
  let wake: (() => void) | null = null;
  let done = false;
  w.onmessage = (e: MessageEvent<Msg>) => { got.push(e.data); wake?.(); wake = null; };
  w.onerror = (e) => { e.preventDefault(); got.push({ error: e.message || 'the capture reader failed' }); wake?.(); wake = null; };
  // The consumer holds one slice and readAhead more are read for it.
  w.postMessage({ blob, chunk: chunkSize, ahead: readAhead + 1 });
  const stop = (): void => { if (!done) { done = true; w.postMessage('stop'); w.terminate(); } };
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
        w.postMessage({ more: true, back }, back ? [back] : []);
        return new Uint8Array(m.bytes, 0, m.length);
      }
      stop();
      if ('error' in m) throw new Error(m.error);
      return null;
    },
    close(): Promise<void> { stop(); return Promise.resolve(); },
  };
}
