/**
 * Reads a Blob's slices in a worker of its own and transfers them to the
 * engine's worker (blob-worker-source.ts): Chromium hands a File's bytes over
 * from another process, and receiving them costs the receiving thread time;
 * here that thread is not the one decoding. `ahead` slices are in flight.
 */
interface Start { blob: Blob; chunk: number; ahead: number }
interface Scope { postMessage(m: unknown, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<Start | 'more' | 'stop'>) => void) | null }
const scope = self as unknown as Scope;

let blob: Blob | null = null;
let chunk = 0;
let pos = 0;
let credit = 0;
let reading = false;

/** Reads and sends slices while the consumer has credit (slices it may hold ahead). */
async function pump(): Promise<void> {
  if (reading || blob === null) return;
  reading = true;
  try {
    while (credit > 0 && blob !== null && pos < blob.size) {
      const end = Math.min(blob.size, pos + chunk);
      const ab = await blob.slice(pos, end).arrayBuffer();
      pos = end;
      credit--;
      scope.postMessage({ bytes: ab }, [ab]);
    }
    if (blob !== null && pos >= blob.size) scope.postMessage({ end: true });
  } catch (e) {
    scope.postMessage({ error: e instanceof Error ? e.message : String(e) });
    blob = null;
  } finally {
    reading = false;
  }
}

scope.onmessage = (e) => {
  const m = e.data;
  if (m === 'stop') { blob = null; return; }
  if (m === 'more') { credit++; void pump(); return; }
  blob = m.blob; chunk = m.chunk; credit = m.ahead; pos = 0;
  void pump();
};
