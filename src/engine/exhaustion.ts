/**
 * Resource exhaustion inside the JavaScript engine: a string or buffer past
 * what V8 can hold ("Invalid string length", "Array buffer allocation
 * failed"), or a stack overflow. Every size a script or capture controls is
 * bounded (d/limits.ts, capture/meta-budget.ts), so these are a last line:
 * a clause that hits one has run out of space (dtrace's "out of scratch
 * space"), and anything else that does ends the run with dtrace's
 * "processing aborted" wording, never a JavaScript stack.
 */

const PATTERNS = [
  /invalid string length/i,
  /array buffer allocation failed/i,
  /invalid (typed )?array length/i,
  /maximum call stack size exceeded/i,
  /out of memory/i,
];

export function isExhaustion(e: unknown): boolean {
  if (!(e instanceof RangeError) && !(e instanceof Error && e.name === 'InternalError')) return false;
  return PATTERNS.some((p) => p.test(e.message));
}

/** The text the CLI prints for an error that escaped everything else (no JavaScript names or stacks). */
export function abortText(e: unknown): string {
  if (isExhaustion(e)) return /stack/i.test((e as Error).message) ? 'processing aborted: Recursion limit exceeded' : 'processing aborted: Memory allocation failure';
  return 'processing aborted: Internal error (WIRETRACE_DEBUG=1 shows where)';
}
