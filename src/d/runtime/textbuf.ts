/**
 * A reusable, growable buffer of output text, as character codes.
 *
 * Why: printf-per-packet scripts print millions of short lines. Building each
 * line from many small JS strings (prefixes, padded fields) and then joining
 * them into 64 KiB chunks costs allocations, rope nodes and a flatten per
 * chunk. Writing codes straight into one typed array and turning a whole
 * chunk into one flat string at the end avoids all three.
 *
 * Invariants: codes [0, pos) are the text. D strings are byte strings (char
 * codes 0..255), so `u` is a Uint8Array; the first code above 255 (text that
 * is not a byte string, e.g. a UI program's literal) widens it to a
 * Uint16Array, so any JS string round-trips unchanged. `or` is the bitwise OR
 * of every code written by str() and append() since the buffer was last
 * emptied: `or < 0x80` means ASCII, decoded exactly by the native UTF-8
 * decoder. fill() and code() take ASCII codes only.
 *
 * Bounded: the text from `floor` on (the running clause's) may not grow past
 * `limit` codes; growing the buffer beyond that throws OUTPUT_OVERFLOW, which
 * the engine turns into a drop of the clause's data, as dtrace drops a
 * record that does not fit its buffer.
 */

/** Thrown by TextBuf.need() when the limited text would exceed its limit. */
export const OUTPUT_OVERFLOW = { overflow: true } as const;

const ASCII_DECODER = new TextDecoder('utf-8');
/** fromCharCode.apply takes its arguments on the stack: keep the slices small. */
const APPLY_CHUNK = 4096;

export class TextBuf {
  u: Uint8Array | Uint16Array;
  pos = 0;
  or = 0;
  /** Codes [floor, pos) may not exceed `limit` (checked when the buffer grows). */
  floor = 0;
  limit = Infinity;

  constructor(capacity = 1024) {
    this.u = new Uint8Array(capacity);
  }

  reset(): void {
    this.pos = 0;
    this.or = 0;
  }

  /** Make room for `n` more codes. */
  need(n: number): void {
    const want = this.pos + n;
    if (want <= this.u.length) return;
    if (want - this.floor > this.limit) throw OUTPUT_OVERFLOW;
    let cap = this.u.length * 2;
    while (cap < want) cap *= 2;
    const u = this.u instanceof Uint8Array ? new Uint8Array(cap) : new Uint16Array(cap);
    u.set(this.u.subarray(0, this.pos));
    this.u = u;
  }

  private widen(): void {
    if (this.u instanceof Uint16Array) return;
    const u = new Uint16Array(this.u.length);
    u.set(this.u.subarray(0, this.pos));
    this.u = u;
  }

  /** Append a string's codes. */
  str(s: string): void {
    const n = s.length;
    if (this.pos + n > this.u.length) this.need(n);
    const u = this.u;
    let p = this.pos;
    let or = 0;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      or |= c;
      u[p++] = c;
    }
    if (or > 0xff && u instanceof Uint8Array) {
      // Not a byte string: the Uint8Array truncated some codes; write it again, wide.
      this.widen();
      const w = this.u;
      for (let i = 0, q = this.pos; i < n; i++) w[q++] = s.charCodeAt(i);
    }
    this.pos = p;
    this.or |= or;
  }

  /** Append byte codes. */
  bytes(b: Uint8Array): void {
    const n = b.length;
    if (this.pos + n > this.u.length) this.need(n);
    const u = this.u;
    let p = this.pos;
    let or = 0;
    for (let i = 0; i < n; i++) {
      const c = b[i]!;
      or |= c;
      u[p++] = c;
    }
    this.pos = p;
    this.or |= or;
  }

  /** Append `n` copies of the ASCII code `c` (padding). */
  fill(c: number, n: number): void {
    if (n <= 0) return;
    if (this.pos + n > this.u.length) this.need(n);
    // A plain loop: padding is a few codes, where TypedArray.fill's call costs more than the work.
    const u = this.u;
    let p = this.pos;
    for (const e = p + n; p < e; p++) u[p] = c;
    this.pos = p;
  }

  /** Append one ASCII code. */
  code(c: number): void {
    if (this.pos >= this.u.length) this.need(1);
    this.u[this.pos++] = c;
  }

  /** Recompute `or` from the codes left in the buffer (after removing a prefix). */
  recomputeOr(): void {
    let or = 0;
    const u = this.u;
    for (let i = 0; i < this.pos; i++) or |= u[i]!;
    this.or = or;
    // Back to bytes once the wide text is gone.
    if (or <= 0xff && u instanceof Uint16Array) {
      const b = new Uint8Array(u.length);
      b.set(u.subarray(0, this.pos));
      this.u = b;
    }
  }

  /** The text [from, to) as one flat string. */
  toString(from = 0, to = this.pos): string {
    if (to <= from) return '';
    const u = this.u;
    // ASCII bytes: the native UTF-8 decoder builds the string (exact for ASCII).
    if (this.or < 0x80 && u instanceof Uint8Array) return ASCII_DECODER.decode(u.subarray(from, to));
    let s = '';
    for (let o = from; o < to; o += APPLY_CHUNK) {
      s += String.fromCharCode.apply(null, u.subarray(o, Math.min(to, o + APPLY_CHUNK)) as unknown as number[]);
    }
    return s;
  }
}
