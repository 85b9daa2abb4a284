/**
 * Where the Output's older bytes go: a file in the Origin Private File System, written and read by a
 * worker of its own (output-spill-worker.ts; only a worker may hold a synchronous access handle).
 *
 * The Output keeps every byte the run printed (Download output is the CLI's bytes), and ipio.d over
 * a million packets prints 93.5 MB: held in the page, that alone was a third of the renderer's
 * memory. The OutputBuffer keeps its newest chunks and the ones on screen; older chunks are written
 * here and read back when scrolled to. The file lives on disk (the kernel's page cache holds what it
 * likes of it, which is no process's memory); a page has one, emptied at each run and deleted by the
 * next page load (a file another tab has open is locked, and left alone).
 *
 * Nothing is lost: a write that fails (no storage, the quota) sends the bytes back, and the buffer
 * keeps them in memory from then on.
 */

export interface SpillStore {
  /** True once writes are accepted; until then (and for good if storage is unavailable) nothing spills. */
  readonly ready: boolean;
  /** Keeps `bytes` at offset `at` of the store's file; the store may take the buffer (transferred). */
  write(at: number, bytes: Uint8Array): void;
  /** The bytes [at, at + length). */
  read(at: number, length: number): Promise<Uint8Array>;
  /** Each range [at, length] as a Blob, in order (for a download: no copy of them stays in the page). */
  blobs(ranges: readonly (readonly [number, number])[]): Promise<Blob[]>;
  /** Empties the file (a new run). */
  reset(): void;
  /** Bytes sent to be written and not written yet: the buffer sends more while this is under a few MB. */
  readonly pending: number;
  /** Called when the store can take more: it became ready, or writes under way were done. */
  onRoom: (() => void) | null;
  /** Called with bytes a write could not keep (at: where they were to go): the buffer keeps them, and spills nothing more. */
  onReturned: ((at: number, bytes: Uint8Array) => void) | null;
}

type Reply =
  | { t: 'ready' }
  | { t: 'unavailable'; why: string }
  | { t: 'written'; length: number }
  | { t: 'returned'; at: number; bytes: Uint8Array }
  | { t: 'read'; id: number; bytes?: Uint8Array; error?: string }
  | { t: 'blobs'; id: number; blobs?: Blob[]; error?: string };

/** A buffer of its own to transfer: a view into a larger buffer is copied first (the rest may be in use). */
function own(b: Uint8Array): Uint8Array {
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer ? b : b.slice();
}

export class OpfsSpill implements SpillStore {
  ready = false;
  pending = 0;
  onRoom: (() => void) | null = null;
  onReturned: ((at: number, bytes: Uint8Array) => void) | null = null;
  private worker: Worker | null;
  private next = 0;
  private waiting = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>();

  constructor() {
    let w: Worker | null = null;
    try {
      w = new Worker(new URL('./output-spill-worker.ts', import.meta.url), { type: 'module', name: 'wiretrace-output-spill' });
    } catch { /* no workers: the Output stays in memory */ }
    this.worker = w;
    if (!w) return;
    w.onmessage = (e: MessageEvent<Reply>) => {
      const m = e.data;
      if (m.t === 'ready') { this.ready = true; this.onRoom?.(); return; }
      if (m.t === 'unavailable') { this.ready = false; return; }
      if (m.t === 'written') { this.pending -= m.length; this.onRoom?.(); return; }
      if (m.t === 'returned') { this.pending -= m.bytes.length; this.onReturned?.(m.at, m.bytes); return; }
      const p = this.waiting.get(m.id);
      if (!p) return;
      this.waiting.delete(m.id);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve((m.t === 'read' ? m.bytes : m.blobs) as never);
    };
    w.onerror = () => { this.ready = false; };
  }

  write(at: number, bytes: Uint8Array): void {
    const b = own(bytes);
    this.pending += b.length;
    this.worker!.postMessage({ t: 'write', at, bytes: b }, [b.buffer as ArrayBuffer]);
  }

  private ask<T>(msg: object): Promise<T> {
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: never) => void, reject });
      this.worker!.postMessage({ ...msg, id });
    });
  }

  read(at: number, length: number): Promise<Uint8Array> { return this.ask({ t: 'read', at, length }); }
  blobs(ranges: readonly (readonly [number, number])[]): Promise<Blob[]> { return this.ask({ t: 'blobs', ranges }); }
  reset(): void { this.worker?.postMessage({ t: 'reset' }); }
}
