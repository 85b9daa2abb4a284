/**
 * Everything the app does that is not rendering: opening captures, running
 * and stopping scripts, the built-in views' runs, compile-as-you-type, share
 * links and the start-up restore. Components call these; these update the
 * store. Two engine workers: one for the user's script, one for the built-in
 * views and diagnostics, so a long run never delays either.
 */
import type { ProgramText } from '../engine/api.ts';
import type { EngineEvent } from '../engine/events.ts';
import type { CaptureSpec, FrameResultMessage, WireEngineOptions } from '../engine/protocol.ts';
import { EngineClient, type RunHandle } from './engine/client.ts';
import { stripSecrets } from '../capture/secrets.ts';
import { compressedSize, decodeShare, EMBED_LIMIT, encodeShare, gunzipBounded, isFetchableUrl, MAX_INFLATED, urlFileName } from './lib/share.ts';
import { loadSamples, type Example } from './lib/samples.ts';
import { joinWords, parseOptions } from './lib/options.ts';
import { rememberCapture } from './lib/recent.ts';
import { SlicedFeeder } from './lib/sliced.ts';
import { emptyView, output, STARTER_SCRIPT, TABS, useStore, type TabId } from './store/store.ts';
import { hostRows } from './views/hosts-data.ts';
import { PacketTableBuilder } from './views/packets-data.ts';
import hostsScript from './views/scripts/hosts.d?raw';
import packetsScript from './views/scripts/packets.d?raw';

const MAX_MESSAGES = 500;

export const VIEW_SCRIPTS = { 'hosts.d': hostsScript, 'packets.d': packetsScript } as const;

const main = new EngineClient();
const aux = new EngineClient();
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
  return keys.trim() !== '' ? { ...o, espSa: [{ name: KEYS_NAME, text: keys }] } : o;
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

export function runScript(): void {
  const s = get();
  if (current) main.stop(current.id);
  output.clear();
  const program: ProgramText = { name: s.scriptName, text: s.script, kind: 'file' };
  const captures: CaptureSpec[] = s.capture ? [s.capture] : [];
  const started = performance.now();
  const options = engineOptions();
  if (typeof options === 'string') {
    output.appendStderr(stderrLine(options));
    set({ runStatus: 'idle', exitStatus: 2, aggs: [], messages: [], outputVersion: output.version, runCount: s.runCount + 1, notice: options });
    return;
  }
  const pace = s.capture ? s.pace : 'full';
  const replay = pace === 'full' ? undefined : { speed: pace === 'real' ? 1 : pace === 'x10' ? 10 : 0 };
  set({ stepping: pace === 'step', runStatus: 'running', progress: null, pps: 0, runStartedAt: started, exitStatus: null, killed: false, aggs: [], messages: [], outputVersion: output.version, runCount: s.runCount + 1, notice: `Running ${s.scriptName}` });
  const handle = main.run([program], captures, options, {
    onEvents: (events) => {
      if (current !== handle) return;
      applyRunEvents(events, started);
    },
    onDone: (status) => {
      if (current !== handle) return;
      current = null;
      const exit = status ?? get().exitStatus;
      renderOutputNow();
      set({ stepping: false, runStatus: 'idle', exitStatus: exit, killed: status === null, notice: status === null ? 'Stopped' : `Finished, exit status ${exit ?? 0}` });
    },
  }, replay);
  current = handle;
}

function applyRunEvents(events: EngineEvent[], started: number): void {
  const s = get();
  let aggs = s.aggs;
  let messages = s.messages;
  let progress = s.progress;
  let exitStatus = s.exitStatus;
  for (const e of events) {
    switch (e.kind) {
      case 'text': output.appendStdout(e.text); break;
      case 'message':
        output.appendStderr(stderrLine(e.text));
        // Kept for the Capture tab; bounded (every message is in Output anyway).
        if (messages.length < MAX_MESSAGES) messages = [...messages, e];
        break;
      case 'agg': aggs = [...aggs, e]; break;
      case 'progress': progress = e; break;
      case 'exit': exitStatus = e.status; break;
      case 'record': break;
    }
  }
  const secs = (performance.now() - started) / 1000;
  set({ aggs, messages, progress, exitStatus, pps: progress && secs > 0 ? progress.packets / secs : 0 });
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

/** Opens a capture and runs the current script over it. */
export function openCapture(spec: CaptureSpec, run = true): void {
  get().setCapture(spec);
  set({ hosts: emptyView(), packets: emptyView(), notice: `Opened ${spec.name}` });
  const key = get().captureKey;
  void aux.inspect(spec).then((info) => { if (get().captureKey === key) get().setCaptureInfo(info); });
  if (run) runScript();
  refreshVisibleView();
}

export function openFile(file: File, remember = true): void {
  openCapture({ kind: 'blob', name: file.name, blob: file });
  if (remember) void rememberCapture(file, file.name);
}

export function openUrl(url: string): boolean {
  if (!isFetchableUrl(url)) { set({ notice: `Not an http(s) URL: ${url}` }); return false; }
  const name = urlFileName(url);
  openCapture({ kind: 'url', name, url: new URL(url, location.href).href });
  return true;
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
  const builder = new PacketTableBuilder();
  // packets.d's text is parsed in bounded slices, never a whole message in one task.
  const feeder = new SlicedFeeder((text) => builder.feed(text));
  const aggs: Extract<EngineEvent, { kind: 'agg' }>[] = [];
  const messages: Extract<EngineEvent, { kind: 'message' }>[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  set({ [view]: { status: 'running', captureKey: key, data: null, error: null, messages: [] } });
  // -Z: packets.d's udp clause may match nothing in a build without the udp provider.
  const handle = aux.run([program], [s.capture], { ...viewOptions(), allowZeroMatch: true }, {
    onEvents: (events) => {
      for (const e of events) {
        if (e.kind === 'text' && view === 'packets') feeder.push(e.text);
        else if (e.kind === 'agg') aggs.push(e);
        else if (e.kind === 'message') messages.push(e);
      }
      // The table grows in place; views see it at most every VIEW_RENDER_MS (their per-update work, the chart's bins, grows with it).
      if (view === 'packets' && !timer) {
        timer = setTimeout(() => {
          timer = undefined;
          if (viewRuns[view] === handle && get().captureKey === key) set({ packets: { status: 'running', captureKey: key, data: { ...builder.table }, error: null, messages: [...messages] } });
        }, VIEW_RENDER_MS);
      }
    },
    onDone: async (status) => {
      if (viewRuns[view] === handle) delete viewRuns[view];
      if (get().captureKey !== key) { clearTimeout(timer); feeder.stop(); return; }
      await feeder.whenDrained();
      clearTimeout(timer);
      if (get().captureKey !== key) return;
      const failed = messages.find((m) => m.level === 'error');
      const error = status === null ? 'stopped' : failed ? failed.text : null;
      if (view === 'hosts') set({ hosts: { status: error ? 'error' : 'done', captureKey: key, data: hostRows(aggs), error, messages } });
      else set({ packets: { status: error ? 'error' : 'done', captureKey: key, data: { ...builder.finish() }, error, messages } });
    },
  });
  viewRuns[view] = handle;
}

export function refreshVisibleView(): void {
  const tab = get().tab;
  if (tab === 'Hosts') ensureView('hosts');
  if (tab === 'Timeline' || tab === 'Tunnels' || tab === 'Capture') ensureView('packets');
}

export function selectTab(tab: TabId): void {
  get().setTab(tab);
  refreshVisibleView();
}

/** One frame of the open capture (bytes and layers), read by the aux worker; the Timeline's detail pane. */
export function readFrame(frame: number): Promise<FrameResultMessage> {
  const cap = get().capture;
  if (!cap) return Promise.resolve({ type: 'frame-result', id: 0, frame, error: 'no capture is open' });
  return aux.frame(cap, frame);
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
 * of its DSBs.
 */
export async function buildShareLink(withSecrets = false): Promise<ShareResult> {
  const s = get();
  const base = location.href.replace(/[#?].*$/, '');
  const st = { script: s.script, name: s.scriptName, tab: s.tab, options: s.options } as Parameters<typeof encodeShare>[0];
  let note = '';
  const hasKeys = s.espKeys.trim() !== '';
  if (hasKeys && withSecrets) st.espKeys = s.espKeys;
  const cap = s.capture;
  let dsbs = 0;
  let cut = -1;
  if (cap?.kind === 'url') {
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
    if (!st.capture && !note) note = `The capture ${cap.name} is too large to embed (over ${EMBED_LIMIT / 1024} KB compressed): the link carries the script only.`;
  }
  const carried: string[] = [];
  const left: string[] = [];
  if (hasKeys) (withSecrets ? carried : left).push('the ESP keys');
  if (dsbs > 0) (withSecrets ? carried : left).push(`the capture's ${plural(dsbs, 'decryption secrets block')}`);
  const secrets = carried.length > 0 ? `The link carries ${carried.join(' and ')}: anyone with it can decrypt the traffic.`
    : left.length > 0 ? `Left out of the link: ${left.join(' and ')}.` : '';
  return { link: `${base}#${encodeShare(st)}`, note, secrets };
}

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
  const shared = decodeShare(location.hash);
  if (shared) {
    get().setScript(shared.script, shared.name);
    get().setOptions(shared.options);
    // Keys come only from a link whose maker chose to share them.
    set({ espKeys: shared.espKeys ?? '' });
    if ((TABS as readonly string[]).includes(shared.tab)) get().setTab(shared.tab as TabId);
    scheduleCompile(0);
    if (shared.capture) openCapture({ kind: 'blob', name: shared.capture.name, blob: new Blob([shared.capture.bytes as Uint8Array<ArrayBuffer>]) });
    else if (shared.captureUrl) openUrl(shared.captureUrl);
    else runScript();
    return;
  }
  const samples = await loadSamples();
  const def = samples.defaultExample;
  const param = new URLSearchParams(location.search).get('capture');
  if (param) {
    if (def) {
      const text = await def.script.load();
      if (untouched()) openScript(text, def.script.name, joinWords(def.argv));
    }
    if (openUrl(param)) return;
  }
  if (def && untouched()) await openExample(def, true);
  else scheduleCompile(0);
}
