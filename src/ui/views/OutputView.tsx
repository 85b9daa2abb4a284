/**
 * The Output tab: the run's text exactly as the CLI prints it (stdout, with
 * stderr messages interleaved as "wiretrace: …"), virtualised so millions of
 * lines scroll smoothly; follows the end while a run appends, unless the user
 * scrolled up.
 *
 * The virtualiser's items are blocks of BLOCK lines, not lines: its layout
 * pass is linear in the item count and runs whenever the count changes, so at
 * a million lines per-line items cost a long main-thread task per batch
 * (measured by e2e/longtask.spec.ts); blocks keep it a few thousand items.
 */
import { memo, useCallback, useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { output, useStore } from '../store/store.ts';
import { downloadText } from '../lib/download.ts';

const BLOCK = 128;

/** BLOCK consecutive lines; runs of stdout lines are one text node, stderr lines their own styled element. */
const Block = memo(function Block({ first, n, top, lineH }: { first: number; n: number; top: number; lineH: number; runId: number; version: number }) {
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

export function OutputView() {
  const version = useStore((s) => s.outputVersion);
  const running = useStore((s) => s.runStatus !== 'idle');
  const runCount = useStore((s) => s.runCount);
  const classroom = useStore((s) => s.classroom);
  const scriptName = useStore((s) => s.scriptName);
  const scroller = useRef<HTMLDivElement>(null);
  const follow = useRef(true);
  const lineH = classroom ? 30 : 19;
  const count = output.length;
  const blocks = Math.ceil(count / BLOCK);
  const linesIn = (b: number) => Math.min(BLOCK, count - b * BLOCK);
  // The last block grows as lines arrive: a key that changes with its length makes the virtualiser re-read its size.
  const getItemKey = useCallback((b: number) => (b === blocks - 1 ? `last-${count}` : b), [blocks, count]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render only, as TanStack documents
  const v = useVirtualizer({ count: blocks, getScrollElement: () => scroller.current, estimateSize: (b) => linesIn(b) * lineH, getItemKey, overscan: 2 });

  useEffect(() => { v.measure(); }, [lineH, v]);
  // Follow the end without reading scrollHeight (a read forces a synchronous layout of the whole page).
  useEffect(() => {
    const el = scroller.current;
    if (follow.current && el) el.scrollTop = v.getTotalSize();
  }, [version, count, v]);

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
          const el = e.currentTarget;
          follow.current = el.scrollTop + el.clientHeight >= v.getTotalSize() - lineH * 2;
        }}
      >
        <div style={{ height: v.getTotalSize(), position: 'relative', minWidth: `calc(${output.maxLen + 2}ch)` }}>
          {v.getVirtualItems().map((it) => (
            <Block key={it.key} first={it.index * BLOCK} n={linesIn(it.index)} top={it.start} lineH={lineH} runId={runCount} version={it.index === blocks - 1 ? version : 0} />
          ))}
        </div>
      </div>
    </div>
  );
}
