/**
 * The app's one store (zustand), in slices: editor, capture, run, results,
 * views and ui. Slices hold plain data; side effects (workers, files, the URL)
 * live in src/ui/actions.ts. Large output text lives in an OutputBuffer
 * outside the store, and the store only holds its version number.
 */
import { create, type StateCreator } from 'zustand';
import type { Diagnostic } from '../../engine/api.ts';
import type { AggSnapshotEvent, MessageEvent, ProgressEvent } from '../../engine/events.ts';
import type { CaptureSpec, InspectResultMessage } from '../../engine/protocol.ts';
import { OutputBuffer } from './output-buffer.ts';
import { OpfsSpill } from './output-spill.ts';
import type { HostRow } from '../views/hosts-data.ts';
import type { PacketTable } from '../views/packets-data.ts';

export const TABS = ['Output', 'Aggregations', 'Hosts', 'Timeline', 'Tunnels', 'Capture'] as const;
export type TabId = (typeof TABS)[number];

/** The Output; past 8 MB its older chunks go to a file in the Origin Private File System (output-spill.ts), where the browser has one. */
export const output = new OutputBuffer(() => (typeof Worker !== 'undefined' && typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function' ? new OpfsSpill() : null));
/** The last run's Parquet file, in the pieces it arrived in (kept outside React state, as the Output's text). */
export const parquetFile: Uint8Array[] = [];

/** What the editor holds before (or without) the bundled samples. */
export const STARTER_SCRIPT = `/*
 * Count IP packets by probe and interface. Ctrl+Enter (Cmd+Enter) runs.
 */
ip:::send,
ip:::receive
{
	@[probename, args[3]->if_name] = count();
}
`;

export interface EditorSlice {
  script: string;
  scriptName: string;
  /** The "dtrace options" field: options and macro arguments as typed on the command line. */
  options: string;
  diagnostics: Diagnostic[];
  /** null: not asked yet; false: the compiler has not landed in this build. */
  compilerAvailable: boolean | null;
  /** The script text the diagnostics are for (so tests and views can tell fresh from stale). */
  diagnosedScript: string | null;
  setScript(text: string, name?: string): void;
  setOptions(text: string): void;
  setDiagnostics(d: Diagnostic[], available: boolean, forScript?: string): void;
}

export interface CaptureSlice {
  capture: CaptureSpec | null;
  /** Bumped whenever a capture is opened, so views know their results are stale. */
  captureKey: number;
  captureInfo: InspectResultMessage | null;
  /**
   * The summary pass over the open capture (what the Capture tab shows): it reads the whole file,
   * so while a run reads it too the pass waits ('waiting') until the run ends or the tab opens.
   */
  captureSummary: 'none' | 'waiting' | 'reading' | 'done';
  /** Further captures opened with the first (several files at once): runs read them all, merged by time as repeated -r does. */
  moreCaptures: CaptureSpec[];
  /** Each further capture's inspection, by index (null until it answers). */
  moreInfo: (InspectResultMessage | null)[];
  /** --local override: addresses or CIDRs, one per line or comma-separated. */
  locals: string;
  /**
   * The ESP keys dialog's text (esp_sa lines, uat:esp_sa: strings, ip xfrm state output), given to every
   * run as --esp-sa is. Held in memory only: never saved, and in a share link only when the person says so.
   */
  espKeys: string;
  setCapture(c: CaptureSpec | null, more?: CaptureSpec[]): void;
  setCaptureInfo(i: InspectResultMessage | null): void;
  setCaptureSummary(state: CaptureSlice['captureSummary']): void;
  setLocals(l: string): void;
}

export type RunStatus = 'idle' | 'running' | 'stopping';

/** How a capture is fed to a run: all at once, or replayed at its own pace (Classroom mode's live feel). */
export const PACES = { full: 'Full speed', real: 'Real time', x10: '10× real time', step: 'Step by packet' } as const;
export type Pace = keyof typeof PACES;

export interface RunSlice {
  runStatus: RunStatus;
  pace: Pace;
  /** The running run is a step-paced replay (the "Next packet" control applies). */
  stepping: boolean;
  progress: ProgressEvent | null;
  /** The paced replay's position and capture clock (the last progress event that carried one), null when not replaying. */
  replay: ProgressEvent['replay'] | null;
  /** Packets per second over the run so far. */
  pps: number;
  runStartedAt: number;
  exitStatus: number | null;
  /** The run was killed (worker terminated) rather than ending. */
  killed: boolean;
  runCount: number;
  /** How long the last finished run took, from Run to its last event, ms (null while none has finished). */
  runMs: number | null;
}

export interface ResultsSlice {
  outputVersion: number;
  /** The run wrote a Parquet file (-x recfmt=parquet or -x aggpartial): its bytes are in `parquetFile`. */
  parquet: 'records' | 'aggpartial' | null;
  aggs: AggSnapshotEvent[];
  messages: MessageEvent[];
}

export interface ViewResult<T> {
  status: 'idle' | 'running' | 'done' | 'error';
  captureKey: number;
  data: T | null;
  error: string | null;
  messages: MessageEvent[];
}

export interface ViewsSlice {
  hosts: ViewResult<HostRow[]>;
  packets: ViewResult<PacketTable>;
}

export type Theme = 'light' | 'dark';

export interface UiSlice {
  tab: TabId;
  theme: Theme;
  classroom: boolean;
  shareOpen: boolean;
  keysOpen: boolean;
  dragging: boolean;
  /** Short status line for screen readers and the footer. */
  notice: string;
  /** Start-up (share link, ?capture=, default sample) has been applied. */
  ready: boolean;
  /** What went wrong with the link the page was opened with (damaged, capture left out, URL refused), shown until dismissed. */
  linkProblem: { title: string; detail: string } | null;
  /** A capture URL on another origin that a link asks to fetch: fetched only once the reader agrees. */
  pendingCapture: { url: string; name: string } | null;
  setLinkProblem(p: { title: string; detail: string } | null): void;
  setTab(t: TabId): void;
  setTheme(t: Theme): void;
  setClassroom(on: boolean): void;
  setShareOpen(on: boolean): void;
  setKeysOpen(on: boolean): void;
  setDragging(on: boolean): void;
  setNotice(n: string): void;
}

export type State = EditorSlice & CaptureSlice & RunSlice & ResultsSlice & ViewsSlice & UiSlice;
type Slice<T> = StateCreator<State, [], [], T>;

const editorSlice: Slice<EditorSlice> = (set) => ({
  script: STARTER_SCRIPT,
  scriptName: 'count.d',
  options: '',
  diagnostics: [],
  compilerAvailable: null,
  diagnosedScript: null,
  setScript: (text, name) => set((s) => ({ script: text, scriptName: name ?? s.scriptName })),
  setOptions: (text) => set({ options: text }),
  setDiagnostics: (d, available, forScript) => set({ diagnostics: d, compilerAvailable: available, diagnosedScript: forScript ?? null }),
});

const captureSlice: Slice<CaptureSlice> = (set) => ({
  capture: null,
  captureKey: 0,
  captureInfo: null,
  captureSummary: 'none',
  locals: '',
  espKeys: '',
  moreCaptures: [],
  moreInfo: [],
  setCapture: (c, more = []) => set((s) => ({ capture: c, moreCaptures: c ? more : [], moreInfo: more.map(() => null), captureKey: s.captureKey + 1, captureInfo: null, captureSummary: 'none' })),
  setCaptureInfo: (i) => set({ captureInfo: i, captureSummary: 'done' }),
  setCaptureSummary: (state) => set({ captureSummary: state }),
  setLocals: (l) => set({ locals: l }),
});

const runSlice: Slice<RunSlice> = () => ({
  runStatus: 'idle',
  pace: 'full',
  stepping: false,
  progress: null,
  replay: null,
  pps: 0,
  runStartedAt: 0,
  exitStatus: null,
  killed: false,
  runCount: 0,
  runMs: null,
});

const resultsSlice: Slice<ResultsSlice> = () => ({ outputVersion: 0, parquet: null, aggs: [], messages: [] });

export function emptyView<T>(): ViewResult<T> { return { status: 'idle', captureKey: -1, data: null, error: null, messages: [] }; }

const viewsSlice: Slice<ViewsSlice> = () => ({ hosts: emptyView(), packets: emptyView() });

function initialTheme(): Theme {
  try {
    const saved = localStorage.getItem('wiretrace.theme');
    if (saved === 'light' || saved === 'dark') return saved;
    return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}

const uiSlice: Slice<UiSlice> = (set) => ({
  tab: 'Output',
  theme: typeof window === 'undefined' ? 'light' : initialTheme(),
  classroom: false,
  shareOpen: false,
  keysOpen: false,
  dragging: false,
  notice: '',
  ready: false,
  linkProblem: null,
  pendingCapture: null,
  setLinkProblem: (p) => set({ linkProblem: p }),
  setTab: (t) => set({ tab: t }),
  setTheme: (t) => {
    try { localStorage.setItem('wiretrace.theme', t); } catch { /* private mode */ }
    set({ theme: t });
  },
  setClassroom: (on) => set({ classroom: on }),
  setShareOpen: (on) => set({ shareOpen: on }),
  setKeysOpen: (on) => set({ keysOpen: on }),
  setDragging: (on) => set({ dragging: on }),
  setNotice: (n) => set({ notice: n }),
});

export const useStore = create<State>()((...a) => ({
  ...editorSlice(...a),
  ...captureSlice(...a),
  ...runSlice(...a),
  ...resultsSlice(...a),
  ...viewsSlice(...a),
  ...uiSlice(...a),
}));

// Lines read back from the Output's spill file: draw them.
output.onLoad = () => useStore.setState({ outputVersion: output.version });
