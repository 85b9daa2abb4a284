/**
 * The separator between the editor and the results (WAI-ARIA window
 * splitter): drag it, or focus it and use Left/Right (2% a step, Shift for
 * 10%), Home/End, Enter to restore the default. The editor's share of the
 * width is a CSS variable on the workspace and is remembered in localStorage.
 */
import { useEffect, useRef, useState } from 'react';

const KEY = 'wiretrace.editorWidth';
export const DEFAULT_EDITOR_PCT = 46;
const MIN = 20;
const MAX = 80;

const clamp = (v: number) => Math.min(MAX, Math.max(MIN, Math.round(v * 10) / 10));

function saved(): number {
  try {
    const v = Number(localStorage.getItem(KEY));
    return v >= MIN && v <= MAX ? v : DEFAULT_EDITOR_PCT;
  } catch {
    return DEFAULT_EDITOR_PCT;
  }
}

/** Sets --editor-w on `target` (the workspace grid). */
export function Splitter({ target }: { target: React.RefObject<HTMLElement | null> }) {
  const [pct, setPct] = useState(saved);
  const drag = useRef<{ left: number; width: number } | null>(null);

  useEffect(() => {
    target.current?.style.setProperty('--editor-w', `${pct}%`);
    try { localStorage.setItem(KEY, String(pct)); } catch { /* private mode */ }
  }, [pct, target]);

  const onKey = (e: React.KeyboardEvent) => {
    const step = e.shiftKey ? 10 : 2;
    let next: number | null = null;
    if (e.key === 'ArrowLeft') next = pct - step;
    else if (e.key === 'ArrowRight') next = pct + step;
    else if (e.key === 'Home') next = MIN;
    else if (e.key === 'End') next = MAX;
    else if (e.key === 'Enter') next = DEFAULT_EDITOR_PCT;
    if (next === null) return;
    e.preventDefault();
    setPct(clamp(next));
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
      onPointerMove={(e) => { const d = drag.current; if (d) setPct(clamp(((e.clientX - d.left) / d.width) * 100)); }}
      onPointerUp={(e) => { drag.current = null; e.currentTarget.releasePointerCapture(e.pointerId); }}
      onDoubleClick={() => setPct(DEFAULT_EDITOR_PCT)}
    />
  );
}
