/**
 * Address text, formatted on demand and cached in the layer for the frame.
 * IPv4 is dotted decimal; IPv6 follows inet_ntop (RFC 5952 compression of
 * the longest run of two or more zero groups, first one on ties, lowercase
 * hex; IPv4-compatible ::a.b.c.d and IPv4-mapped ::ffff:a.b.c.d written with
 * a dotted tail), which is what tshark and tcpdump print.
 */
import type { DecodedFrame, IpLayer } from './types.ts';

const DEC: string[] = Array.from({ length: 256 }, (_, i) => String(i));

export function ipv4String(b: Uint8Array, o: number): string {
  return DEC[b[o]!]! + '.' + DEC[b[o + 1]!]! + '.' + DEC[b[o + 2]!]! + '.' + DEC[b[o + 3]!]!;
}

const words = new Uint16Array(8);

export function ipv6String(b: Uint8Array, o: number): string {
  for (let i = 0; i < 8; i++) words[i] = (b[o + 2 * i]! << 8) | b[o + 2 * i + 1]!;
  let bestBase = -1;
  let bestLen = 0;
  let curBase = -1;
  let curLen = 0;
  for (let i = 0; i < 8; i++) {
    if (words[i] === 0) {
      if (curBase < 0) { curBase = i; curLen = 1; } else curLen++;
    } else if (curBase >= 0) {
      if (curLen > bestLen) { bestBase = curBase; bestLen = curLen; }
      curBase = -1;
    }
  }
  if (curBase >= 0 && curLen > bestLen) { bestBase = curBase; bestLen = curLen; }
  if (bestLen < 2) bestBase = -1;
  let s = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) s += ':';
      continue;
    }
    if (i !== 0) s += ':';
    if (i === 6 && bestBase === 0 && (bestLen === 6 || (bestLen === 5 && words[5] === 0xffff))) {
      s += ipv4String(b, o + 12);
      break;
    }
    s += words[i]!.toString(16);
  }
  if (bestBase >= 0 && bestBase + bestLen === 8) s += ':';
  return s;
}

export function addrString(b: Uint8Array, o: number, len: number): string {
  return len === 4 ? ipv4String(b, o) : ipv6String(b, o);
}

/** The layer's source address text, cached until the next frame. */
export function srcString(f: DecodedFrame, l: IpLayer): string {
  return (l.srcStr ??= addrString(f.buf, l.srcOff, l.addrLen));
}

export function dstString(f: DecodedFrame, l: IpLayer): string {
  return (l.dstStr ??= addrString(f.buf, l.dstOff, l.addrLen));
}
