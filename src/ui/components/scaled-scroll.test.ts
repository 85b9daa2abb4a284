import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { atEnd, geometry, isScaled, keyPx, MAX_SCROLL_PX, maxPos, maxScrollTop, moveBy, moveTo, normalize, posForScrollTop, posToShow, rowTop, rowWindow, scrolled, scrollTopForPos, spacerHeight, wheelPx, type ScrollState } from './scaled-scroll.ts';

// Chromium's element-height limit (LayoutUnit: 2^25 px); the cap must stay well under it.
const CHROMIUM_MAX_PX = 33_554_432;

/** The row drawn at the viewport's top edge, and its offset from that edge (px, ≤ 0). */
function topRow(g: ReturnType<typeof geometry>, s: ScrollState): { row: number; offset: number } {
  const row = Math.floor(s.pos / g.rowH);
  return { row, offset: rowTop(g, s, row) - s.scrollTop };
}

describe('unscaled lists', () => {
  const g = geometry(1000, 19, 380);
  it('are the identity: scrollTop is the position', () => {
    expect(isScaled(g)).toBe(false);
    expect(spacerHeight(g)).toBe(19_000);
    expect(scrolled(g, { pos: 0, scrollTop: 0 }, 1234)).toEqual({ pos: 1234, scrollTop: 1234 });
    expect(scrollTopForPos(g, 500)).toBe(500);
    expect(posForScrollTop(g, 500)).toBe(500);
    expect(rowTop(g, { pos: 1234, scrollTop: 1234 }, 10)).toBe(190);
  });
  it('clamp to the end', () => {
    expect(moveTo(g, 1e9)).toEqual({ pos: 19_000 - 380, scrollTop: 19_000 - 380 });
  });
});

describe('five million 19 px lines', () => {
  const N = 5_000_000;
  const g = geometry(N, 19, 760);
  const start: ScrollState = { pos: 0, scrollTop: 0 };

  it('keep the spacer at the cap, far under the browser limit', () => {
    expect(isScaled(g)).toBe(true);
    expect(spacerHeight(g)).toBe(MAX_SCROLL_PX);
    expect(spacerHeight(geometry(1e9, 30, 800))).toBeLessThan(CHROMIUM_MAX_PX);
  });

  it('dragging the thumb to the bottom shows the last line at the bottom edge', () => {
    const s = scrolled(g, start, maxScrollTop(g));
    expect(s.pos).toBe(N * 19 - 760);
    const w = rowWindow(g, s, 0);
    expect(w.last).toBe(N);
    // The last line's bottom is the viewport's bottom, which is the spacer's bottom.
    expect(rowTop(g, s, N - 1) + 19).toBe(maxScrollTop(g) + 760);
    expect(rowTop(g, s, N - 1) + 19).toBe(spacerHeight(g));
    expect(atEnd(g, s)).toBe(true);
  });

  it('dragging to the middle shows the middle line, placed exactly', () => {
    const s = scrolled(g, start, maxScrollTop(g) / 2);
    const { row, offset } = topRow(g, s);
    expect(Math.abs(row - (N * 19 - 760) / 2 / 19)).toBeLessThan(1);
    expect(offset).toBeLessThanOrEqual(0);
    expect(offset).toBeGreaterThan(-19);
  });

  it('a wheel notch moves by its pixels (lines near where you are), not through the scale', () => {
    const mid = moveTo(g, 40_000_000);
    const s = moveBy(g, mid, wheelPx(3, 1, g)); // 3 lines (DOM_DELTA_LINE)
    expect(s.pos - mid.pos).toBe(57);
    expect(topRow(g, s).row - topRow(g, mid).row).toBe(3);
    // The thumb follows proportionally (less than a pixel here).
    expect(s.scrollTop).toBe(scrollTopForPos(g, s.pos));
    // A pixel-mode trackpad delta of 100 px moves 100 px of lines.
    expect(moveBy(g, mid, wheelPx(100, 0, g)).pos - mid.pos).toBe(100);
  });

  it('the echo of a scrollTop we set changes nothing', () => {
    const s = moveBy(g, moveTo(g, 40_000_000), 100);
    expect(scrolled(g, s, s.scrollTop)).toBe(s);
    expect(scrolled(g, s, s.scrollTop + 0.4)).toBe(s);
  });

  it('a small native scroll (touch) is relative; a jump bigger than a screen is proportional', () => {
    const s = moveTo(g, 40_000_000);
    expect(scrolled(g, s, s.scrollTop + 50).pos).toBe(s.pos + 50);
    const far = scrolled(g, s, s.scrollTop + 100_000);
    expect(far.pos).toBeCloseTo(posForScrollTop(g, s.scrollTop + 100_000), 6);
  });

  it('keys: Home, End, pages with one line of overlap, arrows by a line', () => {
    const mid = moveTo(g, 40_000_000);
    expect(moveTo(g, -Infinity)).toEqual({ pos: 0, scrollTop: 0 });
    expect(moveTo(g, Infinity)).toEqual({ pos: maxPos(g), scrollTop: maxScrollTop(g) });
    expect(keyPx('PageDown', false, g)).toBe(741);
    expect(keyPx(' ', true, g)).toBe(-741);
    expect(keyPx('ArrowDown', false, g)).toBe(19);
    expect(keyPx('End', false, g)).toBe(Infinity);
    expect(keyPx('a', false, g)).toBeNull();
    expect(moveBy(g, mid, keyPx('PageUp', false, g)!).pos).toBe(mid.pos - 741);
  });

  it('brings a row into view with the least movement', () => {
    const s = moveTo(g, 19_000);
    expect(posToShow(g, s, 1000)).toBe(19_000);
    expect(posToShow(g, s, 999)).toBe(999 * 19);
    expect(posToShow(g, s, 1040)).toBe(1041 * 19 - 760);
  });

  it('normalize keeps states valid when the list shrinks', () => {
    const s = moveTo(g, maxPos(g));
    const small = geometry(100, 19, 760);
    expect(normalize(small, s)).toEqual({ pos: 100 * 19 - 760, scrollTop: 100 * 19 - 760 });
  });
});

describe('any sequence of inputs', () => {
  const op = fc.oneof(
    fc.record({ k: fc.constant('wheel' as const), d: fc.integer({ min: -5000, max: 5000 }) }),
    fc.record({ k: fc.constant('drag' as const), f: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ k: fc.constant('touch' as const), d: fc.integer({ min: -300, max: 300 }) }),
    fc.record({ k: fc.constant('key' as const), key: fc.constantFrom('Home', 'End', 'PageUp', 'PageDown', 'ArrowUp', 'ArrowDown') }),
  );
  it('keeps both coordinates in range and the rendered rows covering the viewport', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 50_000_000 }), fc.constantFrom(19, 24, 30), fc.integer({ min: 100, max: 2000 }), fc.array(op, { maxLength: 30 }), (count, rowH, viewH, ops) => {
      const g = geometry(count, rowH, viewH);
      let s: ScrollState = { pos: 0, scrollTop: 0 };
      for (const o of ops) {
        if (o.k === 'wheel') s = moveBy(g, s, o.d);
        else if (o.k === 'drag') s = scrolled(g, s, Math.round(o.f * maxScrollTop(g)));
        else if (o.k === 'touch') s = scrolled(g, s, Math.min(maxScrollTop(g), Math.max(0, s.scrollTop + o.d)));
        else { const d = keyPx(o.key, false, g)!; s = d === Infinity ? moveTo(g, Infinity) : d === -Infinity ? moveTo(g, 0) : moveBy(g, s, d); }
        expect(s.pos).toBeGreaterThanOrEqual(0);
        expect(s.pos).toBeLessThanOrEqual(maxPos(g));
        expect(s.scrollTop).toBeGreaterThanOrEqual(0);
        expect(s.scrollTop).toBeLessThanOrEqual(maxScrollTop(g));
        if (!isScaled(g)) expect(s.pos).toBe(s.scrollTop);
        const w = rowWindow(g, s, 0);
        if (count > 0) {
          // The first rendered row starts at or above the viewport's top; the last ends at or below its bottom (or is the last row).
          expect(rowTop(g, s, w.first)).toBeLessThanOrEqual(s.scrollTop + 1e-6);
          expect(w.last === count || rowTop(g, s, w.last) >= s.scrollTop + viewH - 1e-6).toBe(true);
        }
      }
    }), { numRuns: 300 });
  });
});
