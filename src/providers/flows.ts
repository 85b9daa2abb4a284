/**
 * Flow ids: a stable small integer per (protocol, address, port, address,
 * port) flow, the same in both directions. They are the `tid` of a firing
 * (so `self->` variables follow a connection), csinfo_t's cs_cid, and the
 * key of the TCP connection table.
 *
 * An open-addressing hash table over typed arrays: a lookup reads the
 * addresses from the packet's bytes and allocates nothing. The table is
 * bounded: when half full it is cleared (ids keep increasing, so an old
 * flow seen again gets a new id — the price of bounded memory).
 */
const W = 10; // words per key: proto|len, 4 words per address, ports
const EMPTY = 0;

export class FlowTable {
  private readonly cap: number;
  private readonly keys: Uint32Array;
  private readonly ids: Int32Array;
  private readonly tmp = new Uint32Array(W);
  private count = 0;
  private nextId = 1;
  /** After id(): whether the packet's source is the flow's second endpoint (canonical order swapped). */
  swapped = false;

  constructor(capacity = 1 << 16) {
    this.cap = capacity;
    this.keys = new Uint32Array(capacity * W);
    this.ids = new Int32Array(capacity);
  }

  id(b: Uint8Array, srcOff: number, dstOff: number, len: number, proto: number, sport: number, dport: number): number {
    const t = this.tmp;
    // Compare the endpoints (address bytes, then port) to put the lower one first.
    let cmp = 0;
    for (let i = 0; i < len && cmp === 0; i++) cmp = b[srcOff + i]! - b[dstOff + i]!;
    if (cmp === 0) cmp = sport - dport;
    const swap = cmp > 0;
    this.swapped = swap;
    const ao = swap ? dstOff : srcOff, bo = swap ? srcOff : dstOff;
    const ap = swap ? dport : sport, bp = swap ? sport : dport;
    t[0] = (proto << 8) | len;
    for (let w = 0; w < 4; w++) {
      const k = w * 4;
      t[1 + w] = k < len ? ((b[ao + k]! << 24) | (b[ao + k + 1]! << 16) | (b[ao + k + 2]! << 8) | b[ao + k + 3]!) >>> 0 : 0;
      t[5 + w] = k < len ? ((b[bo + k]! << 24) | (b[bo + k + 1]! << 16) | (b[bo + k + 2]! << 8) | b[bo + k + 3]!) >>> 0 : 0;
    }
    t[9] = ((ap << 16) | bp) >>> 0;
    let h = 0x811c9dc5;
    for (let i = 0; i < W; i++) h = Math.imul(h ^ t[i]!, 0x01000193);
    const mask = this.cap - 1;
    let slot = (h >>> 0) & mask;
    for (;;) {
      const id = this.ids[slot]!;
      if (id === EMPTY) break;
      const base = slot * W;
      let same = true;
      for (let i = 0; i < W; i++) if (this.keys[base + i] !== t[i]) { same = false; break; }
      if (same) return id;
      slot = (slot + 1) & mask;
    }
    if (this.count * 2 >= this.cap) {
      this.ids.fill(EMPTY);
      this.count = 0;
      slot = (h >>> 0) & mask;
    }
    this.keys.set(t, slot * W);
    const id = this.nextId++;
    this.ids[slot] = id;
    this.count++;
    return id;
  }
}
