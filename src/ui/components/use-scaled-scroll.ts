/**
 * The React side of scaled-scroll.ts: one scroller element, fixed-height rows.
 *
 * The latest ScrollState lives in a ref (scroll events compute from it at
 * once, several per frame if need be) and is mirrored into React state at
 * most once per animation frame for scroll events (at once for wheel and
 * keys). Moves we cause (wheel, keys, follow, scrollToRow) carry `sync`: a
 * layout effect then sets the element's scrollTop, so the rows and the
 * scrollbar change in the same frame. The viewport height comes from a
 * ResizeObserver and scroll positions from scroll events, so rendering never
 * reads layout.
 *
 * Wheel and scrolling keys are intercepted only when the list is scaled;
 * otherwise the browser scrolls natively (compositor-smooth).
 *
 * `follow`: stick to the end while rows are appended, until the user moves
 * away from the end; moving back to the end turns it on again.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { atEnd, geometry, isScaled, keyPx, maxPos, moveBy, moveTo, normalize, posToShow, rowTop, rowWindow, scrolled, spacerHeight, wheelPx, type Geometry, type ScrollState } from './scaled-scroll.ts';

interface Shown extends ScrollState { follow: boolean; sync: boolean }

export interface ScaledScroll {
  /** Pass as the scrolling element's `ref` (a callback). */
  attach: (el: HTMLDivElement | null) => void;
  onScroll: (e: React.UIEvent<HTMLDivElement>) => void;
  /** Scrolling keys when scaled (Home, End, PageUp/Down, arrows, space); returns true when it handled the key. */
  onKeyDown: (e: React.KeyboardEvent<HTMLElement>) => boolean;
  /** The spacer's height (≤ MAX_SCROLL_PX). */
  height: number;
  first: number;
  last: number;
  /** Row i's top within the spacer, px. */
  top: (i: number) => number;
  following: boolean;
  scaled: boolean;
  /** Brings row i into view (least movement). */
  scrollToRow: (i: number) => void;
}

export function useScaledScroll(count: number, rowH: number, opts: { overscan?: number; follow?: boolean; resetKey?: unknown } = {}): ScaledScroll {
  const overscan = opts.overscan ?? 10;
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const elRef = useRef<HTMLDivElement | null>(null);
  // The element's scrollTop as last seen in a scroll event or set by us: reading it in an effect would force a layout.
  const knownTop = useRef(0);
  const attach = useCallback((e: HTMLDivElement | null) => { elRef.current = e; knownTop.current = 0; setEl(e); }, []);
  const [viewH, setViewH] = useState(800);
  const [shown, setShown] = useState<Shown>({ pos: 0, scrollTop: 0, follow: opts.follow ?? false, sync: false });
  const cur = useRef<Shown>(shown);
  const frame = useRef(0);
  const g = geometry(count, rowH, viewH);
  const gRef = useRef<Geometry>(g);
  useLayoutEffect(() => { gRef.current = g; });

  const commit = useCallback((next: Shown, now: boolean) => {
    cur.current = next;
    cancelAnimationFrame(frame.current);
    if (now) setShown(next);
    else frame.current = requestAnimationFrame(() => setShown(cur.current));
  }, []);

  // A new run (or list) starts at the top, following if asked; before paint, so the old position never shows.
  const follow0 = opts.follow ?? false;
  useLayoutEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a reset must land before paint
    commit({ pos: 0, scrollTop: 0, follow: follow0, sync: true }, true);
  }, [opts.resetKey]); // eslint-disable-line react-hooks/exhaustive-deps -- only on reset

  // The viewport height, without a layout read.
  useEffect(() => {
    if (!el) return;
    const ro = new ResizeObserver((entries) => {
      const h = entries[0]?.contentRect.height ?? 0;
      if (h > 0) setViewH(h);
    });
    ro.observe(el);
    return () => { ro.disconnect(); cancelAnimationFrame(frame.current); };
  }, [el]);

  // New geometry (rows appended, resize): follow the end, or keep the state valid.
  useLayoutEffect(() => {
    const c = cur.current;
    const s = c.follow ? moveTo(g, maxPos(g)) : normalize(g, c);
    // The new place must land before paint.
    if (s.pos !== c.pos || s.scrollTop !== c.scrollTop) commit({ ...s, follow: c.follow, sync: true }, true);
  }, [count, rowH, viewH]); // eslint-disable-line react-hooks/exhaustive-deps -- g is derived from these

  // Moves we caused: the scrollbar follows in the same frame (only if nothing newer happened meanwhile).
  useLayoutEffect(() => {
    const e = elRef.current;
    if (e && shown.sync && cur.current === shown && Math.abs(knownTop.current - shown.scrollTop) >= 1) {
      e.scrollTop = shown.scrollTop;
      knownTop.current = shown.scrollTop;
    }
  }, [el, shown]);

  // Wheel and trackpad, when scaled: deltas move the list by px of the list, not through the scale.
  useEffect(() => {
    if (!el) return;
    const onWheel = (e: WheelEvent): void => {
      const gg = gRef.current;
      if (!isScaled(gg) || e.ctrlKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) return;
      e.preventDefault();
      const s = moveBy(gg, cur.current, wheelPx(e.deltaY, e.deltaMode, gg));
      commit({ ...s, follow: atEnd(gg, s), sync: true }, true);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [el, commit]);

  const onScroll = useCallback((e: React.UIEvent<HTMLDivElement>) => {
    const gg = gRef.current;
    const c = cur.current;
    knownTop.current = e.currentTarget.scrollTop;
    const s = scrolled(gg, c, knownTop.current);
    if (s === c) return;
    commit({ ...s, follow: atEnd(gg, s), sync: false }, false);
  }, [commit]);

  const onKeyDown = useCallback((e: React.KeyboardEvent<HTMLElement>): boolean => {
    const gg = gRef.current;
    if (!isScaled(gg) || e.altKey || e.ctrlKey || e.metaKey) return false;
    const d = keyPx(e.key, e.shiftKey, gg);
    if (d === null) return false;
    e.preventDefault();
    const s = d === Infinity ? moveTo(gg, maxPos(gg)) : d === -Infinity ? moveTo(gg, 0) : moveBy(gg, cur.current, d);
    commit({ ...s, follow: atEnd(gg, s), sync: true }, true);
    return true;
  }, [commit]);

  const scrollToRow = useCallback((i: number) => {
    const gg = gRef.current;
    const c = cur.current;
    const p = posToShow(gg, c, i);
    if (p === c.pos) return;
    const s = isScaled(gg) ? moveTo(gg, p) : { pos: p, scrollTop: p };
    commit({ ...s, follow: atEnd(gg, s), sync: true }, true);
  }, [commit]);

  const s = shown.follow ? moveTo(g, maxPos(g)) : normalize(g, shown);
  const w = rowWindow(g, s, overscan);
  return {
    attach,
    onScroll,
    onKeyDown,
    height: spacerHeight(g),
    first: w.first,
    last: w.last,
    top: (i) => rowTop(g, s, i),
    following: shown.follow,
    scaled: isScaled(g),
    scrollToRow,
  };
}
