/**
 * ChunkedReader: the streaming machinery shared by the pcap and pcapng readers.
 *
 * The reader parses records straight out of the source's current chunk
 * (`buf[pos..end)`, one DataView `dv` per chunk). A record that does not fit
 * in what is buffered makes the parser return null after setting `need` (the
 * total bytes it needs from `pos`). Then:
 *
 *   - the unparsed tail of the chunk is copied into the *stitch* buffer before
 *     the source is read again (sources may reuse their chunk buffer);
 *   - the next chunk becomes *pending*; bytes are copied from it into the
 *     stitch buffer until `need` bytes are there, and the parser runs on the
 *     stitch buffer (so a record spanning chunks costs one copy of that record
 *     and nothing else);
 *   - once the stitched record is consumed, the reader switches to the pending
 *     chunk itself and parses in place again.
 *
 * Invariants:
 *   - `base + pos` is the absolute (decompressed) input offset of `buf[pos]`.
 *   - the stitch buffer only ever holds one record, so it grows to at most the
 *     largest record a parser accepts (parsers reject lengths above their cap
 *     before setting `need`), and only as bytes actually arrive (a length field
 *     claiming 16 MiB in a 100-byte file allocates nothing big): memory is
 *     bounded by chunk size + min(that cap, 2 × input size).
 *   - every parser step either consumes bytes, asks for strictly more bytes
 *     than are buffered, or finishes; so reading always terminates.
 */
import type {
  ByteSource, CaptureFormat, CaptureInterface, CaptureReader, CaptureWarning,
  PacketRecord, SectionInfo,
} from './types.ts';
import { DIR_UNKNOWN } from './types.ts';
import { CountingSource } from './sources.ts';

export const EMPTY_BYTES = new Uint8Array(0);
/** The shared empty comment list (records carry it when a packet has no comments: no allocation). */
export const NO_COMMENTS: readonly string[] = Object.freeze([]) as readonly string[];

/** At most this many warnings are kept; the rest are counted in a final one. */
const MAX_WARNINGS = 200;

export function newRecord(): PacketRecord {
  return {
    frame: 0, ifIndex: 0, buf: EMPTY_BYTES, off: 0, capLen: 0, origLen: 0,
    tsSec: 0, tsNsec: 0, tsSecBig: null, direction: DIR_UNKNOWN, receptionType: 0, epbFlags: 0,
    queue: -1, dropCount: -1, comments: NO_COMMENTS,
    pid: -1, procName: '', effPid: -1, effProcName: '', proc: null, fileOffset: 0,
  };
}

export abstract class ChunkedReader implements CaptureReader {
  abstract readonly format: CaptureFormat;
  readonly interfaces: CaptureInterface[] = [];
  readonly sections: SectionInfo[] = [];
  readonly warnings: CaptureWarning[] = [];
  private droppedWarnings = 0;
  readonly rec: PacketRecord = newRecord();

  protected buf: Uint8Array = EMPTY_BYTES;
  protected dv: DataView = new DataView(new ArrayBuffer(0));
  protected pos = 0;
  protected end = 0;
  /** Absolute input offset of buf[0]. */
  protected base = 0;
  /** Set by parse() when it returns null for want of bytes: total bytes needed from pos. */
  protected need = 0;
  /** Set when reading must stop (end of input, or damage the reader cannot frame past). */
  protected finished = false;
  /** Frames delivered so far. */
  protected frames = 0;

  /** Bytes still to be discarded (a block skipped without buffering it), and what it was for messages. */
  private skipRemaining = 0;
  private skipAt = 0;
  private skipLen = 0;
  private skipN = 0;
  private pend: Uint8Array | null = null;
  private pendDv: DataView | null = null;
  private pendPos = 0;
  private pendBase = 0;
  /** Absolute offset just after the last chunk taken from the source. */
  private streamOff = 0;
  private stitch: Uint8Array = EMPTY_BYTES;
  private stitchDv: DataView = new DataView(new ArrayBuffer(0));
  private eof = false;
  private readonly counter: CountingSource;

  constructor(
    src: ByteSource,
    /** The source whose bytes count as progress (the compressed one for gzip). */
    rawCounter: CountingSource | null,
    readonly gzip: boolean,
    /** Input file index (0-based), for CaptureInterface.file. */
    readonly fileIndex = 0,
  ) {
    this.src = src;
    this.counter = rawCounter ?? (src instanceof CountingSource ? src : new CountingSource(src));
    if (rawCounter === null && !(src instanceof CountingSource)) this.src = this.counter;
  }
  protected src: ByteSource;

  get source(): string { return this.src.name; }
  get bytesRead(): number { return this.counter.count; }
  /** Largest stitch buffer ever allocated (tests assert it stays bounded). */
  get stitchCapacity(): number { return this.stitch.length; }

  /** Parses the next record at pos; null with `need` set, or null with `finished` set. */
  protected abstract parse(): PacketRecord | null;

  warn(message: string, offset: number, frame = 0): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push({ message, offset, frame });
    else this.droppedWarnings++;
  }

  /** Stops reading with a warning (the data after `offset` cannot be framed). */
  protected stop(message: string, offset: number): null {
    this.warn(message, offset);
    this.finished = true;
    return null;
  }

  /**
   * Consumes n bytes from pos, which may run past what is buffered: the rest is
   * discarded from later chunks without ever being held (huge blocks we skip).
   * `at`/`len` describe the skipped thing for a truncation message.
   */
  protected skipAhead(n: number, at: number, len: number): void {
    const left = this.end - this.pos;
    if (n <= left) { this.pos += n; return; }
    this.pos = this.end;
    this.skipRemaining = n - left;
    this.skipAt = at;
    this.skipLen = len;
    this.skipN = n;
  }

  nextSync(): PacketRecord | null {
    for (;;) {
      if (this.finished) return null;
      if (this.skipRemaining > 0) {
        if (!this.pullPending()) return null;
        continue;
      }
      const r = this.parse();
      if (r !== null) return r;
      if (this.finished || !this.pullPending()) return null;
    }
  }

  private srcClosed = false;
  private async closeSource(): Promise<void> {
    if (this.srcClosed) return;
    this.srcClosed = true;
    await this.src.close().catch(() => undefined);
  }

  async fill(): Promise<boolean> {
    for (;;) {
      if (this.finished) {
        // Done (end of input or damage): release the file or stream now; close() stays safe.
        this.finishWarnings();
        await this.closeSource();
        return false;
      }
      if (this.pend !== null) return true;
      const left = this.end - this.pos;
      // Sources may overwrite their chunk on the next read: save the unparsed tail first.
      if (left > 0 && this.buf !== this.stitch) this.toStitch(left, left);
      let c: Uint8Array | null = null;
      if (!this.eof) {
        try {
          c = await this.src.read();
        } catch (e) {
          // An I/O error or corrupt compressed data: keep what was read, say where it stopped.
          this.warn(`reading stopped at offset ${this.streamOff}: ${(e as Error).message}`, this.streamOff, this.frames + 1);
          this.end = this.pos;
          c = null;
        }
      }
      if (c === null) {
        this.eof = true;
        const rest = this.end - this.pos;
        if (this.skipRemaining > 0) {
          this.warn(`capture truncated: block at offset ${this.skipAt} needs ${this.skipLen} bytes, ${this.skipN - this.skipRemaining} available`,
            this.skipAt, this.frames + 1);
        } else if (rest > 0) {
          this.warn(`capture truncated: record at offset ${this.base + this.pos} needs ${this.need} bytes, ${rest} available`,
            this.base + this.pos, this.frames + 1);
        }
        this.finishWarnings();
        this.finished = true;
        await this.closeSource();
        return false;
      }
      if (c.length === 0) continue;
      this.pend = c;
      this.pendDv = new DataView(c.buffer, c.byteOffset, c.byteLength);
      this.pendPos = 0;
      this.pendBase = this.streamOff;
      this.streamOff += c.length;
      return true;
    }
  }

  async close(): Promise<void> {
    this.finished = true;
    await this.closeSource();
  }

  private finishWarnings(): void {
    if (this.droppedWarnings > 0) {
      this.warnings.push({ message: `${this.droppedWarnings} more warnings not shown`, offset: this.base + this.pos, frame: 0 });
      this.droppedWarnings = 0;
    }
  }

  /** Copies buf[pos..pos+left) to the start of the stitch buffer (capacity >= want) and makes it current. */
  private toStitch(left: number, want: number): void {
    if (this.stitch.length < want) {
      // Grow by doubling (amortised copying) but never past what the record needs:
      // capacity follows bytes actually received, not a length field's claim.
      const cap = Math.max(want, Math.min(this.stitch.length * 2, this.need), 1 << 16);
      const s = new Uint8Array(cap);
      s.set(this.buf.subarray(this.pos, this.pos + left));
      this.stitch = s;
      this.stitchDv = new DataView(s.buffer);
    } else if (this.buf === this.stitch) {
      this.stitch.copyWithin(0, this.pos, this.pos + left);
    } else {
      this.stitch.set(this.buf.subarray(this.pos, this.pos + left));
    }
    this.base += this.pos;
    this.buf = this.stitch;
    this.dv = this.stitchDv;
    this.pos = 0;
    this.end = left;
  }

  /**
   * Makes at least n bytes available at pos (stitching across chunks), for
   * fixed headers read before parsing starts. False when the input ends first.
   */
  protected async ensure(n: number): Promise<boolean> {
    for (;;) {
      if (this.end - this.pos >= n) return true;
      this.need = n;
      if (this.pullPending()) continue;
      if (!(await this.fill())) return false;
    }
  }

  /** Makes progress from the pending chunk without reading the source; false when there is none. */
  private pullPending(): boolean {
    const p = this.pend;
    if (p === null) return false;
    if (this.skipRemaining > 0) {
      const take = Math.min(this.skipRemaining, p.length - this.pendPos);
      this.pendPos += take;
      this.skipRemaining -= take;
      if (this.pendPos >= p.length) { this.pend = null; this.pendDv = null; }
      return true;
    }
    const left = this.end - this.pos;
    if (left === 0) {
      this.buf = p;
      this.dv = this.pendDv!;
      this.base = this.pendBase;
      this.pos = this.pendPos;
      this.end = p.length;
      this.pend = null;
      this.pendDv = null;
      return true;
    }
    const want = Math.min(Math.max(this.need, left + 1), left + (p.length - this.pendPos));
    this.toStitch(left, want);
    const take = Math.min(want - left, p.length - this.pendPos);
    this.stitch.set(p.subarray(this.pendPos, this.pendPos + take), left);
    this.end = left + take;
    this.pendPos += take;
    if (this.pendPos >= p.length) { this.pend = null; this.pendDv = null; }
    return true;
  }
}
