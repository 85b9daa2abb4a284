/**
 * Aggregating functions, bucket arithmetic and parameter checks. Expected
 * values come from illumos dtrace.c / dt_cc.c semantics and the DTrace test
 * suite transcripts (oracle/dtrace-utils test/unittest/aggs/*.r).
 */
import { describe, expect, it } from 'vitest';
import { AggStore, aggDropMessage, sortedEntries, truncate, normalize, denormalize } from './aggregate.ts';
import { quantizeBucket, quantizeBucketVal, lquantizeBucket, llquantizeBucket, llquantizeNBuckets } from './aggregate-buckets.ts';
import { checkLquantize, checkLlquantize } from './aggregate-check.ts';
import { printaDefault, printLlquantize, formatAggRows } from '../format/printa.ts';

describe('quantize buckets (dtrace_aggregate_quantize)', () => {
  it('powers of two; negatives mirror', () => {
    expect(quantizeBucketVal(quantizeBucket(0))).toBe(0);
    expect(quantizeBucketVal(quantizeBucket(1))).toBe(1);
    expect(quantizeBucketVal(quantizeBucket(3))).toBe(2);
    expect(quantizeBucketVal(quantizeBucket(1023))).toBe(512);
    expect(quantizeBucketVal(quantizeBucket(1024))).toBe(1024);
    expect(quantizeBucketVal(quantizeBucket(-1))).toBe(-1);
    expect(quantizeBucketVal(quantizeBucket(-3))).toBe(-2);
    expect(quantizeBucketVal(quantizeBucket(-4))).toBe(-4);
    expect(quantizeBucket(9223372036854775807n)).toBe(126);
    expect(quantizeBucket(-9223372036854775808n)).toBe(0);
    expect(quantizeBucket(2 ** 53)).toBe(63 + 54);
  });
  it('lquantize buckets', () => {
    expect(lquantizeBucket(-1, 0, 10, 5)).toBe(0);
    expect(lquantizeBucket(0, 0, 10, 5)).toBe(1);
    expect(lquantizeBucket(9, 0, 10, 5)).toBe(1);
    expect(lquantizeBucket(49, 0, 10, 5)).toBe(5);
    expect(lquantizeBucket(50, 0, 10, 5)).toBe(6);
    expect(lquantizeBucket(-7, -10, 5, 4)).toBe(1);
  });
  it('llquantize buckets (10, 0, 6, 20)', () => {
    expect(llquantizeBucket(10, 0, 6, 20, 0)).toBe(0);
    expect(llquantizeBucket(10, 0, 6, 20, 1)).toBe(1);
    expect(llquantizeBucket(10, 0, 6, 20, 9)).toBe(9);
    expect(llquantizeBucket(10, 0, 6, 20, 10)).toBe(10);
    expect(llquantizeBucket(10, 0, 6, 20, 14)).toBe(10);
    expect(llquantizeBucket(10, 0, 6, 20, 15)).toBe(11);
    expect(llquantizeNBuckets(10, 0, 6, 20)).toBe(1 + 9 + 18 * 6 + 1);
  });
});

describe('quantization counts are int64 (aggs/tst.negquant.d)', () => {
  it('increments near INT64_MAX stay exact and wrap as the kernel adds', () => {
    const s = new AggStore();
    const a = s.define('', 'quantize', [{ kind: 'string', size: 0 }]);
    a.addN(['x'], 1, 9223372036854775807n);
    a.addN(['x'], 2, 4611686018427387903n);
    const e = [...a.entries.values()][0]!;
    expect(e.buckets![64]).toBe(9223372036854775807n);
    expect(formatAggRows(a)).toContain(' 9223372036854775807\n');
    a.addN(['x'], 1, 1);
    expect(e.buckets![64]).toBe(-9223372036854775808n);
    a.addN(['x'], 4, 5);
    a.addN(['x'], 4, -3);
    expect(e.buckets![66]).toBe(2);
  });
  it('sorts by the exact weighted sum when it passes 2^53', () => {
    const s = new AggStore();
    const a = s.define('', 'quantize', [{ kind: 'string', size: 0 }]);
    a.addN(['f'], 1, 9223372036854775807n);
    a.addN(['s'], 1, 9223372036854775804n);
    expect(sortedEntries(a).map((e) => e.keys[0])).toEqual(['s', 'f']);
  });
});

describe('llquantize printing (aggs/tst.llquantize.d, illumos labels)', () => {
  it('matches the transcript layout with the "< 1" bucket holding 0', () => {
    const s = new AggStore();
    const a = s.define('', 'llquantize', [], { factor: 10, lmag: 0, hmag: 6, nsteps: 20 });
    for (let i = 0; i < 1500; i++) a.add0(i);
    const row = (label: string, bar: string, n: number): string => label.padStart(16) + ' |' + bar.padEnd(40) + ' ' + String(n).padEnd(9) + '\n';
    let want = '\n           value  ------------- Distribution ------------- count    \n';
    want += row('< 1', '', 1);
    for (let v = 1; v <= 9; v++) want += row(String(v), '', 1);
    for (let v = 10; v <= 95; v += 5) want += row(String(v), '', 5);
    for (let v = 100; v <= 950; v += 50) want += row(String(v), '@', 50);
    want += row('1000', '@'.repeat(13), 500);
    want += row('1500', '', 0);
    expect(formatAggRows(a)).toBe(want + '\n');
    const e = [...a.entries.values()][0]!;
    expect(printLlquantize(e.buckets!, 10, 0, 6, 20)).toBe(want);
  });
});

describe('scalar functions', () => {
  it('count/sum/min/max/avg with int64 wraparound', () => {
    const s = new AggStore();
    const sum = s.define('s', 'sum');
    sum.add0(9223372036854775807n); sum.add0(1);
    expect(sum.scalar([...sum.entries.values()][0]!)).toBe(-9223372036854775808n);
    const mn = s.define('mn', 'min'); mn.add0(5); mn.add0(-3); mn.add0(7);
    const mx = s.define('mx', 'max'); mx.add0(5); mx.add0(-3); mx.add0(7);
    expect(mn.scalar([...mn.entries.values()][0]!)).toBe(-3);
    expect(mx.scalar([...mx.entries.values()][0]!)).toBe(7);
    const av = s.define('av', 'avg'); av.add0(-7); av.add0(0);
    expect(av.scalar([...av.entries.values()][0]!)).toBe(-3);
  });
  it('normalize divides printed values; denormalize restores', () => {
    const s = new AggStore();
    const a = s.define('a', 'sum', [{ kind: 'int', size: 4, signed: true }]);
    a.add1(1, 1000); a.add1(2, 3000);
    normalize(a, 1000);
    expect(printaDefault([a])).toBe('\n        1                1\n        2                3\n');
    denormalize(a);
    expect(printaDefault([a])).toBe('\n        1             1000\n        2             3000\n');
  });
  it('clear keeps keys with zero values', () => {
    const s = new AggStore();
    const a = s.define('a', 'count', [{ kind: 'string', size: 256 }]);
    a.add1('x', 0);
    a.clear();
    expect(printaDefault([a])).toBe('\n  x' + ' '.repeat(49) + '                0\n');
  });
  it('clear zeroes min/max like dtrace\'s bzero of the consumer copy', () => {
    const s = new AggStore();
    const a = s.define('a', 'min');
    a.add0(5);
    a.clear();
    a.add0(7);
    expect(a.scalar([...a.entries.values()][0]!)).toBe(0);
  });
  it('aggs/tst.trunc-sum-neg5.d', () => {
    const s = new AggStore();
    const a = s.define('', 'sum', [{ kind: 'int', size: 4, signed: true }]);
    for (let i = 0; i < 100; i++) a.add1(100 + i, 1000 + i);
    truncate(a, -5);
    a.add1(301, 2101);
    expect('\n' + formatAggRows(a)).toBe('\n      100             1000\n      101             1001\n      102             1002\n      103             1003\n      104             1004\n      301             2101\n');
  });
  it('trunc with a negative count keeps the smallest', () => {
    const s = new AggStore();
    const a = s.define('a', 'sum', [{ kind: 'int', size: 4, signed: true }]);
    for (let i = 1; i <= 6; i++) a.add1(i, i * 10);
    truncate(a, -2);
    expect(sortedEntries(a).map((e) => e.keys[0])).toEqual([1, 2]);
    truncate(a, 0);
    expect(a.entries.size).toBe(0);
  });
  it('aggsortkeypos rotates the key compared first', () => {
    const s = new AggStore();
    const a = s.define('a', 'count', [{ kind: 'int', size: 4, signed: true }, { kind: 'int', size: 4, signed: true }]);
    a.addN([1, 9], 0); a.addN([2, 8], 0);
    expect(sortedEntries(a, { aggsortkey: true }).map((e) => e.keys[0])).toEqual([1, 2]);
    expect(sortedEntries(a, { aggsortkey: true, aggsortkeypos: 1 }).map((e) => e.keys[0])).toEqual([2, 1]);
    expect(sortedEntries(a, { aggsortkey: true, aggsortrev: true }).map((e) => e.keys[0])).toEqual([2, 1]);
  });
  it('aggsize drops entries with dtrace\'s message', () => {
    const s = new AggStore(100);
    const a = s.define('a', 'count', [{ kind: 'int', size: 8, signed: true }]);
    for (let i = 0; i < 10; i++) a.add1(i, 0);
    expect(a.entries.size).toBe(4);
    expect(aggDropMessage(s.takeDrops())).toBe('6 aggregation drops on CPU 0');
    expect(aggDropMessage(1)).toBe('1 aggregation drop on CPU 0');
  });
  it('stack keys print as dt_print_stack (indent 14) before the value', () => {
    const s = new AggStore();
    const a = s.define('a', 'count', [{ kind: 'stack', size: 8 }]);
    a.add1('udp\nipv4\nether', 0);
    expect(printaDefault([a])).toBe('\n\n              udp\n              ipv4\n              ether\n                1\n');
  });
});

describe('lquantize/llquantize parameter checks (dt_cc.c)', () => {
  it('messages and tags', () => {
    expect(checkLquantize([100, 1100, 200000])).toEqual({ tag: 'D_LQUANT_STEPVAL', message: 'lquantize( ) argument #3 must be a 16-bit quantity' });
    expect(checkLquantize([0, 1000000, 10])).toEqual({ tag: 'D_LQUANT_STEPSMALL', message: 'lquantize( ) step (argument #3) too small: number of quantization levels must be a 16-bit quantity' });
    expect(checkLquantize([10, 0])).toMatchObject({ tag: 'D_LQUANT_MISMATCH' });
    // limit == base: no level, reported as the mismatch its message describes (Linux DTrace).
    expect(checkLquantize([1100, 1100, -100])).toMatchObject({ tag: 'D_LQUANT_MISMATCH' });
    expect(checkLquantize([0, 10, 20])).toMatchObject({ tag: 'D_LQUANT_STEPLARGE' });
    expect(checkLquantize([0, 10, 2], { low: 0, high: 10, step: 1 })).toEqual({ tag: 'D_LQUANT_MATCHSTEP', message: "lquantize( ) step (argument #3) doesn't match previous declaration: expected 1, found 2" });
    expect(checkLquantize([0, 150])).toEqual({ low: 0, high: 150, step: 1 });
    expect(checkLlquantize([1, 0, 6, 20])).toMatchObject({ tag: 'D_LLQUANT_FACTORSMALL' });
    expect(checkLlquantize([10, 6, 6, 20])).toMatchObject({ tag: 'D_LLQUANT_MAGRANGE' });
    expect(checkLlquantize([10, 0, 6, 5])).toMatchObject({ tag: 'D_LLQUANT_FACTORNSTEPS' });
    expect(checkLlquantize([10, 0, 6, 15])).toMatchObject({ tag: 'D_LLQUANT_FACTOREVEN' });
    expect(checkLlquantize([10, 0, 19, 20])).toMatchObject({ tag: 'D_LLQUANT_MAGTOOBIG', message: 'llquantize( ) factor (10) raised to power of high magnitude (19) plus 1 overflows 64-bits' });
    expect(checkLlquantize([10, 0, 6, 20])).toEqual({ factor: 10, lmag: 0, hmag: 6, nsteps: 20 });
    expect(checkLlquantize([10, 0, 6, 20], { factor: 10, lmag: 1, hmag: 6, nsteps: 20 })).toMatchObject({ tag: 'D_LLQUANT_LOWMATCH' });
  });
});
