/**
 * The separator between the editor and the results (WAI-ARIA window
 * splitter): drag it, or focus it and use Left/Right (2% a step, Shift for
 * 10%), Home/End, Enter to restore the default. The editor's share of the
 * width is a CSS variable on the workspace and is remembered in localStorage.
 */
import { useEffect, useRef, useState } from 'react';
import { useStore } from '../store/store.ts';

const KEY = 'wiretrace.editorWidth';
/** Classroom mode keeps a width of its own: its large type needs a wider results pane (Output through BYTES, the Timeline through Bytes at 1280x720). */
const KEY_CLASSROOM = 'wiretrace.editorWidth.classroom';
export const DEFAULT_EDITOR_PCT = 46;
const MIN = 20;
const MAX = 80;

/** Classroom mode's default: 30% on a projector-sized viewport (up to 1600 px wide), 40% beyond. */
export function classroomDefaultPct(viewportWidth: number): number {
  return viewportWidth <= 1600 ? 30 : 40;
}

const clamp = (v: number) => Math.min(MAX, Math.max(MIN, Math.round(v * 10) / 10));

function defaultPct(classroom: boolean): number {
  return classroom ? classroomDefaultPct(typeof window === 'undefined' ? 1280 : window.innerWidth) : DEFAULT_EDITOR_PCT;
}

function saved(classroom: boolean): number {
  try {
    const raw = localStorage.getItem(classroom ? KEY_CLASSROOM : KEY);
    const v = Number(raw);
    return raw !== null && v >= MIN && v <= MAX ? v : defaultPct(classroom);
  } catch {
    return defaultPct(classroom);
  }
}

/** Sets --editor-w on `target` (the workspace grid). */
export function Splitter({ target }: { target: React.RefObject<HTMLElement | null> }) {
  const classroom = useStore((s) => s.classroom);
  const [widths, setWidths] = useState(() => ({ normal: saved(false), classroom: saved(true) }));
  const pct = classroom ? widths.classroom : widths.normal;
  const setPct = (v: number): void => setWidths((w) => (classroom ? { ...w, classroom: v } : { ...w, normal: v }));
  const drag = useRef<{ left: number; width: number } | null>(null);

  useEffect(() => {
    target.current?.style.setProperty('--editor-w', `${pct}%`);
  }, [pct, target]);
  // Remembered only once moved (a default is not stored, so it can follow the viewport).
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    try { localStorage.setItem(classroom ? KEY_CLASSROOM : KEY, String(pct)); } catch { /* private mode */ }
  }, [pct, classroom]);
  const move = (v: number): void => { moved.current = true; setPct(clamp(v)); };

  const onKey = (e: React.KeyboardEvent) => {
    const step = e.shiftKey ? 10 : 2;
    let next: number | null = null;
    if (e.key === 'ArrowLeft') next = pct - step;
    else if (e.key === 'ArrowRight') next = pct + step;
    else if (e.key === 'Home') next = MIN;
    else if (e.key === 'End') next = MAX;
    else if (e.key === 'Enter') next = defaultPct(classroom);
    if (next === null) return;
    e.preventDefault();
    move(next);
  };

  return (
    <div
      role="separator" aria-orientation="vertical" aria-label="Resize editor" aria-controls="editor-pane"
      aria-valuemin={MIN} aria-valuemax={MAX} aria-valuenow={pct} aria-valuetext={`editor ${Math.round(pct)}% of the width`}
      tabIndex={0} className="splitter" onKeyDown={onKey}
      onPointerDown={(e) => {
        const box = target.current?.getBoundingClientRect();
        if (!box) return;
        drag.current = { left: box.left, width: box.width };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => { const d = drag.current; if (d) move(((e.clientX - d.left) / d.width) * 100); }}
      onPointerUp={(e) => { drag.current = null; e.currentTarget.releasePointerCapture(e.pointerId); }}
      onDoubleClick={() => move(defaultPct(classroom))}
    />
  );
}
