/**
 * The Output tab: the run's text exactly as the CLI prints it (stdout, with
 * stderr messages interleaved as "wiretrace: …"), virtualised so millions of
 * lines scroll smoothly; follows the end while a run appends, unless the user
 * scrolled up.
 */
import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { output, useStore } from '../store/store.ts';
import { downloadText } from '../lib/download.ts';

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
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render only, as TanStack documents
  const v = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => lineH, overscan: 30 });

  useEffect(() => { v.measure(); }, [lineH, v]);
  useEffect(() => {
    if (follow.current && count > 0) v.scrollToIndex(count - 1, { align: 'end' });
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
          follow.current = el.scrollTop + el.clientHeight >= el.scrollHeight - lineH * 2;
        }}
      >
        <div style={{ height: v.getTotalSize(), position: 'relative', minWidth: `calc(${output.maxLen + 2}ch)` }}>
          {v.getVirtualItems().map((it) => (
            <div
              key={it.key}
              className={output.isStderr(it.index) ? 'out-line stderr' : 'out-line'}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: lineH, transform: `translateY(${it.start}px)` }}
            >
              {output.line(it.index) || '\u00a0'}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
