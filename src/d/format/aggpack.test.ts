/**
 * The arithmetic behind aggpack/aggzoom, checked against illumos
 * dt_consume.c and dt_aggregate.c (the layouts themselves are tested end to
 * end in src/engine/aggopts.test.ts, against a published transcript too).
 */
import { describe, expect, it } from 'vitest';
import { ndigits, packedGlyph, zoomTrunc } from './aggpack.ts';

describe('dt_ndigits', () => {
  it('counts with its strict comparison (10 is one digit, 100000 five) and a floor of 4', () => {
    // while (val > cmp && cmp > 0) { rval++; cmp *= 10; }, then max(rval, 4).
    expect(ndigits(0)).toBe(4);
    expect(ndigits(10)).toBe(4);
    expect(ndigits(100000)).toBe(5);
    expect(ndigits(524288)).toBe(6); // pgsqllat's "max   " column
    expect(ndigits(2147483648)).toBe(10);
    expect(ndigits(-1)).toBe(4);
    expect(ndigits(-100000)).toBe(6);
    expect(ndigits(1n << 62n)).toBe(19); // cmp overflows past 10^18 and stops the loop
    expect(ndigits(-(1n << 63n))).toBe(20); // INT64_MIN counts as INT64_MAX, plus the sign
  });
});

describe('aggzoom totals', () => {
  it('truncates |v| * (double)(1 / 0.95) exactly, as a long double product', () => {
    expect(zoomTrunc(19n)).toBe(19n); // 19 * 1.0526315789473684 is just below 20
    expect(zoomTrunc(20n)).toBe(21n);
    expect(zoomTrunc(0n)).toBe(0n);
    expect(zoomTrunc(95n)).toBe(99n); // 99.99999999999999...: truncated
  });
});

describe('dt_print_packed', () => {
  it('maps a datum to ASCII, negative and UTF-8 glyphs', () => {
    expect(packedGlyph(0, 10, 'ascii')).toBe(' ');
    expect(packedGlyph(10, 10, 'ascii')).toBe('X');
    expect(packedGlyph(1, 10, 'ascii')).toBe('_'); // 0.7 + .5 -> 1
    expect(packedGlyph(3, 10, 'ascii')).toBe('x'); // 2.1 + .5 -> 2
    expect(packedGlyph(-10, 10, 'ascii')).toBe('V');
    expect(packedGlyph(-1, 10, undefined)).toBe('v'); // negatives are ASCII in every encoding
    expect(packedGlyph(10, 10, undefined)).toBe('\xe2\x96\x88'); // U+2588 as UTF-8 bytes
    expect(packedGlyph(1, 100, 'utf8')).toBe('\xe2\x96\x81'); // U+2581
  });
});
