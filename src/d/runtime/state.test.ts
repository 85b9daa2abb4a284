/**
 * The dynamic-variable budget (Runtime.dynSet/dynRegion/dynFree): entries,
 * not bytes, as Oracle's dvars map counts them, and deleted regions reused.
 */
import { describe, expect, it } from 'vitest';
import { NULL_STR, Runtime } from './state.ts';

function rt(dynvarsize: number): Runtime {
  return new Runtime({ dynvarsize, strsize: 256, nspec: 1, specsize: 32768 });
}

describe('dynamic variable budget', () => {
  it('holds dynvarsize / (largest tuple + largest value) entries', () => {
    const r = rt(50);
    r.noteDyn(12, 4);
    r.noteDyn(0, 8); // the largest of each, not of one variable: 12 + 8 = 20 -> 2 entries
    const m = new Map<unknown, unknown>();
    r.dynSet(m, 1, 5); r.dynSet(m, 2, 6); r.dynSet(m, 3, 7);
    expect([...m.keys()]).toEqual([1, 2]);
    expect(r.dynDrops).toBe(1);
    r.dynSet(m, 1, 0); // zero deletes and frees the entry
    r.dynSet(m, 3, 7);
    expect([...m.entries()]).toEqual([[2, 6], [3, 7]]);
    r.dynSet(m, 3, 8); // replacing an entry takes no new one
    expect(r.dynCount).toBe(2);
  });

  it('reuses the region of a deleted struct, zeroed', () => {
    const r = rt(1 << 20);
    r.noteDyn(12, 16);
    const m = new Map<unknown, unknown>();
    const a = r.dynRegion(m, 'k', 16);
    r.store(a, 4, 99);
    expect(r.dynRegion(m, 'k', 16)).toBe(a);
    r.dynFree(m, 'k', 16);
    expect(r.dynCount).toBe(0);
    const b = r.dynRegion(m, 'j', 16);
    expect(b).toBe(a);
    expect(r.load(b, 4, false)).toBe(0);
  });

  it('reads a missing struct as zeroes without creating it', () => {
    const r = rt(1 << 20);
    const m = new Map<unknown, unknown>();
    const z = r.dynPeek(m, 'x', 24);
    expect(r.load(z + 16, 8, false)).toBe(0);
    expect(m.size).toBe(0);
    expect(r.dynCount).toBe(0);
  });

  it('keeps "" (a string at an address) and deletes on 0 or the NULL string, as illumos STTS/STGAA do', () => {
    const r = rt(1 << 20);
    const m = new Map<unknown, unknown>();
    r.dynSet(m, 'comm', '');
    expect(m.get('comm')).toBe('');
    expect(r.dynCount).toBe(1);
    r.dynSet(m, 'comm', NULL_STR);
    expect(m.has('comm')).toBe(false);
    r.dynSet(m, 'n', 3);
    r.dynSet(m, 'n', 0);
    expect(m.size).toBe(0);
    expect(r.dynCount).toBe(0);
  });
});
