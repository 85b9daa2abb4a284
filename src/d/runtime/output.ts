/**
 * What one clause firing records. dtrace buffers an ECB's records and the
 * consumer prints them after the clause completes; a fault discards them.
 * Here the clause appends text pieces to `parts` (reused: no allocation per
 * firing beyond the strings themselves) and the engine flushes or drops them.
 */
import type { Speculation } from './state.ts';

export class ClauseOutput {
  /** Text pieces recorded so far: parts[0 .. n). The array is reused; only `n` is reset. */
  readonly parts: string[] = [];
  n = 0;
  /** Whether the clause recorded data (non-quiet mode prints the probe line then). */
  recorded = false;
  /** speculate(): where this clause's data goes instead of the output. */
  spec: Speculation | null = null;
  /** exit() was called by this clause: applied when the clause completes. */
  exitStatus: number | null = null;

  reset(): void {
    this.n = 0;
    this.recorded = false;
    this.spec = null;
    this.exitStatus = null;
  }

  push(s: string): void {
    this.recorded = true;
    this.parts[this.n++] = s;
  }
}
