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
  private cap: number;
  private keys: Uint32Array;
  private ids: Int32Array;
  private readonly tmp = new Uint32Array(W);
  private count = 0;
  private nextId = 1;
  /** After id(): whether the packet's source is the flow's second endpoint (canonical order swapped). */
  swapped = false;

  /** How many flow ids were handed out (flows seen, counting one seen again after a clear twice). */
  get created(): number { return this.nextId - 1; }

  /** Starts small and doubles up to `maxCapacity` slots (a power of two); past that, clears. */
  constructor(readonly maxCapacity = 1 << 18, initial = 1 << 10) {
    this.cap = Math.min(initial, maxCapacity);
    this.keys = new Uint32Array(this.cap * W);
    this.ids = new Int32Array(this.cap);
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
    const h = hash(t, 0);
    let slot = this.find(t, h);
    const found = this.ids[slot]!;
    if (found !== EMPTY) return found;
    if (this.count * 2 >= this.cap) {
      if (this.cap < this.maxCapacity) this.grow();
      else { this.ids.fill(EMPTY); this.count = 0; }
      slot = this.find(t, h);
    }
    this.keys.set(t, slot * W);
    const id = this.nextId++;
    this.ids[slot] = id;
    this.count++;
    return id;
  }

  /** The slot holding key `t`, or the empty slot where it would go. */
  private find(t: Uint32Array, h: number): number {
    const mask = this.cap - 1;
    let slot = h & mask;
    for (;;) {
      if (this.ids[slot] === EMPTY) return slot;
      const base = slot * W;
      let same = true;
      for (let i = 0; i < W; i++) if (this.keys[base + i] !== t[i]) { same = false; break; }
      if (same) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys, oldIds = this.ids, oldCap = this.cap;
    this.cap = oldCap * 2;
    this.keys = new Uint32Array(this.cap * W);
    this.ids = new Int32Array(this.cap);
    const mask = this.cap - 1;
    for (let s = 0; s < oldCap; s++) {
      const id = oldIds[s]!;
      if (id === EMPTY) continue;
      let slot = hash(oldKeys, s * W) & mask;
      while (this.ids[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.keys.set(oldKeys.subarray(s * W, s * W + W), slot * W);
      this.ids[slot] = id;
    }
  }
}

function hash(k: Uint32Array, o: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < W; i++) h = Math.imul(h ^ k[o + i]!, 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}
