/** setTimestamp against BigInt arithmetic (Wireshark's formula), over every path. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { setTimestamp, tsResolution } from '../timestamp.ts';
import { newRecord } from '../chunked.ts';

function reference(hi: number, lo: number, tsresol: number, offset: number): [number, number] {
  const t = (BigInt(hi) << 32n) | BigInt(lo);
  const R = tsresol & 0x80 ? 1n << BigInt(tsresol & 0x7f) : 10n ** BigInt(tsresol);
  return [Number(t / R) + offset, Number(((t % R) * 1000000000n) / R)];
}

describe('setTimestamp', () => {
  const resols = [0, 1, 3, 6, 9, 10, 12, 19, 0x80, 0x80 | 1, 0x80 | 9, 0x80 | 10, 0x80 | 20, 0x80 | 23, 0x80 | 24, 0x80 | 30, 0x80 | 32, 0x80 | 40, 0x80 | 63];
  it('matches BigInt arithmetic for any 64-bit value', () => {
    const r = newRecord();
    fc.assert(fc.property(fc.constantFrom(...resols), fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }), fc.integer({ min: -1000, max: 1000 }),
      (res, hi, lo, off) => {
        setTimestamp(r, hi, lo, tsResolution(res, off)!);
        const [s, ns] = reference(hi, lo, res, off);
        if (Math.abs(s) < 2 ** 53) expect(r.tsSec).toBe(s);
        expect(r.tsNsec).toBe(ns);
      }), { numRuns: 20000 });
  });

  it('stays exact when the high-word cache is hit and missed in turn', () => {
    const r = newRecord();
    const objs = new Map(resols.map((x) => [x, tsResolution(x, 7)!]));
    const his = [0, 1, 0x1fffff, 0x200000, 396000, 396001, 409567766, 409567767, 999999999, 1000000000, 0xffffffff];
    fc.assert(fc.property(fc.constantFrom(...resols), fc.constantFrom(...his), fc.nat({ max: 0xffffffff }), (res, hi, lo) => {
      setTimestamp(r, hi, lo, objs.get(res)!);
      const [s, ns] = reference(hi, lo, res, 7);
      if (Math.abs(s) < 2 ** 53) expect(r.tsSec).toBe(s);
      expect(r.tsNsec).toBe(ns);
    }), { numRuns: 30000 });
  });

  it('is exact at the edges of each path', () => {
    const r = newRecord();
    for (const res of resols) {
      const R = res & 0x80 ? 2n ** BigInt(res & 0x7f) : 10n ** BigInt(res);
      for (const t of [0n, 1n, R - 1n, R, R + 1n, (1n << 53n) - 1n, 1n << 53n, (1n << 53n) + 1n, R * 0xffffffffn - 1n, R * 0xffffffffn, 1763700000n * R - 1n, 1763700000n * R, (1n << 64n) - 1n]) {
        if (t < 0n || t >= 1n << 64n) continue;
        const hi = Number(t >> 32n);
        const lo = Number(t & 0xffffffffn);
        setTimestamp(r, hi, lo, tsResolution(res)!);
        const [s, ns] = reference(hi, lo, res, 0);
        if (s < 2 ** 53) expect([r.tsSec, res, t]).toEqual([s, res, t]);
        expect([r.tsNsec, res, t]).toEqual([ns, res, t]);
      }
    }
  });
});
