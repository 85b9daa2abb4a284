/**
 * What one clause firing records. dtrace buffers an ECB's records and the
 * consumer prints them after the clause completes; a fault discards them.
 * Here the clause appends its text to `buf` (a reused code-unit buffer: no
 * allocation per firing; printf formats straight into it). The engine uses
 * the same buffer as its pending output: text before `start` is committed
 * output not yet emitted, text from `start` on is the running clause's.
 * commit() keeps the clause's text, reset() drops it (a fault) — no copy
 * either way.
 */
import type { Speculation } from './state.ts';
import { TextBuf } from './textbuf.ts';

/** A destructive action the consumer performs: system(command) or freopen(path; '' restores). */
export interface HostAction { kind: 'system' | 'freopen'; arg: string; at: number }

/** A printf firing kept as a typed row (-x recfmt=parquet): its statement and argument values. */
export interface PendingRow { stmt: number; values: unknown[] }

export class ClauseOutput {
  /** Committed output [0, start), then the running clause's text [start, buf.pos). */
  readonly buf = new TextBuf(1 << 17);
  start = 0;
  /** Whether the clause recorded data (non-quiet mode prints the probe line then). */
  recorded = false;
  /** speculate(): where this clause's data goes instead of the output. */
  spec: Speculation | null = null;
  /** exit() was called by this clause: applied when the clause completes. */
  exitStatus: number | null = null;
  /**
   * system()/freopen() records of the running clause, each at its offset in
   * the clause's text (the consumer runs them in output order).
   */
  readonly hostActions: HostAction[] = [];
  /** printf rows of the running clause (-x recfmt=parquet): kept when it completes, dropped on a fault. */
  readonly rows: PendingRow[] = [];

  /** Drop the running clause's text (the flags stay). */
  rewind(): void {
    this.buf.pos = this.start;
  }

  /** Whether the running clause's text is over the buffer's limit (its data is then dropped). */
  overLimit(): boolean {
    return this.buf.pos - this.start > this.buf.limit;
  }

  reset(): void {
    this.buf.pos = this.start;
    this.recorded = false;
    this.spec = null;
    this.exitStatus = null;
    if (this.hostActions.length > 0) this.hostActions.length = 0;
    if (this.rows.length > 0) this.rows.length = 0;
  }

  /** Record a system()/freopen() with its formatted argument, after the text recorded so far. */
  host(kind: HostAction['kind'], arg: string): void {
    this.recorded = true;
    this.hostActions.push({ kind, arg, at: this.buf.pos - this.start });
  }

  push(s: string): void {
    this.recorded = true;
    this.buf.str(s);
  }

  /** The recorded text as a string (speculations, per-firing records). */
  text(): string {
    return this.buf.toString(this.start);
  }

  /** Keep the clause's text as output (it stays in `buf` until the engine takes it). */
  commit(): void {
    this.start = this.buf.pos;
    this.buf.floor = this.start;
  }

  /**
   * Take the committed output as a string and remove it from the buffer; a
   * running clause's text (if any) moves to the front.
   */
  takeCommitted(): string {
    const b = this.buf;
    const n = this.start;
    if (n === 0) return '';
    const t = b.toString(0, n);
    b.u.copyWithin(0, n, b.pos);
    b.pos -= n;
    this.start = 0;
    b.floor = 0;
    b.recomputeOr();
    return t;
  }
}
