/**
 * Bounds on every number from a script that becomes a length, a width, a
 * repeat count or an allocation (README, "Bad input"). Where dtrace has a
 * bound, it is dtrace's (array dimensions, lquantize levels); where dtrace
 * leans on the C library or the kernel's allocator (printf widths print
 * gigabytes of spaces, huge buffer sizes are lowered until they fit), the
 * bound is ours, documented, and reaching it gives a dtrace-style message:
 * a compile-time error with its tag, a run-time ERROR, a drop count, or
 * dtrace's "<size> lowered to <n>" for buffer sizes.
 */

/** dt_opt_size: a size option's value, a count with an optional k/m/g/t suffix; undefined when it is not one. */
export function parseSize(v: string): number | undefined {
  const m = /^([0-9]+)([kKmMgGtT]?)$/.exec(v);
  if (!m) return undefined;
  const mult: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };
  return Number(m[1]) * mult[m[2]!.toLowerCase()]!;
}

/** printf()/printa() field widths and precisions, and the stackindent option, at most (C allows 2^31 − 1). */
export const MAX_FIELD = 1 << 20;

/** Options whose sizes are lowered to a cap (dtrace's bufresize=auto lowers what it cannot allocate). */
export const SIZE_CAPS: Readonly<Record<string, number>> = {
  bufsize: 64 << 20,
  // Counted as dtrace counts a record (8 + keys + value: 20 bytes for count() by an int), an entry
  // takes 85-190 bytes of JavaScript memory (aggregate.ts): 32m is at most 1.7 million entries, ~300 MB.
  aggsize: 32 << 20,
  dynvarsize: 256 << 20,
  specsize: 64 << 20,
  strsize: 1 << 20,
};

/** Names dtrace's go() gives these sizes in its "lowered to" messages (strsize is ours). */
export const SIZE_NAMES: Readonly<Record<string, string>> = {
  bufsize: 'buffer size', aggsize: 'aggregation size', specsize: 'speculation size',
  dynvarsize: 'dynamic variable size', strsize: 'string size',
};

/**
 * Dynamic variables at most, whatever dynvarsize allows: Oracle's formula
 * (dynvarsize / (tuple + value), state.ts) gives 33 million 8-byte entries
 * for 256m, each 40-70 bytes of JavaScript memory; this keeps them near 300 MB.
 */
export const MAX_DYN_ENTRIES = 1 << 22;

/** Speculation buffers (nspec) at most. */
export const MAX_NSPEC = 1 << 16;
/** Speculative text held by all speculations together at most: beyond it, speculative drops. */
export const MAX_SPEC_TOTAL = 256 << 20;

/** One object's size (a variable, a struct-valued element, a translated struct) at most. */
export const MAX_OBJECT = 16 << 20;
/** All static objects of a program (globals, clause-local and translator storage) together at most. */
export const MAX_STATIC = 256 << 20;
/** A traced record (trace()/print() of an object, tracemem()) at most. */
export const MAX_RECORD = 1 << 20;

/** A clause's text at most (beyond: the clause's data is dropped, "N drops on CPU 0"), unless aggsize is larger. */
export const MIN_CLAUSE_TEXT = 64 << 20;

/** An option value lowered to its cap, as dtrace prints it ("%s lowered to %lld%c" or "... bytes"). */
export function loweredMessage(name: string, size: number): string {
  const what = SIZE_NAMES[name] ?? name;
  const units = ' kmgtpe';
  let j = 0;
  let mul = 10;
  while (2 ** mul <= size) { j++; mul += 10; }
  const unit = 2 ** (mul - 10);
  if (size % unit === 0) return `${what} lowered to ${size / unit}${units[j]!.trim()}`;
  return `${what} lowered to ${size} bytes`;
}

/** A D source file (a -s script, an #include) at most: /dev/zero or a FIFO that never ends is an error, not a hang. */
export const MAX_SOURCE_BYTES = 16 << 20;

/** Thrown by a bounded source reader for a file past MAX_SOURCE_BYTES (the preprocessor reports its message). */
export class SourceTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`File too large (the limit for D source is ${limit >> 20} MiB)`);
    this.name = 'SourceTooLarge';
  }
}
