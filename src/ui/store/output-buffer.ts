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
 */
import { lineEnds, longestLine } from '../../engine/utf8.ts';

const NEWLINE = Uint8Array.of(10);
const utf8 = new TextDecoder();
const encoder = new TextEncoder();

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const c = new Uint8Array(a.length + b.length);
  c.set(a);
  c.set(b, a.length);
  return c;
}

export class OutputBuffer {
  private chunks: Uint8Array[] = [];
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

  /** Line i's bytes (a view into its chunk). */
  private lineBytes(i: number): Uint8Array {
    const c = this.chunkOf(i);
    const j = i - this.cFirst[c]!;
    const ends = this.cEnds[c]!;
    const k = this.cK0[c]! + j;
    const b = this.chunks[c]!;
    return b.subarray(j === 0 ? this.cFrom[c]! : ends[k - 1]! + 1, k < ends.length ? ends[k]! : b.length);
  }

  /** Line i as text: its bytes read as UTF-8 (bytes that are not show as U+FFFD, as in a terminal). */
  line(i: number): string {
    if (i >= this.n) return '';
    return utf8.decode(this.lineBytes(i));
  }

  isStderr(i: number): boolean { return i < this.n && this.cErr[this.chunkOf(i)] === true; }

  clear(): void {
    this.chunks = [];
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
      return;
    }
    const head = this.lineBytes(this.n - 1);
    this.n--;
    // The open line was the last chunk's; a chunk left with no line is dropped (its bytes too).
    const last = this.chunks.length - 1;
    if (this.cFirst[last] === this.n) {
      this.chunks.pop(); this.cEnds.pop(); this.cK0.pop(); this.cFirst.pop(); this.cFrom.pop(); this.cErr.pop();
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
  }

  /** Everything as bytes, as the CLI would print stdout and stderr interleaved: each chunk's lines are one view of it. */
  bytes(): Uint8Array[] {
    const parts: Uint8Array[] = [];
    const C = this.chunks.length;
    for (let c = 0; c < C; c++) {
      const first = this.cFirst[c]!;
      const end = c + 1 < C ? this.cFirst[c + 1]! : this.n;
      if (end <= first) continue;
      // Through the last line's newline; a line left open ends here (stderr ended it: a newline, as
      // the CLI's stderr starts its own line) unless it is the open line at the very end.
      // A chunk may hold bytes past its last line: an open line that later bytes ended moved, joined, to a chunk of its own.
      const b = this.chunks[c]!;
      const lastLine = this.lineBytes(end - 1);
      const e = lastLine.byteOffset - b.byteOffset + lastLine.length;
      if (e < b.length) { parts.push(b.subarray(this.cFrom[c]!, e + 1)); continue; }
      parts.push(b.subarray(this.cFrom[c]!, e));
      if (c < C - 1 || !this.open) parts.push(NEWLINE);
    }
    return parts;
  }

  /** Everything as text (the UTF-8 reading of bytes()). */
  text(): string {
    const d = new TextDecoder();
    const parts = this.bytes();
    let s = '';
    for (let i = 0; i < parts.length; i++) s += d.decode(parts[i], { stream: i + 1 < parts.length });
    return s;
  }
}
