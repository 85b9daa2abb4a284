/**
 * The engine's Web Worker entry: {run, stop, compile, inspect, frame} in, batches of
 * EngineEvents out (protocol.ts).
 *
 * Invariants:
 * - Events reach the UI in order, in batches: consecutive text events are
 *   joined and only the newest progress event of a batch is kept; a batch is
 *   posted at most every 16 ms (one animation frame), or at once when it grows
 *   large, so a script printing millions of lines cannot flood the main thread.
 * - `stop` is acknowledged before anything else happens, then aborts the run's
 *   AbortController (RunRequest.signal): the engine ends the run as Ctrl-C
 *   ends dtrace. If the worker is stuck and cannot acknowledge, the UI
 *   terminates and respawns it (src/ui/engine/client.ts).
 * - `done` is posted only after every event of the run has been flushed.
 */
import type { ByteSource } from '../capture/types.ts';
import { fetchCapture } from './fetch-capture.ts';
import type { Diagnostic } from './api.ts';
import type { EngineEvent } from './events.ts';
import { ByteStreamDecoder, decodeEvent, decodeEvents, lineEnds, longestLine, stdoutBytes } from './utf8.ts';
import { PacketLineParser } from './packet-lines.ts';
import { deltaTransfer } from './packet-table.ts';
import { ENGINE_MISSING, type CaptureSpec, type CompileMessage, type FrameMessage, type FromWorker, type InspectMessage, type RunMessage, type ToWorker, type WireEvent } from './protocol.ts';
import { countingSource, indexForReplay, loadDecode, loadDiagnose, loadEngine, loadOpen, PacedSource, readFrame, sniffFormat, summarize, type SourcesModule } from './worker-engine.ts';

interface WorkerScope {
  postMessage(m: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
}
// Undefined when this module is imported by a unit test (Node) rather than run as a worker.
const scope = (typeof self === 'undefined' ? undefined : self) as unknown as WorkerScope;

const FLUSH_MS = 16;
// A batch this large (256 KiB of output bytes, transferred; a table run's text is parsed here) is taken in well under a frame.
const MAX_BATCH_TEXT = 1 << 18;
const MAX_BATCH_EVENTS = 4096;

/** Collects one run's events and posts them in coalesced batches. */
export class Batcher {
  private queue: EngineEvent[] = [];
  private textBytes = 0;
  private last = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A table run's standard output, decoded here (utf8.ts) for its parser; other runs send theirs as bytes (postWire). */
  private readonly stdout = new ByteStreamDecoder();
  /** packets.d's parser when the run's output is a table (RunMessage.table): text becomes TableEvents. */
  private readonly parser: PacketLineParser | null;
  constructor(
    private readonly id: number,
    private readonly post: (m: FromWorker, transfer?: Transferable[]) => void = (m, t) => scope.postMessage(m, t),
    table?: 'packets',
  ) {
    this.parser = table === 'packets' ? new PacketLineParser() : null;
  }

  push(e: EngineEvent): void {
    const q = this.queue;
    const prev = q.length > 0 ? q[q.length - 1]! : undefined;
    if (e.kind === 'text' && prev?.kind === 'text') {
      q[q.length - 1] = { kind: 'text', text: prev.text + e.text };
    } else if (e.kind === 'progress' && prev?.kind === 'progress') {
      q[q.length - 1] = e;
    } else {
      q.push(e);
    }
    if (e.kind === 'text') this.textBytes += e.text.length;
    const now = performance.now();
    if (now - this.last >= FLUSH_MS || this.textBytes > MAX_BATCH_TEXT || q.length > MAX_BATCH_EVENTS) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  flush(): void {
    if (this.timer !== undefined) { clearTimeout(this.timer); this.timer = undefined; }
    this.last = performance.now();
    if (this.queue.length === 0) return;
    const events = this.queue;
    this.queue = [];
    this.textBytes = 0;
    if (this.parser !== null) return this.postTable(decodeEvents(events, this.stdout), false);
    this.postWire(events);
  }

  /** A batch as the page takes it: standard output as bytes with its line ends, transferred; other strings decoded. */
  private postWire(events: EngineEvent[]): void {
    const out: WireEvent[] = [];
    const transfer: Transferable[] = [];
    for (const e of events) {
      if (e.kind === 'text') {
        const bytes = stdoutBytes(e.text);
        const ends = lineEnds(bytes);
        out.push({ kind: 'stdout', bytes, ends, longest: longestLine(bytes.length, ends) });
        transfer.push(bytes.buffer, ends.buffer);
      } else {
        out.push(decodeEvent(e) as WireEvent);
      }
    }
    this.post({ type: 'events', id: this.id, events: out }, transfer);
  }

  /** A table run's batch: its text parsed into rows, posted as one TableEvent (buffers transferred) beside the other events. */
  private postTable(events: EngineEvent[], final: boolean): void {
    const parser = this.parser!;
    const out: WireEvent[] = [];
    for (const e of events) {
      if (e.kind === 'text') parser.feed(e.text);
      else out.push(e);
    }
    if (final) parser.finish();
    const delta = parser.take(final);
    if (delta !== null) out.unshift({ kind: 'table', delta });
    if (out.length === 0) return;
    this.post({ type: 'events', id: this.id, events: out }, delta !== null ? deltaTransfer(delta) : undefined);
  }

  /** A table run's delta buffers, back from the page: its parser fills them again. */
  reuse(buffers: ArrayBuffer[]): void { this.parser?.reuse(buffers); }

  /** The last batch (and for a table run, an unfinished UTF-8 sequence at the very end of its text, read as U+FFFD). */
  finish(): void {
    this.flush();
    if (this.parser === null) return;
    const rest = this.stdout.end();
    this.postTable(rest !== '' ? [{ kind: 'text', text: rest }] : [], true);
  }
}

const running = new Map<number, AbortController>();
/** Table runs' batchers, by run id: the page hands their delta buffers back (TableBuffersMessage). */
const tableBatchers = new Map<number, Batcher>();
const replays = new Map<number, PacedSource[]>();

/** A replay's capture as a Blob: files as they are, URLs fetched whole (replays are bounded in size). */
async function replayBlob(spec: CaptureSpec, signal: AbortSignal): Promise<Blob> {
  if (spec.kind === 'blob') return spec.blob;
  return (await fetchCapture(spec.url, signal)).blob();
}

async function openReplay(spec: CaptureSpec, sources: SourcesModule, speed: number, id: number, signal: AbortSignal, batch: Batcher): Promise<ByteSource> {
  const open = await loadOpen();
  if (!open) throw new Error('replay needs the capture readers, which are not in this build yet');
  const blob = await replayBlob(spec, signal);
  const idx = await indexForReplay(blob, spec.name, open, sources);
  if (typeof idx === 'string') throw new Error(idx);
  const { offsets, relNs } = idx;
  // The replay's position and capture clock, as progress events the page shows while packets trickle in.
  const released = (n: number): void => {
    batch.push({ kind: 'progress', bytes: n < offsets.length ? offsets[n]! : blob.size, totalBytes: blob.size, packets: n, firings: 0, replay: { packet: n, packets: offsets.length, clockNs: n > 0 ? relNs[n - 1]! : 0 } });
  };
  const src = new PacedSource(blob, spec.name, offsets, relNs, speed, signal, undefined, released);
  released(0);
  replays.set(id, [...(replays.get(id) ?? []), src]);
  return src;
}

async function openSource(spec: CaptureSpec, sources: SourcesModule, signal: AbortSignal): Promise<ByteSource> {
  if (spec.kind === 'blob') {
    const file = spec.blob instanceof File ? spec.blob : new File([spec.blob], spec.name);
    return (await import('../capture/web/blob-worker-source.ts')).blobWorkerSource(file, spec.name);
  }
  const res = await fetchCapture(spec.url, signal);
  if (!res.body) throw new Error(`cannot open ${spec.url}: the server sent no body`);
  const len = Number(res.headers.get('content-length'));
  return sources.streamSource(res.body, spec.name, Number.isFinite(len) && len > 0 ? len : undefined);
}

let parallelReady: Promise<void> | undefined;
/**
 * -x ncpu=N in the page: shards as nested Web Workers (parallel/host-web.ts),
 * the engine's capture driver becoming the coordinator, as the CLI's does
 * with worker_threads. Loaded with the first run; a run on one worker (the
 * default) goes through the one-thread driver as before.
 */
function enableWebShards(): Promise<void> {
  parallelReady ??= (async () => {
    try {
      const [{ enableParallel }, { webShardHost }] = await Promise.all([import('./parallel/index.ts'), import('./parallel/host-web.ts')]);
      const host = webShardHost();
      if (host) enableParallel(host);
    } catch {
      // Without the parallel modules every run stays on one worker, as -x ncpu=1.
    }
  })();
  return parallelReady;
}

async function handleRun(m: RunMessage): Promise<void> {
  const batch = new Batcher(m.id, undefined, m.table);
  if (m.table) tableBatchers.set(m.id, batch);
  const ac = new AbortController();
  running.set(m.id, ac);
  let status = 1;
  try {
    const engine = await loadEngine();
    if (!engine) {
      batch.push({ kind: 'message', level: 'error', text: ENGINE_MISSING });
      return;
    }
    await enableWebShards();
    const captures: ByteSource[] = [];
    for (const spec of m.captures) {
      captures.push(m.replay ? await openReplay(spec, engine.sources, m.replay.speed, m.id, ac.signal, batch) : await openSource(spec, engine.sources, ac.signal));
    }
    if (ac.signal.aborted && captures.length > 0) return;
    status = await engine.run({ programs: m.programs, captures, options: m.options, onEvent: (e) => batch.push(e), signal: ac.signal });
    batch.push({ kind: 'exit', status });
  } catch (err) {
    batch.push({ kind: 'message', level: 'error', text: err instanceof Error ? err.message : String(err) });
  } finally {
    running.delete(m.id);
    tableBatchers.delete(m.id);
    replays.delete(m.id);
    batch.finish();
    scope.postMessage({ type: 'done', id: m.id, status });
  }
}

async function handleCompile(m: CompileMessage): Promise<void> {
  const diagnose = await loadDiagnose();
  if (diagnose) {
    try {
      const r = diagnose(m.program);
      scope.postMessage({ type: 'diagnostics', id: m.id, diagnostics: Array.isArray(r) ? r : r.diagnostics, available: true });
      return;
    } catch { /* fall through to a compile-only run */ }
  }
  const engine = await loadEngine();
  if (!engine) {
    scope.postMessage({ type: 'diagnostics', id: m.id, diagnostics: [], available: false });
    return;
  }
  // A compile-only run (dtrace -e): its error messages are the diagnostics.
  const diagnostics: Diagnostic[] = [];
  try {
    await engine.run({
      programs: [m.program],
      captures: [],
      options: { ...m.options, compileOnly: true },
      onEvent: (e) => {
        if (e.kind === 'message' && e.level !== 'info') {
          diagnostics.push({ severity: e.level, tag: e.tag ?? '', message: e.text, program: e.file ?? m.program.name, line: e.line ?? 0, column: 0 });
        }
      },
    });
  } catch (err) {
    diagnostics.push({ severity: 'error', tag: '', message: err instanceof Error ? err.message : String(err), program: m.program.name, line: 0, column: 0 });
  }
  scope.postMessage({ type: 'diagnostics', id: m.id, diagnostics, available: true });
}

async function handleInspect(m: InspectMessage): Promise<void> {
  const spec = m.capture;
  try {
    let head: Uint8Array;
    let size: number | undefined;
    if (spec.kind === 'blob') {
      size = spec.blob.size;
      head = new Uint8Array(await spec.blob.slice(0, 8).arrayBuffer());
    } else {
      const res = await fetchCapture(spec.url);
      const len = Number(res.headers.get('content-length'));
      size = Number.isFinite(len) && len > 0 ? len : undefined;
      const reader = res.body?.getReader();
      const first = reader ? await reader.read() : { value: undefined };
      head = first.value ?? new Uint8Array(0);
      await reader?.cancel();
    }
    const { format, detail } = sniffFormat(head);
    const [open, engine] = await Promise.all([loadOpen(), loadEngine()]);
    let summary;
    if (open && engine) {
      const counted = countingSource(await openSource(spec, engine.sources, new AbortController().signal));
      summary = await summarize(counted.source, open);
      // No Content-Length (compressed or chunked responses): the summary pass read it all, so count.
      if (size === undefined && !summary.fatal) size = counted.bytes();
    }
    scope.postMessage({ type: 'inspect-result', id: m.id, format, detail, size, summary });
  } catch (err) {
    scope.postMessage({ type: 'inspect-result', id: m.id, format: 'unknown', detail: '', size: undefined, error: err instanceof Error ? err.message : String(err) });
  }
}

async function handleFrame(m: FrameMessage): Promise<void> {
  try {
    const [open, engine, dec] = await Promise.all([loadOpen(), loadEngine(), loadDecode()]);
    if (!open || !engine) throw new Error('reading captures is not available in this build');
    const detail = await readFrame(await openSource(m.capture, engine.sources, new AbortController().signal), m.frame, open, dec, m.espSa);
    if (!detail) throw new Error(`frame ${m.frame} is not in ${m.capture.name}`);
    scope.postMessage({ type: 'frame-result', id: m.id, frame: m.frame, detail }, [detail.bytes.buffer]);
  } catch (err) {
    scope.postMessage({ type: 'frame-result', id: m.id, frame: m.frame, error: err instanceof Error ? err.message : String(err) });
  }
}

if (scope) scope.onmessage = (e) => {
  const m = e.data;
  switch (m.type) {
    case 'run': void handleRun(m); break;
    case 'stop':
      scope.postMessage({ type: 'stop-ack', id: m.id });
      running.get(m.id)?.abort();
      break;
    case 'compile': void handleCompile(m); break;
    case 'inspect': void handleInspect(m); break;
    case 'frame': void handleFrame(m); break;
    case 'replay-step': for (const r of replays.get(m.id) ?? []) r.step(); break;
    case 'table-buffers': tableBatchers.get(m.id)?.reuse(m.buffers); break;
    case 'warm':
      void Promise.all([loadOpen(), loadEngine(), loadDecode()]).catch(() => undefined);
      // The next run over a dropped File gets its reader worker already started.
      void import('../capture/web/blob-worker-source.ts').then((m) => m.prespawnBlobReader()).catch(() => undefined);
      break;
  }
};
