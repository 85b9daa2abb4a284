/**
 * Fixed-size, NUL-padded C strings in link headers (PKTAP's interface and
 * command names) as JS strings without allocating per packet: a small cache
 * keyed by the bytes, so a capture cycling through a few processes and
 * interfaces reuses the same strings. Bytes are read as Latin-1 up to the
 * first NUL (these fields are ASCII names in practice; a non-ASCII byte stays
 * one character, so the D byte string is the same bytes).
 */
const SLOTS = 64;

export class CStringCache {
  private readonly keys: (Uint8Array | null)[] = new Array<Uint8Array | null>(SLOTS).fill(null);
  private readonly vals: string[] = new Array<string>(SLOTS).fill('');

  /** The string in b[off .. off+max), cut at the first NUL. */
  get(b: Uint8Array, off: number, max: number): string {
    let n = 0;
    let h = 2166136261;
    while (n < max && b[off + n] !== 0) {
      h = Math.imul(h ^ b[off + n]!, 16777619);
      n++;
    }
    if (n === 0) return '';
    const slot = (h >>> 0) % SLOTS;
    const k = this.keys[slot];
    if (k !== null && k.length === n) {
      let same = true;
      for (let i = 0; i < n; i++) if (k[i] !== b[off + i]) { same = false; break; }
      if (same) return this.vals[slot]!;
    }
    const key = b.slice(off, off + n);
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(key[i]!);
    this.keys[slot] = key;
    this.vals[slot] = s;
    return s;
  }
}
