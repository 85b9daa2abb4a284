/**
 * Aggregation printing against published dtrace transcripts (the DTrace
 * test suite's expected outputs, oracle/dtrace-utils test/unittest/*.r,
 * which keep the illumos layout): the same values are fed to the library.
 */
import { describe, expect, it } from 'vitest';
import { AggStore, truncate } from '../runtime/aggregate.ts';
import { printaDefault, printaFormat, printUnprinted, aggSnapshot, printQuantize, printLquantize } from './printa.ts';
import { checkFormat, isFormatError, parseFormat } from './printf.ts';
import type { ParsedFormat } from './printf.ts';
import { T } from './types.ts';
import type { DTypeDesc } from './types.ts';
import { traceInt, traceString, PROBE_HEADER, probeLine, tracemem, printBytes } from './trace.ts';

function fmt(f: string, aggFunc: string, keys: DTypeDesc[] = []): ParsedFormat {
  const pf = parseFormat(f);
  if (isFormatError(pf)) throw new Error(pf.message);
  const e = checkFormat(pf, keys, { func: 'printa', foff: 1, aggregation: true, aggFunc });
  if (e) throw new Error(e.message);
  return pf;
}

const H = '           value  ------------- Distribution ------------- count    \n';

describe('printa/tst.basics.d', () => {
  it('formats every kind with %@', () => {
    const s = new AggStore();
    const a = s.define('a', 'avg'); a.add0(1);
    const b = s.define('b', 'count'); b.add0(0);
    const c = s.define('c', 'lquantize', [], { low: 1, high: 10, step: 1 }); c.add0(1);
    const d = s.define('d', 'max'); d.add0(1);
    const e = s.define('e', 'min'); e.add0(1);
    const f = s.define('f', 'sum'); f.add0(1);
    const g = s.define('g', 'quantize'); g.add0(1);
    let out = '';
    out += printaFormat(fmt('@a = %@u\n', 'avg'), [a]);
    out += printaFormat(fmt('@b = %@u\n', 'count'), [b]);
    out += printaFormat(fmt('@c = %@d\n', 'lquantize'), [c]);
    out += printaFormat(fmt('@d = %@u\n', 'max'), [d]);
    out += printaFormat(fmt('@e = %@u\n', 'min'), [e]);
    out += printaFormat(fmt('@f = %@u\n', 'sum'), [f]);
    out += printaFormat(fmt('@g = %@d\n', 'quantize'), [g]);
    expect(out).toBe('@a = 1\n@b = 1\n@c = \n' + H +
      '             < 1 |                                         0        \n' +
      '               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ 1        \n' +
      '               2 |                                         0        \n\n' +
      '@d = 1\n@e = 1\n@f = 1\n@g = \n' + H +
      '               0 |                                         0        \n' +
      '               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ 1        \n' +
      '               2 |                                         0        \n\n');
  });
});

describe('aggs/tst.signedkeys.d (aggsortkey; keys sort unsigned, print by size)', () => {
  it('prints trace() values and the four aggregations at exit', () => {
    let out = '';
    const sizes: [number, boolean][] = [[1, true], [2, true], [4, true], [8, true]];
    for (const [size] of sizes) {
      for (const v of [-2, -1, 0, 1, 2]) out += traceInt(v, size, true, true) + traceString('\n', 256, true);
      if (size !== 8) out += traceString('\n', 256, true);
    }
    const s = new AggStore();
    for (const [size, signed] of sizes) {
      const a = s.define('i' + size * 8, 'sum', [{ kind: 'int', size, signed }]);
      for (const v of [-2, -1, 0, 1, 2]) a.add1(v, v);
    }
    out += '\n' + printUnprinted(s.vars, { aggsortkey: true });
    expect(out).toBe('-2\n-1\n0\n1\n2\n\n-2\n-1\n0\n1\n2\n\n-2\n-1\n0\n1\n2\n\n-2\n-1\n0\n1\n2\n\n' +
      '   0                0\n   1                1\n   2                2\n 254               -2\n 255               -1\n' +
      '     0                0\n     1                1\n     2                2\n 65534               -2\n 65535               -1\n' +
      '        0                0\n        1                1\n        2                2\n       -2               -2\n       -1               -1\n' +
      '                0                0\n                1                1\n                2                2\n' +
      '               -2               -2\n               -1               -1\n');
  });
});

describe('aggs/tst.stddev2.d', () => {
  it('computes stddev with 128-bit squares', () => {
    const s = new AggStore();
    const pairs: [number, number][] = [[0, 0], [0x10, 0x20], [0x100, 0x200], [0x1000, 0x2000], [0x10000, 0x20000], [0x100000, 0x200000],
      [0x1000000, 0x2000000], [0x10000000, 0x20000000], [0x20000000, 0x40000000], [0x40000000, 0x80000000], [0x80000000, 0x100000000], [0x100000000, 0x200000000]];
    let out = '';
    for (const [x, y] of pairs) {
      const a = s.define('x' + x, 'stddev');
      a.add0(x); a.add0(y);
      out += printaFormat(fmt('%9@x\n', 'stddev'), [a]);
    }
    expect('\n' + out).toBe('\n        0\n        8\n       80\n      800\n     8000\n    80000\n   800000\n  8000000\n 10000000\n 20000000\n 40000000\n 80000000\n');
  });
});

describe('aggs/tst.trunc-lquantize-5.d', () => {
  it('trunc keeps the 5 largest by weighted sum; exit printing sorts by value', () => {
    const s = new AggStore();
    const a = s.define('', 'lquantize', [{ kind: 'int', size: 4, signed: true }], { low: 0, high: 150, step: 1 });
    for (let i = 0; i < 100; i++) for (let k = 1; k <= 4; k++) a.add1(100 + i, i + k, 10000 + i);
    truncate(a, 5);
    const i = 101;
    for (let k = 1; k <= 4; k++) a.add1(200 + i, i + k, 20000 + i);
    const out = '\n' + printUnprinted(s.vars);
    const block = (key: number, lo: number, count: number): string =>
      `      ${key}\n` + H + `${String(lo).padStart(16)} |                                         0        \n` +
      [1, 2, 3, 4].map((d) => `${String(lo + d).padStart(16)} |@@@@@@@@@@                               ${String(count).padEnd(9)}\n`).join('') +
      `${String(lo + 5).padStart(16)} |                                         0        \n\n`;
    expect(out).toBe('\n' + block(195, 95, 10095) + block(196, 96, 10096) + block(197, 97, 10097) + block(198, 98, 10098) + block(199, 99, 10099) + block(301, 101, 20101));
  });
});

describe('default printa layout (dt_print_aggs)', () => {
  it('string keys in 50 columns after two spaces, values in 16', () => {
    const s = new AggStore();
    const a = s.define('', 'count', [{ kind: 'string', size: 256 }]);
    a.add1('dtrace', 0); a.add1('bash', 0); a.add1('bash', 0);
    expect(printaDefault([a])).toBe('\n  dtrace' + ' '.repeat(44) + '                1\n  bash' + ' '.repeat(46) + '                2\n');
  });
  it('several aggregations joined by key, zero-filled', () => {
    const s = new AggStore();
    const a = s.define('a', 'count', [{ kind: 'int', size: 4, signed: true }]);
    const b = s.define('b', 'sum', [{ kind: 'int', size: 4, signed: true }]);
    a.add1(1, 0); a.add1(1, 0); b.add1(2, 7);
    expect(printaDefault([a, b])).toBe('\n        2                0                7\n        1                2                0\n');
    const pf = fmt('%d %@d %@d\n', 'count', [T.int]);
    expect(printaFormat(pf, [a, b])).toBe('2 0 7\n1 2 0\n');
  });
  it('aggsortpos sorts by the second aggregation', () => {
    const s = new AggStore();
    const a = s.define('a', 'sum', [{ kind: 'int', size: 4, signed: true }]);
    const b = s.define('b', 'sum', [{ kind: 'int', size: 4, signed: true }]);
    a.add1(1, 1); a.add1(2, 2); b.add1(1, 20); b.add1(2, 10);
    expect(printaFormat(fmt('%d\n', 'sum', [T.int]), [a, b], { aggsortpos: 1 })).toBe('2\n1\n');
    expect(printaFormat(fmt('%d\n', 'sum', [T.int]), [a, b], { aggsortrev: true })).toBe('2\n1\n');
  });
  it('avg divides as dtrace (integer), value ties break on keys', () => {
    const s = new AggStore();
    const a = s.define('', 'avg', [{ kind: 'int', size: 8, signed: true }]);
    a.add1(5, 1); a.add1(5, 2); a.add1(3, 1); a.add1(3, 2);
    expect(printaDefault([a])).toBe('\n                3                1\n                5                1\n');
  });
  it('structured snapshot rows', () => {
    const s = new AggStore();
    const q = s.define('q', 'quantize');
    q.add0(3); q.add0(5);
    const snap = aggSnapshot(q, '0');
    expect(snap.rows[0]!.buckets).toEqual([{ lo: '2', count: 1 }, { lo: '4', count: 1 }]);
  });
});

describe('aggs/tst.quantlast.d', () => {
  it('reports data exclusively in the last bin', () => {
    const s = new AggStore();
    const q = s.define('', 'quantize');
    q.add0(0x4000000000000000n, 1234);
    expect('\n' + printUnprinted(s.vars)).toBe('\n\n' + H + '2305843009213693952 |                                         0        \n' +
      '4611686018427387904 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ 1234     \n\n');
  });
});

describe('distributions', () => {
  it('quantize with no data shows the bins around zero', () => {
    expect(printQuantize(new Array(127).fill(0))).toBe('\n' + H +
      '              -1 |                                         0        \n' +
      '               0 |                                         0        \n' +
      '               1 |                                         0        \n');
  });
  it('lquantize labels < low and >= high', () => {
    const data = [1, 0, 0, 1]; // levels 2, base 0, step 5
    expect(printLquantize(data, 0, 5, 2)).toBe('\n' + H +
      '             < 0 |@@@@@@@@@@@@@@@@@@@@                     1        \n' +
      '               0 |                                         0        \n' +
      '               5 |                                         0        \n' +
      '           >= 10 |@@@@@@@@@@@@@@@@@@@@                     1        \n');
  });
});

describe('trace output', () => {
  it('non-quiet columns', () => {
    expect(PROBE_HEADER).toBe('CPU     ID                    FUNCTION:NAME\n');
    expect(probeLine(0, 1, '', 'BEGIN')).toBe('  0      1                           :BEGIN ');
    expect(traceInt(42, 8, true, false)).toBe(' ' + '42'.padStart(19));
    expect(traceInt(-1, 4, true, false)).toBe(' ' + '-1'.padStart(10));
  });
  it('trace() prints an integer as its type says: signedness and a column as wide as the type', () => {
    expect(traceInt(-1, 4, false, false)).toBe(' 4294967295');
    expect(traceInt(-1, 4, false, true)).toBe('4294967295');
    expect(traceInt(-1, 8, false, true)).toBe('18446744073709551615');
    expect(traceInt(-1, 8, false, false)).toBe(' 18446744073709551615');
    expect(traceInt(-1n, 8, true, false)).toBe(' ' + '-1'.padStart(19));
    expect(traceInt(-1, 2, false, false)).toBe(' 65535');
    expect(traceInt(255, 1, true, false)).toBe('  -1');
    expect(traceInt(-1, 1, false, true)).toBe('255');
    expect(traceString('hello', 256, false)).toBe('  hello' + ' '.repeat(28));
  });
  it('records print as text when printable then NULs, else as the dump', () => {
    expect(printBytes(new Uint8Array([104, 105, 0, 0]), -33, true)).toBe('hi');
    expect(printBytes(new Uint8Array([104, 105, 0, 1]), -33, true)).toContain('68 69 00 01');
    expect(printBytes(new Uint8Array([0, 0]), -33, false)).toContain(' 00 00');
    expect(traceString('', 4, false)).toBe(printBytes(new Uint8Array(4), -33, false));
  });
  it('tracemem hex dump', () => {
    const b = new Uint8Array([0x41, 0x42, 0x00, 0xff]);
    expect(tracemem(b)).toBe('\n             0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f  0123456789abcdef\n' +
      '         0: 41 42 00 ff                                      AB..\n');
  });
});

describe('exit printing order (aggs/tst.signedkeyspos.d)', () => {
  it('prints the variables in declaration order, reversed by aggsortrev', () => {
    const s = new AggStore();
    s.define('a', 'sum').add0(1);
    s.define('b', 'sum').add0(2);
    expect(printUnprinted(s.vars)).toBe('                1\n                2\n');
    for (const v of s.vars) v.printed = false;
    expect(printUnprinted(s.vars, { aggsortrev: true })).toBe('                2\n                1\n');
  });
});
