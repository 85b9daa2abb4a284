/**
 * Packet records for a shard, and read back on the other side.
 *
 * A record whose bytes are in a shared chunk (chunks.ts) is sent as its
 * slot and offset; any other (stitched across chunks, copied by the
 * prescan, decompressed, or read where shared memory is unavailable) is
 * copied into the batch's own buffer. Its fields go into two typed arrays.
 * The batch is transferred, not copied, to the shard, and comes back with
 * the epoch's result to be filled again, so a run allocates a handful of
 * buffers however long the capture. The shard's BatchRecords hands out one
 * reused PacketRecord per row: a view into the chunk or the batch, like a
 * reader's.
 *
 * Strings (process names, comments) are rare: a row refers to them by index
 * into the batch's string list (-1: none).
 */
import type { PacketRecord } from '../../capture/types.ts';
import { newRecord } from '../../capture/chunked.ts';
import type { RecordBatch } from './protocol.ts';
import type { ChunkPool } from './chunks.ts';

// int32 fields per row
const I_IF = 0, I_OFF = 1, I_CAP = 2, I_ORIG = 3, I_NSEC = 4, I_DIR = 5, I_RECEPT = 6, I_EPB = 7, I_QUEUE = 8,
  I_DROP = 9, I_PID = 10, I_EPID = 11, I_PROC = 12, I_EPROC = 13, I_COMM = 14, I_NCOMM = 15, I_SLOT = 16, I_PDET = 17;
export const I_W = 18;
// float64 fields per row
const F_FRAME = 0, F_SEC = 1, F_FOFF = 2;
export const F_W = 3;

const NO_COMMENTS: readonly string[] = [];

export function emptyBatch(rows = 1024, bytes = 1 << 20): RecordBatch {
  return { n: 0, ints: new Int32Array(rows * I_W), floats: new Float64Array(rows * F_W), data: new Uint8Array(bytes), strings: [], procs: [], slots: [] };
}

/** Fills one shard's batch for the current epoch. */
export class BatchWriter {
  batch: RecordBatch;
  /** Bytes of packet data copied into the batch. */
  bytes = 0;
  /** Slots this shard already has. */
  private readonly sent = new Set<number>();

  /** `pool`: the shared chunks records may be in (null: copy every record). */
  constructor(private readonly pool: ChunkPool | null = null, batch: RecordBatch = emptyBatch()) {
    this.batch = batch;
    this.batch.n = 0;
    this.batch.strings = [];
    this.batch.procs = [];
    this.batch.slots = [];
  }

  get n(): number { return this.batch.n; }

  /** Adds `r` to the batch of epoch `epoch`. */
  add(r: PacketRecord, epoch: number): void {
    const b = this.batch;
    const i = b.n;
    if ((i + 1) * I_W > b.ints.length) {
      const ints = new Int32Array(b.ints.length * 2); ints.set(b.ints); b.ints = ints;
      const floats = new Float64Array(b.floats.length * 2); floats.set(b.floats); b.floats = floats;
    }
    const len = r.capLen;
    const o = i * I_W;
    const ints = b.ints;
    const slot = this.pool !== null ? this.pool.slotOf(r.buf) : -1;
    if (slot >= 0) {
      this.pool!.use(slot, epoch);
      if (!this.sent.has(slot)) { this.sent.add(slot); b.slots.push({ slot, buffer: this.pool!.views[slot]!.buffer as SharedArrayBuffer }); }
      ints[o + I_SLOT] = slot;
      ints[o + I_OFF] = r.buf.byteOffset + r.off;
    } else {
      if (this.bytes + len > b.data.length) {
        const data = new Uint8Array(Math.max(b.data.length * 2, this.bytes + len)); data.set(b.data.subarray(0, this.bytes)); b.data = data;
      }
      b.data.set(r.buf.subarray(r.off, r.off + len), this.bytes);
      ints[o + I_SLOT] = -1;
      ints[o + I_OFF] = this.bytes;
      this.bytes += len;
    }
    ints[o + I_IF] = r.ifIndex;
    ints[o + I_CAP] = len;
    ints[o + I_ORIG] = r.origLen;
    ints[o + I_NSEC] = r.tsNsec;
    ints[o + I_DIR] = r.direction;
    ints[o + I_RECEPT] = r.receptionType;
    ints[o + I_EPB] = r.epbFlags;
    ints[o + I_QUEUE] = r.queue;
    ints[o + I_DROP] = r.dropCount;
    ints[o + I_PID] = r.pid;
    ints[o + I_EPID] = r.effPid;
    ints[o + I_PROC] = r.procName === '' ? -1 : this.str(r.procName);
    ints[o + I_EPROC] = r.effProcName === '' ? -1 : this.str(r.effProcName);
    const nc = r.comments.length;
    ints[o + I_NCOMM] = nc;
    ints[o + I_COMM] = nc === 0 ? -1 : b.strings.length;
    for (let k = 0; k < nc; k++) b.strings.push(r.comments[k]!);
    // Process details (ptcpdump, etl2pcapng comments) are rare and plain data: cloned with the batch.
    if (r.proc === null) ints[o + I_PDET] = -1;
    else { ints[o + I_PDET] = b.procs.length; b.procs.push(r.proc); }
    const f = i * F_W;
    b.floats[f + F_FRAME] = r.frame;
    b.floats[f + F_SEC] = r.tsSec;
    b.floats[f + F_FOFF] = r.fileOffset;
    b.n = i + 1;
  }

  private str(s: string): number {
    const l = this.batch.strings;
    // Consecutive records usually name the same process.
    if (l.length > 0 && l[l.length - 1] === s) return l.length - 1;
    l.push(s);
    return l.length - 1;
  }

  /** The filled batch (to transfer); the writer continues with `next` (a batch handed back, or a fresh one). */
  take(next: RecordBatch | undefined): RecordBatch {
    const b = this.batch;
    this.batch = next ?? emptyBatch(Math.max(1024, b.ints.length / I_W), Math.max(1 << 16, b.data.length));
    this.batch.n = 0;
    this.batch.strings = [];
    this.batch.procs = [];
    this.batch.slots = [];
    this.bytes = 0;
    return b;
  }
}

/** The shard's view of a batch: record i as a reused PacketRecord. */
export class BatchRecords {
  private readonly rec = newRecord();
  private b: RecordBatch | null = null;
  /** Shared chunks by slot. */
  private readonly views: Uint8Array[] = [];

  set(b: RecordBatch): void {
    this.b = b;
    for (const s of b.slots) this.views[s.slot] = new Uint8Array(s.buffer);
  }

  /** Record `i`; `cpu` stands in for a queue the capture did not name (the shard's index: `cpu`). */
  at(i: number, cpu: number): PacketRecord {
    const b = this.b!;
    const r = this.rec;
    const o = i * I_W, f = i * F_W;
    const ints = b.ints;
    r.frame = b.floats[f + F_FRAME]!;
    r.tsSec = b.floats[f + F_SEC]!;
    r.fileOffset = b.floats[f + F_FOFF]!;
    r.ifIndex = ints[o + I_IF]!;
    const slot = ints[o + I_SLOT]!;
    r.buf = slot < 0 ? b.data : this.views[slot]!;
    r.off = ints[o + I_OFF]!;
    r.capLen = ints[o + I_CAP]!;
    r.origLen = ints[o + I_ORIG]!;
    r.tsNsec = ints[o + I_NSEC]!;
    r.direction = ints[o + I_DIR]! as PacketRecord['direction'];
    r.receptionType = ints[o + I_RECEPT]!;
    r.epbFlags = ints[o + I_EPB]! >>> 0;
    const q = ints[o + I_QUEUE]!;
    r.queue = q >= 0 ? q : cpu;
    r.dropCount = ints[o + I_DROP]!;
    r.pid = ints[o + I_PID]!;
    r.effPid = ints[o + I_EPID]!;
    const p = ints[o + I_PROC]!, ep = ints[o + I_EPROC]!;
    r.procName = p < 0 ? '' : b.strings[p]!;
    r.effProcName = ep < 0 ? '' : b.strings[ep]!;
    const nc = ints[o + I_NCOMM]!;
    r.comments = nc === 0 ? NO_COMMENTS : b.strings.slice(ints[o + I_COMM]!, ints[o + I_COMM]! + nc);
    const d = ints[o + I_PDET]!;
    r.proc = d < 0 ? null : b.procs[d]!;
    return r;
  }
}
