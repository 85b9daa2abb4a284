/**
 * Further Ethernet tags that wrap an ethertype or a whole frame:
 *   802.1ah PBB (0x88e7): a 4-byte I-TAG, then the customer's Ethernet frame;
 *   VN-Tag (0x8926): 4 bytes, then an ethertype;
 *   802.1BR E-Tag (0x893f): 6 bytes, then an ethertype.
 */
import { u16 } from '../bytes.ts';
import { push, short } from '../frame.ts';
import { registerEthertype } from '../registry.ts';
import { type DecodedFrame, K_ETAG, K_PBB } from '../types.ts';
import { decodeEthernet, dispatchTypeOrLength } from './ethernet.ts';

export function decodePbb(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 4) return short(f, K_PBB, off, 4, end);
  if (!push(f, K_PBB, off)) return;
  decodeEthernet(f, off + 4, end);
}

function tag(len: number) {
  return (f: DecodedFrame, off: number, end: number): void => {
    if (end - off < len + 2) return short(f, K_ETAG, off, len + 2, end);
    if (!push(f, K_ETAG, off)) return;
    dispatchTypeOrLength(f, u16(f.buf, off + len), off + len + 2, end);
  };
}

registerEthertype(0x88e7, decodePbb);
registerEthertype(0x8926, tag(4));
registerEthertype(0x893f, tag(6));
