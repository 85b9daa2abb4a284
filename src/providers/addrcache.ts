/**
 * Address text interned across frames. The decoder formats an address once
 * per frame (IpLayer.srcStr/dstStr); a per-source aggregation then hashes a
 * brand-new string for every packet. Here a direct-mapped cache keyed by the
 * address bytes hands back the same string object for the same address, so
 * the text is built once per address (not per frame) and the string's hash,
 * which V8 stores in the string, is computed once too — Map lookups on
 * `@[args[2]->ip_saddr]` then cost a pointer compare.
 *
 * The cache is a fixed table over typed arrays (no allocation on a hit; a
 * miss formats with the decoder's own addrString, so the text is identical)
 * and fills the layer's per-frame cache so every reader of the frame shares it.
 */
import { addrString, type DecodedFrame, type IpLayer } from '../decode/index.ts';

const BITS = 12;
const SIZE = 1 << BITS;
const v4Keys = new Uint32Array(SIZE);
const v4Text: string[] = new Array<string>(SIZE).fill('');
const v6Keys = new Uint32Array(SIZE * 4);
const v6Text: string[] = new Array<string>(SIZE).fill('');

function word(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}

/** The text of the `len`-byte address at b[o] (4: IPv4, 16: IPv6), shared between frames. */
export function internAddr(b: Uint8Array, o: number, len: number): string {
  if (len === 4) {
    const k = word(b, o);
    const i = Math.imul(k, 0x9e3779b1) >>> (32 - BITS);
    const t = v4Text[i]!;
    if (t !== '' && v4Keys[i] === k) return t;
    const s = addrString(b, o, 4);
    v4Keys[i] = k;
    v4Text[i] = s;
    return s;
  }
  if (len === 16) {
    const a = word(b, o), c = word(b, o + 4), d = word(b, o + 8), e = word(b, o + 12);
    const i = Math.imul(a ^ Math.imul(c, 0x85ebca6b) ^ Math.imul(d, 0xc2b2ae35) ^ Math.imul(e, 0x27d4eb2f), 0x9e3779b1) >>> (32 - BITS);
    const t = v6Text[i]!;
    const j = i * 4;
    if (t !== '' && v6Keys[j] === a && v6Keys[j + 1] === c && v6Keys[j + 2] === d && v6Keys[j + 3] === e) return t;
    const s = addrString(b, o, 16);
    v6Keys[j] = a; v6Keys[j + 1] = c; v6Keys[j + 2] = d; v6Keys[j + 3] = e;
    v6Text[i] = s;
    return s;
  }
  return addrString(b, o, len);
}

/** The layer's source address text (the frame's cache first, then the shared one). */
export function srcText(f: DecodedFrame, l: IpLayer): string {
  return (l.srcStr ??= internAddr(f.buf, l.srcOff, l.addrLen));
}

/** The layer's destination address text. */
export function dstText(f: DecodedFrame, l: IpLayer): string {
  return (l.dstStr ??= internAddr(f.buf, l.dstOff, l.addrLen));
}
