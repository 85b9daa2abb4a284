/**
 * IEEE 802.2 LLC and SNAP (packet-llc.c): DSAP/SSAP 0xAA with a SNAP header
 * whose OUI is 0 (or Cisco's 0x0000f8) carries an ethertype; SAP 0x06 carries
 * IPv4 directly. Other SAPs (STP, NetBIOS, ...) carry no IP.
 */
import { u16, u24 } from '../bytes.ts';
import { push, short } from '../frame.ts';
import { ethertypes } from '../registry.ts';
import { type DecodedFrame, K_LLC, K_SNAP } from '../types.ts';

export function decodeLlc(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 3) return short(f, K_LLC, off, 3, end);
  if (!push(f, K_LLC, off)) return;
  const b = f.buf;
  const dsap = b[off]!;
  const ssap = b[off + 1]!;
  // U-format control fields are one byte; I and S formats two.
  const ctl = b[off + 2]!;
  const ctlLen = (ctl & 3) === 3 ? 1 : 2;
  const pay = off + 2 + ctlLen;
  // Only information-carrying frames (I, or UI with any P/F bit) have a payload to dispatch.
  if ((ctl & 1) !== 0 && (ctl & 0xef) !== 0x03) return;
  if (dsap === 0xaa && ssap === 0xaa) {
    if (end - pay < 5) return short(f, K_SNAP, pay, 5, end);
    if (!push(f, K_SNAP, pay)) return;
    const oui = u24(b, pay);
    if (oui === 0 || oui === 0xf8) {
      const next = ethertypes[u16(b, pay + 3)];
      if (next !== undefined) next(f, pay + 5, end);
    }
    return;
  }
  if (dsap === 0x06 && pay <= end) {
    const next = ethertypes[0x0800];
    if (next !== undefined) next(f, pay, end);
  }
}
