/**
 * The Output tab: the run's text exactly as the CLI prints it (stdout, with
 * stderr messages interleaved as "wiretrace: …"), windowed so millions of
 * lines scroll smoothly; follows the end while a run appends, unless the user
 * scrolled up.
 *
 * Every line has the same height, so the window is arithmetic
 * (components/scaled-scroll.ts): a spacer as tall as all the lines, capped at
 * MAX_SCROLL_PX (past the cap, scrollbar positions map proportionally to
 * lines and wheel/keys move by lines), and one absolutely placed slab holding
 * the lines of the viewport plus one screen either side. No per-line
 * measurement list exists: at a million lines a virtualiser's layout pass
 * over its items, and re-shaping hundreds of off-screen lines per update,
 * each cost long main-thread tasks (measured by e2e/longtask.spec.ts). Here
 * an update renders about three screens of text, whatever the line count.
 */
import { memo } from 'react';
import { output, parquetFile, useStore } from '../store/store.ts';
import { downloadBlob, downloadBytes } from '../lib/download.ts';
import { useScaledScroll } from '../components/use-scaled-scroll.ts';

/** Lines first..first+n-1; runs of stdout lines are one text node, stderr lines their own styled element. */
const Slab = memo(function Slab({ first, n, lineH, top }: { first: number; n: number; lineH: number; top: number; version: number }) {
  const parts: React.ReactNode[] = [];
  let run: string[] = [];
  const flush = (i: number) => { if (run.length) { parts.push(<span key={`o${i}`}>{run.join('\n') + '\n'}</span>); run = []; } };
  for (let i = first; i < first + n; i++) {
    if (output.isStderr(i)) { flush(i); parts.push(<span key={`e${i}`} className="stderr">{output.line(i) + '\n'}</span>); }
    else run.push(output.line(i));
  }
  flush(first + n);
  return (
    <div className="out-block" style={{ position: 'absolute', top: 0, left: 0, right: 0, height: n * lineH, lineHeight: `${lineH}px`, transform: `translateY(${top}px)` }}>
      {parts}
    </div>
  );
});

/**
 * Copy output: the text at once when it is all in memory; when part of it is in the spill file, a
 * ClipboardItem given the promise of it (the click's permission to write holds while it is read).
 */
function copyOutput(): void {
  const clip = navigator.clipboard;
  if (!clip) return;
  const now = output.textNow();
  if (now !== null) { void clip.writeText(now); return; }
  if (typeof ClipboardItem === 'function' && clip.write) void clip.write([new ClipboardItem({ 'text/plain': output.blob('text/plain') })]);
  else void output.text().then((t) => clip.writeText(t));
}

export function OutputView() {
  const version = useStore((s) => s.outputVersion);
  const running = useStore((s) => s.runStatus !== 'idle');
  const runCount = useStore((s) => s.runCount);
  const classroom = useStore((s) => s.classroom);
  const scriptName = useStore((s) => s.scriptName);
  const lineH = classroom ? 30 : 19;
  const count = output.length;
  // The list's size changes only when the store's version does; reading the buffer here is render-pure per version.
  const parquet = useStore((s) => s.parquet);
  const { attach, ...sc } = useScaledScroll(count, lineH, { overscan: 40, follow: true, resetKey: runCount });
  // -x recfmt=parquet / -x aggpartial in the options: the file the CLI writes with -o, offered here.
  const base = scriptName.replace(/\.d$/, '');
  const parquetButton = parquet === null ? null : (
    <button type="button" onClick={() => downloadBytes(parquetFile, `${base}.${parquet === 'records' ? 'records' : 'partial'}.parquet`, 'application/vnd.apache.parquet')}>
      {parquet === 'records' ? 'Download records (Parquet)' : 'Download partial (Parquet)'}
    </button>
  );

  if (count === 0) {
    return (
      <div className="empty">
        {running ? <p>Running…</p> : runCount === 0 ? <p>Press Run (or Ctrl+Enter) to run the script; its output appears here exactly as dtrace prints it.</p> : <p>The run printed nothing.</p>}
        {parquetButton}
      </div>
    );
  }
  return (
    <div className="output-view">
      <div className="view-toolbar">
        <span>{count.toLocaleString('en-US')} {count === 1 ? 'line' : 'lines'}</span>
        <button type="button" onClick={() => void output.blob('text/plain').then((b) => downloadBlob(b, base + '.out.txt'))}>Download output</button>
        {parquetButton}
        <button type="button" onClick={copyOutput}>Copy output</button>
      </div>
      <div
        ref={attach}
        className="output-scroll"
        tabIndex={0}
        aria-label="Output text"
        data-testid="output-text"
        data-following={sc.following}
        onScroll={sc.onScroll}
        onKeyDown={(e) => { sc.onKeyDown(e); }}
      >
        <div style={{ height: sc.height, position: 'relative', overflow: 'hidden', minWidth: `calc(${output.maxLen + 2}ch)` }}>
          <Slab first={sc.first} n={sc.last - sc.first} lineH={lineH} top={sc.top(sc.first)} version={version + runCount * 1e9} />
        </div>
      </div>
    </div>
  );
}
