/**
 * The "Script editor" region. First paint shows a plain textarea with the
 * same label (fast, works without Monaco); Monaco loads in its own chunk right
 * after and takes over with the same text. Diagnostics from the worker's real
 * compiler become markers; Ctrl/Cmd+Enter runs.
 */
import { useEffect, useRef, useState } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api.js';
import { runScript, scheduleCompile } from '../actions.ts';
import { useStore } from '../store/store.ts';
// The language id registered by d-language.ts (kept literal so the main chunk does not pull the D tables in).
const D_LANGUAGE_ID = 'd';

type MonacoNs = typeof Monaco;

export function Editor() {
  const script = useStore((s) => s.script);
  const setScript = useStore((s) => s.setScript);
  const diagnostics = useStore((s) => s.diagnostics);
  const theme = useStore((s) => s.theme);
  const classroom = useStore((s) => s.classroom);
  // "current" once the diagnostics shown are for the text in the editor (tests wait on it).
  const fresh = useStore((s) => s.diagnosedScript !== null && s.diagnosedScript === s.script);
  const host = useRef<HTMLDivElement>(null);
  const [m, setM] = useState<{ monaco: MonacoNs; editor: Monaco.editor.IStandaloneCodeEditor } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  // Load Monaco after first paint.
  useEffect(() => {
    let disposed = false;
    let created: Monaco.editor.IStandaloneCodeEditor | null = null;
    let model: Monaco.editor.ITextModel | null = null;
    const start = () => {
      // Monaco loads in stages, each its own task, so the page's thread is free between them: its core
      // (monaco-core.ts), then the D editor's setup, then the editor itself. As one task it took
      // 288-500 ms on this machine; staged, the longest is 192-258 ms (alternating builds, 3 loads each).
      const nextTask = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
      import('./monaco-core.ts').then(nextTask).then(() => import('./monaco-setup.ts')).then(async (m) => {
        await nextTask();
        // The model and the theme first, in a task of their own: making the model starts Monaco's
        // standalone services and the theme builds its token colours (together some 40-60 ms), which
        // editor.create would otherwise do in its task.
        if (!disposed) {
          model = m.monaco.editor.createModel(useStore.getState().script, D_LANGUAGE_ID);
          m.monaco.editor.setTheme(useStore.getState().theme === 'dark' ? 'wiretrace-dark' : 'wiretrace-light');
        }
        await nextTask();
        return m;
      }).then(({ monaco }) => {
        if (disposed || !host.current || !model) return;
        const s = useStore.getState();
        if (model.getValue() !== s.script) model.setValue(s.script);
        const editor = monaco.editor.create(host.current, {
          model,
          theme: s.theme === 'dark' ? 'wiretrace-dark' : 'wiretrace-light',
          automaticLayout: true,
          minimap: { enabled: false },
          fontSize: s.classroom ? 22 : 14,
          scrollBeyondLastLine: false,
          tabSize: 8,
          insertSpaces: false,
          ariaLabel: 'Script editor',
          fixedOverflowWidgets: true,
        });
        editor.onDidChangeModelContent(() => {
          const text = editor.getValue();
          if (text !== useStore.getState().script) { useStore.getState().setScript(text); scheduleCompile(); }
        });
        editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => runScript());
        // Tab indents, so a keyboard user leaves the editor with Escape then Tab (Shift+Tab backwards),
        // or with Monaco's tab-focus mode (Ctrl+M): the hint under the editor says so.
        let escaped = false;
        // Ctrl+M: Tab moves focus until pressed again (in place of Monaco's own toggle, whose binding differs between builds and platforms).
        let tabMoves = false;
                editor.onKeyDown((e) => {
          if (e.keyCode === monaco.KeyCode.KeyM && e.ctrlKey && !e.altKey && !e.shiftKey && !e.metaKey) {
            e.preventDefault();
            e.stopPropagation();
            tabMoves = !tabMoves;
            useStore.getState().setNotice(tabMoves ? 'Tab now moves focus out of the editor (Ctrl+M to indent again)' : 'Tab now indents in the editor');
            host.current?.setAttribute('data-tab-moves-focus', String(tabMoves));
            return;
          }
          if (e.keyCode === monaco.KeyCode.Escape) { escaped = true; return; }
          if (e.keyCode === monaco.KeyCode.Tab && (escaped || tabMoves) && !e.ctrlKey && !e.altKey && !e.metaKey) {
            e.preventDefault();
            e.stopPropagation();
            escaped = false;
            if (host.current) focusBeyond(host.current, e.shiftKey);
            return;
          }
          if (e.keyCode !== monaco.KeyCode.Shift) escaped = false;
        });
        created = editor;
        setM({ monaco, editor });
      }, (err: unknown) => setLoadError(err instanceof Error ? err.message : String(err)));
    };
    const t = setTimeout(start, 0);
    return () => { disposed = true; clearTimeout(t); created?.dispose(); model?.dispose(); };
  }, []);

  // Store → Monaco (examples, share links, view scripts).
  useEffect(() => {
    if (m && m.editor.getValue() !== script) m.editor.setValue(script);
  }, [m, script]);

  useEffect(() => { m?.monaco.editor.setTheme(theme === 'dark' ? 'wiretrace-dark' : 'wiretrace-light'); }, [m, theme]);
  useEffect(() => { m?.editor.updateOptions({ fontSize: classroom ? 22 : 14 }); }, [m, classroom]);

  useEffect(() => {
    if (!m) return;
    const model = m.editor.getModel();
    if (!model) return;
    const lines = model.getLineCount();
    m.monaco.editor.setModelMarkers(model, 'wiretrace', diagnostics.map((d) => {
      const line = Math.min(Math.max(d.line, 1), lines);
      const endCol = d.endColumn ?? (d.column > 0 ? d.column + 1 : model.getLineMaxColumn(line));
      return {
        severity: d.severity === 'error' ? m.monaco.MarkerSeverity.Error : m.monaco.MarkerSeverity.Warning,
        message: d.tag ? `${d.message} [${d.tag}]` : d.message,
        startLineNumber: line, endLineNumber: line,
        startColumn: d.column > 0 ? d.column : model.getLineFirstNonWhitespaceColumn(line) || 1,
        endColumn: Math.max(endCol, 2),
      };
    }));
  }, [m, diagnostics]);

  return (
    <div className="editor" data-diagnostics={fresh ? 'current' : 'pending'} data-diagnostic-count={diagnostics.length}>
      <OptionsField />
      {!m && (
        <textarea
          className="editor-fallback"
          aria-label="Script editor"
          spellCheck={false}
          value={script}
          onChange={(e) => { setScript(e.target.value); scheduleCompile(); }}
          onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); runScript(); } }}
        />
      )}
      <div ref={host} className="editor-monaco" hidden={!m} data-testid="monaco-host" />
      {m && <p className="editor-hint" id="editor-keys-hint">Tab indents. Leave the editor: <kbd>Esc</kbd> then <kbd>Tab</kbd>, or <kbd>Ctrl</kbd>+<kbd>M</kbd> to make Tab move focus.</p>}
      {loadError && <p className="editor-note" role="alert">The full editor could not load ({loadError}); the plain editor works.</p>}
      <Diagnostics />
    </div>
  );
}

/**
 * The options and macro arguments of the run, as typed after `wiretrace` on a
 * command line; then the ESP keys (where `--esp-sa FILE` would stand), which
 * open their dialog.
 */
function OptionsField() {
  const options = useStore((s) => s.options);
  const setOptions = useStore((s) => s.setOptions);
  const scriptName = useStore((s) => s.scriptName);
  const setKeysOpen = useStore((s) => s.setKeysOpen);
  const keyed = useStore((s) => s.espKeys.trim() !== '');
  return (
    <div className="editor-head">
      <span className="cmdline" aria-hidden="true">wiretrace</span>
      <input
        aria-label="dtrace options" className="options-field" spellCheck={false} value={options}
        placeholder="options and $1 $2 … e.g. -q -x strsize=64"
        onChange={(e) => { setOptions(e.target.value); scheduleCompile(); }}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); runScript(); } }}
      />
      <button type="button" className="keys-button" aria-haspopup="dialog" title="Keys to decrypt IPsec ESP (the CLI's --esp-sa)" onClick={() => setKeysOpen(true)}>
        {keyed ? 'ESP keys (set)' : 'ESP keys'}
      </button>
      <span className="cmdline" aria-hidden="true">-s {scriptName}</span>
    </div>
  );
}

function Diagnostics() {
  const diagnostics = useStore((s) => s.diagnostics);
  const available = useStore((s) => s.compilerAvailable);
  if (available === false) return <p className="editor-note">Diagnostics appear here once the D compiler is part of this build.</p>;
  if (diagnostics.length === 0) return null;
  return (
    <ul className="diagnostics" aria-label="Diagnostics">
      {diagnostics.slice(0, 20).map((d, i) => (
        <li key={i} className={d.severity}>
          {d.line > 0 && !d.message.includes(`line ${d.line}:`) ? `line ${d.line}: ` : ''}{d.message}{d.tag ? ` [${d.tag}]` : ''}
        </li>
      ))}
    </ul>
  );
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Moves focus to the next (or previous) focusable element outside `box`, in document order. */
function focusBeyond(box: HTMLElement, backwards: boolean): void {
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !box.contains(el) && el.offsetParent !== null);
  const after = (el: HTMLElement): boolean => (box.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  const target = backwards ? all.filter((el) => !after(el)).at(-1) : all.find(after);
  target?.focus();
}
