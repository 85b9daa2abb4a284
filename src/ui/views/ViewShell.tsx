/**
 * The frame of a built-in view: its empty state when no capture is open, its
 * status while its D script runs, the engine's error when it fails, and the
 * "Show the script" button that opens the view's D in the editor.
 */
import type { ReactNode } from 'react';
import { openScript, VIEW_SCRIPTS } from '../actions.ts';
import { useStore, type ViewResult } from '../store/store.ts';

export function ViewShell<T>({ what, script, view, children }: { what: string; script: keyof typeof VIEW_SCRIPTS; view: ViewResult<T>; children: (data: T) => ReactNode }) {
  const capture = useStore((s) => s.capture);
  const show = (
    <button type="button" className="show-script" onClick={() => openScript(VIEW_SCRIPTS[script], script)}>
      Show the script ({script})
    </button>
  );
  if (!capture) return <div className="empty"><p>Open a capture to see {what}.</p>{show}</div>;
  return (
    <div className="view-shell" data-status={view.status}>
      <div className="view-toolbar">
        {view.status === 'running' && <span role="status">Computing {what} with {script}…</span>}
        {show}
      </div>
      {view.status === 'error' && (
        <div className="error-box" role="alert">
          <p>Could not compute {what}: {view.error}</p>
          {view.messages.filter((m) => m.level !== 'info').slice(0, 5).map((m, i) => <p key={i} className="stderr">wiretrace: {m.text}</p>)}
        </div>
      )}
      {view.data !== null && view.status !== 'error' && children(view.data)}
    </div>
  );
}
