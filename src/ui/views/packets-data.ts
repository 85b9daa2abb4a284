/**
 * The Timeline's and Tunnels' data on the page: packets.d's table (parsed in
 * the engine worker, src/engine/packet-lines.ts, and grown here from the
 * deltas it posts: src/engine/packet-table.ts) and the chart's time bins.
 */
import { applyDelta, emptyPacketTable, MAX_INTERNED, type NumCol, type PacketTable } from '../../engine/packet-table.ts';
import { PacketLineParser } from '../../engine/packet-lines.ts';

export { emptyPacketTable, Interner, MAX_INTERNED, NONE, NumCol, StrCol, U32Col, type PacketTable, type TableDelta } from '../../engine/packet-table.ts';
export { NATT_PORT, NATT_PROTO, NATT_ROWS } from '../../engine/packet-lines.ts';

/**
 * packets.d's text straight into a table, in one thread: the worker's parser
 * and the page's deltas composed (tests, and the statement of what the split
 * pipeline computes).
 */
export class PacketTableBuilder {
  readonly table: PacketTable;
  private parser: PacketLineParser;
  constructor(maxInterned = MAX_INTERNED) {
    this.table = emptyPacketTable(maxInterned);
    this.parser = new PacketLineParser(maxInterned);
  }
  /** Distinct strings kept so far (for tests). */
  get interned(): number { return this.parser.dict.size; }
  feed(text: string): void {
    this.parser.feed(text);
    const d = this.parser.take(false);
    if (d) applyDelta(this.table, d);
  }
  finish(): PacketTable {
    this.parser.finish();
    const d = this.parser.take(true);
    if (d) applyDelta(this.table, d);
    return this.table;
  }
}

/**
 * DELTA(us) as ipio.d prints it: `(timestamp - last) / 1000` in D is integer
 * division, which truncates toward zero (18325.9 µs prints 18325), never rounds.
 */
export function deltaUs(ns: number): number {
  return Math.trunc(ns / 1000);
}

/** Bins a TimeBins keeps at most (the chart's resolution). */
export const TIME_BINS = 256;

/**
 * Packets and bytes per time interval, built incrementally: each update
 * reads only the rows added since the last (a streaming million-row table
 * must not be re-binned whole several times a second). Bins start 1 ms wide
 * and double in width (adjacent pairs merged) whenever a row falls past the
 * last, so there are at most TIME_BINS of them, each a power-of-two number
 * of milliseconds wide.
 */
export class TimeBins {
  /** Bin width, ns. */
  width = 1e6;
  readonly pkts = new Float64Array(TIME_BINS);
  readonly bytes = new Float64Array(TIME_BINS);
  /** Bins in use (highest non-empty index + 1). */
  used = 0;
  /** Rows of the table consumed so far. */
  private done = 0;

  /** Consumes the rows of t added since the last call (t must be the same growing table). */
  add(t: PacketTable): void {
    for (let i = this.done; i < t.length; i++) {
      const ns = t.relNs.get(i);
      let b = ns > 0 ? Math.floor(ns / this.width) : 0;
      while (b >= TIME_BINS) { this.double(); b = Math.floor(ns / this.width); }
      this.pkts[b]!++;
      this.bytes[b]! += t.total.get(i);
      if (b >= this.used) this.used = b + 1;
    }
    this.done = t.length;
  }

  private double(): void {
    const { pkts, bytes } = this;
    for (let j = 0; j < TIME_BINS / 2; j++) {
      pkts[j] = pkts[2 * j]! + pkts[2 * j + 1]!;
      bytes[j] = bytes[2 * j]! + bytes[2 * j + 1]!;
    }
    pkts.fill(0, TIME_BINS / 2);
    bytes.fill(0, TIME_BINS / 2);
    this.width *= 2;
    this.used = Math.ceil(this.used / 2);
  }

  /** The chart's series: x in seconds (bin starts, plus the end of the last), values per bin (0 at the end). */
  series(): { x: number[]; pkts: number[]; bytes: number[] } {
    const n = this.used;
    const x = Array.from({ length: n + 1 }, (_, i) => (i * this.width) / 1e9);
    const pkts = Array.from({ length: n + 1 }, (_, i) => (i < n ? this.pkts[i]! : 0));
    const bytes = Array.from({ length: n + 1 }, (_, i) => (i < n ? this.bytes[i]! : 0));
    return { x, pkts, bytes };
  }
}

const binsByTable = new WeakMap<NumCol, TimeBins>();
/** The TimeBins of a table, by its time column: the same object while the table grows, whatever copies of the table object are made. */
export function timeBinsOf(t: PacketTable): TimeBins {
  let b = binsByTable.get(t.relNs);
  if (!b) { b = new TimeBins(); binsByTable.set(t.relNs, b); }
  return b;
}
