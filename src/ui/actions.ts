/**
 * Everything the app does that is not rendering: opening captures, running
 * and stopping scripts, the built-in views' runs, compile-as-you-type, share
 * links and the start-up restore. Components call these; these update the
 * store. Two engine workers: one for the user's script, one for the built-in
 * views and diagnostics, so a long run never delays either.
 */
import { addSnapshot } from './store/agg-history.ts';
import type { ProgramText } from '../engine/api.ts';
import type { EngineEvent } from '../engine/events.ts';
import type { CaptureSpec, FrameResultMessage, WireEngineOptions, WireEvent } from '../engine/protocol.ts';
import { EngineClient, type RunHandle } from './engine/client.ts';
import { stripSecrets } from '../capture/secrets.ts';
import { compressedSize, EMBED_LIMIT, encodeShare, gunzipBounded, MAX_INFLATED, readShare } from './lib/share.ts';
import { captureParam, checkCaptureUrl } from './lib/capture-url.ts';
import { loadSamples, type Example } from './lib/samples.ts';
import { joinWords, parseOptions } from './lib/options.ts';
import { rememberCapture } from './lib/recent.ts';
import { emptyView, output, STARTER_SCRIPT, TABS, useStore, type TabId, parquetFile } from './store/store.ts';
import { hostRows } from './views/hosts-data.ts';
import { applyDelta, deltaTransfer, emptyPacketTable, MAX_INTERNED } from '../engine/packet-table.ts';
import hostsScript from './views/scripts/hosts.d?raw';
import packetsScript from './views/scripts/packets.d?raw';

const MAX_MESSAGES = 500;

export const VIEW_SCRIPTS = { 'hosts.d': hostsScript, 'packets.d': packetsScript } as const;

const main = new EngineClient();
const aux = new EngineClient();
/** The Capture tab's summary pass, in a worker of its own: ended when a run or a view's run starts beside it (pauseSummary). */
const summary = new EngineClient();
let current: RunHandle | null = null;

const set = useStore.setState;
const get = useStore.getState;

/** What the keys dialog's text is called in messages ("keys dialog:3: …", as a file's name would be). */
export const KEYS_NAME = 'keys dialog';

/** The run's options: the "dtrace options" field plus the Capture tab's local hosts and the keys dialog's ESP keys. */
function engineOptions(): WireEngineOptions | string {
  const parsed = parseOptions(get().options);
  if (!parsed.ok) return parsed.error;
  const locals = get().locals.split(/[\s,]+/).filter(Boolean);
  const o = locals.length > 0 ? { ...parsed.options, locals: [...(parsed.options.locals ?? []), ...locals] } : parsed.options;
  const keys = get().espKeys;
  // The page keeps -x recfmt=parquet's and -x aggpartial's file for a download button (OutputView).
  const withFiles: WireEngineOptions = { ...o, parquetFiles: true };
  return keys.trim() !== '' ? { ...withFiles, espSa: [{ name: KEYS_NAME, text: keys }] } : withFiles;
}

/** Options for the built-in views and diagnostics: the user's local hosts, ESP keys and macro arguments, never -q/-e. */
function viewOptions(): WireEngineOptions {
  const o = engineOptions();
  if (typeof o === 'string') return {};
  const { locals, macroArgs, defines, undefs, cpp, espSa } = o;
  return { locals, macroArgs, defines, undefs, cpp, espSa };
}

/** The dtrace-style stderr line for a message event. */
export function stderrLine(text: string): string {
  return `wiretrace: ${text}`;
}

/**
 * The open capture's summary pass (summary.inspect) until it has answered: it starts when
 * captureSummary is 'waiting' (startInspect), and waits again after pauseSummary ended it.
 */
let summaryPass: (() => void) | null = null;
/** Bumped when a summary pass is ended: the answers of an ended pass are dropped. */
let summaryGen = 0;

/**
 * A run or a view's run is starting: a summary pass reading the capture beside it is ended and waits
 * again for them to finish, unless the Capture tab, which shows it, is open. Started after a run, it
 * read the file beside the next thing the person did (opening the Timeline: its packets.d read the
 * file at the same time, and the page's thread was left waiting for the cores).
 */
function pauseSummary(): void {
  if (summaryPass === null || get().captureSummary !== 'reading' || get().tab === 'Capture') return;
  summaryGen++;
  summary.abandon('the summary pass waits for the run');
  get().setCaptureSummary('waiting');
}

/**
 * Starts the capture's summary pass once nothing else reads the capture: no run, no view's run (the
 * Timeline's packets.d reads all of it too).
 */
function inspectWhenFree(): void {
  if (current === null && viewRuns.hosts === undefined && viewRuns.packets === undefined) startInspect();
}

/** Starts the capture's summary pass if it is waiting (now: the Capture tab, which shows it, was opened). */
function startInspect(): void {
  if (summaryPass === null || get().captureSummary !== 'waiting') return;
  get().setCaptureSummary('reading');
  summaryPass();
}

export function runScript(): void {
  const s = get();
  if (current) main.stop(current.id);
  // A previous run's state not yet handed to the store is dropped with it.
  clearTimeout(runStateTimer);
  runStateTimer = undefined;
  runState = null;
  output.clear();
  parquetFile.length = 0;
  const program: ProgramText = { name: s.scriptName, text: s.script, kind: 'file' };
  const captures = allCaptures();
  const started = performance.now();
  const options = engineOptions();
  if (typeof options === 'string') {
    output.appendStderr(stderrLine(options));
    set({ runStatus: 'idle', exitStatus: 2, aggs: [], messages: [], parquet: null, outputVersion: output.version, runCount: s.runCount + 1, notice: options });
    inspectWhenFree();
    return;
  }
  pauseSummary();
  const pace = s.capture ? s.pace : 'full';
  const replay = pace === 'full' ? undefined : { speed: pace === 'real' ? 1 : pace === 'x10' ? 10 : 0 };
  set({ stepping: pace === 'step', runStatus: 'running', progress: null, replay: null, pps: 0, runStartedAt: started, exitStatus: null, killed: false, aggs: [], messages: [], parquet: null, outputVersion: output.version, runCount: s.runCount + 1, notice: `Running ${s.scriptName}` });
  // A run at full speed keeps its output in memory; once it is done the older part goes to storage.
  output.hold(pace === 'full');
  const handle = main.run([program], captures, options, {
    onEvents: (events) => {
      if (current !== handle) return;
      applyRunEvents(events, started);
    },
    onDone: (status) => {
      if (current !== handle) return;
      current = null;
      output.hold(false);
      flushRunState();
      const exit = status ?? get().exitStatus;
      renderOutputNow();
      set({ stepping: false, runStatus: 'idle', exitStatus: exit, killed: status === null, runMs: performance.now() - started, notice: status === null ? 'Stopped' : `Finished, exit status ${exit ?? 0}` });
      inspectWhenFree();
      // The run's worker goes, and its heap with it; a fresh one gets ready for the next run.
      main.recycle();
    },
  }, replay);
  current = handle;
}

/**
 * A run's state for the page (progress, aggregations, messages), gathered from
 * the worker's batches and handed to the store at most every RUN_STATE_MS:
 * every store change re-renders and repaints the status bar, and doing that
 * for each batch kept the main thread busy enough to delay keystrokes.
 */
const RUN_STATE_MS = 100;
let runState: Pick<ReturnType<typeof get>, 'aggs' | 'messages' | 'progress' | 'replay' | 'exitStatus' | 'parquet' | 'pps'> | null = null;
let runStateTimer: ReturnType<typeof setTimeout> | undefined;

function flushRunState(): void {
  clearTimeout(runStateTimer);
  runStateTimer = undefined;
  if (runState !== null) set(runState);
  runState = null;
}

function applyRunEvents(events: WireEvent[], started: number): void {
  const s = runState ?? get();
  let aggs = s.aggs;
  let messages = s.messages;
  let progress = s.progress;
  let replay = s.replay;
  let exitStatus = s.exitStatus;
  let parquet = s.parquet;
  for (const e of events) {
    switch (e.kind) {
      case 'stdout': output.appendStdoutBytes(e.bytes, e.ends, e.longest); break;
      case 'message':
        output.appendStderr(stderrLine(e.text));
        // Kept for the Capture tab; bounded (every message is in Output anyway).
        if (messages.length < MAX_MESSAGES) messages = [...messages, e];
        break;
      case 'agg': aggs = addSnapshot(aggs, e); break;
      case 'progress': if (e.replay) replay = e.replay; else progress = e; break;
      case 'exit': exitStatus = e.status; break;
      case 'record': break;
      case 'records':
        if (e.first) parquetFile.length = 0;
        if (e.bytes.length > 0) parquetFile.push(e.bytes);
        if (e.last) parquet = 'records';
        break;
      case 'aggpartial': parquetFile.length = 0; parquetFile.push(e.bytes); parquet = 'aggpartial'; break;
    }
  }
  const secs = (performance.now() - started) / 1000;
  runState = { aggs, messages, progress, replay, exitStatus, parquet, pps: progress && secs > 0 ? progress.packets / secs : 0 };
  runStateTimer ??= setTimeout(flushRunState, RUN_STATE_MS);
  scheduleOutputRender();
}

/**
 * The Output view re-renders at most every OUTPUT_RENDER_MS while a run
 * streams (batches come every 16 ms; rendering text that often costs more
 * main-thread time than it shows); the end of a run renders at once.
 */
const OUTPUT_RENDER_MS = 150;
let outputTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleOutputRender(): void {
  outputTimer ??= setTimeout(() => { outputTimer = undefined; set({ outputVersion: output.version }); }, OUTPUT_RENDER_MS);
}
function renderOutputNow(): void {
  clearTimeout(outputTimer);
  outputTimer = undefined;
  set({ outputVersion: output.version });
}

/** Step-paced replay: let the next packet in. */
export function stepReplay(): void {
  if (current && get().stepping) main.step(current.id);
}

export function stopRun(): void {
  if (!current) return;
  set({ runStatus: 'stopping' });
  main.stop(current.id);
}

/** The open captures: the first and any opened with it (several files at once), in the order given. */
export function allCaptures(): CaptureSpec[] {
  const s = get();
  return s.capture ? [s.capture, ...s.moreCaptures] : [];
}

/** Opens a capture (and `more` with it: several files, merged by time as repeated -r merges them) and runs the current script over them. */
export function openCapture(spec: CaptureSpec, run = true, more: CaptureSpec[] = []): void {
  // A summary of the capture this one replaces stops reading it.
  if (summaryPass !== null) { summaryGen++; summary.abandon('another capture was opened'); summaryPass = null; }
  get().setCapture(spec, more);
  set({ hosts: emptyView(), packets: emptyView(), notice: more.length ? `Opened ${spec.name} and ${more.length} more` : `Opened ${spec.name}` });
  const key = get().captureKey;
  summaryPass = () => {
    const gen = summaryGen;
    let left = 1 + more.length;
    // The last answer lets the summary's worker go (the next capture's summary starts a fresh one).
    const answered = (): void => { if (--left === 0) { summaryPass = null; summary.dispose(); } };
    void summary.inspect(spec).then((info) => {
      if (gen !== summaryGen) return;
      answered();
      if (get().captureKey === key) get().setCaptureInfo(info);
    });
    more.forEach((m, i) => {
      void summary.inspect(m).then((info) => {
        if (gen !== summaryGen) return;
        answered();
        if (get().captureKey !== key) return;
        const moreInfo = [...get().moreInfo];
        moreInfo[i] = info;
        set({ moreInfo });
      });
    });
  };
  // The summary reads the whole capture a second time: beside the run it would halve the run's
  // share of the cores and of the browser's file reads, so it waits for the run (and the views'
  // runs) to end unless the Capture tab, which shows it, is open.
  get().setCaptureSummary('waiting');
  if (get().tab === 'Capture') startInspect();
  if (run) runScript();
  else inspectWhenFree();
  refreshVisibleView();
}

export function openFile(file: File, remember = true): void {
  openCapture({ kind: 'blob', name: file.name, blob: file });
  if (remember) void rememberCapture(file, file.name);
}

/** Opens every file given (the file input's multiple selection, a drop of several files); one file is openFile. */
export function openFiles(files: readonly File[]): void {
  if (files.length === 0) return;
  if (files.length === 1) { openFile(files[0]!); return; }
  const [first, ...rest] = files.map((f): CaptureSpec => ({ kind: 'blob', name: f.name, blob: f }));
  openCapture(first!, true, rest);
}

/**
 * Opens a capture by URL. Refused (false, with the reason shown) when it is
 * not an http(s) address; one on another origin is fetched only when
 * `trusted` (the person typed or chose it), else the page asks first.
 */
export function openUrl(url: string, trusted = false): boolean {
  const c = checkCaptureUrl(url, location.href);
  if (!c.ok) {
    set({ notice: c.error, linkProblem: { title: 'The capture address was refused', detail: c.error } });
    return false;
  }
  if (c.crossOrigin && !trusted) {
    set({ pendingCapture: { url: c.url, name: c.name }, notice: `This link asks to open a capture from another site: ${c.url}` });
    return true;
  }
  openCapture({ kind: 'url', name: c.name, url: c.url });
  return true;
}

/** The reader's answer about a pending cross-origin capture: fetch it, or not. */
export function answerPendingCapture(fetchIt: boolean): void {
  const p = get().pendingCapture;
  set({ pendingCapture: null });
  if (!p) return;
  if (fetchIt) openCapture({ kind: 'url', name: p.name, url: p.url });
  else set({ notice: `Did not open ${p.url}` });
}

export function setLocalsAndRerun(locals: string): void {
  set({ locals, hosts: emptyView(), packets: emptyView() });
  if (get().capture) runScript();
  refreshVisibleView();
}

/** The keys dialog's Apply: new ESP keys for every run; the script and the views run again over the open capture. */
export function setKeysAndRerun(keys: string): void {
  if (keys === get().espKeys) return;
  set({ espKeys: keys, hosts: emptyView(), packets: emptyView() });
  if (get().capture) runScript();
  refreshVisibleView();
}

/** How often a built-in view's partial table is shown while its run streams. */
const VIEW_RENDER_MS = 400;

/** Runs a built-in view's script over the open capture, once per capture. */
const viewRuns: Partial<Record<'hosts' | 'packets', RunHandle>> = {};

export function ensureView(view: 'hosts' | 'packets'): void {
  const s = get();
  if (!s.capture || s[view].captureKey === s.captureKey) return;
  const key = s.captureKey;
  const prev = viewRuns[view];
  if (prev) prev.stop();
  const program: ProgramText = { name: view === 'hosts' ? 'hosts.d' : 'packets.d', text: view === 'hosts' ? hostsScript : packetsScript, kind: 'file' };
  // packets.d's output arrives as rows parsed in the worker (TableEvent): the table only grows here.
  const table = emptyPacketTable(MAX_INTERNED);
  const aggs: Extract<EngineEvent, { kind: 'agg' }>[] = [];
  const messages: Extract<EngineEvent, { kind: 'message' }>[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  set({ [view]: { status: 'running', captureKey: key, data: null, error: null, messages: [] } });
  pauseSummary();
  // -Z: packets.d's udp clause may match nothing in a build without the udp provider.
  // Hosts joins four aggregations by host: each carries every host (aggsize bounds how many there are).
  const handle = aux.run([program], allCaptures(), { ...viewOptions(), allowZeroMatch: true, aggRowsMax: view === 'hosts' ? 1 << 20 : undefined }, {
    onEvents: (events) => {
      for (const e of events) {
        if (e.kind === 'table') {
          applyDelta(table, e.delta);
          // Its rows are copied into the table: the buffers go back to be filled again.
          aux.giveBack(handle.id, deltaTransfer(e.delta));
        }
        else if (e.kind === 'agg') aggs.push(e);
        else if (e.kind === 'message') messages.push(e);
      }
      // The table grows in place; views see it at most every VIEW_RENDER_MS (their per-update work, the chart's bins, grows with it).
      if (view === 'packets' && !timer) {
        timer = setTimeout(() => {
          timer = undefined;
          if (viewRuns[view] === handle && get().captureKey === key) set({ packets: { status: 'running', captureKey: key, data: { ...table }, error: null, messages: [...messages] } });
        }, VIEW_RENDER_MS);
      }
    },
    onDone: (status) => {
      if (viewRuns[view] === handle) delete viewRuns[view];
      clearTimeout(timer);
      inspectWhenFree();
      aux.recycle();
      if (get().captureKey !== key) return;
      const failed = messages.find((m) => m.level === 'error');
      const error = status === null ? 'stopped' : failed ? failed.text : null;
      if (view === 'hosts') set({ hosts: { status: error ? 'error' : 'done', captureKey: key, data: hostRows(aggs), error, messages } });
      else set({ packets: { status: error ? 'error' : 'done', captureKey: key, data: { ...table }, error, messages } });
    },
  }, undefined, view === 'packets' ? 'packets' : undefined);
  viewRuns[view] = handle;
}

export function refreshVisibleView(): void {
  const tab = get().tab;
  if (tab === 'Hosts') ensureView('hosts');
  if (tab === 'Timeline' || tab === 'Tunnels' || tab === 'Capture') ensureView('packets');
}

export function selectTab(tab: TabId): void {
  get().setTab(tab);
  if (tab === 'Capture') startInspect();
  refreshVisibleView();
}

/** One frame of the open capture (bytes and layers), read by the aux worker; the Timeline's detail pane. */
export function readFrame(frame: number): Promise<FrameResultMessage> {
  const cap = get().capture;
  if (!cap) return Promise.resolve({ type: 'frame-result', id: 0, frame, error: 'no capture is open' });
  if (get().moreCaptures.length > 0) return Promise.resolve({ type: 'frame-result', id: 0, frame, error: 'the frame\'s bytes are shown for one capture at a time; this run merges several files' });
  const keys = get().espKeys;
  return aux.frame(cap, frame, keys.trim() !== '' ? [{ name: KEYS_NAME, text: keys }] : undefined);
}

/** Opens a script in the editor (an example, or a built-in view's D). */
export function openScript(text: string, name: string, options?: string): void {
  get().setScript(text, name);
  if (options !== undefined) get().setOptions(options);
  scheduleCompile();
}

/** Opens a manifest example: its script, options, ESP keys (its own, or none) and capture; then runs it. */
export async function openExample(ex: Example, onlyIfUntouched = false): Promise<void> {
  const [text, keys] = await Promise.all([ex.script.load(), ex.keys ? ex.keys.load() : Promise.resolve('')]);
  // At start-up, a person who typed while the sample loaded keeps their script.
  if (onlyIfUntouched && !untouched()) return;
  set({ espKeys: keys });
  openScript(text, ex.script.name, joinWords(ex.argv));
  if (ex.capture) openCapture({ kind: 'url', name: ex.capture.name, url: new URL(ex.capture.url, location.href).href });
  else runScript();
}

let compileTimer: ReturnType<typeof setTimeout> | undefined;
let compileSeq = 0;

/** Diagnostics from the real compiler, in the aux worker, 300 ms after typing stops. */
export function scheduleCompile(delay = 300): void {
  clearTimeout(compileTimer);
  compileTimer = setTimeout(() => {
    const seq = ++compileSeq;
    const s = get();
    const text = s.script;
    void aux.compile({ name: s.scriptName, text, kind: 'file' }, viewOptions()).then((r) => {
      if (seq === compileSeq) get().setDiagnostics(r.diagnostics, r.available, text);
    });
  }, delay);
}

export interface ShareResult { link: string; note: string; /** What the link carries of the secrets, or leaves out. */ secrets: string }

/**
 * The share link for the current script, tab and capture. Secrets (the keys
 * dialog's ESP keys, an embedded capture's Decryption Secrets Blocks) go
 * into it only with `withSecrets`; without, an embedded capture is stripped
 * of its DSBs. `captureUrl`: link the capture by this address instead of
 * embedding it (the Share dialog's field), so a big capture published
 * somewhere travels with the link.
 */
export async function buildShareLink(withSecrets = false, captureUrl = ''): Promise<ShareResult> {
  const s = get();
  const base = location.href.replace(/[#?].*$/, '');
  const st = { script: s.script, name: s.scriptName, tab: s.tab, options: s.options } as Parameters<typeof encodeShare>[0];
  let note = '';
  const hasKeys = s.espKeys.trim() !== '';
  if (hasKeys && withSecrets) st.espKeys = s.espKeys;
  const cap = s.capture;
  let dsbs = 0;
  let cut = -1;
  if (captureUrl.trim()) {
    const c = checkCaptureUrl(captureUrl, location.href);
    if (!c.ok) return { link: '', note: c.error, secrets: '' };
    st.captureUrl = c.url;
    note = `The capture is linked by URL (${c.url}); whoever opens the link fetches it from there${c.crossOrigin ? ', after being asked, since it is on another site (its server must allow cross-origin reads: CORS)' : ''}.`;
  } else if (cap && s.moreCaptures.length > 0) {
    // Several files: none is embedded (the link would carry one of them as if it were all).
    const all = [cap, ...s.moreCaptures];
    const size = all.reduce((a, c) => a + (c.kind === 'blob' ? c.blob.size : 0), 0);
    st.captureLeftOut = { name: all.map((c) => c.name).join(', '), size };
    note = `The link carries the script only: it does not embed several captures (${all.map((c) => c.name).join(', ')}); whoever opens it is told which to open.`;
  } else if (cap?.kind === 'url') {
    st.captureUrl = cap.url;
    note = `The capture is linked by URL (${cap.name}).`;
  } else if (cap?.kind === 'blob') {
    // Only captures that could possibly fit are read; nothing is uploaded.
    if (cap.blob.size <= 32 * 1024 * 1024) {
      let bytes: Uint8Array = new Uint8Array(await cap.blob.arrayBuffer());
      let unchecked = '';
      if (!withSecrets) {
        // A gzip-compressed pcapng is looked into (and embedded decompressed: the link deflates it anyway).
        if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
          const raw = gunzipBounded(bytes, MAX_INFLATED);
          if (raw) bytes = raw;
          else unchecked = 'it could not be decompressed to be checked for decryption secrets';
        }
        const stripped = stripSecrets(bytes);
        bytes = stripped.bytes;
        dsbs = stripped.removed;
        if (stripped.damagedAt >= 0) cut = stripped.damagedAt;
      }
      if (unchecked) note = `The capture ${cap.name} is not embedded: ${unchecked}.`;
      else if (compressedSize(bytes) <= EMBED_LIMIT) {
        st.capture = { name: cap.name, bytes };
        if (withSecrets) dsbs = Math.max(0, stripSecrets(bytes).removed);
        note = `The capture (${cap.name}) is embedded in the link${cut >= 0 ? `, up to byte ${cut}, where its blocks break off (what follows could not be checked for decryption secrets)` : ''}.`;
      } else dsbs = 0;
    }
    if (!st.capture && !note) {
      st.captureLeftOut = { name: cap.name, size: cap.blob.size };
      note = `The capture ${cap.name} is too large to embed (over ${EMBED_LIMIT / 1024} KB compressed): the link carries the script and tells whoever opens it to open ${cap.name} themselves. Or give the capture's URL above.`;
    }
  }
  const carried: string[] = [];
  const left: string[] = [];
  if (hasKeys) (withSecrets ? carried : left).push('the ESP keys');
  if (dsbs > 0) (withSecrets ? carried : left).push(`the capture's ${plural(dsbs, 'decryption secrets block')}`);
  const secrets = carried.length > 0 ? `The link carries ${carried.join(' and ')}: anyone with it can decrypt the traffic.`
    : left.length > 0 ? `Left out of the link: ${left.join(' and ')}.` : '';
  return { link: `${base}#${encodeShare(st)}`, note, secrets };
}

const sizeText = (n: number): string => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);
const plural = (n: number, what: string): string => `${n === 1 ? 'one' : n} ${what}${n === 1 ? '' : 's'}`;

/** Start-up: a share link, else ?capture=URL, else the bundled default sample; then run. */
export async function restoreFromLocation(): Promise<void> {
  try {
    await restore();
  } finally {
    set({ ready: true });
  }
}

/** True while the editor still holds the starter text (a person who typed first keeps their script). */
const untouched = (): boolean => get().script === STARTER_SCRIPT;

async function restore(): Promise<void> {
  const read = readShare(location.hash);
  if (read.kind === 'damaged') {
    // Nothing from a damaged link is trusted, and the default sample is not opened as if nothing happened.
    set({ linkProblem: { title: 'This share link is damaged', detail: `The link could not be read: ${read.reason}. Nothing from it was loaded. Ask whoever sent it for the link again (copy it whole), or open a script and a capture yourself.` }, notice: 'This share link is damaged' });
    scheduleCompile(0);
    return;
  }
  if (read.kind === 'ok') {
    const shared = read.state;
    get().setScript(shared.script, shared.name);
    get().setOptions(shared.options);
    // Keys come only from a link whose maker chose to share them.
    set({ espKeys: shared.espKeys ?? '' });
    if ((TABS as readonly string[]).includes(shared.tab)) get().setTab(shared.tab as TabId);
    scheduleCompile(0);
    if (shared.capture) openCapture({ kind: 'blob', name: shared.capture.name, blob: new Blob([shared.capture.bytes as Uint8Array<ArrayBuffer>]) });
    else if (shared.captureUrl) openUrl(shared.captureUrl);
    else if (shared.refusedCaptureUrl !== undefined) openUrl(shared.refusedCaptureUrl);
    else if (shared.captureLeftOut) {
      const { name, size } = shared.captureLeftOut;
      set({ linkProblem: { title: 'The capture was left out of this link', detail: `The script came with the link, but its capture, ${name} (${sizeText(size)}), was too big to embed. Open ${name} (Open capture…, or drop it on the page) to run the script over it; ask whoever sent the link for the file.` } });
    } else runScript();
    return;
  }
  const samples = await loadSamples();
  const def = samples.defaultExample;
  const param = captureParam(location.search);
  if (param) {
    if (def) {
      const text = await def.script.load();
      if (untouched()) openScript(text, def.script.name, joinWords(def.argv));
    }
    if ('error' in param) {
      set({ linkProblem: { title: 'The capture address was refused', detail: param.error }, notice: param.error });
      scheduleCompile(0);
      return;
    }
    if (openUrl(param.value)) return;
    scheduleCompile(0);
    return;
  }
  if (def && untouched()) await openExample(def, true);
  else scheduleCompile(0);
}
