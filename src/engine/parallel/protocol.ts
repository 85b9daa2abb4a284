/**
 * Messages between the coordinator (driver.ts) and its shards (shard.ts):
 * plain, structured-clone-safe data, the same over Node's worker_threads,
 * browser Web Workers and the in-process ports the tests use.
 *
 *   coordinator                          shard i
 *   init {programs, options}      ->     compiles the same program
 *                                 <-     ready | failed
 *   begin {state after BEGIN}     ->     restores BEGIN's variables, the clock, the local host
 *   epoch {records of this shard} ->     decodes and fires them
 *                                 <-     epoch-done {text, marks, events, [aggregation delta]}
 *   end                           ->
 *                                 <-     final {aggregation delta, decode summary, drops}
 *
 * An epoch is a stretch of the capture (a few thousand frames) cut at the
 * same frame for every shard; its result says what the shard printed for
 * each of its frames, so the coordinator can put every shard's output back
 * in capture order (sequencer.ts). Record batches and their buffers are
 * transferred, not copied, and come back with the result for reuse.
 */
import type { CaptureInterface, ProcessDetail } from '../../capture/types.ts';
import type { EngineOptions, ProgramText } from '../api.ts';
import type { EngineEvent } from '../events.ts';
import type { AggDelta } from '../../d/runtime/aggregate-merge.ts';
import type { RuntimeSnapshot } from './globals.ts';
import type { SummarySnapshot } from '../../decode/summary.ts';
import type { KeyText } from '../esp-keys.ts';

/** EngineOptions without the functions that cannot cross a thread boundary. */
export type ShardOptions = Omit<EngineOptions, 'readInclude'>;

export interface InitMessage {
  type: 'init';
  index: number;
  count: number;
  /** The programs as the coordinator compiled them (already preprocessed for -C). */
  programs: ProgramText[];
  options: ShardOptions;
}

export interface LocalHostSpec {
  /** --local ADDR|CIDR as given. */
  specs: string[];
  /** Addresses the coordinator inferred (or found stated) in its prescan. */
  added: Uint8Array[];
  explicit: boolean;
  mac: Uint8Array | null;
}

export interface BeginMessage {
  type: 'begin';
  state: RuntimeSnapshot;
  /** walltimestamp - timestamp (ns), and the capture's start (the clock's zero). */
  wallDeltaNs: bigint;
  t0Sec: number;
  t0Nsec: number;
  locals: LocalHostSpec;
}

/**
 * Records for one shard: meta rows (I_W int32 + F_W float64 per record)
 * whose bytes are in a shared chunk (by slot: chunks.ts) or copied into `data`.
 */
export interface RecordBatch {
  n: number;
  ints: Int32Array;
  floats: Float64Array;
  data: Uint8Array;
  /** Shared chunks this shard has not seen before: slot and buffer. */
  slots: { slot: number; buffer: SharedArrayBuffer }[];
  /** Process names and comments the records refer to (by index). */
  strings: string[];
  /** Process details the records refer to (by index). */
  procs: ProcessDetail[];
}

export interface EpochMessage {
  type: 'epoch';
  epoch: number;
  batch: RecordBatch;
  /** Interfaces first seen since the previous epoch (appended, in index order). */
  ifaces: CaptureInterface[];
  /** Hand the aggregation delta over with the result (a tick needs the merged state after this epoch). */
  sync: boolean;
  /**
   * ESP keys the capture's decryption secrets blocks gave since the previous epoch, which apply
   * from this epoch's first frame (the coordinator cuts an epoch at each such block).
   */
  keys: KeyText[];
}

export interface EndMessage { type: 'end' }

export type ToShard = InitMessage | BeginMessage | EpochMessage | EndMessage;

/** An event a shard emitted while firing frame `frame`, after `at` code units of its epoch text. */
export interface TaggedEvent { frame: number; at: number; event: EngineEvent }

export interface EpochDone {
  type: 'epoch-done';
  index: number;
  epoch: number;
  /** Everything the shard printed in this epoch, in its order. */
  text: string;
  /** Pairs (frame, end offset in text): frame `frame`'s output ends at that offset. */
  marks: Float64Array;
  events: TaggedEvent[];
  firings: number;
  /** Frames decoded, and the malformed ones among them (the decode summary's part for this epoch). */
  summary: SummarySnapshot;
  dynDrops: number;
  delta: AggDelta | null;
  /** The batch, handed back for reuse. */
  batch: RecordBatch;
  /** Bounded tables' high-water marks (see driver.ts: boundsWarning). */
  flows: number;
  conns: number;
  dynBytes: number;
  /** Frames carrying an IP fragment so far (see driver.ts: boundsWarning). */
  fragments: number;
}

export interface FinalMessage {
  type: 'final';
  index: number;
  delta: AggDelta;
}

export type FromShard =
  | { type: 'ready'; index: number }
  | { type: 'failed'; index: number; message: string }
  | EpochDone
  | FinalMessage;

/** One end of a shard's channel: a Worker, a worker_threads Worker or an in-process port. */
export interface ShardPort {
  post(m: ToShard, transfer?: Transferable[]): void;
  /** Set by the coordinator. */
  onMessage: ((m: FromShard) => void) | null;
  /** A failure of the shard itself (it could not load, or threw). */
  onError: ((message: string) => void) | null;
  terminate(): void;
}

/** Starts shard `index` of `count`. */
export type SpawnShard = (index: number, count: number) => ShardPort;

/** Where shards come from, and how many cores the host has (the default worker count). */
export interface ShardHost {
  spawn: SpawnShard;
  cores: number;
}
