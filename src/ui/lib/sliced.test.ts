import { describe, expect, it } from 'vitest';
import { SlicedFeeder } from './sliced.ts';

describe('SlicedFeeder', () => {
  it('hands text over in pieces, at most one budget per step, in order', () => {
    let t = 0;
    const got: string[] = [];
    // Each piece "costs" 1 ms of the fake clock; the budget is 3 ms.
    const f = new SlicedFeeder((s) => { got.push(s); t += 1; }, 3, 4, () => t);
    (f as unknown as { queue: string[] }).queue.push('abcdefghij', 'klm');
    expect(f.step()).toBe(false);
    expect(got).toEqual(['abcd', 'efgh', 'ij']);
    expect(f.step()).toBe(true);
    expect(got.join('')).toBe('abcdefghijklm');
  });
  it('drains asynchronously and resolves whenDrained; stop drops the rest', async () => {
    const got: string[] = [];
    const f = new SlicedFeeder((s) => got.push(s), 1000, 2);
    f.push('hello');
    f.push(' world');
    await f.whenDrained();
    expect(got.join('')).toBe('hello world');
    const g = new SlicedFeeder((s) => got.push(s));
    g.push('x');
    const done = g.whenDrained();
    g.stop();
    await done;
    g.push('y');
    expect(got.join('')).toBe('hello world');
  });
});
