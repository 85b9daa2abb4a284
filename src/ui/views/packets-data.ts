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

/** UDP-encapsulated ESP (RFC 3948 NAT traversal). */
export const NATT_PORT = 4500;
export const NATT_PROTO = 'ESP (NAT-T)';

export class PacketTableBuilder {
  readonly table = emptyPacketTable();
  private partial = '';
  /** Frames whose UDP datagram uses port 4500 (from packets.d's "udp" lines). */
  private natt = new Set<number>();
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
    if (f[0] === 'udp' && f.length === 4) {
      if (Number(f[2]) === NATT_PORT || Number(f[3]) === NATT_PORT) this.markNatt(Number(f[1]));
      return;
    }
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
    t.proto.push(f[8] === 'UDP' && this.natt.has(t.frame[t.length]!) ? NATT_PROTO : f[8]!);
    t.length++;
  }

  /** The udp line may come before or after its frame's IP line: mark both ways (only the last rows can be that frame). */
  private markNatt(frame: number): void {
    this.natt.add(frame);
    const t = this.table;
    for (let i = t.length - 1; i >= 0 && i >= t.length - 8; i--) if (t.frame[i] === frame && t.proto[i] === 'UDP') t.proto[i] = NATT_PROTO;
  }
}

/** One frame that fired more than once: the outer (NIC) layer and the inner ones it carried. */
export interface TunnelGroup { frame: number; rows: number[]; inferred?: boolean }

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

const isEsp = (p: string): boolean => p === 'ESP' || p === NATT_PROTO;
/** Names of virtual tunnel interfaces (DESIGN.md: ip.tun0, gre0, vxlan<VNI>; Solaris ip.tunN; Linux tunN, ipsecN). */
export const TUNNEL_IF = /^(ip\.)?tun\d*$|^ip6?tnl|^gre|^vxlan|^geneve|^gtp|^ipsec|^vti/;

/** How close in time an ESP packet and a tunnel-interface packet must be to be paired (captures show tens of µs). */
export const ESP_PAIR_WINDOW_NS = 1_000_000;

/**
 * Tunnels captured as separate interfaces (IPsec ESP: the NIC sees only the
 * encrypted packet, the tunnel interface the cleartext one, in separate
 * frames). Each ESP row is paired with the nearest-in-time row of the same
 * direction on another interface within ESP_PAIR_WINDOW_NS whose packet is
 * smaller (it must fit inside); each row pairs at most once. A UDP row counts
 * as ESP when its partner is on a tunnel interface (NAT-T ESP rides in UDP
 * 4500, and the ip provider's protocol is then UDP). This is an inference
 * from time and size, and the UI says so.
 */
export function inferEspPairs(t: PacketTable): TunnelGroup[] {
  const used = new Uint8Array(t.length);
  const out: TunnelGroup[] = [];
  for (let i = 0; i < t.length; i++) {
    const udp = t.proto[i] === 'UDP';
    if (!isEsp(t.proto[i]!) && !udp) continue;
    let best = -1;
    let bestDt = Infinity;
    for (let j = i - 1; j >= 0 && t.relNs[i]! - t.relNs[j]! <= ESP_PAIR_WINDOW_NS; j--) consider(j);
    for (let j = i + 1; j < t.length && t.relNs[j]! - t.relNs[i]! <= ESP_PAIR_WINDOW_NS; j++) consider(j);
    if (best >= 0) {
      used[best] = 1;
      used[i] = 1;
      out.push({ frame: t.frame[i]!, rows: [i, best], inferred: true });
    }
    function consider(j: number): void {
      if (used[j] || isEsp(t.proto[j]!) || t.ifName[j] === t.ifName[i] || t.dir[j] !== t.dir[i] || t.total[j]! >= t.total[i]! || t.frame[j] === t.frame[i]) return;
      if (udp && !TUNNEL_IF.test(t.ifName[j]!)) return;
      const dt = Math.abs(t.relNs[j]! - t.relNs[i]!);
      if (dt < bestDt) { bestDt = dt; best = j; }
    }
  }
  return out;
}
