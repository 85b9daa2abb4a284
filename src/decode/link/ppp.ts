/**
 * PPP (LINKTYPE_PPP 9, PPP in HDLC-like framing 50, and PPP carried by GRE
 * version 1 / PPTP and BSD NULL): an optional 0xff 0x03 address/control pair,
 * then the protocol field, one byte when compressed (low bit set, RFC 1661
 * PFC), else two. Also Cisco HDLC (104), whose protocol is an ethertype.
 */
import { LINKTYPE } from '../../capture/types.ts';
import { u16 } from '../bytes.ts';
import { push, short } from '../frame.ts';
import { ethertypes, pppProtocols, registerEthertype, registerLinkType, registerPppProtocol } from '../registry.ts';
import { type DecodedFrame, K_PPP, K_PPP_HDLC } from '../types.ts';

export function decodePpp(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 1) return short(f, K_PPP, off, 1, end);
  if (!push(f, K_PPP, off)) return;
  const b = f.buf;
  let p = off;
  if (b[p] === 0xff) {
    if (end - p < 3) return short(f, K_PPP, p, 3, end);
    p += 2;
  }
  let proto: number;
  if (b[p]! & 1) {
    proto = b[p]!;
    p += 1;
  } else {
    if (end - p < 2) return short(f, K_PPP, p, 2, end);
    proto = u16(b, p);
    p += 2;
  }
  pppProtocols[proto]?.(f, p, end);
}

/** Cisco HDLC: address, control, ethertype. */
export function decodeCiscoHdlc(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 4) return short(f, K_PPP_HDLC, off, 4, end);
  if (!push(f, K_PPP_HDLC, off)) return;
  ethertypes[u16(f.buf, off + 2)]?.(f, off + 4, end);
}

registerLinkType(LINKTYPE.PPP, decodePpp);
registerLinkType(LINKTYPE.PPP_HDLC, decodePpp);
registerLinkType(104, decodeCiscoHdlc);
// PPP's own numbers for the network layers.
registerPppProtocol(0x0021, (f, off, end) => ethertypes[0x0800]?.(f, off, end));
registerPppProtocol(0x0057, (f, off, end) => ethertypes[0x86dd]?.(f, off, end));
// PPTP: GRE version 1 carries PPP with protocol type 0x880b.
registerEthertype(0x880b, decodePpp);
