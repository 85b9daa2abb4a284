import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Interner, NONE, StrCol, U32Col } from './packet-table.ts';

const BLOCK = 1 << 16;

describe('U32Col', () => {
  it('starts with bytes and widens to 16 then 32 bits as values need, keeping every value', () => {
    const c = new U32Col();
    c.append(0, Uint32Array.of(1, 200, 255));
    expect(c.width).toBe(1);
    c.append(3, Uint32Array.of(256));
    expect(c.width).toBe(2);
    c.set(4, 65535);
    expect(c.width).toBe(2);
    c.set(BLOCK + 7, 70000); // a second block, and 32 bits
    expect(c.width).toBe(4);
    expect([0, 1, 2, 3, 4].map((i) => c.get(i))).toEqual([1, 200, 255, 256, 65535]);
    expect(c.get(BLOCK + 7)).toBe(70000);
    c.set(5, 0xffffffff);
    expect(c.get(5)).toBe(0xffffffff);
  });

  it('reads back what was appended, whatever the order of sizes (property)', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.oneof(fc.nat(300), fc.nat(70000), fc.constant(0xffffffff)), { maxLength: 50 }), { maxLength: 20 }), (pieces) => {
      const c = new U32Col();
      const all: number[] = [];
      for (const p of pieces) { c.append(all.length, Uint32Array.from(p)); all.push(...p); }
      for (let i = 0; i < all.length; i++) expect(c.get(i)).toBe(all[i]);
    }), { numRuns: 300, seed: 7 });
  });
});

describe('StrCol', () => {
  it('keeps NONE (a value the dictionary could not hold) through widening, and a code equal to the narrow sentinel is a code', () => {
    const dict = new Interner();
    for (let i = 0; i < 70000; i++) dict.add(`s${i}`);
    const c = new StrCol(dict);
    c.append(0, Uint32Array.of(0, NONE, 254));
    c.setRare(1, 'rare');
    expect(c.width).toBe(1);
    expect([c.code(0), c.code(1), c.code(2)]).toEqual([0, NONE, 254]);
    c.append(3, Uint32Array.of(255)); // 0xff is the byte blocks' NONE: 255 needs 16 bits
    expect(c.width).toBe(2);
    expect([c.code(1), c.code(3), c.get(1), c.get(3)]).toEqual([NONE, 255, 'rare', 's255']);
    c.append(4, Uint32Array.of(65535, NONE));
    expect(c.width).toBe(4);
    expect([c.code(1), c.code(4), c.code(5), c.get(4)]).toEqual([NONE, 65535, NONE, 's65535']);
  });

  it('reads back codes and NONE, whatever the order of sizes (property)', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.oneof(fc.nat(300), fc.nat(70000), fc.constant(NONE)), { maxLength: 50 }), { maxLength: 20 }), (pieces) => {
      const c = new StrCol(new Interner());
      const all: number[] = [];
      for (const p of pieces) { c.append(all.length, Uint32Array.from(p)); all.push(...p); }
      for (let i = 0; i < all.length; i++) expect(c.code(i)).toBe(all[i]);
    }), { numRuns: 300, seed: 11 });
  });
});
