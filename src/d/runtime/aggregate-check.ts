/**
 * Compile-time checks of lquantize()/llquantize() parameters, with the
 * messages and tags of illumos dt_cc.c (dt_compile_agg). The compiler passes
 * the constant values of the arguments after the expression (null for an
 * argument that is not an integer constant) and, when the aggregation was
 * already used, the parameters of that first use.
 */
import type { AggParams } from './aggregate.ts';

export interface AggCheckError { tag: string; message: string }

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

const LL_NAMES = ['factor', 'low magnitude', 'high magnitude', 'linear steps per magnitude'];
const LL_TAGS = ['FACTOR', 'LOW', 'HIGH', 'NSTEP'];

/** llquantize(expr, factor, low, high, nsteps [, incr]). */
export function checkLlquantize(args: readonly (number | null)[], previous?: AggParams): AggParams | AggCheckError {
  const v: number[] = [];
  for (let i = 0; i < 4; i++) {
    const a = args[i];
    if (a === null || a === undefined) return { tag: `D_LLQUANT_${LL_TAGS[i]}TYPE`, message: `llquantize( ) argument #${i + 1} (${LL_NAMES[i]}) must be an integer constant` };
    // (uint64_t)value > UINT16_MAX: negative constants fail too.
    if (a < 0 || a > UINT16_MAX) return { tag: `D_LLQUANT_${LL_TAGS[i]}VAL`, message: `llquantize( ) argument #${i + 1} (${LL_NAMES[i]}) must be an unsigned 16-bit quantity` };
    v.push(a);
  }
  const [factor, low, high, nsteps] = v as [number, number, number, number];
  if (factor < 2) return { tag: 'D_LLQUANT_FACTORSMALL', message: 'llquantize( ) factor (argument #1) must be two or more' };
  if (low >= high) return { tag: 'D_LLQUANT_MAGRANGE', message: 'llquantize( ) high magnitude (argument #3) must be greater than low magnitude (argument #2)' };
  if (nsteps < factor) return { tag: 'D_LLQUANT_FACTORNSTEPS', message: 'llquantize( ) factor (argument #1) must be less than or equal to the number of linear steps per magnitude (argument #4)' };
  let p = factor;
  while (p < nsteps) p *= factor;
  if (nsteps % factor || p % nsteps) {
    return { tag: 'D_LLQUANT_FACTOREVEN', message: 'llquantize( ) factor (argument #1) must evenly divide the number of steps per magnitude (argument #4), and the number of steps per magnitude must evenly divide a power of the factor' };
  }
  let order = 1n;
  for (let i = 0; i <= high + 1; i++) {
    const next = BigInt.asUintN(64, order * BigInt(factor));
    if (next > order) { order = next; continue; }
    return { tag: 'D_LLQUANT_MAGTOOBIG', message: `llquantize( ) factor (${factor}) raised to power of high magnitude (${high}) plus 1 overflows 64-bits` };
  }
  if (previous && previous.factor !== undefined) {
    const old = [previous.factor, previous.lmag ?? 0, previous.hmag ?? 0, previous.nsteps ?? 0];
    for (let i = 0; i < 4; i++) {
      if (old[i] !== v[i]) {
        return { tag: `D_LLQUANT_${LL_TAGS[i]}MATCH`, message: `llquantize( ) ${LL_NAMES[i]} (argument #${i + 1}) doesn't match previous declaration: expected ${old[i]}, found ${v[i]}` };
      }
    }
  }
  return { factor, lmag: low, hmag: high, nsteps };
}

export function isAggCheckError(x: AggParams | AggCheckError): x is AggCheckError {
  return (x as AggCheckError).tag !== undefined;
}
