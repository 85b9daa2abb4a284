/**
 * The app shell: top bar, progress, the "Script editor" region beside the
 * result tabs, the page-wide drop target, the share dialog and the ESP keys dialog. Ctrl/Cmd+Enter
 * runs from anywhere on the page.
 */
import { useEffect, useRef } from 'react';
import { restoreFromLocation, runScript, stepReplay } from './actions.ts';
import { useStore } from './store/store.ts';
import { Editor } from './editor/Editor.tsx';
import { DropOverlay } from './components/DropOverlay.tsx';
import { Splitter } from './components/Splitter.tsx';
import { KeysDialog } from './components/KeysDialog.tsx';
import { LinkBanner } from './components/LinkBanner.tsx';
import { ShareDialog } from './components/ShareDialog.tsx';
import { Tabs } from './components/Tabs.tsx';
import { TopBar } from './components/TopBar.tsx';

export function App() {
  const theme = useStore((s) => s.theme);
  const classroom = useStore((s) => s.classroom);
  const notice = useStore((s) => s.notice);
  const runCount = useStore((s) => s.runCount);
  const runStatus = useStore((s) => s.runStatus);
  const ready = useStore((s) => s.ready);
  const runMs = useStore((s) => s.runMs);
  const captureSummary = useStore((s) => s.captureSummary);
  const workspace = useRef<HTMLElement>(null);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.dataset.classroom = classroom ? 'on' : 'off';
  }, [theme, classroom]);

  useEffect(() => {
    void restoreFromLocation();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.defaultPrevented) { e.preventDefault(); runScript(); return; }
      // N lets the next packet in during a step replay, unless the key is typing text somewhere.
      const t = e.target as HTMLElement | null;
      const typing = !!t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || !!t.closest('.monaco-editor'));
      if ((e.key === 'n' || e.key === 'N') && !typing && !e.ctrlKey && !e.metaKey && !e.altKey && useStore.getState().stepping) { e.preventDefault(); stepReplay(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="app" data-run-count={runCount} data-run-status={runStatus} data-ready={ready} data-run-ms={runMs === null ? undefined : Math.round(runMs)} data-capture-summary={captureSummary}>
      <TopBar />
      <LinkBanner />
      <main className="workspace" ref={workspace}>
        <section className="editor-pane" id="editor-pane" role="region" aria-label="Script editor">
          <Editor />
        </section>
        <Splitter target={workspace} />
        <section className="results-pane" aria-label="Results">
          <Tabs />
        </section>
      </main>
      <DropOverlay />
      <ShareDialog />
      <KeysDialog />
      <div className="visually-hidden" role="status" aria-live="polite">{notice}</div>
    </div>
  );
}
