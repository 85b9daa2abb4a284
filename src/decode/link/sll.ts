/**
 * Linux cooked captures ("any" device): SLL v1 (LINKTYPE 113, 16 bytes) and
 * v2 (276, 20 bytes). The packet type gives the direction: outgoing (4) is
 * sent; to-us, broadcast, multicast and to-another-host (0-3) are received.
 * The protocol is an ethertype, except 4 (802.2 LLC without length).
 */
import { LINKTYPE } from '../../capture/types.ts';
import { u16 } from '../bytes.ts';
import { push, short } from '../frame.ts';
import { ethertypes, registerLinkType } from '../registry.ts';
import { type DecodedFrame, DIR_IN, DIR_OUT, DIR_UNKNOWN, K_SLL, K_SLL2 } from '../types.ts';
import { decodeLlc } from './llc.ts';

/** LINUX_SLL_* packet types -> direction. */
function direction(f: DecodedFrame, pkttype: number): void {
  if (f.direction !== DIR_UNKNOWN) return; // pcapng epb_flags already said
  if (pkttype === 4) f.direction = DIR_OUT;
  else if (pkttype <= 3) f.direction = DIR_IN;
}

function payload(f: DecodedFrame, proto: number, off: number, end: number): void {
  if (proto === 4) return decodeLlc(f, off, end);
  ethertypes[proto]?.(f, off, end);
}

export function decodeSll(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 16) return short(f, K_SLL, off, 16, end);
  if (!push(f, K_SLL, off)) return;
  const b = f.buf;
  direction(f, u16(b, off));
  payload(f, u16(b, off + 14), off + 16, end);
}

export function decodeSll2(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 20) return short(f, K_SLL2, off, 20, end);
  if (!push(f, K_SLL2, off)) return;
  const b = f.buf;
  direction(f, b[off + 10]!);
  payload(f, u16(b, off), off + 20, end);
}

registerLinkType(LINKTYPE.LINUX_SLL, decodeSll);
registerLinkType(LINKTYPE.LINUX_SLL2, decodeSll2);
