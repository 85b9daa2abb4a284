/**
 * The Output tab's text, kept outside React state: millions of lines must not
 * be copied on every batch, nor held as millions of small strings (a major GC
 * over them is itself a long main-thread pause). Text is kept as the chunks it
 * arrived in, and each line is three numbers in typed arrays (chunk, start,
 * end); a line becomes a string only when it is shown.
 *
 * Invariant: every line lies within one chunk. A chunk that ends mid-line
 * leaves that line "open"; when the next text ends it, the whole line becomes
 * a small chunk of its own and the rest of the text is indexed where it is
 * (the text is never copied to prepend the line: a copy per batch was as
 * much garbage as the output itself).
 * Each line remembers whether it came from standard error, for styling only.
 */
export class OutputBuffer {
  private chunks: string[] = [];
  private lc = new Uint32Array(1024);
  private ls = new Uint32Array(1024);
  private le = new Uint32Array(1024);
  private err = new Uint8Array(1024);
  private n = 0;
  /** True when the last line has not seen its newline yet. */
  private open = false;
  version = 0;
  /** Length of the longest line, so the view can scroll horizontally (monospace: in ch). */
  maxLen = 0;

  get length(): number { return this.n; }
  line(i: number): string { return i < this.n ? this.chunks[this.lc[i]!]!.slice(this.ls[i]!, this.le[i]!) : ''; }
  isStderr(i: number): boolean { return i < this.n && this.err[i] === 1; }

  clear(): void {
    this.chunks = [];
    this.n = 0;
    this.open = false;
    this.maxLen = 0;
    this.version++;
  }

  private push(chunk: number, s: number, e: number, stderr: boolean): void {
    if (this.n === this.lc.length) {
      const grow = <T extends Uint32Array | Uint8Array>(a: T): T => { const b = new (a.constructor as new (n: number) => T)(a.length * 2); b.set(a); return b; };
      this.lc = grow(this.lc); this.ls = grow(this.ls); this.le = grow(this.le); this.err = grow(this.err);
    }
    this.lc[this.n] = chunk; this.ls[this.n] = s; this.le[this.n] = e; this.err[this.n] = stderr ? 1 : 0;
    this.n++;
    if (e - s > this.maxLen) this.maxLen = e - s;
  }

  /** Indexes text's lines from `from` on as a new chunk; returns whether it ended mid-line. */
  private index(text: string, stderr: boolean, from = 0): boolean {
    const c = this.chunks.length;
    this.chunks.push(text);
    let s = from;
    for (let nl = text.indexOf('\n', s); nl >= 0; nl = text.indexOf('\n', s)) {
      this.push(c, s, nl, stderr);
      s = nl + 1;
    }
    if (s < text.length) { this.push(c, s, text.length, stderr); return true; }
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

  /** Everything, as the CLI would print stdout and stderr interleaved. */
  text(): string {
    const parts: string[] = [];
    for (let i = 0; i < this.n; i++) parts.push(this.line(i));
    return this.n === 0 ? '' : parts.join('\n') + (this.open ? '' : '\n');
  }
}
