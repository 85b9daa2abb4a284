/**
 * Cisco FabricPath (DCE, ethertype 0x8903; Wireshark packet-cfp.c): the
 * outer Ethernet addresses are FabricPath switch addresses, the ethertype
 * is followed by a 2-byte FTag/TTL, then the customer's whole Ethernet frame
 * (its own addresses and ethertype).
 */
import { push, short } from '../frame.ts';
import { registerEthertype } from '../registry.ts';
import { type DecodedFrame, K_FABRICPATH } from '../types.ts';
import { decodeEthernet } from './ethernet.ts';

export function decodeFabricPath(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 2) return short(f, K_FABRICPATH, off, 2, end);
  if (!push(f, K_FABRICPATH, off)) return;
  decodeEthernet(f, off + 2, end);
}

registerEthertype(0x8903, decodeFabricPath);
