/**
 * The Output tab's text, kept outside React state: millions of lines must not
 * be copied on every batch, nor held as millions of small strings (a major GC
 * over them is itself a long main-thread pause). The output is kept as the
 * chunks of UTF-8 bytes it arrived in, each with where its lines end: the
 * engine's worker computes both and transfers them (src/engine/utf8.ts
 * `stdoutBytes`, `lineEnds`), so nothing is cloned, scanned or copied on the
 * page's thread (receiving ipio.d's 93.5 MB of output as strings took it a
 * third of a second of structured clone and a sixth indexing it). A line
 * becomes a string (its UTF-8 reading, as a terminal shows the bytes) only
 * when it is shown.
 *
 * Invariant: every line lies within one chunk. A chunk that ends mid-line
 * leaves that line "open"; when the next bytes end it, the whole line becomes
 * a small chunk of its own and the rest is indexed where it is (the bytes are
 * never copied to prepend the line: a copy per batch was as much garbage as
 * the output itself). A character split between chunks is whole again in the
 * joined line (a newline byte never occurs inside a UTF-8 sequence).
 * A chunk is all stdout or all stderr; the flag is for styling only.
 *
 * Given a SpillStore (output-spill.ts), the buffer keeps at most `residentMax` bytes of chunks in
 * memory, the newest: older chunks are written to the store and dropped, and read back (a few at a
 * time, the least recently shown dropped first) when their lines are shown. A line not read back yet
 * shows empty until it is, and `onLoad` says when to draw again. The newest chunk always stays (it
 * may hold the open line).
 */
import { lineEnds, longestLine } from '../../engine/utf8.ts';
import type { SpillStore } from './output-spill.ts';

const NEWLINE = Uint8Array.of(10);
const utf8 = new TextDecoder();
const encoder = new TextEncoder();

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const c = new Uint8Array(a.length + b.length);
  c.set(a);
  c.set(b, a.length);
  return c;
}

type Part = Uint8Array | { c: number; from: number; to: number };

/** Bytes sent to the store at most before it has written them. */
const IN_FLIGHT = 4 << 20;

export class OutputBuffer {
  /** Per chunk: its bytes, or null once written to the store (at cAt, cLen bytes). */
  private chunks: (Uint8Array | null)[] = [];
  private cAt: number[] = [];
  private cLen: number[] = [];
  /** Bytes of the chunks in memory; the next chunk to consider writing out; where the store's file ends. */
  private resident = 0;
  private spillFrom = 0;
  private fileEnd = 0;
  /** Chunks read back from the store, least recently shown first, and their bytes; reads under way. */
  private loaded = new Map<number, Uint8Array>();
  private loadedBytes = 0;
  private pending = new Set<number>();
  /** Bumped by clear(): a read answered after it is of an earlier run's file. */
  private generation = 0;
  /** Set when the store could not keep a write: what it holds is still read, nothing more goes to it. */
  private spillOff = false;
  /** Called when chunks read back from the store can be shown (the view draws again). */
  onLoad: (() => void) | null = null;
  /**
   * Per chunk: where its lines end (its newline bytes, as the worker sent them; a last line with none
   * ends at the chunk's end) from entry cK0 on (entries before belong to a line joined into a chunk of
   * its own), its first line's index, where that line starts, and whether it came from standard error.
   */
  private cEnds: Uint32Array[] = [];
  private cK0: number[] = [];
  private cFirst: number[] = [];
  private cFrom: number[] = [];
  private cErr: boolean[] = [];
  private n = 0;
  /** The chunk of the last line looked up (lines are shown in runs: usually the next one's too). */
  private hint = 0;
  /** True when the last line has not seen its newline yet. */
  private open = false;
  version = 0;
  /** Length of the longest line in bytes, so the view can scroll horizontally (monospace: in ch; ASCII output is a byte a column). */
  maxLen = 0;

  private store: SpillStore | null = null;

  private held = false;

  /** `spillStore` makes the store the first time more than `residentMax` bytes are in memory (null: never spill). */
  constructor(private spillStore: (() => SpillStore | null) | null = null, private readonly residentMax = 8 << 20, private readonly loadedMax = 8 << 20, private readonly heldMax = 256 << 20) {}

  get length(): number { return this.n; }

  /** The chunk holding line i: the last whose first line is at or before it (every chunk holds a line). */
  private chunkOf(i: number): number {
    const f = this.cFirst;
    const h = this.hint;
    if (h < f.length && f[h]! <= i && (h + 1 === f.length || f[h + 1]! > i)) return h;
    let lo = 0;
    let hi = f.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (f[mid]! <= i) lo = mid; else hi = mid - 1;
    }
    this.hint = lo;
    return lo;
  }

  /** Where line j of chunk c lies in the chunk's bytes: [start, end) (its newline not included). */
  private span(c: number, j: number): [number, number] {
    const ends = this.cEnds[c]!;
    const k = this.cK0[c]! + j;
    return [j === 0 ? this.cFrom[c]! : ends[k - 1]! + 1, k < ends.length ? ends[k]! : this.cLen[c]!];
  }

  /** Chunk c's bytes: in memory, read back, or null while they are being read back (asked for here). */
  private bytesOf(c: number): Uint8Array | null {
    const b = this.chunks[c];
    if (b) return b;
    const l = this.loaded.get(c);
    if (l) { this.loaded.delete(c); this.loaded.set(c, l); return l; }
    if (!this.pending.has(c) && this.store) {
      this.pending.add(c);
      const gen = this.generation;
      this.store.read(this.cAt[c]!, this.cLen[c]!).then((bytes) => {
        if (gen === this.generation) this.keepLoaded(c, bytes);
      }, (e: unknown) => {
        if (gen !== this.generation) return;
        // Shown in place of the chunk's lines: the page's storage failed to give them back.
        const note = encoder.encode(`[these lines could not be read back from the browser's storage: ${e instanceof Error ? e.message : String(e)}]`);
        const filler = new Uint8Array(this.cLen[c]!).fill(32);
        filler.set(note.subarray(0, filler.length));
        for (const end of this.cEnds[c]!) filler[end] = 10;
        this.keepLoaded(c, filler);
      });
    }
    return null;
  }

  /** Keeps chunk c's bytes, read back, dropping the least recently shown past loadedMax; the view draws again. */
  private keepLoaded(c: number, bytes: Uint8Array): void {
    this.pending.delete(c);
    this.loaded.set(c, bytes);
    this.loadedBytes += bytes.length;
    for (const [k, v] of this.loaded) {
      if (this.loadedBytes <= this.loadedMax || k === c) break;
      this.loaded.delete(k);
      this.loadedBytes -= v.length;
    }
    this.version++;
    this.onLoad?.();
  }

  /** Line i's bytes (a view into its chunk), or null while its chunk is read back. */
  private lineBytes(i: number): Uint8Array | null {
    const c = this.chunkOf(i);
    const b = this.bytesOf(c);
    if (!b) return null;
    const [start, end] = this.span(c, i - this.cFirst[c]!);
    return b.subarray(start, end);
  }

  /** Line i as text: its bytes read as UTF-8 (bytes that are not show as U+FFFD, as in a terminal); empty while it is read back. */
  line(i: number): string {
    if (i >= this.n) return '';
    const b = this.lineBytes(i);
    return b ? utf8.decode(b) : '';
  }

  isStderr(i: number): boolean { return i < this.n && this.cErr[this.chunkOf(i)] === true; }

  clear(): void {
    this.chunks = [];
    this.cAt = [];
    this.cLen = [];
    this.resident = 0;
    this.spillFrom = 0;
    if (this.fileEnd > 0) this.store?.reset();
    this.fileEnd = 0;
    this.loaded.clear();
    this.loadedBytes = 0;
    this.pending.clear();
    this.generation++;
    this.cEnds = [];
    this.cK0 = [];
    this.cFirst = [];
    this.cFrom = [];
    this.cErr = [];
    this.hint = 0;
    this.n = 0;
    this.open = false;
    this.maxLen = 0;
    this.version++;
  }

  /**
   * Takes b as a new chunk: its lines from `from` on, ending at ends[k0..] (every newline of b past
   * `from`, in order), the longest `longest` bytes or fewer; returns whether it ended mid-line.
   */
  private index(b: Uint8Array, ends: Uint32Array, longest: number, stderr: boolean, from = 0, k0 = 0): boolean {
    this.chunks.push(b);
    this.cAt.push(-1);
    this.cLen.push(b.length);
    this.resident += b.length;
    this.cEnds.push(ends);
    this.cK0.push(k0);
    this.cFirst.push(this.n);
    this.cFrom.push(from);
    this.cErr.push(stderr);
    const done = k0 < ends.length ? ends[ends.length - 1]! + 1 : from;
    const open = done < b.length;
    this.n += ends.length - k0 + (open ? 1 : 0);
    if (longest > this.maxLen) this.maxLen = longest;
    return open;
  }

  /**
   * Standard output as the engine's worker sends it: UTF-8 bytes, where their lines end (every
   * newline, in order) and the longest line's length (a last line without a newline included).
   */
  appendStdoutBytes(b: Uint8Array, ends: Uint32Array, longest = longestLine(b.length, ends)): void {
    if (b.length === 0) return;
    if (!this.open) {
      this.open = this.index(b, ends, longest, false);
      this.version++;
      this.spill();
      return;
    }
    const head = this.lineBytes(this.n - 1)!; // the newest chunk's: never written out
    this.n--;
    // The open line was the last chunk's; a chunk left with no line is dropped (its bytes too).
    const last = this.chunks.length - 1;
    if (this.cFirst[last] === this.n) {
      this.resident -= this.cLen[last]!;
      this.chunks.pop(); this.cAt.pop(); this.cLen.pop(); this.cEnds.pop(); this.cK0.pop(); this.cFirst.pop(); this.cFrom.pop(); this.cErr.pop();
      if (this.spillFrom > this.chunks.length) this.spillFrom = this.chunks.length;
    }
    if (ends.length === 0) {
      this.open = this.index(concat(head, b), ends, head.length + b.length, false);
    } else {
      const nl = ends[0]!;
      this.index(concat(head, b.subarray(0, nl + 1)), Uint32Array.of(head.length + nl), head.length + nl, false);
      // The chunk's longest may be its first piece, now part of the joined line: an upper bound of the rest.
      this.open = nl + 1 < b.length && this.index(b, ends, longest, false, nl + 1, 1);
    }
    this.version++;
    this.spill();
  }

  /**
   * While a run prints at full speed the store is left alone (up to heldMax bytes in memory): writing
   * to the browser's storage costs its processes CPU the run needs (ipio.d over the bench capture took
   * 0.3-0.5 s longer, headless, profile on disk or not). Released, the buffer writes out what it holds.
   */
  hold(on: boolean): void {
    this.held = on;
    if (!on) this.spill();
  }

  /** Writes the oldest chunks in memory to the store while more than residentMax bytes are (never the newest). */
  private spill(): void {
    if (this.resident <= this.residentMax || this.spillOff || (this.held && this.resident <= this.heldMax)) return;
    if (!this.store && this.spillStore) {
      this.store = this.spillStore();
      this.spillStore = null;
      if (this.store) {
        this.store.onReturned = (at, bytes) => this.returned(at, bytes);
        this.store.onRoom = () => this.spill();
      }
    }
    const st = this.store;
    if (!st?.ready) return;
    // A few MB at a time: the rest waits for them to be written (onRoom), so a new run's clear() is not
    // queued behind a whole output's writes, and the writing is spread out.
    while (this.resident > this.residentMax && this.spillFrom < this.chunks.length - 1 && st.pending < IN_FLIGHT) {
      const c = this.spillFrom++;
      const b = this.chunks[c];
      if (!b) continue;
      // The store may take the buffer (a transfer leaves b empty): everything about it is read first.
      const n = b.length;
      this.cAt[c] = this.fileEnd;
      this.fileEnd += n;
      this.chunks[c] = null;
      this.resident -= n;
      st.write(this.cAt[c]!, b);
    }
  }

  /** A write the store could not keep: the chunk's bytes are back in memory (the store spills no more). */
  private returned(at: number, bytes: Uint8Array): void {
    const c = this.cAt.indexOf(at);
    if (c < 0 || this.chunks[c] !== null || bytes.length !== this.cLen[c]) return;
    this.chunks[c] = bytes;
    this.cAt[c] = -1;
    this.resident += bytes.length;
    this.spillOff = true;
  }

  /** Standard output as text (tests, and text that is not the worker's bytes). */
  appendStdout(text: string): void {
    const b = encoder.encode(text);
    this.appendStdoutBytes(b, lineEnds(b));
  }

  /** A whole stderr message (its own line(s), as dtrace's stderr interleaves with stdout at line boundaries). */
  appendStderr(text: string): void {
    this.open = false;
    const b = encoder.encode(text.endsWith('\n') ? text : text + '\n');
    const ends = lineEnds(b);
    this.index(b, ends, longestLine(b.length, ends), true);
    this.version++;
    this.spill();
  }

  /** Everything as the CLI prints stdout and stderr interleaved, in pieces: each chunk's lines, as bytes or as where they are in the store. */
  private parts(): Part[] {
    const parts: Part[] = [];
    const C = this.chunks.length;
    for (let c = 0; c < C; c++) {
      const first = this.cFirst[c]!;
      const end = c + 1 < C ? this.cFirst[c + 1]! : this.n;
      if (end <= first) continue;
      // Through the last line's newline; a line left open ends here (stderr ended it: a newline, as
      // the CLI's stderr starts its own line) unless it is the open line at the very end.
      // A chunk may hold bytes past its last line: an open line that later bytes ended moved, joined, to a chunk of its own.
      const from = this.cFrom[c]!;
      const e = this.span(c, end - 1 - first)[1];
      const withNewline = e < this.cLen[c]!;
      const b = this.chunks[c];
      const to = withNewline ? e + 1 : e;
      parts.push(b ? b.subarray(from, to) : { c, from, to });
      if (!withNewline && (c < C - 1 || !this.open)) parts.push(NEWLINE);
    }
    return parts;
  }

  /** Everything as bytes, as the CLI writes it: a Blob (of the store's file where lines were written out). */
  async blob(type = 'application/octet-stream'): Promise<Blob> {
    const parts = this.parts();
    const ranges: [number, number][] = [];
    for (const p of parts) if (!(p instanceof Uint8Array)) ranges.push([this.cAt[p.c]! + p.from, p.to - p.from]);
    const blobs = ranges.length > 0 && this.store ? await this.store.blobs(ranges) : [];
    let k = 0;
    return new Blob(parts.map((p) => (p instanceof Uint8Array ? p : blobs[k++]!)) as BlobPart[], { type });
  }

  /** Everything as text now, when every byte is in memory (else null: see text()). */
  textNow(): string | null {
    const parts = this.parts();
    if (parts.some((p) => !(p instanceof Uint8Array))) return null;
    const d = new TextDecoder();
    let s = '';
    for (let i = 0; i < parts.length; i++) s += d.decode(parts[i] as Uint8Array, { stream: i + 1 < parts.length });
    return s;
  }

  /** Everything as text (the UTF-8 reading of blob()). */
  async text(): Promise<string> {
    return (await this.blob()).text();
  }
}
