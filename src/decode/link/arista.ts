/**
 * Arista's vendor ethertype 0xd28b (packet-avsp.c, tcpdump print-arista.c):
 * a 2-byte subtype (1: a TapAgg timestamp), a 2-byte version whose format
 * nibble (bits 4-7) says the timestamp is 64-bit (1: seconds, nanoseconds)
 * or 48-bit (2), then the frame's real ethertype. Other subtypes and formats
 * are not decoded.
 */
import { u16 } from '../bytes.ts';
import { push, short } from '../frame.ts';
import { registerEthertype } from '../registry.ts';
import { type DecodedFrame, K_ARISTA } from '../types.ts';
import { dispatchTypeOrLength } from './ethernet.ts';

export function decodeArista(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 4) return short(f, K_ARISTA, off, 4, end);
  const b = f.buf;
  if (u16(b, off) !== 1) return;
  const format = (b[off + 3]! >> 4) & 0xf;
  const ts = format === 1 ? 8 : format === 2 ? 6 : -1;
  if (ts < 0) return;
  const hl = 4 + ts;
  if (end - off < hl + 2) return short(f, K_ARISTA, off, hl + 2, end);
  if (!push(f, K_ARISTA, off)) return;
  dispatchTypeOrLength(f, u16(b, off + hl), off + hl + 2, end);
}

registerEthertype(0xd28b, decodeArista);
