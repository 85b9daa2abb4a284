/**
 * Waiting for capture input without ever being stuck in the wait.
 *
 * A pipe or FIFO may stay open with nothing to read for ever; Ctrl-C (the
 * run's AbortSignal) must still end the run at once, as dtrace's does. So
 * every wait for more input is raced against the abort signal (and, for the
 * local-host prescan of live input, against a pause of the input). The read
 * that lost the race stays pending: the next wait takes it up instead of
 * starting a second one, so no chunk is lost and the reader is never asked
 * twice at once.
 */
import type { CaptureReader } from '../capture/types.ts';

export type FillResult = 'more' | 'end' | 'abort' | 'pause';

/** Resolves when the signal aborts (at once when it already has); the returned function cancels the wait. */
export function onAbort(signal: AbortSignal | undefined, f: () => void): () => void {
  if (signal === undefined) return () => undefined;
  if (signal.aborted) { f(); return () => undefined; }
  signal.addEventListener('abort', f, { once: true });
  return () => signal.removeEventListener('abort', f);
}

/** `p`'s value, or 'abort' if the signal aborts first (p is left pending, its rejection handled later). */
export function raceAbort<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T | 'abort'> {
  if (signal === undefined) return p;
  if (signal.aborted) { p.catch(() => undefined); return Promise.resolve('abort'); }
  return new Promise<T | 'abort'>((resolve, reject) => {
    const cancel = onAbort(signal, () => { p.catch(() => undefined); resolve('abort'); });
    p.then((v) => { cancel(); resolve(v); }, (e: unknown) => { cancel(); reject(e); });
  });
}

export class InputWaiter {
  private pending: Promise<boolean> | null = null;

  constructor(
    private readonly reader: CaptureReader,
    private readonly signal?: AbortSignal,
    /** Called before each wait (live input: hand out the text printed so far). */
    private readonly beforeWait?: () => void,
  ) {}

  /** Whether a read is still pending (an abandoned wait). */
  get waiting(): boolean { return this.pending !== null; }

  /**
   * Reads more input: 'more' when records may be available, 'end' at the end
   * of input, 'abort' when the signal aborted first, 'pause' when `pauseMs`
   * passed without input (only when given).
   */
  async fill(pauseMs?: number): Promise<FillResult> {
    if (this.signal?.aborted === true) return 'abort';
    this.beforeWait?.();
    const p = (this.pending ??= this.reader.fill());
    const r = await new Promise<boolean | 'abort' | 'pause'>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const cancel = onAbort(this.signal, () => { clearTimeout(timer); resolve('abort'); });
      if (pauseMs !== undefined) timer = setTimeout(() => { cancel(); resolve('pause'); }, pauseMs);
      p.then(
        (v) => { clearTimeout(timer); cancel(); resolve(v); },
        (e: unknown) => { clearTimeout(timer); cancel(); reject(e); },
      );
    }).catch((e: unknown) => { this.pending = null; throw e; });
    if (r === 'abort' || r === 'pause') {
      // Keep the read for the next wait; a failure it ends in is reported then (or never, if aborted).
      p.catch(() => undefined);
      return r;
    }
    this.pending = null;
    return r ? 'more' : 'end';
  }
}
