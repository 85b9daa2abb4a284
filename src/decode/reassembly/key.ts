/**
 * Which datagram a fragment belongs to: Linux's lookup keys
 * (frag_v4_compare_key: source, destination, protocol, id; frag_v6_compare_key:
 * source, destination, id, and the arrival interface only when the
 * destination is link-local or multicast). The user and VRF parts of those
 * keys have no counterpart in a capture.
 *
 * fragmentHash is the same key as a 32-bit number, for whoever spreads
 * frames over workers: every fragment of one datagram hashes alike (an
 * unfragmented packet may be placed by its 5-tuple instead; a fragment has
 * no ports but the first).
 */
import { u16, u32 } from '../bytes.ts';
import type { DecodedFrame, IpLayer } from '../types.ts';

/** The lookup key of a fragment layer (l.fragment) as a string (binary: one char per byte). */
export function fragmentKey(f: DecodedFrame, l: IpLayer): string {
  const b = f.buf;
  let k = l.version === 4 ? '4' : '6';
  for (let i = 0; i < l.addrLen; i++) k += String.fromCharCode(b[l.srcOff + i]!);
  for (let i = 0; i < l.addrLen; i++) k += String.fromCharCode(b[l.dstOff + i]!);
  if (l.version === 4) return k + String.fromCharCode(l.protocol, b[l.off + 4]!, b[l.off + 5]!);
  const p = l.fragHdrOff + 4;
  k += String.fromCharCode(b[p]!, b[p + 1]!, b[p + 2]!, b[p + 3]!);
  const d0 = b[l.dstOff]!;
  if (d0 === 0xff || (d0 === 0xfe && (b[l.dstOff + 1]! & 0xc0) === 0x80)) k += '%' + l.ifName;
  return k;
}

/** FNV-1a over the key's bytes (no interface): equal for every fragment of one datagram. */
export function fragmentHash(f: DecodedFrame, l: IpLayer): number {
  const b = f.buf;
  let h = 0x811c9dc5;
  const mix = (x: number): void => { h = Math.imul(h ^ x, 0x01000193); };
  for (let i = 0; i < l.addrLen; i++) mix(b[l.srcOff + i]!);
  for (let i = 0; i < l.addrLen; i++) mix(b[l.dstOff + i]!);
  if (l.version === 4) {
    mix(l.protocol);
    const id = u16(b, l.off + 4);
    mix(id >> 8); mix(id & 0xff);
  } else {
    const id = u32(b, l.fragHdrOff + 4);
    mix(id >>> 24); mix((id >>> 16) & 0xff); mix((id >>> 8) & 0xff); mix(id & 0xff);
  }
  return h >>> 0;
}
