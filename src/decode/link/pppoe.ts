/**
 * PPPoE session stage (0x8864, RFC 2516): ver/type, code, session id and a
 * length bounding the PPP frame, whose protocol picks the next layer: two
 * bytes, or one when compressed (low bit set, RFC 1661 PFC; RFC 2516 says
 * not to, some access concentrators do, and tshark reads it).
 * LINKTYPE_PPP_ETHER (51) captures start at this header.
 */
import { LINKTYPE } from '../../capture/types.ts';
import { u16 } from '../bytes.ts';
import { push, short } from '../frame.ts';
import { pppProtocols, registerEthertype, registerLinkType } from '../registry.ts';
import { type DecodedFrame, K_PPPOE } from '../types.ts';

export function decodePppoe(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 8) return short(f, K_PPPOE, off, 8, end);
  if (!push(f, K_PPPOE, off)) return;
  const b = f.buf;
  const lim = off + 6 + u16(b, off + 4);
  if (lim < end) end = lim;
  if (end - off < 7) return short(f, K_PPPOE, off, 7, end);
  if (b[off + 6]! & 1) return pppProtocols[b[off + 6]!]?.(f, off + 7, end);
  if (end - off < 8) return short(f, K_PPPOE, off, 8, end);
  pppProtocols[u16(b, off + 6)]?.(f, off + 8, end);
}

registerEthertype(0x8864, decodePppoe);
registerLinkType(LINKTYPE.PPP_ETHER, decodePppoe);
