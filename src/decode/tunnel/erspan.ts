/**
 * ERSPAN, port mirroring over GRE (packet-erspan.c): GRE protocol 0x88be
 * carries type II (an 8-byte header, version 1) — or type I, with no header
 * at all, when the GRE header has no sequence number — and 0x22eb type III
 * (12 bytes, plus an 8-byte platform subheader when its O bit is set). The
 * mirrored Ethernet frame follows; its IP layers fire on `gre0`.
 */
import { currentIp, push, short } from '../frame.ts';
import { decodeEthernet } from '../link/ethernet.ts';
import { registerEthertype } from '../registry.ts';
import { type DecodedFrame, K_ERSPAN } from '../types.ts';

export function decodeErspan2(f: DecodedFrame, off: number, end: number): void {
  const l = currentIp(f);
  if (l !== null && !l.gre.hasSeq) return decodeEthernet(f, off, end); // type I
  if (end - off < 8) return short(f, K_ERSPAN, off, 8, end);
  if (f.buf[off]! >> 4 !== 1) return; // not type II: tshark leaves an unknown version undecoded
  if (!push(f, K_ERSPAN, off)) return;
  decodeEthernet(f, off + 8, end);
}

export function decodeErspan3(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 12) return short(f, K_ERSPAN, off, 12, end);
  if (f.buf[off]! >> 4 !== 2) return; // not type III
  const hl = f.buf[off + 11]! & 1 ? 20 : 12;
  if (end - off < hl) return short(f, K_ERSPAN, off, hl, end);
  if (!push(f, K_ERSPAN, off)) return;
  decodeEthernet(f, off + hl, end);
}

registerEthertype(0x88be, decodeErspan2);
registerEthertype(0x22eb, decodeErspan3);
