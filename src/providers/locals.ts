/**
 * The local host set: the capturing host's addresses, which decide send
 * versus receive when the capture does not say (DESIGN.md, "Direction").
 * Entries are address/prefix pairs (`--local 192.168.1.108`,
 * `--local 10.0.0.0/8`, `--local fe80::1/64`); matching reads the address
 * straight from the packet's bytes, so a lookup allocates nothing.
 */

interface Net { bytes: Uint8Array; prefix: number }

export class LocalSet {
  private v4: Net[] = [];
  private v6: Net[] = [];

  get size(): number { return this.v4.length + this.v6.length; }

  /** Adds ADDR or ADDR/PREFIX; returns an error message for a malformed entry, else ''. */
  add(spec: string): string {
    const slash = spec.indexOf('/');
    const addr = slash < 0 ? spec : spec.slice(0, slash);
    const bytes = parseAddress(addr);
    if (bytes === null) return `invalid address: ${spec}`;
    const max = bytes.length * 8;
    let prefix = max;
    if (slash >= 0) {
      const p = spec.slice(slash + 1);
      if (!/^\d+$/.test(p) || Number(p) > max) return `invalid prefix length: ${spec}`;
      prefix = Number(p);
    }
    (bytes.length === 4 ? this.v4 : this.v6).push({ bytes, prefix });
    return '';
  }

  /** Adds the address at b[o .. o+len) exactly (inference). */
  addBytes(b: Uint8Array, o: number, len: number): void {
    if (this.has(b, o, len)) return;
    (len === 4 ? this.v4 : this.v6).push({ bytes: b.slice(o, o + len), prefix: len * 8 });
  }

  has(b: Uint8Array, o: number, len: number): boolean {
    const list = len === 4 ? this.v4 : this.v6;
    for (let i = 0; i < list.length; i++) {
      const n = list[i]!;
      if (matchPrefix(n.bytes, n.prefix, b, o)) return true;
    }
    return false;
  }
}

function matchPrefix(net: Uint8Array, prefix: number, b: Uint8Array, o: number): boolean {
  let i = 0;
  for (; (i + 1) * 8 <= prefix; i++) if (net[i] !== b[o + i]) return false;
  const rem = prefix - i * 8;
  if (rem === 0) return true;
  const mask = (0xff << (8 - rem)) & 0xff;
  return (net[i]! & mask) === (b[o + i]! & mask);
}

/** Parses dotted IPv4 or IPv6 text (with :: and a dotted tail) into bytes; null when malformed. */
export function parseAddress(s: string): Uint8Array | null {
  if (s.includes(':')) return parseV6(s);
  return parseV4(s);
}

function parseV4(s: string): Uint8Array | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    if (!/^\d{1,3}$/.test(parts[i]!)) return null;
    const v = Number(parts[i]);
    if (v > 255) return null;
    out[i] = v;
  }
  return out;
}

function parseV6(s: string): Uint8Array | null {
  const pct = s.indexOf('%');
  if (pct >= 0) s = s.slice(0, pct);
  const dbl = s.indexOf('::');
  if (dbl >= 0 && s.indexOf('::', dbl + 1) >= 0) return null;
  const groups = (t: string): number[] | null => {
    if (t === '') return [];
    const out: number[] = [];
    const ps = t.split(':');
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i]!;
      if (i === ps.length - 1 && p.includes('.')) {
        const v4 = parseV4(p);
        if (v4 === null) return null;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return null;
        out.push(parseInt(p, 16));
      }
    }
    return out;
  };
  let words: number[];
  if (dbl >= 0) {
    const head = groups(s.slice(0, dbl));
    const tail = groups(s.slice(dbl + 2));
    if (head === null || tail === null || head.length + tail.length > 7) return null;
    words = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    const all = groups(s);
    if (all === null || all.length !== 8) return null;
    words = all;
  }
  const out = new Uint8Array(16);
  for (let i = 0; i < 8; i++) { out[2 * i] = words[i]! >> 8; out[2 * i + 1] = words[i]! & 0xff; }
  return out;
}

/** 127.0.0.0/8 or ::1 (loopback traffic: both ends are this host). */
export function isLoopbackAddr(b: Uint8Array, o: number, len: number): boolean {
  if (len === 4) return b[o] === 127;
  for (let i = 0; i < 15; i++) if (b[o + i] !== 0) return false;
  return b[o + 15] === 1;
}

/** Multicast or limited broadcast (delivered up the stack like unicast to us). */
export function isGroupAddr(b: Uint8Array, o: number, len: number): boolean {
  if (len === 4) return (b[o]! & 0xf0) === 0xe0 || (b[o] === 255 && b[o + 1] === 255 && b[o + 2] === 255 && b[o + 3] === 255);
  return b[o] === 0xff;
}
