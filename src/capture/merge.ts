/**
 * mergeReaders: several captures (`-r a -r b`) as one, by packet time.
 *
 * Each input keeps one *head* record: the next packet it would deliver, still a
 * view into that input's own chunk. nextSync() hands out the earliest head
 * (ties: the earlier input, so the merge is stable) copied field by field into
 * one reused record, and only then advances that input — so no input is ever
 * asked for more while its head is still unread. An input with no head and
 * not finished needs fill(); nextSync() returns null until it has one, which
 * keeps the time order exact across slow inputs (a pipe and a file).
 *
 * Frames are renumbered 1.. across the merge; interfaces and sections are
 * re-indexed globally (CaptureInterface.file = the input's position).
 */
import type {
  CaptureInterface, CaptureReader, CaptureWarning, PacketRecord, SectionInfo,
} from './types.ts';
import { newRecord } from './chunked.ts';
import type { DecryptionSecrets, SecretsSource } from './secrets.ts';

class MergedReader implements CaptureReader, SecretsSource {
  readonly interfaces: CaptureInterface[] = [];
  readonly sections: SectionInfo[] = [];
  private readonly heads: (PacketRecord | null)[];
  private readonly done: boolean[];
  /** Per input: its interface index → merged index. */
  private readonly ifMap: number[][];
  private readonly secSeen: number[];
  private readonly rec = newRecord();
  private frames = 0;
  private last = -1;

  constructor(private readonly inputs: CaptureReader[]) {
    this.heads = inputs.map(() => null);
    this.done = inputs.map(() => false);
    this.ifMap = inputs.map(() => []);
    this.secSeen = inputs.map(() => 0);
  }

  get format(): CaptureReader['format'] { return this.inputs[0]!.format; }
  get source(): string { return this.inputs.map((r) => r.source).join(', '); }
  get gzip(): boolean { return this.inputs.some((r) => r.gzip); }
  /** The earliest start any input states. */
  get captureStart(): { sec: number; nsec: number } | null {
    let best: { sec: number; nsec: number } | null = null;
    for (const r of this.inputs) {
      const c = r.captureStart;
      if (c != null && (best === null || c.sec < best.sec || (c.sec === best.sec && c.nsec < best.nsec))) best = c;
    }
    return best;
  }
  get bytesRead(): number { return this.inputs.reduce((n, r) => n + r.bytesRead, 0); }
  /** Each input's Decryption Secrets Blocks (file = the input's position). */
  set onSecrets(h: ((s: DecryptionSecrets) => void) | null) {
    this.inputs.forEach((r, i) => {
      const src = r as CaptureReader & SecretsSource;
      if ('onSecrets' in src) src.onSecrets = h === null ? null : (s) => h({ ...s, file: i });
    });
  }
  get warnings(): readonly CaptureWarning[] {
    const out: CaptureWarning[] = [];
    for (const r of this.inputs) {
      for (const w of r.warnings) out.push(r.source && this.inputs.length > 1 ? { ...w, message: `${r.source}: ${w.message}` } : w);
    }
    return out;
  }

  /**
   * Maps input i's interfaces up to local index `upTo` (all when omitted), and
   * picks up its sections. Called when a packet first uses an interface, so the
   * merged numbering follows delivery order, which does not depend on chunking.
   */
  private sync(i: number, upTo = Infinity): void {
    const r = this.inputs[i]!;
    const map = this.ifMap[i]!;
    while (map.length < r.interfaces.length && map.length <= upTo) {
      const src = r.interfaces[map.length]!;
      const index = this.interfaces.length;
      this.interfaces.push({ ...src, index, file: i });
      map.push(index);
    }
    while (this.secSeen[i]! < r.sections.length) {
      const s = r.sections[this.secSeen[i]!]!;
      this.sections.push({ ...s, file: i });
      this.secSeen[i]!++;
    }
  }

  nextSync(): PacketRecord | null {
    // Advance the input whose head was delivered last.
    if (this.last >= 0) {
      const i = this.last;
      this.last = -1;
      this.heads[i] = this.inputs[i]!.nextSync();
    }
    let best = -1;
    let bs = 0;
    let bn = 0;
    for (let i = 0; i < this.inputs.length; i++) {
      if (this.done[i]) continue;
      let h: PacketRecord | null = this.heads[i] ?? null;
      if (h === null) {
        h = this.inputs[i]!.nextSync();
        if (h === null) return null; // this input needs fill() before the order is known
        this.heads[i] = h;
      }
      if (best < 0 || h.tsSec < bs || (h.tsSec === bs && h.tsNsec < bn)) { best = i; bs = h.tsSec; bn = h.tsNsec; }
    }
    if (best < 0) return null;
    const h = this.heads[best]!;
    let map = this.ifMap[best]!;
    if (h.ifIndex >= map.length) { this.sync(best, h.ifIndex); map = this.ifMap[best]!; }
    const r = this.rec;
    r.frame = ++this.frames;
    r.ifIndex = map[h.ifIndex] ?? 0;
    r.buf = h.buf;
    r.off = h.off;
    r.capLen = h.capLen;
    r.origLen = h.origLen;
    r.tsSec = h.tsSec;
    r.tsNsec = h.tsNsec;
    r.tsSecBig = h.tsSecBig ?? null;
    r.direction = h.direction;
    r.receptionType = h.receptionType;
    r.epbFlags = h.epbFlags;
    r.queue = h.queue;
    r.dropCount = h.dropCount;
    r.comments = h.comments;
    r.pid = h.pid;
    r.procName = h.procName;
    r.effPid = h.effPid;
    r.effProcName = h.effProcName;
    r.proc = h.proc;
    r.fileOffset = h.fileOffset;
    this.heads[best] = null;
    this.last = best;
    return r;
  }

  async fill(): Promise<boolean> {
    // Ensure the delivered head's input has been advanced before refilling it.
    if (this.last >= 0) {
      const i = this.last;
      this.last = -1;
      this.heads[i] = this.inputs[i]!.nextSync();
    }
    let any = false;
    for (let i = 0; i < this.inputs.length; i++) {
      if (this.done[i]) continue;
      if (this.heads[i] === null) {
        const h = this.inputs[i]!.nextSync();
        if (h !== null) { this.heads[i] = h; any = true; continue; }
        if (await this.inputs[i]!.fill()) any = true;
        else this.done[i] = true;
      } else {
        any = true;
      }
    }
    if (!any) for (let i = 0; i < this.inputs.length; i++) this.sync(i);
    return any;
  }

  async close(): Promise<void> {
    await Promise.all(this.inputs.map((r) => r.close()));
  }
}

/** Merges readers by packet time (stable on ties: input order). One reader is returned as is. */
export function mergeReaders(readers: CaptureReader[]): CaptureReader {
  if (readers.length === 1) return readers[0]!;
  return new MergedReader(readers);
}
