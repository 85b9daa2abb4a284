/**
 * Reads a Blob in a worker of its own and transfers its chunks to the
 * engine's worker (blob-worker-source.ts): Chromium hands a File's bytes over
 * from another process, and receiving them costs the receiving thread time;
 * here that thread is not the one decoding. The reading itself is BlobPump's
 * (blob-pump.ts): `ahead` chunks in flight, read into the buffers the
 * consumer hands back.
 */
import { BlobPump, type PumpIn, type PumpOut } from './blob-pump.ts';

interface Scope { postMessage(m: PumpOut, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<PumpIn>) => void) | null }
const scope = self as unknown as Scope;

let pump: BlobPump | null = null;

scope.onmessage = (e) => {
  const m = e.data;
  if (m === 'stop') { pump?.stop(); pump = null; return; }
  if ('more' in m) { pump?.more(m.back); return; }
  pump?.stop();
  pump = new BlobPump(m.blob, m.chunk, m.ahead, (out, transfer) => scope.postMessage(out, transfer));
  void pump.pump();
};
