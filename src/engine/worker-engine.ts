/**
 * The worker's view of the engine, loaded lazily and tolerantly.
 *
 * The engine (src/engine/run.ts), the capture sources (src/capture/sources.ts)
 * and the compile-only checker (src/d/program.ts) are written in parallel with
 * the app. `import.meta.glob` resolves to an empty map when a file is absent, so
 * the build never breaks on a module that has not landed yet; once it lands, the
 * same code picks it up with no change here. Nothing is faked: when the engine
 * is missing, callers get `null` and report ENGINE_MISSING as an error event.
 */
import { CaptureError, type ByteSource, type CaptureReader } from '../capture/types.ts';
import type { CaptureSummary, FrameDetail } from './protocol.ts';
import type { Diagnostic, ProgramText, RunRequest } from './api.ts';
import type { Decoder } from '../decode/index.ts';

export interface RunModule { run(req: RunRequest): Promise<number> }
export interface SourcesModule {
  blobSource(blob: Blob, name?: string): ByteSource;
  streamSource(stream: ReadableStream<Uint8Array>, name: string, size: number | undefined): ByteSource;
}
/** The compile-only checker; its exact export name is not fixed yet, so it is looked up tolerantly. */
export type DiagnoseFn = (program: ProgramText) => Diagnostic[] | { diagnostics: Diagnostic[] };

const runGlob = import.meta.glob<RunModule>('./run.ts');
const sourcesGlob = import.meta.glob<SourcesModule>('../capture/sources.ts');
// The editor's checker with the network providers registered (diagnose.ts), not program.ts's bare one.
const programGlob = import.meta.glob<Record<string, unknown>>('./diagnose.ts');
const openGlob = import.meta.glob<OpenModule>('../capture/open.ts');

export interface OpenModule { openCapture(src: ByteSource): Promise<CaptureReader> }

const decodeGlob = import.meta.glob<DecodeModule>('../decode/index.ts');
export interface DecodeModule {
  Decoder: typeof Decoder;
  KIND_NAMES: readonly string[];
  REASON_NAMES: readonly string[];
}
let decodePromise: Promise<DecodeModule | null> | undefined;
/** The packet decoders (src/decode), loaded only when a frame's layers are asked for. */
export function loadDecode(): Promise<DecodeModule | null> {
  decodePromise ??= loadOne(decodeGlob).then((m) => (m && typeof m.Decoder === 'function' ? m : null));
  return decodePromise;
}

async function loadOne<T>(glob: Record<string, () => Promise<T>>): Promise<T | null> {
  const loaders = Object.values(glob);
  if (loaders.length === 0) return null;
  try {
    return await loaders[0]!();
  } catch {
    return null;
  }
}

export interface Engine { run: RunModule['run']; sources: SourcesModule }

let enginePromise: Promise<Engine | null> | undefined;

/** The engine and capture sources, or null when either has not landed. */
export function loadEngine(): Promise<Engine | null> {
  enginePromise ??= (async () => {
    const [r, s] = await Promise.all([loadOne(runGlob), loadOne(sourcesGlob)]);
    if (!r || typeof r.run !== 'function' || !s || typeof s.blobSource !== 'function') return null;
    return { run: r.run, sources: s };
  })();
  return enginePromise;
}

let openPromise: Promise<OpenModule | null> | undefined;

/** The capture readers' entry point (src/capture/open.ts), or null before it lands. */
export function loadOpen(): Promise<OpenModule | null> {
  openPromise ??= loadOne(openGlob).then((m) => (m && typeof m.openCapture === 'function' ? m : null));
  return openPromise;
}

const DIAGNOSE_NAMES = ['diagnose', 'diagnostics', 'compileDiagnostics', 'checkProgram'];

let diagnosePromise: Promise<DiagnoseFn | null> | undefined;

/** The compile-only diagnostics function (src/engine/diagnose.ts: program.ts's checker with every provider registered). */
export function loadDiagnose(): Promise<DiagnoseFn | null> {
  diagnosePromise ??= (async () => {
    const m = await loadOne(programGlob);
    if (!m) return null;
    for (const n of DIAGNOSE_NAMES) if (typeof m[n] === 'function') return m[n] as DiagnoseFn;
    return null;
  })();
  return diagnosePromise;
}

/** Names a capture container from its first bytes, for the Capture tab (magic numbers only; reading is src/capture's job). */
export function sniffFormat(head: Uint8Array): { format: 'pcap' | 'pcapng' | 'gzip' | 'unknown'; detail: string } {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return { format: 'gzip', detail: 'gzip-compressed' };
  if (head.length < 4) return { format: 'unknown', detail: '' };
  const be = ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0;
  switch (be) {
    case 0x0a0d0d0a: return { format: 'pcapng', detail: '' };
    case 0xa1b2c3d4: return { format: 'pcap', detail: 'microsecond, big-endian' };
    case 0xd4c3b2a1: return { format: 'pcap', detail: 'microsecond, little-endian' };
    case 0xa1b23c4d: return { format: 'pcap', detail: 'nanosecond, big-endian' };
    case 0x4d3cb2a1: return { format: 'pcap', detail: 'nanosecond, little-endian' };
    default: return { format: 'unknown', detail: '' };
  }
}

/*
 * The Capture tab's facts, read in the worker with the capture module's own
 * reader: one pass over every record (no decoding), counting packets and bytes
 * per interface, the first and last times (exact, as integer seconds and
 * nanoseconds), packets with process information, and the reader's warnings.
 */
const MAX_WARNINGS = 200;

/** Orders (sec, nsec) pairs without floating point. */
const before = (s1: number, n1: number, s2: number, n2: number): boolean => s1 < s2 || (s1 === s2 && n1 < n2);
const fmt = (sec: number, nsec: number): string => `${sec}.${String(nsec).padStart(9, '0')}`;

export async function summarize(src: ByteSource, open: OpenModule): Promise<CaptureSummary> {
  const out: CaptureSummary = { format: 'pcap', gzip: false, sections: [], interfaces: [], packets: 0, first: '', last: '', withProcess: 0, warnings: [] };
  let r;
  try {
    r = await open.openCapture(src);
  } catch (e) {
    await src.close().catch(() => undefined);
    throw e;
  }
  const pk: number[] = [];
  const by: number[] = [];
  let fs = Infinity, fn = 0, ls = -Infinity, ln = 0;
  try {
    for (;;) {
      for (let p = r.nextSync(); p !== null; p = r.nextSync()) {
        out.packets++;
        pk[p.ifIndex] = (pk[p.ifIndex] ?? 0) + 1;
        by[p.ifIndex] = (by[p.ifIndex] ?? 0) + p.origLen;
        if (before(p.tsSec, p.tsNsec, fs, fn)) { fs = p.tsSec; fn = p.tsNsec; }
        if (before(ls, ln, p.tsSec, p.tsNsec)) { ls = p.tsSec; ln = p.tsNsec; }
        if (p.pid >= 0 || p.procName !== '') out.withProcess++;
      }
      if (!(await r.fill())) break;
    }
  } catch (e) {
    out.fatal = e instanceof CaptureError ? `${e.message} (byte offset ${e.offset})` : String(e);
  } finally {
    await r.close().catch(() => undefined);
  }
  out.format = r.format;
  out.gzip = r.gzip;
  out.sections = r.sections.map((s) => ({ index: s.index, littleEndian: s.littleEndian, version: `${s.major}.${s.minor}`, hardware: s.hardware, os: s.os, userAppl: s.userAppl, comments: [...s.comments] }));
  out.interfaces = r.interfaces.map((i) => ({ index: i.index, name: i.name, description: i.description, linkType: i.linkType, snapLen: i.snapLen, fcsLen: i.fcsLen, packets: pk[i.index] ?? 0, bytes: by[i.index] ?? 0 }));
  out.warnings = r.warnings.slice(0, MAX_WARNINGS).map((w) => ({ message: w.message, offset: w.offset, frame: w.frame }));
  if (out.packets > 0) { out.first = fmt(fs, fn); out.last = fmt(ls, ln); }
  return out;
}

/** Largest capture a replay indexes and holds as a Blob (replays are for demonstrations, not bulk work). */
export const MAX_REPLAY_BYTES = 256 * 1024 * 1024;

/**
 * A ByteSource that releases a capture's bytes at the capture's own pace, so
 * the engine sees packets arrive as a live `tcpdump -w - | wiretrace -r -`
 * session would. An index pass (the capture module's reader) finds where each
 * record's block starts and its time; bytes up to the first unreleased
 * record's block are delivered, and records are released by a clock (speed ×
 * real time since the first packet) or one at a time by step().
 * Not for gzip input: record offsets count decompressed bytes.
 */
export class PacedSource implements ByteSource {
  readonly name: string;
  /** Undefined, as for a pipe: the engine then treats the input as live and flushes output per firing. */
  readonly size: number | undefined = undefined;
  private readonly total: number;
  private pos = 0;
  private released = 0;
  private wake: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private t0 = 0;

  constructor(
    private readonly blob: Blob,
    name: string,
    /** Byte offset of each record's block, in file order. */
    private readonly offsets: Float64Array,
    /** Each record's time in ns since the first record (non-decreasing: out-of-order times wait for their turn). */
    private readonly relNs: Float64Array,
    private readonly speed: number,
    private readonly signal: AbortSignal,
    private readonly chunk = 1 << 16,
    /** Called with the number of records let in, each time it grows (the page's replay clock). */
    private readonly onRelease?: (released: number) => void,
  ) {
    this.name = name;
    this.total = blob.size;
    signal.addEventListener('abort', () => this.poke(), { once: true });
  }

  /** Releases the next record (step mode). */
  step(): void {
    if (this.released < this.offsets.length) { this.released++; this.onRelease?.(this.released); }
    this.poke();
  }

  private poke(): void { const w = this.wake; this.wake = null; w?.(); }

  private schedule(): void {
    if (this.speed <= 0 || this.timer !== undefined || this.released >= this.offsets.length) return;
    if (this.t0 === 0) this.t0 = performance.now();
    const due = this.t0 + this.relNs[this.released]! / 1e6 / this.speed;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const now = performance.now();
      const before = this.released;
      while (this.released < this.offsets.length && this.t0 + this.relNs[this.released]! / 1e6 / this.speed <= now) this.released++;
      if (this.released !== before) this.onRelease?.(this.released);
      this.poke();
    }, Math.max(0, due - performance.now()));
  }

  async read(): Promise<Uint8Array | null> {
    for (;;) {
      if (this.signal.aborted || this.pos >= this.total) return null;
      const allowed = this.released < this.offsets.length ? this.offsets[this.released]! : this.total;
      if (this.pos < allowed) {
        const end = Math.min(allowed, this.pos + this.chunk);
        const bytes = new Uint8Array(await this.blob.slice(this.pos, end).arrayBuffer());
        this.pos = end;
        return bytes;
      }
      this.schedule();
      await new Promise<void>((resolve) => { this.wake = resolve; });
    }
  }

  async close(): Promise<void> { clearTimeout(this.timer); this.poke(); }
}

/** Indexes a (non-gzip) capture for PacedSource: each record's block offset and time since the first record. */
export async function indexForReplay(blob: Blob, name: string, open: OpenModule, sources: SourcesModule): Promise<{ offsets: Float64Array; relNs: Float64Array } | string> {
  if (blob.size > MAX_REPLAY_BYTES) return `replay is limited to captures of ${MAX_REPLAY_BYTES >> 20} MB`;
  const r = await open.openCapture(sources.blobSource(blob, name));
  if (r.gzip) { await r.close(); return 'replay needs an uncompressed capture (gunzip it first)'; }
  const offs: number[] = [];
  const times: number[] = [];
  let s0 = 0, n0 = 0, last = 0;
  try {
    for (;;) {
      for (let p = r.nextSync(); p !== null; p = r.nextSync()) {
        if (offs.length === 0) { s0 = p.tsSec; n0 = p.tsNsec; }
        last = Math.max(last, (p.tsSec - s0) * 1e9 + (p.tsNsec - n0));
        offs.push(p.fileOffset);
        times.push(last);
      }
      if (!(await r.fill())) break;
    }
  } catch { /* the run itself reports a damaged capture; replay what was indexed */ } finally {
    await r.close().catch(() => undefined);
  }
  return { offsets: Float64Array.from(offs), relNs: Float64Array.from(times) };
}

/**
 * One frame of a capture, for the Timeline's detail pane: the reader walks
 * the records without decoding them (cheap) up to frame `n`, then that one
 * record is decoded and its captured bytes copied out. Frame numbers are the
 * reader's (1-based, as Wireshark's and packets.d's pkt_addr).
 */
export async function readFrame(src: ByteSource, n: number, open: OpenModule, dec: DecodeModule | null, espSa?: readonly { name: string; text: string }[]): Promise<FrameDetail | null> {
  const r = await open.openCapture(src);
  // The run's keys and the capture's own secrets blocks (read on the way to the frame): ESP shows decrypted.
  const keys = dec && (espSa !== undefined || 'onSecrets' in r) ? new (await import('./esp-keys.ts')).EspKeys(() => undefined) : null;
  if (keys) { keys.addTexts(espSa ?? []); keys.watch(r); }
  const decoder = dec ? new dec.Decoder(keys ? { esp: keys.table } : undefined) : null;
  try {
    for (;;) {
      for (let p = r.nextSync(); p !== null; p = r.nextSync()) {
        if (p.frame < n) continue;
        if (p.frame > n) return null;
        let bytes = p.buf.slice(p.off, p.off + p.capLen);
        const iface = r.interfaces[p.ifIndex];
        const layers: FrameDetail['layers'] = [];
        let ifName = iface?.name || `if${p.ifIndex}`;
        let malformed = '';
        let decrypted = false;
        if (dec && decoder) {
          const f = decoder.decode(p, r.interfaces, false);
          // Decrypted in the decoder's scratch copy, at the same offsets: show the plaintext the layers describe.
          if (f.buf !== p.buf) { bytes = f.buf.slice(p.off, p.off + p.capLen); decrypted = true; }
          for (let i = 0; i < f.pathLen; i++) layers.push({ name: dec.KIND_NAMES[f.pathKind[i]!] ?? '?', offset: f.pathOff[i]! - p.off });
          ifName = f.ifName;
          if (f.malReason !== 0) malformed = dec.REASON_NAMES[f.malReason] ?? 'malformed';
        }
        return { frame: p.frame, ifName, linkType: iface?.linkType ?? -1, capLen: p.capLen, origLen: p.origLen, time: fmt(p.tsSec, p.tsNsec), bytes, layers, malformed, ...(decrypted ? { decrypted } : {}) };
      }
      if (!(await r.fill())) return null;
    }
  } finally {
    await r.close().catch(() => undefined);
  }
}

/**
 * Wraps a source to count the bytes it delivers: a streamed URL without a
 * Content-Length still has a known size once the summary pass has read it all.
 */
export function countingSource(src: ByteSource): { source: ByteSource; bytes: () => number } {
  let n = 0;
  const source: ByteSource = {
    name: src.name,
    size: src.size,
    read: async () => {
      const b = await src.read();
      if (b) n += b.byteLength;
      return b;
    },
    close: () => src.close(),
    ...(src.gunzip ? { gunzip: src.gunzip.bind(src) } : {}),
  };
  return { source, bytes: () => n };
}
