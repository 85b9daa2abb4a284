/**
 * Aggregating functions, bucket arithmetic and parameter checks. Expected
 * values come from illumos dtrace.c / dt_cc.c semantics and the DTrace test
 * suite transcripts (oracle/dtrace-utils test/unittest/aggs/*.r).
 */
import { describe, expect, it } from 'vitest';
import { AggStore, aggDropMessage, sortedEntries, truncate, normalize, denormalize } from './aggregate.ts';
import {
  quantizeBucket, quantizeBucketVal, lquantizeBucket, llquantizeBucket, llquantizeLabels, llquantizeNBuckets, llquantizeZeroBin,
} from './aggregate-buckets.ts';
import { checkLquantize, checkLlquantize } from './aggregate-check.ts';
import { aggSnapshot, printaDefault, printLlquantize, formatAggRows } from '../format/printa.ts';

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
  it('llquantize bins (Linux DTrace: negatives mirrored around the underflow bin)', () => {
    // (10, 0, 6, 20): 18 bins a magnitude, 7 magnitudes; underflow (|v| < 1) is bin 127 of 255.
    expect(llquantizeNBuckets(10, 0, 6, 20)).toBe(2 * 7 * 18 + 3);
    expect(llquantizeZeroBin(10, 0, 6, 20)).toBe(127);
    expect(llquantizeBucket(10, 0, 6, 20, 0)).toBe(127);
    expect(llquantizeBucket(10, 0, 6, 20, 1)).toBe(128);
    expect(llquantizeBucket(10, 0, 6, 20, -1)).toBe(126);
    expect(llquantizeBucket(10, 0, 6, 20, 9)).toBe(128 + 16);
    expect(llquantizeBucket(10, 0, 6, 20, 10)).toBe(128 + 18);
    expect(llquantizeBucket(10, 0, 6, 20, 14)).toBe(128 + 18);
    expect(llquantizeBucket(10, 0, 6, 20, 15)).toBe(128 + 19);
    expect(llquantizeBucket(10, 0, 6, 20, 10_000_000)).toBe(254);
    expect(llquantizeBucket(10, 0, 6, 20, -10_000_000)).toBe(0);
    expect(llquantizeBucket(10, 0, 6, 20, -9223372036854775808n)).toBe(0);
    // steps < factor (4, 0, 1, 2): 0 | 1 2 | 4 8 | >= 16.
    expect([0, 1, 2, 3, 4, 7, 8, 15, 16].map((v) => llquantizeBucket(4, 0, 1, 2, v))).toEqual([5, 6, 7, 7, 8, 8, 9, 9, 10]);
    // lmag > 0: |v| < factor^lmag is the underflow bin.
    expect(llquantizeBucket(10, 2, 3, 10, 99)).toBe(llquantizeZeroBin(10, 2, 3, 10));
    expect(llquantizeBucket(10, 2, 3, 10, -99)).toBe(llquantizeZeroBin(10, 2, 3, 10));
    // Magnitudes past 2^53 are computed exactly.
    expect(llquantizeBucket(2, 0, 62, 2, 2 ** 53)).toBe(llquantizeBucket(2, 0, 62, 2, 2n ** 53n));
    expect(llquantizeBucket(2, 0, 62, 2, 2n ** 62n)).toBe(llquantizeNBuckets(2, 0, 62, 2) - 2);
  });
  it('llquantize labels (dt_print_llquantize)', () => {
    expect(llquantizeLabels(4, 0, 1, 2, 0, 10)).toEqual(['<= -16', '-8', '-4', '-2', '-1', '0', '1', '2', '4', '8', '>= 16']);
    expect(llquantizeLabels(10, 2, 3, 10, 0, 38).slice(17, 21)).toEqual(['-200', '-100', 'abs() < 100', '100']);
    expect(llquantizeLabels(10, 2, 3, 10, 19, 20)).toEqual(['< 100', '100']);
    // (4, 0, 1, 8): magnitude 0 has 6 bins but 3 values; the others print nothing, but a
    // first or last bin that is one borrows its neighbour's label.
    expect(llquantizeLabels(4, 0, 1, 8, 13, 17)).toEqual(['0', '1', null, '2', '3']);
    expect(llquantizeLabels(4, 0, 1, 8, 15, 17)).toEqual(['1', '2', '3']);
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

describe('llquantize printing (Linux DTrace layout)', () => {
  it('labels the underflow bin "0" when lmag is 0', () => {
    const s = new AggStore();
    const a = s.define('', 'llquantize', [], { factor: 10, lmag: 0, hmag: 6, nsteps: 20 });
    for (let i = 0; i < 1500; i++) a.add0(i);
    const row = (label: string, bar: string, n: number): string => label.padStart(16) + ' |' + bar.padEnd(40) + ' ' + String(n).padEnd(9) + '\n';
    let want = '\n           value  ------------- Distribution ------------- count    \n';
    want += row('-1', '', 0);
    want += row('0', '', 1);
    for (let v = 1; v <= 9; v++) want += row(String(v), '', 1);
    for (let v = 10; v <= 95; v += 5) want += row(String(v), '', 5);
    for (let v = 100; v <= 950; v += 50) want += row(String(v), '@', 50);
    want += row('1000', '@'.repeat(13), 500);
    want += row('1500', '', 0);
    expect(formatAggRows(a)).toBe(want + '\n');
    const e = [...a.entries.values()][0]!;
    expect(printLlquantize(e.buckets!, 10, 0, 6, 20)).toBe(want);
  });
  it('bins negative values below the underflow bin', () => {
    const s = new AggStore();
    const a = s.define('', 'llquantize', [], { factor: 4, lmag: 0, hmag: 1, nsteps: 2 });
    a.add0(-5); a.add0(3);
    const row = (label: string, bar: string, n: number): string => label.padStart(16) + ' |' + bar.padEnd(40) + ' ' + String(n).padEnd(9) + '\n';
    const want = '\n           value  ------------- Distribution ------------- count    \n' + row('-8', '', 0) + row('-4', '@'.repeat(20), 1)
      + row('-2', '', 0) + row('-1', '', 0) + row('0', '', 0) + row('1', '', 0) + row('2', '@'.repeat(20), 1) + row('4', '', 0);
    expect(formatAggRows(a)).toBe(want + '\n');
  });
  it('sorts by the weighted sum of the bins\' lower bounds, negatives counting down', () => {
    const s = new AggStore();
    const a = s.define('', 'llquantize', [{ kind: 'string', size: 0 }], { factor: 10, lmag: 0, hmag: 2, nsteps: 10 });
    a.addN(['neg'], -50); a.addN(['zero'], 0); a.addN(['pos'], 7);
    expect(sortedEntries(a).map((e) => e.keys[0])).toEqual(['neg', 'zero', 'pos']);
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
    // llquantize: Linux DTrace's rules (dt_cg_agg_llquantize).
    expect(checkLlquantize([null, 0, 6, 20])).toMatchObject({ tag: 'D_LLQUANT_FACTORTYPE', arg: 1 });
    expect(checkLlquantize([1, 0, 6, 20])).toEqual({ tag: 'D_LLQUANT_FACTORVAL', arg: 1, message: 'llquantize( ) argument #1 must be an unsigned 16-bit quantity greater than or equal to 2' });
    expect(checkLlquantize([65536, 0, 6, 20])).toMatchObject({ tag: 'D_LLQUANT_FACTORVAL' });
    expect(checkLlquantize([10, -1, 6, 20])).toMatchObject({ tag: 'D_LLQUANT_LMAGVAL', arg: 2 });
    expect(checkLlquantize([10, 0, null, 20])).toMatchObject({ tag: 'D_LLQUANT_HMAGTYPE', arg: 3 });
    expect(checkLlquantize([10, 4, 3, 20])).toEqual({ tag: 'D_LLQUANT_HMAGVAL', arg: 3, message: 'llquantize( ) argument #3 (high magnitude) must be at least argument #2 (low magnitude)' });
    expect(checkLlquantize([10, 0, 19, 20])).toEqual({ tag: 'D_LLQUANT_HMAGVAL', arg: 3, message: 'llquantize( ) argument #3 (high magnitude) will cause overflow of 64 bits' });
    expect(checkLlquantize([10, 0, 18, 20])).toMatchObject({ factor: 10 });
    expect(checkLlquantize([2, 0, 63, 2])).toMatchObject({ tag: 'D_LLQUANT_HMAGVAL' });
    expect(checkLlquantize([2, 0, 62, 2])).toMatchObject({ hmag: 62 });
    expect(checkLlquantize([10, 0, 6, 0])).toMatchObject({ tag: 'D_LLQUANT_STEPTYPE', arg: 4 });
    expect(checkLlquantize([10, 0, 6, -2])).toMatchObject({ tag: 'D_LLQUANT_STEPTYPE' });
    expect(checkLlquantize([10, 0, 6, 65540])).toMatchObject({ tag: 'D_LLQUANT_STEPVAL', arg: 4 });
    expect(checkLlquantize([10, 0, 6, 3])).toMatchObject({ tag: 'D_LLQUANT_STEPVAL', arg: 1, message: 'llquantize() argument #4 (steps) must evenly divide argument #1 (factor) when steps<factor' });
    expect(checkLlquantize([10, 0, 6, 25])).toMatchObject({ tag: 'D_LLQUANT_STEPVAL', message: 'llquantize() argument #4 (steps) must be a multiple of argument #1 (factor) when steps>factor' });
    expect(checkLlquantize([10, 0, 6, 1000])).toMatchObject({ tag: 'D_LLQUANT_STEPVAL', message: 'llquantize() argument #4 (steps) must evenly divide the square of argument #1 (factor) when steps>factor and lmag==0' });
    expect(checkLlquantize([10, 1, 6, 1000])).toMatchObject({ tag: 'D_LLQUANT_STEPVAL', message: 'llquantize() argument #4 (steps) must evenly divide pow(argument #1 (factor), lmag (argument #2) + 1) when steps>factor and lmag>0' });
    expect(checkLlquantize([10, 2, 6, 1000])).toMatchObject({ nsteps: 1000 });
    expect(checkLlquantize([10, 3, 3, 5])).toEqual({ factor: 10, lmag: 3, hmag: 3, nsteps: 5 });
    expect(checkLlquantize([10, 0, 6, 20])).toEqual({ factor: 10, lmag: 0, hmag: 6, nsteps: 20 });
    expect(checkLlquantize([10, 0, 6, 20], { factor: 10, lmag: 1, hmag: 6, nsteps: 20 })).toEqual({ tag: 'D_LLQUANT_MATCHLMAG', arg: 0, message: "llquantize() lmag (argument #2) doesn't match previous declaration: expected 1, found 0" });
    expect(checkLlquantize([10, 0, 6, 20], { factor: 10, lmag: 0, hmag: 6, nsteps: 10 })).toMatchObject({ tag: 'D_LLQUANT_MATCHSTEPS' });
  });
});

describe('compact entries (issue 13: memory follows aggsize)', () => {
  it('a tuple key is one entry whatever form its integers take, strings cannot run into each other, and removal finds it', () => {
    const s = new AggStore(Infinity);
    const a = s.define('a', 'count', [{ kind: 'int', size: 8 }, { kind: 'string', size: 256 }]);
    a.addN([5, 'x'], 0);
    a.addN([5n, 'x'], 0);
    a.addN([5, 'x\u0001'], 0);
    a.addN([5, '\u0001x'], 0);
    expect(a.entries.size).toBe(3);
    const e = a.entryN([5, 'x'])!;
    expect(e.v).toBe(2);
    expect(e.keys).toEqual([5, 'x']);
    expect([e.nkeys, e.key(0), e.key(1)]).toEqual([2, 5, 'x']);
    a.remove(e);
    expect(a.entries.size).toBe(2);
    expect(s.used).toBe(2 * a.entryBytes);
  });

  it('a one-field key is held as the value: keys() builds the tuple, removal and sorting use the value', () => {
    const s = new AggStore(Infinity);
    const a = s.define('a', 'sum', [{ kind: 'int', size: 4 }]);
    a.addN([7], 3); a.addN([-1], 3); a.addN([2], 1);
    const e = a.entry1(7)!;
    expect(e.keys).toEqual([7]);
    expect(e.nkeys).toBe(1);
    // Equal values: keys compare as unsigned 32-bit integers, so -1 (0xffffffff) sorts after 7.
    expect(sortedEntries(a).map((x) => x.key(0))).toEqual([2, 7, -1]);
    truncate(a, 1);
    expect([...a.entries.values()].map((x) => x.key(0))).toEqual([-1]);
  });

  it('count, sum, min and max entries carry no avg/stddev/bucket state until written', () => {
    const s = new AggStore(Infinity);
    const a = s.define('a', 'count', [{ kind: 'int', size: 8 }]);
    const e = a.entry1(1)!;
    expect([e.n, e.sq, e.buckets]).toEqual([0, 0n, null]);
    e.n = 3; e.sq = 9n;
    expect([e.n, e.sq]).toEqual([3, 9n]);
    const q = s.define('q', 'quantize', []).entry0()!;
    expect(q.buckets!.length).toBeGreaterThan(0);
  });
});

describe('aggSnapshot (the UI rows) is bounded', () => {
  it('carries the last maxRows rows of the printing order and no text when rows are left out', () => {
    const s = new AggStore(Infinity);
    const a = s.define('a', 'sum', [{ kind: 'int', size: 8 }]);
    for (let i = 1; i <= 25; i++) a.addN([i], i * 10);
    const ev = aggSnapshot(a, '0', {}, 10);
    expect(ev.omitted).toBe(15);
    expect(ev.text).toBeUndefined();
    expect(ev.rows.map((r) => r.value)).toEqual([160, 170, 180, 190, 200, 210, 220, 230, 240, 250]);
    const whole = aggSnapshot(a, '0', {}, 25);
    expect(whole.omitted).toBeUndefined();
    expect(a.printed).toBe(false);
    expect(whole.text).toBe('\n' + formatAggRows(a));
  });
});
