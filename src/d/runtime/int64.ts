/**
 * Exact D integer arithmetic on wiretrace's value representation.
 *
 * Representation (fixed for the whole D runtime): an integer value is a JS
 * `number` when it is a safe integer (|v| <= 2^53-1) and a `bigint` only
 * outside that range. Every function here returns values in this canonical
 * form, so `===` is value equality and JS `<`/`>` (which compare number with
 * bigint exactly) are value comparisons. A value carries no type: the
 * compiler knows each expression's static D type (size 1/2/4/8, signedness)
 * and passes it in; results are wrapped (two's complement) to that type, so an
 * unsigned value is always stored non-negative and a signed one in range.
 *
 * Fast paths: each operation first tries plain double arithmetic and accepts
 * the result only when it is provably exact (e.g. the sum/product of two safe
 * integers is exact iff the rounded result is still a safe integer, because
 * rounding is monotone and 2^53 is representable). Otherwise a BigInt slow
 * path computes the exact result. Negative zero never escapes (`+ 0`).
 *
 * Semantics follow illumos DIF (dtrace_dif.c on amd64): registers are 64 bits,
 * shift counts are taken modulo 64 (the x86 `shl`/`sar` mask), division and
 * remainder truncate toward zero as C does, INT64_MIN / -1 wraps to INT64_MIN.
 * Division by zero is the caller's to detect (`isZero`) and report as dtrace's
 * "divide-by-zero" error.
 */

export type DInt = number | bigint;

/** Byte size of a D integer type. */
export type IntSize = 1 | 2 | 4 | 8;

const TWO32 = 4294967296;
const B64 = 1n << 64n;
const MAXS = Number.MAX_SAFE_INTEGER;

/** Canonical form of an exact bigint value (no wrapping). */
export function canon(v: bigint): DInt {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/** Exact bigint of a value. */
export function big(v: DInt): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

/** Closest double (for float conversions and charts); exact when |v| <= 2^53. */
export function toDouble(v: DInt): number {
  return typeof v === 'number' ? v : Number(v);
}

/**
 * Wrap an exact integer (number or bigint, any magnitude) to a D integer type:
 * the two's complement truncation C performs on conversion.
 */
export function wrap(v: DInt, size: IntSize, signed: boolean): DInt {
  if (typeof v === 'number') {
    switch (size) {
      case 8:
        // Every safe integer fits int64; negative ones become large uint64.
        if (signed || v >= 0) return v + 0;
        return BigInt(v) + B64;
      case 4: return signed ? v | 0 : v >>> 0;
      case 2: return signed ? (v << 16) >> 16 : v & 0xffff;
      default: return signed ? (v << 24) >> 24 : v & 0xff;
    }
  }
  switch (size) {
    case 8: return canon(signed ? BigInt.asIntN(64, v) : BigInt.asUintN(64, v));
    case 4: return Number(signed ? BigInt.asIntN(32, v) : BigInt.asUintN(32, v));
    case 2: return Number(signed ? BigInt.asIntN(16, v) : BigInt.asUintN(16, v));
    default: return Number(signed ? BigInt.asIntN(8, v) : BigInt.asUintN(8, v));
  }
}

/** Wrap to int64 (the DIF register width). */
export function wrapS64(v: DInt): DInt { return wrap(v, 8, true); }
/** Wrap to uint64. */
export function wrapU64(v: DInt): DInt { return wrap(v, 8, false); }

/** Parse a D integer literal's digits (decimal, 0octal, 0xhex; suffixes already stripped) exactly. */
export function parseLiteral(text: string): bigint | undefined {
  let t = text;
  let neg = false;
  if (t.startsWith('-')) { neg = true; t = t.slice(1); }
  let v: bigint;
  if (/^0[xX][0-9a-fA-F]+$/.test(t)) v = BigInt(t);
  else if (/^0[0-7]*$/.test(t)) v = t.length > 1 ? BigInt('0o' + t.slice(1)) : 0n;
  else if (/^[1-9][0-9]*$/.test(t)) v = BigInt(t);
  else return undefined;
  return neg ? -v : v;
}

export function add(a: DInt, b: DInt, size: IntSize, signed: boolean): DInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= MAXS && r >= -MAXS) return size === 8 && (signed || r >= 0) ? r + 0 : wrap(r, size, signed);
  }
  return wrap(big(a) + big(b), size, signed);
}

export function sub(a: DInt, b: DInt, size: IntSize, signed: boolean): DInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAXS && r >= -MAXS) return size === 8 && (signed || r >= 0) ? r + 0 : wrap(r, size, signed);
  }
  return wrap(big(a) - big(b), size, signed);
}

export function mul(a: DInt, b: DInt, size: IntSize, signed: boolean): DInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r <= MAXS && r >= -MAXS) return size === 8 && (signed || r >= 0) ? r + 0 : wrap(r, size, signed);
    if (size === 4 || size === 2 || size === 1) {
      // Low 32 bits of the product without BigInt.
      const lo = Math.imul(a % TWO32 | 0, b % TWO32 | 0);
      return wrap(lo, size, signed);
    }
  }
  return wrap(big(a) * big(b), size, signed);
}

/** True when a divisor is zero (the caller raises dtrace's divide-by-zero error). */
export function isZero(v: DInt): boolean {
  return v === 0 || v === 0n;
}

/** C division: truncates toward zero. `b` must not be zero. */
export function div(a: DInt, b: DInt, size: IntSize, signed: boolean): DInt {
  if (typeof a === 'number' && typeof b === 'number') {
    // a % b is exact for doubles; a - r is an exact multiple of b, so the quotient is exact.
    const r = a % b;
    const q = (a - r) / b;
    return size === 8 && (signed || q >= 0) ? q + 0 : wrap(q, size, signed);
  }
  return wrap(big(a) / big(b), size, signed);
}

/** C remainder: the sign of the dividend. `b` must not be zero. */
export function mod(a: DInt, b: DInt, size: IntSize, signed: boolean): DInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = (a % b) + 0;
    return size === 8 && (signed || r >= 0) ? r : wrap(r, size, signed);
  }
  return wrap(big(a) % big(b), size, signed);
}

export function neg(a: DInt, size: IntSize, signed: boolean): DInt {
  if (typeof a === 'number') return wrap(0 - a, size, signed);
  return wrap(-a, size, signed);
}

export function not(a: DInt, size: IntSize, signed: boolean): DInt {
  if (typeof a === 'number' && a > -MAXS && a < MAXS) return wrap(-a - 1, size, signed);
  return wrap(~big(a), size, signed);
}

const enum Bit { And, Or, Xor }

function bitop(op: Bit, a: DInt, b: DInt, size: IntSize, signed: boolean): DInt {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a >= -2147483648 && a <= 2147483647 && b >= -2147483648 && b <= 2147483647) {
      // Sign-extended 32-bit operands: the 64-bit result is the sign extension of the 32-bit one.
      const r = op === Bit.And ? a & b : op === Bit.Or ? a | b : a ^ b;
      return size === 8 && (signed || r >= 0) ? r : wrap(r, size, signed);
    }
    // Split safe integers into a small signed high word and an unsigned low word.
    const ah = Math.floor(a / TWO32), al = a - ah * TWO32;
    const bh = Math.floor(b / TWO32), bl = b - bh * TWO32;
    let h: number, l: number;
    if (op === Bit.And) { h = ah & bh; l = (al & bl) >>> 0; }
    else if (op === Bit.Or) { h = ah | bh; l = (al | bl) >>> 0; }
    else { h = ah ^ bh; l = (al ^ bl) >>> 0; }
    // |h * 2^32 + l| <= 2^53: exact, but may be -2^53, just outside the safe range.
    const r = h * TWO32 + l;
    return wrap(r >= -MAXS ? r : BigInt(r), size, signed);
  }
  const x = big(a), y = big(b);
  return wrap(op === Bit.And ? x & y : op === Bit.Or ? x | y : x ^ y, size, signed);
}

export function and(a: DInt, b: DInt, size: IntSize, signed: boolean): DInt { return bitop(Bit.And, a, b, size, signed); }
export function or(a: DInt, b: DInt, size: IntSize, signed: boolean): DInt { return bitop(Bit.Or, a, b, size, signed); }
export function xor(a: DInt, b: DInt, size: IntSize, signed: boolean): DInt { return bitop(Bit.Xor, a, b, size, signed); }

/** Shift count as the amd64 DIF interpreter sees it: the low 6 bits. */
function count(n: DInt): number {
  return typeof n === 'number' ? ((n % 64) + 64) % 64 : Number(BigInt.asUintN(6, n));
}

/**
 * Left shift, performed in the 64-bit register and then wrapped to the
 * result type. Counts are taken modulo 64 (x << 64 == x), as on amd64.
 */
export function shl(a: DInt, n: DInt, size: IntSize, signed: boolean): DInt {
  const c = count(n);
  if (typeof a === 'number') {
    const r = a * 2 ** c;
    if (r <= MAXS && r >= -MAXS) return wrap(r, size, signed);
  }
  return wrap(big(a) << BigInt(c), size, signed);
}

/**
 * Right shift: arithmetic for signed operands, logical for unsigned ones
 * (DIF_OP_SRA / DIF_OP_SRL). The operand is taken as the 64-bit register
 * value of its type (sign-extended if signed), the count modulo 64.
 */
export function shr(a: DInt, n: DInt, size: IntSize, signed: boolean): DInt {
  const c = count(n);
  if (typeof a === 'number' && (signed || a >= 0)) {
    // Floor division by a power of two is an arithmetic shift; exact for safe integers.
    return wrap(Math.floor(a / 2 ** c) + 0, size, signed);
  }
  const x = signed ? BigInt.asIntN(64, big(a)) : BigInt.asUintN(64, big(a));
  return wrap(x >> BigInt(c), size, signed);
}

export function eq(a: DInt, b: DInt): boolean { return a === b; }
export function ne(a: DInt, b: DInt): boolean { return a !== b; }
export function lt(a: DInt, b: DInt): boolean { return a < b; }
export function le(a: DInt, b: DInt): boolean { return a <= b; }
export function gt(a: DInt, b: DInt): boolean { return a > b; }
export function ge(a: DInt, b: DInt): boolean { return a >= b; }
/** -1, 0, 1 (values of the same type). */
export function cmp(a: DInt, b: DInt): number { return a < b ? -1 : a > b ? 1 : 0; }

/** The value's bits as an unsigned integer of `size` bytes (for %x/%o of negative values). */
export function toUnsigned(v: DInt, size: IntSize): DInt {
  return wrap(v, size, false);
}

/** Digits of the mathematical value in base 8, 10 or 16 (lower case, '-' for negatives). */
export function toStringBase(v: DInt, base: 8 | 10 | 16): string {
  return v.toString(base);
}

/** The value as a signed/unsigned 64-bit register, for code that needs fixed-width bits. */
export function toBigInt64(v: DInt, signed: boolean): bigint {
  return signed ? BigInt.asIntN(64, big(v)) : BigInt.asUintN(64, big(v));
}

/** Truncate a double toward zero into an integer type, as a C cast does (NaN/inf give 0 here). */
export function fromDouble(d: number, size: IntSize, signed: boolean): DInt {
  if (!Number.isFinite(d)) return 0;
  const t = Math.trunc(d) + 0;
  if (t <= MAXS && t >= -MAXS) return wrap(t, size, signed);
  return wrap(BigInt(t), size, signed);
}

/** D truth: any non-zero value. */
export function isTrue(v: DInt): boolean {
  return v !== 0 && v !== 0n;
}
