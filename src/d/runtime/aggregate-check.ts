/**
 * Compile-time checks of lquantize()/llquantize() parameters, with the
 * messages and tags of illumos dt_cc.c (dt_compile_agg) for lquantize and
 * of Linux DTrace dt_cg.c (dt_cg_agg_llquantize) for llquantize. The compiler passes
 * the constant values of the arguments after the expression (null for an
 * argument that is not an integer constant) and, when the aggregation was
 * already used, the parameters of that first use.
 */
import type { AggParams } from './aggregate.ts';

/** A refused parameter; `arg`: the argument (1-based, after the expression) it is reported at, when not the call. */
export interface AggCheckError { tag: string; message: string; arg?: number }

const INT32_MIN = -2147483648, INT32_MAX = 2147483647, UINT16_MAX = 65535;

/** lquantize(expr, base, limit [, step [, incr]]): returns the parameters or the first error. */
export function checkLquantize(args: readonly (number | null)[], previous?: AggParams): AggParams | AggCheckError {
  const [base, limit, stepArg] = args;
  if (base === null || base === undefined) return { tag: 'D_LQUANT_BASETYPE', message: 'lquantize( ) argument #1 must be an integer constant' };
  if (base < INT32_MIN || base > INT32_MAX) return { tag: 'D_LQUANT_BASEVAL', message: 'lquantize( ) argument #1 must be a 32-bit quantity' };
  if (limit === null || limit === undefined) return { tag: 'D_LQUANT_LIMTYPE', message: 'lquantize( ) argument #2 must be an integer constant' };
  if (limit < INT32_MIN || limit > INT32_MAX) return { tag: 'D_LQUANT_LIMVAL', message: 'lquantize( ) argument #2 must be a 32-bit quantity' };
  // limit == base has no level: the message's "less than" is the rule (Linux DTrace; illumos reports it as D_LQUANT_STEPLARGE).
  if (limit <= base) return { tag: 'D_LQUANT_MISMATCH', message: 'lquantize( ) base (argument #1) must be less than limit (argument #2)' };
  let step = 1;
  if (args.length > 2) {
    if (stepArg === null || stepArg === undefined || stepArg <= 0) {
      return { tag: 'D_LQUANT_STEPTYPE', message: 'lquantize( ) argument #3 must be a non-zero positive integer constant' };
    }
    if (stepArg > UINT16_MAX) return { tag: 'D_LQUANT_STEPVAL', message: 'lquantize( ) argument #3 must be a 16-bit quantity' };
    step = stepArg;
  }
  const nlevels = Math.trunc((limit - base) / step);
  if (nlevels === 0) return { tag: 'D_LQUANT_STEPLARGE', message: 'lquantize( ) step (argument #3) too large: must have at least one quantization level' };
  if (nlevels > UINT16_MAX) return { tag: 'D_LQUANT_STEPSMALL', message: 'lquantize( ) step (argument #3) too small: number of quantization levels must be a 16-bit quantity' };
  if (previous && previous.low !== undefined) {
    const ob = previous.low, os = previous.step ?? 1;
    const onl = Math.trunc(((previous.high ?? 0) - ob) / os);
    if (ob !== base) return { tag: 'D_LQUANT_MATCHBASE', message: `lquantize( ) base (argument #1) doesn't match previous declaration: expected ${ob}, found ${base}` };
    if (onl * os !== nlevels * step) return { tag: 'D_LQUANT_MATCHLIM', message: `lquantize( ) limit (argument #2) doesn't match previous declaration: expected ${ob + onl * os}, found ${base + nlevels * step}` };
    if (os !== step) return { tag: 'D_LQUANT_MATCHSTEP', message: `lquantize( ) step (argument #3) doesn't match previous declaration: expected ${os}, found ${step}` };
  }
  // The kernel keeps base + levels * step as the top: store the effective limit.
  return { low: base, high: base + nlevels * step, step };
}

/**
 * llquantize(expr, factor, lmag, hmag, steps [, incr]), checked as Linux
 * DTrace's dt_cg_agg_llquantize checks it (its bins differ from illumos', see
 * aggregate-buckets.ts; so do its rules: steps may be below factor when it
 * divides it, lmag may equal hmag). `arg` names the argument the error is
 * reported at (0: the aggregation itself).
 */
export function checkLlquantize(args: readonly (number | null)[], previous?: AggParams): AggParams | AggCheckError {
  const u16 = (v: number): boolean => v >= 0 && v <= UINT16_MAX; // (uint64_t)v <= UINT16_MAX
  const [factor, lmag, hmag, steps] = args;
  if (factor === null || factor === undefined) return { tag: 'D_LLQUANT_FACTORTYPE', message: 'llquantize( ) argument #1 must be an integer constant', arg: 1 };
  if (!u16(factor) || factor < 2) {
    return { tag: 'D_LLQUANT_FACTORVAL', message: 'llquantize( ) argument #1 must be an unsigned 16-bit quantity greater than or equal to 2', arg: 1 };
  }
  if (lmag === null || lmag === undefined) return { tag: 'D_LLQUANT_LMAGTYPE', message: 'llquantize( ) argument #2 must be an integer constant', arg: 2 };
  if (!u16(lmag)) return { tag: 'D_LLQUANT_LMAGVAL', message: 'llquantize( ) argument #2 must be an unsigned 16-bit quantity', arg: 2 };
  if (hmag === null || hmag === undefined) return { tag: 'D_LLQUANT_HMAGTYPE', message: 'llquantize( ) argument #3 must be an integer constant', arg: 3 };
  if (!u16(hmag)) return { tag: 'D_LLQUANT_HMAGVAL', message: 'llquantize( ) argument #3 must be an unsigned 16-bit quantity', arg: 3 };
  if (hmag < lmag) return { tag: 'D_LLQUANT_HMAGVAL', message: 'llquantize( ) argument #3 (high magnitude) must be at least argument #2 (low magnitude)', arg: 3 };
  if (powExceeds64(factor, hmag + 1)) return { tag: 'D_LLQUANT_HMAGVAL', message: 'llquantize( ) argument #3 (high magnitude) will cause overflow of 64 bits', arg: 3 };
  if (steps === null || steps === undefined || steps <= 0) {
    return { tag: 'D_LLQUANT_STEPTYPE', message: 'llquantize( ) argument #4 must be a non-zero positive integer constant', arg: 4 };
  }
  if (steps > UINT16_MAX) return { tag: 'D_LLQUANT_STEPVAL', message: 'llquantize( ) argument #4 must be an unsigned 16-bit quantity', arg: 4 };
  if (steps < factor && factor % steps !== 0) {
    return { tag: 'D_LLQUANT_STEPVAL', message: 'llquantize() argument #4 (steps) must evenly divide argument #1 (factor) when steps<factor', arg: 1 };
  }
  if (steps > factor) {
    if (steps % factor !== 0) {
      return { tag: 'D_LLQUANT_STEPVAL', message: 'llquantize() argument #4 (steps) must be a multiple of argument #1 (factor) when steps>factor', arg: 1 };
    }
    if (lmag === 0 && (factor * factor) % steps !== 0) {
      return { tag: 'D_LLQUANT_STEPVAL', message: 'llquantize() argument #4 (steps) must evenly divide the square of argument #1 (factor) when steps>factor and lmag==0', arg: 1 };
    }
    if (lmag !== 0 && BigInt(factor) ** BigInt(lmag + 1) % BigInt(steps) !== 0n) {
      return { tag: 'D_LLQUANT_STEPVAL', message: 'llquantize() argument #4 (steps) must evenly divide pow(argument #1 (factor), lmag (argument #2) + 1) when steps>factor and lmag>0', arg: 1 };
    }
  }
  if (previous && previous.factor !== undefined) {
    const old = [previous.factor, previous.lmag ?? 0, previous.hmag ?? 0, previous.nsteps ?? 0];
    const now = [factor, lmag, hmag, steps];
    const what = [['FACTOR', 'factor'], ['LMAG', 'lmag'], ['HMAG', 'hmag'], ['STEPS', 'steps']] as const;
    for (let i = 0; i < 4; i++) {
      if (old[i] !== now[i]) {
        return {
          tag: `D_LLQUANT_MATCH${what[i]![0]}`, arg: 0,
          message: `llquantize() ${what[i]![1]} (argument #${i + 1}) doesn't match previous declaration: expected ${old[i]}, found ${now[i]}`,
        };
      }
    }
  }
  return { factor, lmag, hmag, nsteps: steps };
}

/** powl(factor, n) > UINT64_MAX, exactly (factor >= 2, so the loop ends within 64 steps). */
function powExceeds64(factor: number, n: number): boolean {
  const max = (1n << 64n) - 1n;
  let v = 1n;
  for (let i = 0; i < n; i++) {
    v *= BigInt(factor);
    if (v > max) return true;
  }
  return false;
}

export function isAggCheckError(x: AggParams | AggCheckError): x is AggCheckError {
  return (x as AggCheckError).tag !== undefined;
}
