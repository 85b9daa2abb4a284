/**
 * int64.ts against a plain BigInt reference: random 64-bit values biased
 * towards boundaries, small values, walltimestamp-sized values (~2^61) and
 * the 2^53 fast-path edge.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as I from './int64.ts';
import type { DInt, IntSize } from './int64.ts';

const edges = [0n, 1n, -1n, 2n, 63n, 64n, 65n, 127n, 128n, 255n, 256n, 32767n, 32768n, 65535n, 65536n,
  2147483647n, 2147483648n, -2147483648n, -2147483649n, 4294967295n, 4294967296n,
  9007199254740991n, 9007199254740992n, -9007199254740991n, -9007199254740992n,
  (1n << 63n) - 1n, -(1n << 63n), (1n << 64n) - 1n, 1n << 62n, 1216000000000000000n, 1763731553123456789n];

/** A value of the given type, canonical. */
function arbOf(size: IntSize, signed: boolean): fc.Arbitrary<DInt> {
  const bits = size * 8;
  const raw = fc.oneof(
    fc.bigInt({ min: -(1n << 64n), max: 1n << 64n }),
    fc.bigInt({ min: -5000n, max: 5000n }),
    fc.bigInt({ min: -(1n << 54n), max: 1n << 54n }),
    fc.bigInt({ min: 1n << 60n, max: 1n << 62n }),
    fc.constantFrom(...edges),
  );
  return raw.map((b) => I.canon(signed ? BigInt.asIntN(bits, b) : BigInt.asUintN(bits, b)));
}

const types: [IntSize, boolean][] = [[8, true], [8, false], [4, true], [4, false], [2, true], [2, false], [1, true], [1, false]];

function ref(v: bigint, size: IntSize, signed: boolean): DInt {
  const bits = size * 8;
  return I.canon(signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v));
}

function isCanonical(v: DInt): boolean {
  if (typeof v === 'number') return Number.isSafeInteger(v) && !Object.is(v, -0);
  return v > 9007199254740991n || v < -9007199254740991n;
}

describe('int64 binary operations match BigInt', () => {
  for (const [size, signed] of types) {
    const arb = arbOf(size, signed);
    const ops: [string, (a: DInt, b: DInt) => DInt, (a: bigint, b: bigint) => bigint | undefined][] = [
      ['add', (a, b) => I.add(a, b, size, signed), (a, b) => a + b],
      ['sub', (a, b) => I.sub(a, b, size, signed), (a, b) => a - b],
      ['mul', (a, b) => I.mul(a, b, size, signed), (a, b) => a * b],
      ['div', (a, b) => I.div(a, b, size, signed), (a, b) => (b === 0n ? undefined : a / b)],
      ['mod', (a, b) => I.mod(a, b, size, signed), (a, b) => (b === 0n ? undefined : a % b)],
      ['and', (a, b) => I.and(a, b, size, signed), (a, b) => a & b],
      ['or', (a, b) => I.or(a, b, size, signed), (a, b) => a | b],
      ['xor', (a, b) => I.xor(a, b, size, signed), (a, b) => a ^ b],
    ];
    for (const [name, f, r] of ops) {
      it(`${name} ${signed ? 'int' : 'uint'}${size * 8}`, () => {
        fc.assert(fc.property(arb, arb, (a, b) => {
          const want = r(I.big(a), I.big(b));
          if (want === undefined) return;
          const got = f(a, b);
          expect(isCanonical(got)).toBe(true);
          expect(got).toStrictEqual(ref(want, size, signed));
        }), { numRuns: 1500 });
      });
    }
    it(`shifts ${signed ? 'int' : 'uint'}${size * 8}`, () => {
      fc.assert(fc.property(arb, fc.integer({ min: -70, max: 130 }), (a, n) => {
        const c = BigInt(((n % 64) + 64) % 64);
        const reg = signed ? BigInt.asIntN(64, I.big(a)) : BigInt.asUintN(64, I.big(a));
        expect(I.shl(a, n, size, signed)).toStrictEqual(ref(reg << c, size, signed));
        expect(I.shr(a, n, size, signed)).toStrictEqual(ref(reg >> c, size, signed));
      }), { numRuns: 1500 });
    });
    it(`unary ${signed ? 'int' : 'uint'}${size * 8}`, () => {
      fc.assert(fc.property(arb, (a) => {
        expect(I.neg(a, size, signed)).toStrictEqual(ref(-I.big(a), size, signed));
        expect(I.not(a, size, signed)).toStrictEqual(ref(~I.big(a), size, signed));
        expect(isCanonical(I.neg(a, size, signed))).toBe(true);
      }), { numRuns: 1500 });
    });
  }
});

describe('int64 specifics', () => {
  it('wraps unsigned 64-bit around', () => {
    expect(I.sub(0, 1, 8, false)).toBe(18446744073709551615n);
    expect(I.add(18446744073709551615n, 1, 8, false)).toBe(0);
    expect(I.add(9223372036854775807n, 1, 8, true)).toBe(-9223372036854775808n);
  });
  it('INT64_MIN / -1 wraps as the amd64 interpreter', () => {
    expect(I.div(-9223372036854775808n, -1, 8, true)).toBe(-9223372036854775808n);
    expect(I.mod(-9223372036854775808n, -1, 8, true)).toBe(0);
  });
  it('C truncating division and remainder', () => {
    expect(I.div(-7, 2, 8, true)).toBe(-3);
    expect(I.mod(-7, 2, 8, true)).toBe(-1);
    expect(I.mod(-4, 2, 8, true)).toBe(0);
    expect(Object.is(I.mod(-4, 2, 8, true), -0)).toBe(false);
    expect(I.isZero(0)).toBe(true);
    expect(I.isZero(0n)).toBe(true);
  });
  it('walltimestamp-sized arithmetic stays exact', () => {
    const w = 1763731553123456789n;
    expect(I.div(w, 1000000000, 8, true)).toBe(1763731553);
    expect(I.mod(w, 1000000000, 8, true)).toBe(123456789);
    expect(I.sub(w, 1763731553000000000n, 8, true)).toBe(123456789);
  });
  it('shift counts are taken modulo 64', () => {
    expect(I.shl(1, 64, 8, true)).toBe(1);
    expect(I.shl(1, 63, 8, false)).toBe(9223372036854775808n);
    expect(I.shr(-8, 1, 8, true)).toBe(-4);
    expect(I.shr(18446744073709551615n, 60, 8, false)).toBe(15);
  });
  it('wraps to narrow types', () => {
    expect(I.wrap(0x1ff, 1, false)).toBe(0xff);
    expect(I.wrap(0x80, 1, true)).toBe(-128);
    expect(I.wrap(-1, 4, false)).toBe(4294967295);
    expect(I.wrap(-1n << 70n, 2, true)).toBe(0);
    expect(I.toUnsigned(-1, 2)).toBe(65535);
  });
  it('parses literals and prints in bases', () => {
    expect(I.parseLiteral('0xffffffffffffffff')).toBe(18446744073709551615n);
    expect(I.parseLiteral('0777')).toBe(511n);
    expect(I.parseLiteral('0')).toBe(0n);
    expect(I.parseLiteral('09')).toBe(undefined);
    expect(I.toStringBase(I.canon(255n), 16)).toBe('ff');
    expect(I.toStringBase(18446744073709551615n, 8)).toBe('1777777777777777777777');
  });
  it('converts doubles as a C cast', () => {
    expect(I.fromDouble(-3.9, 8, true)).toBe(-3);
    expect(I.fromDouble(1e19, 8, false)).toBe(10000000000000000000n);
    expect(I.fromDouble(300.5, 1, false)).toBe(44);
  });
});
