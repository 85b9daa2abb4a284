/**
 * The one engine API, shared by the CLI, the Web Worker and the tests.
 * (Implemented in src/engine/run.ts; this file holds only the contract.)
 */
import type { ByteSource } from '../capture/types.ts';
import type { EngineEvent } from './events.ts';

/** A D program text with the name messages use ("x.d" for -s x.d; for -n the text itself). */
export interface ProgramText { name: string; text: string; kind: 'file' | 'inline' }

export interface EngineOptions {
  quiet?: boolean;
  /** -C and its -D/-U/-I. Include files are resolved by `readInclude` (the CLI reads the file system; the UI has none). */
  cpp?: boolean;
  defines?: [string, string | undefined][];
  undefs?: string[];
  includeDirs?: string[];
  readInclude?: (path: string) => string | undefined;
  /** -x options in order (e.g. ['strsize', '64'], ['errtags', undefined]). */
  xopts?: [string, string | undefined][];
  /** $1 ... as given after the options. */
  macroArgs?: string[];
  /** -Z */
  allowZeroMatch?: boolean;
  /** -w */
  destructive?: boolean;
  /** The consumer performs system() and freopen() (HostActionEvent): the CLI does, the web app does not. */
  hostActions?: boolean;
  /** The consumer writes the Parquet files of -x aggpartial and -x recfmt=parquet (the CLI's -o); others refuse those options. */
  parquetFiles?: boolean;
  /** -e: compile only. */
  compileOnly?: boolean;
  /** Also emit a RecordEvent per clause firing that recorded data (for the UI's Timeline; off for the CLI). */
  records?: boolean;
  /**
   * Emit an AggSnapshotEvent (structured rows) for every printed aggregation, for the UI's views; default on.
   * The CLI prints text only and turns them off: they would double what END holds in memory.
   */
  aggRows?: boolean;
  /** Rows an AggSnapshotEvent carries at most (default AGG_SNAPSHOT_ROWS, 10,000: the last of the printing order). */
  aggRowsMax?: number;
  /** --local ADDR|CIDR, overriding inference. */
  locals?: string[];
  /** The zone printf's %Y and %T use: dtrace uses the local zone (the CLI passes 'local'); default 'UTC'. */
  timeZone?: 'UTC' | 'local';
  /** Linux dtrace's test mode (_DTRACE_TESTING in the environment): firing lines omit the CPU and ID columns. */
  testing?: boolean;
  /** --no-infer-note: do not report the inferred local host (an info message). */
  quietInference?: boolean;
  /** -v: say how the run is spread over workers (engine/parallel). */
  verbose?: boolean;
  /**
   * --esp-sa FILE / the keys dialog: ESP keys (Wireshark esp_sa lines, tshark's uat:esp_sa: strings or
   * `ip xfrm state` output); ESP is decrypted in the decode stage. `name` is for messages.
   */
  espSa?: { name: string; text: string }[];
  /**
   * The consumer itself: BEGIN and END fire in dtrace's own process, so there `pid` and `execname`
   * are the consumer's (the CLI passes its process id and invoked name; default 0 and "dtrace").
   */
  consumer?: { pid: number; execname: string };
}

export interface RunRequest {
  programs: ProgramText[];
  /** Zero or more captures, merged by time. None: BEGIN, ticks on a free-running virtual clock, END. */
  captures: ByteSource[];
  options: EngineOptions;
  onEvent: (e: EngineEvent) => void;
  /**
   * --merge: aggregation partials (written by `-x aggpartial`) to merge
   * instead of reading captures; END then prints what one run over all their
   * captures prints (engine/partial/partial-run.ts).
   */
  partials?: { name: string; bytes: Uint8Array }[];
  /** Aborting ends the run as Ctrl-C ends dtrace: END fires, unprinted aggregations print. */
  signal?: AbortSignal;
}

/** A compile diagnostic, for the CLI's messages and the editor's markers. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** dtrace's error tag, e.g. D_SYNTAX. */
  tag: string;
  message: string;
  /** Which program (ProgramText.name) and where; line/column 1-based, 0 when unknown. */
  program: string;
  line: number;
  column: number;
  endColumn?: number;
}
