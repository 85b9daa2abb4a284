/**
 * FDDI (LINKTYPE_FDDI 10), as packet-fddi.c reads it: frame control (1
 * byte), destination and source addresses (6 each), then for asynchronous
 * LLC frames (frame control 0x50-0x5f) an 802.2 LLC header, with SNAP
 * carrying the ethertype. Other frame classes (SMT, MAC, tokens,
 * synchronous LLC) carry no IP here, as there.
 */
import { push, short } from '../frame.ts';
import { registerLinkType } from '../registry.ts';
import { type DecodedFrame, K_FDDI } from '../types.ts';
import { decodeLlc } from './llc.ts';

export const LINKTYPE_FDDI = 10;
const FDDI_HDR_LEN = 13;

export function decodeFddi(f: DecodedFrame, off: number, end: number): void {
  if (end - off < FDDI_HDR_LEN) return short(f, K_FDDI, off, FDDI_HDR_LEN, end);
  if (!push(f, K_FDDI, off)) return;
  if ((f.buf[off]! & 0xf0) !== 0x50) return; // not asynchronous LLC
  decodeLlc(f, off + FDDI_HDR_LEN, end);
}

registerLinkType(LINKTYPE_FDDI, decodeFddi);
