/**
 * The Output tab's text, kept outside React state: millions of lines must not
 * be copied on every batch, nor held as millions of small strings (a major GC
 * over them is itself a long main-thread pause). Text is kept as the chunks it
 * arrived in, and each line is one number in a typed array (where it ends in
 * its chunk; a chunk records its first line); a line becomes a string only
 * when it is shown.
 *
 * Invariant: every line lies within one chunk. A chunk that ends mid-line
 * leaves that line "open"; when the next text ends it, the whole line becomes
 * a small chunk of its own and the rest of the text is indexed where it is
 * (the text is never copied to prepend the line: a copy per batch was as
 * much garbage as the output itself).
 * A chunk is all stdout or all stderr; the flag is for styling only.
 */
export class OutputBuffer {
  private chunks: string[] = [];
  /** Per chunk: its first line's index, where that line starts in it, and whether it came from standard error. */
  private cFirst: number[] = [];
  private cFrom: number[] = [];
  private cErr: boolean[] = [];
  /**
   * Per line, one number: where it ends in its chunk (its newline, or the chunk's end for an open
   * line). It starts one past the line before it, or at cFrom for its chunk's first line: 4 bytes a
   * line where chunk, start, end and a flag took 13.
   */
  private le = new Uint32Array(1024);
  private n = 0;
  /** The chunk of the last line looked up (lines are shown in runs: usually the next one's too). */
  private hint = 0;
  /** True when the last line has not seen its newline yet. */
  private open = false;
  version = 0;
  /** Length of the longest line, so the view can scroll horizontally (monospace: in ch). */
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

  line(i: number): string {
    if (i >= this.n) return '';
    const c = this.chunkOf(i);
    const s = i === this.cFirst[c] ? this.cFrom[c]! : this.le[i - 1]! + 1;
    return this.chunks[c]!.slice(s, this.le[i]!);
  }

  isStderr(i: number): boolean { return i < this.n && this.cErr[this.chunkOf(i)] === true; }

  clear(): void {
    this.chunks = [];
    this.cFirst = [];
    this.cFrom = [];
    this.cErr = [];
    this.hint = 0;
    this.n = 0;
    this.open = false;
    this.maxLen = 0;
    this.version++;
  }

  private push(s: number, e: number): void {
    if (this.n === this.le.length) {
      const b = new Uint32Array(this.le.length * 2);
      b.set(this.le);
      this.le = b;
    }
    this.le[this.n++] = e;
    if (e - s > this.maxLen) this.maxLen = e - s;
  }

  /** Indexes text's lines from `from` on as a new chunk; returns whether it ended mid-line. */
  private index(text: string, stderr: boolean, from = 0): boolean {
    this.chunks.push(text);
    this.cFirst.push(this.n);
    this.cFrom.push(from);
    this.cErr.push(stderr);
    let s = from;
    for (let nl = text.indexOf('\n', s); nl >= 0; nl = text.indexOf('\n', s)) {
      this.push(s, nl);
      s = nl + 1;
    }
    if (s < text.length) { this.push(s, text.length); return true; }
    return false;
  }

  appendStdout(text: string): void {
    if (text.length === 0) return;
    if (!this.open) {
      this.open = this.index(text, false);
      this.version++;
      return;
    }
    const head = this.line(this.n - 1);
    this.n--;
    // The open line was the last chunk's; a chunk left with no line is dropped (its text too).
    const last = this.chunks.length - 1;
    if (this.cFirst[last] === this.n) { this.chunks.pop(); this.cFirst.pop(); this.cFrom.pop(); this.cErr.pop(); }
    const nl = text.indexOf('\n');
    if (nl < 0) {
      this.open = this.index(head + text, false);
    } else {
      this.index(head + text.slice(0, nl + 1), false);
      this.open = nl + 1 < text.length && this.index(text, false, nl + 1);
    }
    this.version++;
  }

  /** A whole stderr message (its own line(s), as dtrace's stderr interleaves with stdout at line boundaries). */
  appendStderr(text: string): void {
    this.open = false;
    this.index(text.endsWith('\n') ? text : text + '\n', true);
    this.version++;
  }

  /** Everything, as the CLI would print stdout and stderr interleaved: each chunk's lines are one slice of it. */
  text(): string {
    const parts: string[] = [];
    const C = this.chunks.length;
    for (let c = 0; c < C; c++) {
      const first = this.cFirst[c]!;
      const end = c + 1 < C ? this.cFirst[c + 1]! : this.n;
      if (end > first) parts.push(this.chunks[c]!.slice(this.cFrom[c]!, this.le[end - 1]!));
    }
    return this.n === 0 ? '' : parts.join('\n') + (this.open ? '' : '\n');
  }
}
