/**
 * Capture chunks shared with the shards instead of copied: the coordinator
 * lends the file source buffers over SharedArrayBuffers (ByteSource
 * lendChunks), so a record sent to a shard is its chunk's slot number and an
 * offset — no byte of the capture is copied between threads. Each shard
 * receives a slot's SharedArrayBuffer once and keeps a view of it.
 *
 * A slot is reused only when both the source retired it (the reader has
 * moved past it) and every epoch that referred to it has been merged (the
 * shards are done with it). Copying 1 GB of records between threads cost
 * about as much as decoding them (0.5-0.6 s of CPU on the bench capture);
 * reading into pooled shared buffers costs nothing more than reading.
 *
 * Where SharedArrayBuffer is unavailable (a page without cross-origin
 * isolation), `shared` is false and records are copied into the batches.
 */
import type { ChunkAllocator } from '../../capture/types.ts';

export const sharedMemory = typeof SharedArrayBuffer !== 'undefined' &&
  (typeof (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated !== 'boolean' || (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true);

export class ChunkPool implements ChunkAllocator {
  /** Slot → its buffer (a view of the whole SharedArrayBuffer). */
  readonly views: Uint8Array[] = [];
  private readonly slotByBuffer = new Map<ArrayBufferLike, number>();
  private readonly free: number[] = [];
  private readonly lastEpoch: number[] = [];
  private readonly retired: boolean[] = [];
  private readonly busy: boolean[] = [];
  /** The last buffer slotOf() was asked about (records come in runs from one chunk). */
  private lastBuf: ArrayBufferLike | null = null;
  private lastSlot = -1;
  private merged = 0;

  take(size: number): Uint8Array {
    for (let k = 0; k < this.free.length; k++) {
      const s = this.free[k]!;
      if (this.views[s]!.length >= size) {
        this.free.splice(k, 1);
        this.busy[s] = true; this.retired[s] = false; this.lastEpoch[s] = -1;
        return this.views[s]!;
      }
    }
    const s = this.views.length;
    const v = new Uint8Array(new SharedArrayBuffer(size));
    this.views.push(v);
    this.slotByBuffer.set(v.buffer, s);
    this.busy.push(true); this.retired.push(false); this.lastEpoch.push(-1);
    return v;
  }

  retire(buf: Uint8Array): void {
    const s = this.slotByBuffer.get(buf.buffer);
    if (s === undefined || !this.busy[s]) return;
    this.retired[s] = true;
    if (this.lastEpoch[s]! <= this.merged) this.release(s);
  }

  /** The slot holding `buf`'s bytes, or -1 (a buffer of the reader's own: copy it). */
  slotOf(buf: Uint8Array): number {
    const b = buf.buffer;
    if (b === this.lastBuf) return this.lastSlot;
    const s = this.slotByBuffer.get(b);
    this.lastBuf = b;
    this.lastSlot = s === undefined ? -1 : s;
    return this.lastSlot;
  }

  /** Epoch `epoch` refers to slot `s`. */
  use(s: number, epoch: number): void {
    if (this.lastEpoch[s]! < epoch) this.lastEpoch[s] = epoch;
  }

  /** Every epoch up to `epoch` is merged: their slots are free once retired. */
  mergedUpTo(epoch: number): void {
    this.merged = epoch;
    for (let s = 0; s < this.views.length; s++) if (this.busy[s] && this.retired[s] && this.lastEpoch[s]! <= epoch) this.release(s);
  }

  private release(s: number): void {
    this.busy[s] = false;
    this.free.push(s);
  }

  /** Slots allocated (the pool's high-water mark, in chunks). */
  get size(): number { return this.views.length; }
}
