/**
 * Arista's vendor ethertype 0xd28b (packet-avsp.c, tcpdump print-arista.c):
 * a 2-byte subtype (1: a TapAgg timestamp), a 2-byte version whose format
 * nibble (bits 4-7) says the timestamp is 64-bit (1: seconds, nanoseconds)
 * or 48-bit (2), bit 8 UTC rather than TAI and bit 0 Jericho2 hardware
 * (tshark 4.0 predates those; current Wireshark and tcpdump read them), then
 * the frame's real ethertype. Other subtypes and versions are not decoded.
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
  // The versions packet-avsp.c knows: 0x010/0x110 (64-bit TAI/UTC), 0x020/0x120 (48-bit), and
  // the same with bit 0 set (Jericho2 hardware); anything else stops here, as there.
  const version = u16(b, off + 2);
  const format = version & ~0x0101;
  const ts = format === 0x10 ? 8 : format === 0x20 ? 6 : -1;
  if (ts < 0) return;
  const hl = 4 + ts;
  if (end - off < hl + 2) return short(f, K_ARISTA, off, hl + 2, end);
  if (!push(f, K_ARISTA, off)) return;
  dispatchTypeOrLength(f, u16(b, off + hl), off + hl + 2, end);
}

registerEthertype(0xd28b, decodeArista);
