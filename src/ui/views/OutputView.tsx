/**
 * The Output tab: the run's text exactly as the CLI prints it (stdout, with
 * stderr messages interleaved as "wiretrace: …"), windowed so millions of
 * lines scroll smoothly; follows the end while a run appends, unless the user
 * scrolled up.
 *
 * Every line has the same height, so the window is arithmetic: a spacer as
 * tall as all the lines, and one absolutely placed slab holding the lines of
 * the viewport plus one screen either side. No per-line (or per-block)
 * measurement list exists: at a million lines a virtualiser's layout pass
 * over its items, and re-shaping hundreds of off-screen lines per update,
 * each cost long main-thread tasks (measured by e2e/longtask.spec.ts). Here
 * an update renders about three screens of text, whatever the line count.
 *
 * Scrolling is read from scroll events (coalesced to one per frame) and the
 * viewport height from a ResizeObserver, so rendering never reads layout.
 */
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { output, useStore } from '../store/store.ts';
import { downloadText } from '../lib/download.ts';

/** Lines first..first+n-1; runs of stdout lines are one text node, stderr lines their own styled element. */
const Slab = memo(function Slab({ first, n, lineH }: { first: number; n: number; lineH: number; version: number }) {
  const parts: React.ReactNode[] = [];
  let run: string[] = [];
  const flush = (i: number) => { if (run.length) { parts.push(<span key={`o${i}`}>{run.join('\n') + '\n'}</span>); run = []; } };
  for (let i = first; i < first + n; i++) {
    if (output.isStderr(i)) { flush(i); parts.push(<span key={`e${i}`} className="stderr">{output.line(i) + '\n'}</span>); }
    else run.push(output.line(i));
  }
  flush(first + n);
  return (
    <div className="out-block" style={{ position: 'absolute', top: 0, left: 0, right: 0, height: n * lineH, lineHeight: `${lineH}px`, transform: `translateY(${first * lineH}px)` }}>
      {parts}
    </div>
  );
});

export function OutputView() {
  const version = useStore((s) => s.outputVersion);
  const running = useStore((s) => s.runStatus !== 'idle');
  const runCount = useStore((s) => s.runCount);
  const classroom = useStore((s) => s.classroom);
  const scriptName = useStore((s) => s.scriptName);
  const scroller = useRef<HTMLDivElement>(null);
  const frame = useRef(0);
  // follow: the view sticks to the end while a run appends (until the user scrolls up).
  const [view, setView] = useState({ top: 0, height: 800, follow: true });
  // A new run starts at its end again (state adjusted during render, as React documents for derived resets).
  const [seenRun, setSeenRun] = useState(runCount);
  if (seenRun !== runCount) { setSeenRun(runCount); setView((v) => ({ ...v, top: 0, follow: true })); }
  const lineH = classroom ? 30 : 19;
  const count = output.length;
  const total = count * lineH;

  // The viewport's height, without a layout read.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver((entries) => {
      const h = entries[0]?.contentRect.height ?? 0;
      if (h > 0) setView((v) => (v.height === h ? v : { ...v, height: h }));
    });
    ro.observe(el);
    return () => { ro.disconnect(); cancelAnimationFrame(frame.current); };
  }, [count === 0]); // eslint-disable-line react-hooks/exhaustive-deps -- the scroller exists only once there is output

  // Following the end: the window is placed at the end before the scroll position is set.
  const screen = Math.ceil(view.height / lineH) + 1;
  const top = view.follow ? Math.max(0, total - view.height) : view.top;
  const first = Math.max(0, Math.floor(top / lineH) - screen);
  const last = Math.min(count, Math.floor(top / lineH) + 2 * screen);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (view.follow && el) el.scrollTop = total;
  }, [version, total, view.height, view.follow]);

  if (count === 0) {
    return (
      <div className="empty">
        {running ? <p>Running…</p> : runCount === 0 ? <p>Press Run (or Ctrl+Enter) to run the script; its output appears here exactly as dtrace prints it.</p> : <p>The run printed nothing.</p>}
      </div>
    );
  }
  return (
    <div className="output-view">
      <div className="view-toolbar">
        <span>{count.toLocaleString('en-US')} {count === 1 ? 'line' : 'lines'}</span>
        <button type="button" onClick={() => downloadText(output.text(), scriptName.replace(/\.d$/, '') + '.out.txt')}>Download output</button>
        <button type="button" onClick={() => void navigator.clipboard?.writeText(output.text())}>Copy output</button>
      </div>
      <div
        ref={scroller}
        className="output-scroll"
        tabIndex={0}
        aria-label="Output text"
        data-testid="output-text"
        onScroll={(e) => {
          // Scroll events come with layout clean, so these reads are free; the update waits for the next frame.
          const st = e.currentTarget.scrollTop;
          const follow = st + view.height >= total - lineH * 2;
          cancelAnimationFrame(frame.current);
          frame.current = requestAnimationFrame(() => setView((v) => (v.top === st && v.follow === follow ? v : { ...v, top: st, follow })));
        }}
      >
        <div style={{ height: total, position: 'relative', minWidth: `calc(${output.maxLen + 2}ch)` }}>
          <Slab first={first} n={last - first} lineH={lineH} version={version + runCount * 1e9} />
        </div>
      </div>
    </div>
  );
}
