/**
 * IEEE 802.1AE MACsec (ethertype 0x88e5, packet-macsec.c): the SecTAG is the
 * TCI/AN octet (V ES SC SCB E C AN), the short length, a 4-byte packet
 * number and, when SC is set, an 8-byte SCI (6 or 14 bytes). Integrity-only
 * frames (E and C clear) carry the user data in clear: its ethertype, then
 * the payload, then a 16-byte ICV; the short length, when not 0, is the
 * user data's length. Encrypted frames (E or C set) stop at the SecTAG and
 * are counted in the warning summary as encrypted. A version bit set, or a
 * frame no longer than SecTAG + ICV, is not MACsec to tshark: left undecoded.
 */
import { u16 } from '../bytes.ts';
import { mark, push } from '../frame.ts';
import { registerEthertype } from '../registry.ts';
import { type DecodedFrame, K_MACSEC, M_ENCRYPTED } from '../types.ts';
import { dispatchTypeOrLength } from './ethernet.ts';

const ICV_LEN = 16;

export function decodeMacsec(f: DecodedFrame, off: number, end: number): void {
  const b = f.buf;
  if (end - off < 1) return;
  const tci = b[off]!;
  if (tci & 0x80) return;
  const tag = tci & 0x20 ? 14 : 6;
  if (end - off <= tag + ICV_LEN) return;
  if (!push(f, K_MACSEC, off)) return;
  if (tci & 0x0c) return mark(f, K_MACSEC, M_ENCRYPTED, off);
  const sl = b[off + 1]! & 0x3f;
  const data = off + tag;
  let dend = sl !== 0 ? data + sl : end - ICV_LEN;
  if (dend > end) dend = end;
  if (dend - data < 2) return;
  dispatchTypeOrLength(f, u16(b, data), data + 2, dend);
}

registerEthertype(0x88e5, decodeMacsec);
