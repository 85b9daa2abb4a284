/**
 * Ethernet II and IEEE 802.3 (packet-eth.c): a type/length field of 1500 or
 * less is an 802.3 length, followed by LLC (llc.ts) and bounded by that length;
 * anything above is an ethertype. The FCS, when the interface says it has one,
 * was removed from the frame's end before decoding (decoder.ts).
 */
import { LINKTYPE } from '../../capture/types.ts';
import { u16 } from '../bytes.ts';
import { push, short } from '../frame.ts';
import { ethertypes, registerEthertype, registerLinkType } from '../registry.ts';
import { type DecodedFrame, K_ETHERNET } from '../types.ts';
import { decodeLlc } from './llc.ts';

/** Largest 802.3 length value (IEEE_802_3_MAX_LEN); larger type fields are ethertypes. */
export const IEEE_802_3_MAX_LEN = 1500;

export function decodeEthernet(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 14) return short(f, K_ETHERNET, off, 14, end);
  if (!push(f, K_ETHERNET, off)) return;
  if (f.ethDstOff < 0) {
    f.ethDstOff = off;
    f.ethSrcOff = off + 6;
  }
  const type = u16(f.buf, off + 12);
  dispatchTypeOrLength(f, type, off + 14, end);
}

/** After Ethernet or a VLAN tag: an ethertype, or an 802.3 length introducing LLC. */
export function dispatchTypeOrLength(f: DecodedFrame, type: number, off: number, end: number): void {
  if (type <= IEEE_802_3_MAX_LEN) {
    const lim = off + type;
    decodeLlc(f, off, lim < end ? lim : end);
    return;
  }
  const next = ethertypes[type];
  if (next !== undefined) next(f, off, end);
}

registerLinkType(LINKTYPE.ETHERNET, decodeEthernet);
// Transparent Ethernet bridging (GRE 0x6558, GENEVE).
registerEthertype(0x6558, decodeEthernet);
