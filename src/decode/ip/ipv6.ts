/**
 * IPv6 (RFC 8200) and its extension-header chain.
 *
 * The fixed 40-byte header makes the layer; then hop-by-hop (0), routing
 * (43), fragment (44), destination options (60) and AH (51) are walked in
 * order, each bounded by the payload length and the captured bytes. The
 * protocol after the chain is the layer's final upper protocol (`upper`);
 * ESP (50) ends the chain (it is the upper protocol, decoded by esp.ts), as
 * does 59 (no next header). A fragment header with a non-zero offset ends it
 * too: that fragment carries no transport header. Payload length 0 with a
 * hop-by-hop Jumbo Payload option (RFC 2675; Linux BIG TCP) takes its length
 * from the option (ip_plength stays the header's 0, as tshark shows it);
 * without the option it is malformed, as packet-ipv6.c says.
 */
import { u16, u32 } from '../bytes.ts';
import { mark, newIpLayer, push, short } from '../frame.ts';
import { ipProtocols, registerEthertype } from '../registry.ts';
import {
  type DecodedFrame, K_AH, K_IPV6, K_IPV6_DSTOPTS, K_IPV6_FRAGMENT, K_IPV6_HOPOPTS, K_IPV6_ROUTING, M_BAD_LENGTH, M_BAD_VERSION,
} from '../types.ts';

export function decodeIpv6(f: DecodedFrame, off: number, end: number): void {
  const b = f.buf;
  if (end - off < 1) return short(f, K_IPV6, off, 40, end);
  if (b[off]! >> 4 !== 6) return mark(f, K_IPV6, M_BAD_VERSION, off);
  if (end - off < 40) return short(f, K_IPV6, off, 40, end);
  if (!push(f, K_IPV6, off)) return;
  const l = newIpLayer(f, K_IPV6, off);
  if (l === null) return;
  l.version = 6;
  l.hdrLen = 40;
  l.srcOff = off + 8;
  l.dstOff = off + 24;
  l.addrLen = 16;
  const plen = u16(b, off + 4);
  l.plen = plen;
  l.plength = plen;
  let nh = b[off + 6]!;
  l.nextHeader = nh;
  let pend = end;
  if (plen !== 0) {
    const lim = off + 40 + plen;
    if (lim < pend) pend = lim;
  }
  let p = off + 40;
  if (nh !== 0 && nh !== 43 && nh !== 44 && nh !== 51 && nh !== 60) {
    // Fast path: no extension headers (nearly every packet).
    l.upper = nh;
    l.upperOff = p;
    l.upperCapLen = pend > p ? pend - p : 0;
    l.upperLen = plen !== 0 ? plen : pend - p;
    ipProtocols[nh]?.(f, p, pend);
    return;
  }
  let later = false;
  let jumboLen = -1;
  let nhOff = off + 6; // the byte naming the header at p
  // Walk the extension headers. Each is at least 8 bytes, so this ends.
  chain: for (;;) {
    let kind: number;
    let len: number;
    switch (nh) {
      case 0: kind = K_IPV6_HOPOPTS; break;
      case 43: kind = K_IPV6_ROUTING; break;
      case 60: kind = K_IPV6_DSTOPTS; break;
      case 44: kind = K_IPV6_FRAGMENT; break;
      case 51: kind = K_AH; break;
      default: break chain;
    }
    if (kind === K_IPV6_HOPOPTS && plen === 0 && p === off + 40) {
      // Payload length 0 with hop-by-hop: a jumbogram, whose length is in the Jumbo Payload
      // option; without one (or with the header cut) packet-ipv6.c calls it malformed.
      const hl = pend - p >= 2 ? (b[p + 1]! + 1) << 3 : 8;
      const jumbo = pend - p < hl ? -1 : jumboLength(b, p + 2, p + hl);
      if (jumbo < 0) {
        l.upper = nh;
        finish(l, p, pend, off, plen);
        return mark(f, kind, M_BAD_LENGTH, p);
      }
      // RFC 2675: the payload length is the option's (a Linux BIG TCP/GSO capture holds it all).
      jumboLen = jumbo;
      if (off + 40 + jumbo < pend) pend = off + 40 + jumbo;
    }
    if (pend - p < 8) {
      // Cut inside the header: its next-header byte still names what follows when tshark would
      // read it: AH and routing from their first byte, option headers from their first two; a
      // fragment header must be whole.
      const need = kind === K_AH || kind === K_IPV6_ROUTING ? 1 : kind === K_IPV6_FRAGMENT ? 8 : 2;
      l.upper = pend - p >= need ? b[p]! : nh;
      finish(l, p, pend, off, plen);
      return short(f, kind, p, 8, pend);
    }
    if (kind === K_AH) len = (b[p + 1]! + 2) << 2;
    else if (kind === K_IPV6_FRAGMENT) len = 8;
    else len = (b[p + 1]! + 1) << 3;
    if (pend - p < len) {
      l.upper = b[p]!;
      finish(l, p, pend, off, plen);
      return short(f, kind, p, len, pend);
    }
    // Past the path bound the chain is still walked (without path entries, the frame marked too
    // deep), so the upper protocol is the chain's end, as tshark and the kernel find it.
    push(f, kind, p);
    l.extCount++;
    if ((kind === K_IPV6_HOPOPTS || kind === K_IPV6_DSTOPTS) && !optionsFit(b, p + 2, p + len, pend)) {
      // An option running past the packet: packet-ipv6.c raises an exception here and stops. (One
      // merely overrunning its header into the next is read on, as tshark does.)
      l.upper = b[p]!;
      finish(l, p + len, pend, off, plen);
      return mark(f, kind, M_BAD_LENGTH, p);
    }
    if (kind === K_IPV6_FRAGMENT) {
      const fo = u16(b, p + 2);
      if (!l.hasFragHeader) {
        // The first fragment header is the one a receiver reassembles by (a second one is the
        // reassembled datagram's own business).
        l.fragHdrOff = p;
        l.fragNhOff = nhOff;
        if ((fo & 0xfff9) !== 0) { l.fragment = true; f.fragmented = true; } // else atomic (RFC 6946)
      }
      l.hasFragHeader = true;
      l.fragOffset = fo >> 3;
      l.fragMore = (fo & 1) === 1;
      l.fragId = u32(b, p + 4);
      if (l.fragOffset !== 0) later = true;
    } else if (kind === K_AH) {
      const ah = l.ah;
      ah.nextHeader = b[p]!;
      ah.hdrLen = len;
      ah.spi = u32(b, p + 4);
      ah.seq = u32(b, p + 8);
    }
    nh = b[p]!;
    nhOff = p;
    p += len;
    if (later) break;
  }
  l.upper = nh;
  finish(l, p, pend, off, plen);
  if (jumboLen >= 0) l.upperLen = jumboLen - l.extLen;
  if (later) {
    l.laterFragment = true;
    return;
  }
  ipProtocols[nh]?.(f, p, pend);
}

/** The Jumbo Payload option's value (RFC 2675) among the options in b[p..e), or -1. */
function jumboLength(b: Uint8Array, p: number, e: number): number {
  while (p + 2 <= e) {
    if (b[p] === 0) { p++; continue; }
    // RFC 2675: a jumbo length below 65536 is invalid (packet-ipv6.c then calls the option missing).
    if (b[p] === 0xc2 && b[p + 1] === 4 && p + 6 <= e) { const n = u32(b, p + 2); return n > 0xffff ? n : -1; }
    p += 2 + b[p + 1]!;
  }
  return -1;
}

/** Whether the TLV options in b[p..e) each end before `limit` (Pad1 is a single byte). */
function optionsFit(b: Uint8Array, p: number, e: number, limit: number): boolean {
  while (p < e) {
    if (b[p] === 0) { p++; continue; }
    if (p + 2 > limit) return false;
    p += 2 + b[p + 1]!;
    if (p > limit) return false;
  }
  return true;
}

function finish(l: DecodedFrame['ip'][number], p: number, pend: number, off: number, plen: number): void {
  l.extLen = p - (off + 40);
  l.upperOff = p;
  l.upperCapLen = pend > p ? pend - p : 0;
  l.upperLen = (plen !== 0 ? plen : pend - off - 40) - l.extLen;
}

registerEthertype(0x86dd, decodeIpv6);
