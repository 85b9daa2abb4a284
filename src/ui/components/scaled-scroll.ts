/**
 * Scaled virtualisation: fixed-height rows in lists taller than a browser can
 * scroll. Chromium caps an element's height near 2^25 px (33,554,432), so a
 * spacer of `rows × rowH` stops working past ~1.7M lines of 19 px. Here the
 * spacer is at most `cap` px (MAX_SCROLL_PX) and two coordinates are kept:
 *
 * - `pos`: the virtual offset, in px of the full list (0 … rows×rowH − viewH);
 *   it decides which rows are shown and exactly where.
 * - `scrollTop`: the scroller's real (physical) scroll position, 0 … cap − viewH.
 *
 * A ScrollState is a *consistent pair* (pos, scrollTop): row i is drawn at
 * content-y `scrollTop + i×rowH − pos`, i.e. at `i×rowH − pos` below the
 * viewport's top edge, so placement within the window is exact whatever the
 * scale. How each input moves the pair:
 *
 * - Wheel, trackpad and keys (intercepted when scaled): `pos` moves by the
 *   delta itself (lines near where you are, never thousands of lines per
 *   pixel), and `scrollTop` is set to pos's proportional place so the thumb
 *   stays honest.
 * - Scrollbar drag (a scroll event we did not cause, with a jump bigger than
 *   a screen): proportional, `pos = scrollTop / maxScrollTop × maxPos`, so
 *   any line can be reached; the ends are exact (0 and maxPos).
 * - Small native scrolls we did not intercept (touch): relative, like wheels.
 *
 * Unscaled (rows×rowH ≤ cap) everything is the identity: pos === scrollTop,
 * and the browser scrolls natively.
 *
 * Pure functions only; the React hook is in use-scaled-scroll.ts.
 */

/** Well under Chromium's ~33.5M px element-height limit (and Firefox's ~17.9M). */
export const MAX_SCROLL_PX = 8_000_000;

export interface Geometry {
  count: number;
  rowH: number;
  /** The viewport's height in px. */
  viewH: number;
  /** The largest spacer height used. */
  cap: number;
}

export interface ScrollState {
  /** Virtual offset of the viewport's top edge in the full list, px. */
  pos: number;
  /** The scroller's physical scrollTop this pos was placed against. */
  scrollTop: number;
}

export function geometry(count: number, rowH: number, viewH: number, cap = MAX_SCROLL_PX): Geometry {
  return { count, rowH, viewH, cap };
}

const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);

export const contentHeight = (g: Geometry): number => g.count * g.rowH;
/** The spacer's height: the whole list, or the cap. */
export const spacerHeight = (g: Geometry): number => Math.min(contentHeight(g), g.cap);
export const isScaled = (g: Geometry): boolean => contentHeight(g) > g.cap;
export const maxPos = (g: Geometry): number => Math.max(0, contentHeight(g) - g.viewH);
export const maxScrollTop = (g: Geometry): number => Math.max(0, spacerHeight(g) - g.viewH);

/** The virtual position a scrollbar position stands for: proportional, exact at both ends (identity when unscaled). */
export function posForScrollTop(g: Geometry, st: number): number {
  const ms = maxScrollTop(g);
  const mp = maxPos(g);
  if (!isScaled(g)) return clamp(st, 0, mp);
  if (ms <= 0 || st <= 0) return 0;
  if (st >= ms - 0.5) return mp;
  return (st / ms) * mp;
}

/** The scrollbar position for a virtual position (whole px; identity when unscaled). */
export function scrollTopForPos(g: Geometry, pos: number): number {
  const mp = maxPos(g);
  if (!isScaled(g)) return clamp(pos, 0, mp);
  if (mp <= 0) return 0;
  return Math.round((clamp(pos, 0, mp) / mp) * maxScrollTop(g));
}

/** A state made valid for (possibly new) geometry: both coordinates in range; unscaled, equal. */
export function normalize(g: Geometry, s: ScrollState): ScrollState {
  const pos = clamp(s.pos, 0, maxPos(g));
  const scrollTop = isScaled(g) ? clamp(s.scrollTop, 0, maxScrollTop(g)) : pos;
  return pos === s.pos && scrollTop === s.scrollTop ? s : { pos, scrollTop };
}

/** Moves to a virtual position (Home, End, a row), the thumb at its proportional place. */
export function moveTo(g: Geometry, pos: number): ScrollState {
  const p = clamp(pos, 0, maxPos(g));
  return { pos: p, scrollTop: scrollTopForPos(g, p) };
}

/** Moves by a delta in px of the list (wheel, keys): exact lines, whatever the scale. */
export function moveBy(g: Geometry, s: ScrollState, dy: number): ScrollState {
  return moveTo(g, s.pos + dy);
}

/**
 * The scroller reported scrollTop `st` (a scroll we did not cause, or the echo
 * of one we did). Echoes (within half a px) change nothing.
 */
export function scrolled(g: Geometry, s: ScrollState, st: number): ScrollState {
  if (!isScaled(g)) {
    const pos = clamp(st, 0, maxPos(g));
    return pos === s.pos && st === s.scrollTop ? s : { pos, scrollTop: pos };
  }
  const d = st - s.scrollTop;
  if (Math.abs(d) < 0.5) return s;
  const ms = maxScrollTop(g);
  if (st <= 0) return { pos: 0, scrollTop: 0 };
  if (st >= ms - 0.5) return { pos: maxPos(g), scrollTop: st };
  if (Math.abs(d) <= g.viewH) return { pos: clamp(s.pos + d, 0, maxPos(g)), scrollTop: st };
  return { pos: posForScrollTop(g, st), scrollTop: st };
}

/** The rows to render, first (inclusive) to last (exclusive), with `overscan` rows either side. */
export function rowWindow(g: Geometry, s: ScrollState, overscan: number): { first: number; last: number } {
  const first = Math.max(0, Math.floor(s.pos / g.rowH) - overscan);
  const last = Math.min(g.count, Math.ceil((s.pos + g.viewH) / g.rowH) + overscan);
  return { first, last: Math.max(first, last) };
}

/** Where row i is drawn, in px from the top of the spacer. */
export function rowTop(g: Geometry, s: ScrollState, i: number): number {
  return s.scrollTop + i * g.rowH - s.pos;
}

/** Within two rows of the end: following the end while a run appends. */
export function atEnd(g: Geometry, s: ScrollState): boolean {
  return s.pos >= maxPos(g) - 2 * g.rowH;
}

/** A wheel event's vertical delta in px (WheelEvent.deltaMode: 0 px, 1 lines, 2 pages). */
export function wheelPx(deltaY: number, deltaMode: number, g: Geometry): number {
  return deltaMode === 1 ? deltaY * g.rowH : deltaMode === 2 ? deltaY * g.viewH : deltaY;
}

/**
 * The move a scrolling key makes, in px of the list (±Infinity: the ends), or
 * null for keys that do not scroll. A page keeps one line of overlap, as
 * browsers do.
 */
export function keyPx(key: string, shift: boolean, g: Geometry): number | null {
  const page = Math.max(g.rowH, g.viewH - g.rowH);
  switch (key) {
    case 'ArrowDown': return g.rowH;
    case 'ArrowUp': return -g.rowH;
    case 'PageDown': return page;
    case 'PageUp': return -page;
    case ' ': return shift ? -page : page;
    case 'Home': return -Infinity;
    case 'End': return Infinity;
    default: return null;
  }
}

/** The position that brings row i into view with the least movement (or none when it is visible). */
export function posToShow(g: Geometry, s: ScrollState, i: number): number {
  const top = i * g.rowH;
  if (top < s.pos) return top;
  if (top + g.rowH > s.pos + g.viewH) return top + g.rowH - g.viewH;
  return s.pos;
}
