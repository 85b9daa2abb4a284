/**
 * What a run produces. The runtime emits structured events; printers turn them
 * into dtrace-identical text (CLI, Output tab) or tables and charts (UI). The
 * same events cross the worker boundary, so they are plain data (structured-clone safe).
 */

import type { TableDelta } from './packet-table.ts';

/** Text for standard output, exactly as dtrace would print it (already formatted). */
export interface TextEvent { kind: 'text'; text: string }

/**
 * A message for standard error, without the program-name prefix (the printer
 * adds "wiretrace: " or "dtrace: "). `level` lets the UI style it.
 */
export interface MessageEvent {
  kind: 'message'; level: 'error' | 'warning' | 'info'; text: string; tag?: string; line?: number; file?: string;
  /** Printed as is, without the program-name prefix (the preprocessor's own messages, as cpp prints them). */
  raw?: boolean;
}

/**
 * Rows of packets.d's table, parsed from the run's standard output in the
 * worker (a run asked with RunMessage.table): the page's Timeline and Tunnels
 * grow their table from these instead of receiving and parsing the text.
 */
export interface TableEvent { kind: 'table'; delta: TableDelta }

/** One firing's printf/trace output, with where it came from, for the Timeline and replay. */
export interface RecordEvent { kind: 'record'; probe: string; frame: number; tsNs: string; text: string }

/** An aggregation printed (by printa, at exit, or by a tick clause): keys and values as data. */
export interface AggSnapshotEvent {
  kind: 'agg';
  name: string;
  /** The aggregating function: count, sum, avg, min, max, stddev, quantize, lquantize, llquantize. */
  func: string;
  /** Virtual time of the snapshot in ns (string: exact 64-bit). */
  tsNs: string;
  rows: { key: (string | number)[]; value: number | string; buckets?: { lo: string; count: number }[] }[];
  /** This aggregation alone as `printa(@name)` prints it (dtrace's default layout, leading newline included), for "copy as dtrace text"; absent when rows were left out. */
  text?: string;
  /** Rows left out (the first of the printing order): the snapshot carries the last AGG_SNAPSHOT_ROWS. */
  omitted?: number;
}

export interface ProgressEvent {
  kind: 'progress'; bytes: number; totalBytes: number | undefined; packets: number; firings: number;
  /** A paced replay's position (posted by the worker as records are let in): records let in, of how many, and the capture clock (ns since the first record) of the last one. */
  replay?: { packet: number; packets: number; clockNs: number };
}

/**
 * A destructive action for the consumer to perform, in output order (only
 * with -w or the destructive option, and only for a consumer that declared
 * EngineOptions.hostActions): system() runs `arg` through /bin/sh after the
 * text before it is written; freopen() sends the text after it to the file
 * `arg` (appending), or back to standard output when `arg` is ''.
 */
export interface HostActionEvent { kind: 'system' | 'freopen'; arg: string }

/** `-x aggpartial`: the run's aggregations as a partial (Parquet bytes: engine/partial/aggfile.ts), in place of END's output. */
export interface AggPartialEvent { kind: 'aggpartial'; bytes: Uint8Array }

/**
 * `-x recfmt=parquet`: the next bytes of the printf records' Parquet file
 * (engine/records/recfile.ts), in order; `first` starts the file, `last` ends it.
 */
export interface RecordsEvent { kind: 'records'; bytes: Uint8Array; first: boolean; last: boolean }

/** The end of a run: dtrace's exit status. */
export interface ExitEvent { kind: 'exit'; status: number }

export type EngineEvent = TextEvent | TableEvent | MessageEvent | RecordEvent | AggSnapshotEvent | ProgressEvent | AggPartialEvent | RecordsEvent | HostActionEvent | ExitEvent;
