/**
 * A columnar table of packets.d's lines (one per IP layer per frame), built
 * incrementally as output batches arrive. Columns are plain arrays so a
 * million rows cost a few arrays, not a million objects.
 *
 * Times: packets.d prints `timestamp` as exact integer nanoseconds (more than
 * 2^53), so each is split into seconds and nanoseconds and kept relative to
 * the first row, which fits a double exactly for any capture shorter than
 * 104 days.
 */
export interface PacketTable {
  length: number;
  /** ns since the first row. */
  relNs: number[];
  frame: number[];
  dir: string[];
  ifName: string[];
  src: string[];
  dst: string[];
  payload: number[];
  total: number[];
  proto: string[];
  /** Absolute time of the first row, "sec.nnnnnnnnn". */
  base: string;
  /** Lines that did not have packets.d's shape (messages from other clauses, say). */
  skipped: number;
}

export function emptyPacketTable(): PacketTable {
  return { length: 0, relNs: [], frame: [], dir: [], ifName: [], src: [], dst: [], payload: [], total: [], proto: [], base: '', skipped: 0 };
}

export class PacketTableBuilder {
  readonly table = emptyPacketTable();
  private partial = '';
  private baseSec = 0;
  private baseNs = 0;

  /** Feeds a chunk of stdout text (lines may be split across chunks). */
  feed(text: string): void {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop()!;
    for (const l of lines) this.line(l);
  }

  finish(): PacketTable {
    if (this.partial) this.line(this.partial);
    this.partial = '';
    return this.table;
  }

  private line(l: string): void {
    if (l === '') return;
    const f = l.split('\t');
    const t = this.table;
    if (f.length !== 9 || !/^\d+$/.test(f[0]!)) { t.skipped++; return; }
    const ts = f[0]!;
    const sec = ts.length > 9 ? Number(ts.slice(0, -9)) : 0;
    const ns = Number(ts.slice(-9));
    if (t.length === 0) {
      this.baseSec = sec; this.baseNs = ns;
      t.base = `${sec}.${String(ns).padStart(9, '0')}`;
    }
    t.relNs.push((sec - this.baseSec) * 1e9 + (ns - this.baseNs));
    t.frame.push(Number(f[1]));
    t.dir.push(f[2]!);
    t.ifName.push(f[3]!);
    t.src.push(f[4]!);
    t.dst.push(f[5]!);
    t.payload.push(Number(f[6]));
    t.total.push(Number(f[7]));
    t.proto.push(f[8]!);
    t.length++;
  }
}

/** One frame that fired more than once: the outer (NIC) layer and the inner ones it carried. */
export interface TunnelGroup { frame: number; rows: number[] }

/** Frames with more than one IP layer, in frame order: the Tunnels tab's grouping. */
export function tunnelGroups(t: PacketTable): TunnelGroup[] {
  const groups: TunnelGroup[] = [];
  let i = 0;
  while (i < t.length) {
    let j = i + 1;
    while (j < t.length && t.frame[j] === t.frame[i]) j++;
    if (j - i > 1) groups.push({ frame: t.frame[i]!, rows: Array.from({ length: j - i }, (_, k) => i + k) });
    i = j;
  }
  return groups;
}
