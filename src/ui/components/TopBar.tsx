/** The top bar: open, examples, run/stop, share, classroom mode, theme. */
import { useRef } from 'react';
import { openFiles, runScript, stepReplay, stopRun } from '../actions.ts';
import { PACES, useStore, type Pace } from '../store/store.ts';
import { ExamplesMenu } from './ExamplesMenu.tsx';
import { ProgressBar } from './ProgressBar.tsx';

export function TopBar() {
  const status = useStore((s) => s.runStatus);
  const theme = useStore((s) => s.theme);
  const setTheme = useStore((s) => s.setTheme);
  const classroom = useStore((s) => s.classroom);
  const setClassroom = useStore((s) => s.setClassroom);
  const setShareOpen = useStore((s) => s.setShareOpen);
  const capture = useStore((s) => s.capture);
  const more = useStore((s) => s.moreCaptures.length);
  const scriptName = useStore((s) => s.scriptName);
  const fileInput = useRef<HTMLInputElement>(null);
  const pace = useStore((s) => s.pace);
  const stepping = useStore((s) => s.stepping);
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
  return (
    <header className="topbar">
      <h1 className="brand">wiretrace</h1>
      <div className="file-open">
        <label className="button" htmlFor="open-capture">Open capture</label>
        <input
          id="open-capture" ref={fileInput} type="file" multiple className="visually-hidden"
          accept=".pcap,.pcapng,.cap,.gz,.pcap.gz,.pcapng.gz,application/vnd.tcpdump.pcap"
          onChange={(e) => { openFiles([...(e.target.files ?? [])]); e.target.value = ''; }}
        />
      </div>
      <ExamplesMenu />
      <div className="run-controls">
        <button type="button" className="primary" onClick={() => runScript()} aria-keyshortcuts="Control+Enter Meta+Enter" title={`Run (${mac ? '⌘' : 'Ctrl'}+Enter)`}>Run</button>
        <button type="button" onClick={() => stopRun()} disabled={status === 'idle'}>Stop</button>
        <label className="pace" title="Replay the capture at its own pace, as a live dtrace session would see it">
          Pace
          <select value={pace} onChange={(e) => useStore.setState({ pace: e.target.value as Pace })}>
            {Object.entries(PACES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </label>
        {stepping && status === 'running' && <button type="button" className="primary" onClick={() => stepReplay()} aria-keyshortcuts="N">Next packet</button>}
      </div>
      <p className="context" aria-live="off" title={capture ? `${scriptName} on ${capture.name}${more ? ` and ${more} more` : ''}` : scriptName}>
        <span className="script-name">{scriptName}</span>
        {capture ? <> on <span className="capture-name">{capture.name}</span>{more > 0 && <> + {more} more</>}</> : <> · no capture (BEGIN/END and ticks only)</>}
      </p>
      {/* The progress takes the bar's free space, so a run starting or ending never moves the page below. */}
      <ProgressBar />
      <button type="button" onClick={() => setShareOpen(true)}>Share</button>
      <button type="button" aria-pressed={classroom} onClick={() => setClassroom(!classroom)}>Classroom mode</button>
      <button type="button" aria-pressed={theme === 'dark'} onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}>Dark theme</button>
    </header>
  );
}
