/**
 * The typed message map between the UI (main thread) and the engine worker.
 *
 * Every message is plain data (structured-clone safe). A call across the
 * boundary reads like a function call: the UI sends a request with an `id`, the
 * worker answers with messages that carry the same `id`. Captures cross as
 * Blob/File objects (cloned by reference, never copied into memory) or as URLs
 * the worker fetches and streams itself, so the main thread never touches bytes.
 */
import type { Diagnostic, EngineOptions, ProgramText } from './api.ts';
import type { EngineEvent } from './events.ts';

/** Where a capture's bytes come from; the worker turns each into a ByteSource. */
export type CaptureSpec =
  | { kind: 'blob'; name: string; blob: Blob }
  | { kind: 'url'; name: string; url: string };

/** Options that can cross the boundary (readInclude is a function: the worker has no file system). */
export type WireEngineOptions = Omit<EngineOptions, 'readInclude'>;

export interface RunMessage {
  type: 'run'; id: number; programs: ProgramText[]; captures: CaptureSpec[]; options: WireEngineOptions;
  /** 'packets': the run is packets.d's; its standard output arrives as TableEvents, parsed in the worker (packet-lines.ts). */
  table?: 'packets';
  /** Replay: deliver the capture at its own pace (speed 1 = real time, 10 = ten times; 0 = one packet per replay-step), as a live session would see it. */
  replay?: { speed: number };
}
/** Step mode: release the next packet of run `id`'s replay. */
export interface ReplayStepMessage { type: 'replay-step'; id: number }
export interface StopMessage { type: 'stop'; id: number }
export interface CompileMessage { type: 'compile'; id: number; program: ProgramText; options?: WireEngineOptions }
/** Sniffs a capture's container format from its first bytes (for the Capture tab). */
export interface InspectMessage { type: 'inspect'; id: number; capture: CaptureSpec }

/** Reads one frame (1-based, as Wireshark numbers them) of a capture: its bytes and decoded layers (the Timeline's detail pane). */
/** One frame's bytes and layers; `espSa`: the keys the run used, so ESP shows decrypted as the run saw it. */
export interface FrameMessage { type: 'frame'; id: number; capture: CaptureSpec; frame: number; espSa?: { name: string; text: string }[] }

/** Loads the engine's modules ahead of the first call (a fresh worker after EngineClient.recycle()). */
export interface WarmMessage { type: 'warm' }

/**
 * A table run's delta buffers, handed back once the page has copied the rows out (actions.ts): the
 * worker's parser fills them again (packet-lines.ts), so a million-row table leaves no trail of
 * transferred buffers waiting for the page's garbage collector (50 MB of them at its peak).
 */
export interface TableBuffersMessage { type: 'table-buffers'; id: number; buffers: ArrayBuffer[] }
export type ToWorker = RunMessage | StopMessage | CompileMessage | InspectMessage | ReplayStepMessage | FrameMessage | WarmMessage | TableBuffersMessage;

/**
 * Standard output on its way to the page: the bytes the CLI would write (utf8.ts stdoutBytes) and
 * where each of their lines ends (and the longest line's length), both transferred, so the page's thread neither clones nor scans
 * the text (src/ui/store/output-buffer.ts). A run's TextEvents travel as these.
 */
export interface StdoutEvent { kind: 'stdout'; bytes: Uint8Array; ends: Uint32Array; longest: number }
/** What a batch carries: the engine's events, its standard output as StdoutEvents. */
export type WireEvent = Exclude<EngineEvent, { kind: 'text' }> | StdoutEvent;

/** A batch of engine events for run `id`, in order (text events coalesced). */
export interface EventsMessage { type: 'events'; id: number; events: WireEvent[] }
/** Run `id` finished; status is dtrace's exit status (events were all flushed before this). */
export interface DoneMessage { type: 'done'; id: number; status: number }
/** The worker saw the stop request (the UI's terminate-and-respawn fallback waits for this). */
export interface StopAckMessage { type: 'stop-ack'; id: number }
export interface DiagnosticsMessage { type: 'diagnostics'; id: number; diagnostics: Diagnostic[]; available: boolean }
export interface InspectResultMessage {
  type: 'inspect-result'; id: number;
  format: 'pcap' | 'pcapng' | 'gzip' | 'unknown';
  /** pcap magic variant ('µs, little-endian'…), '' otherwise. */
  detail: string;
  size: number | undefined;
  error?: string;
  /** What a full read of the capture found (absent when the capture readers are not in the build). */
  summary?: CaptureSummary;
}

/** One pass of the capture reader over the whole input: structure, counts, times, warnings. */
export interface CaptureSummary {
  format: 'pcap' | 'pcapng';
  gzip: boolean;
  sections: { index: number; littleEndian: boolean; version: string; hardware: string; os: string; userAppl: string; comments: string[] }[];
  interfaces: { index: number; name: string; description: string; linkType: number; snapLen: number; fcsLen: number; packets: number; bytes: number }[];
  packets: number;
  /** First and last packet times, "sec.nnnnnnnnn" (exact). */
  first: string;
  last: string;
  /** Packets carrying process information (Darwin, ptcpdump). */
  withProcess: number;
  warnings: { message: string; offset: number; frame: number }[];
  /** A fatal read error after some packets were read (CaptureError message and offset). */
  fatal?: string;
}

/** One frame's bytes and layers, or why it could not be read. */
export interface FrameResultMessage {
  type: 'frame-result'; id: number; frame: number;
  /** Absent with `error`. */
  detail?: FrameDetail;
  error?: string;
}

export interface FrameDetail {
  frame: number;
  ifName: string;
  linkType: number;
  capLen: number;
  origLen: number;
  /** "sec.nnnnnnnnn" since the epoch (exact). */
  time: string;
  /** The captured bytes (a copy, transferred). */
  bytes: Uint8Array;
  /** The decoder's layer path, outermost first, each with its byte offset in `bytes`. */
  layers: { name: string; offset: number }[];
  /** The decoder's malformation note, '' when none. */
  malformed: string;
  /** ESP was decrypted with the run's keys: `bytes` hold the plaintext where the ciphertext was (same offsets). */
  decrypted?: boolean;
}

export type FromWorker = EventsMessage | DoneMessage | StopAckMessage | DiagnosticsMessage | InspectResultMessage | FrameResultMessage;

/** The message the worker sends when the engine modules have not landed in the build. */
export const ENGINE_MISSING = 'engine not available yet';
