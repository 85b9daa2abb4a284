/**
 * The Output tab's text, kept outside React state: millions of lines must not
 * be copied on every batch. Text arrives in chunks that may split lines; the
 * last, unterminated line stays "open" until its newline comes. Each line
 * remembers whether it came from standard error (messages), for styling only.
 */
export class OutputBuffer {
  private lines: string[] = [];
  private stderr: boolean[] = [];
  /** True when the last stored line has not seen its newline yet. */
  private open = false;
  version = 0;
  /** Length of the longest line, so the view can scroll horizontally (monospace: in ch). */
  maxLen = 0;

  get length(): number { return this.lines.length; }
  line(i: number): string { return this.lines[i] ?? ''; }
  isStderr(i: number): boolean { return this.stderr[i] ?? false; }

  clear(): void { this.lines = []; this.stderr = []; this.open = false; this.maxLen = 0; this.version++; }

  private measure(from: number): void {
    for (let i = from; i < this.lines.length; i++) if (this.lines[i]!.length > this.maxLen) this.maxLen = this.lines[i]!.length;
  }

  appendStdout(text: string): void {
    if (text.length === 0) return;
    const parts = text.split('\n');
    let i = 0;
    const from = Math.max(0, this.lines.length - (this.open ? 1 : 0));
    if (this.open) {
      this.lines[this.lines.length - 1] += parts[0]!;
      i = 1;
    }
    for (; i < parts.length; i++) { this.lines.push(parts[i]!); this.stderr.push(false); }
    // split() leaves '' after a final newline: that empty entry is the next, still empty, open line.
    if (parts[parts.length - 1] === '') { this.lines.pop(); this.stderr.pop(); this.open = false; } else this.open = true;
    this.measure(from);
    this.version++;
  }

  /** A whole stderr message (its own line(s), as dtrace's stderr interleaves with stdout at line boundaries). */
  appendStderr(text: string): void {
    this.open = false;
    const from = this.lines.length;
    for (const l of text.replace(/\n$/, '').split('\n')) { this.lines.push(l); this.stderr.push(true); }
    this.measure(from);
    this.version++;
  }

  /** Everything, as the CLI would print stdout and stderr interleaved. */
  text(): string {
    return this.lines.length === 0 ? '' : this.lines.join('\n') + (this.open ? '' : '\n');
  }
}
