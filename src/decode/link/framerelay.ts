/**
 * Frame Relay (LINKTYPE_FRELAY 107), as packet-fr.c reads it with its default
 * "FRF 3.2/Cisco" encapsulation:
 *
 *   - a Q.922 address of 2 to 4 octets (the EA bit, 0x01, ends it; a first
 *     octet with EA set is a bogus 1-octet address), DLCI from its bits;
 *   - control 0x03 (UI): RFC 2427 multiprotocol encapsulation: an optional
 *     0x00 pad, then the NLPID: 0xcc IPv4, 0x8e IPv6, 0x80 SNAP (OUI 0 with
 *     an ethertype; OUI 00-80-C2 PID 7/1 bridged Ethernet without/with FCS);
 *   - any other control on a DLCI other than 0: Cisco encapsulation when the
 *     two octets after the address are an ethertype a decoder takes (IPv4,
 *     IPv6, MPLS, ...); DLCI 0 is LMI/Q.933 signalling (no IP).
 */
import { u16, u24 } from '../bytes.ts';
import { push, short } from '../frame.ts';
import { ethertypes, registerLinkType } from '../registry.ts';
import { type DecodedFrame, K_FRELAY, K_SNAP } from '../types.ts';
import { decodeEthernet } from './ethernet.ts';

export const LINKTYPE_FRELAY = 107;

export function decodeFrameRelay(f: DecodedFrame, off: number, end: number): void {
  const b = f.buf;
  if (end - off < 2) return short(f, K_FRELAY, off, 2, end);
  let p = off;
  let dlci = 0;
  if (b[p]! & 1) {
    p++; // bogus 1-octet address
  } else {
    dlci = (b[p]! & 0xfc) >> 2;
    p++;
    const o2 = b[p]!;
    dlci = (dlci << 4) | ((o2 & 0xf0) >> 4);
    p++;
    if (!(o2 & 1)) {
      for (;;) {
        if (p >= end) return short(f, K_FRELAY, off, p - off + 1, end);
        const o = b[p]!;
        if (o & 1) {
          if (!(o & 2)) dlci = (dlci << 6) | ((o & 0xfc) >> 2);
          p++;
          break;
        }
        dlci = (dlci << 7) | ((o & 0xfe) >> 1);
        p++;
      }
    }
  }
  if (p >= end) return short(f, K_FRELAY, off, p - off + 1, end);
  if (!push(f, K_FRELAY, off)) return;
  const ctrl = b[p]!;
  if (ctrl === 0x03) return nlpid(f, p + 1, end);
  if (dlci === 0 || ctrl === 0xaf) return; // LAPF signalling, XID
  if (end - p < 2) return;
  const next = ethertypes[u16(b, p)];
  if (next !== undefined) next(f, p + 2, end); // Cisco encapsulation
}

function nlpid(f: DecodedFrame, p: number, end: number): void {
  const b = f.buf;
  if (p < end && b[p] === 0) p++; // padding
  if (p >= end) return short(f, K_FRELAY, p, 1, end);
  const id = b[p]!;
  if (id === 0xcc) return void ethertypes[0x0800]?.(f, p + 1, end);
  if (id === 0x8e) return void ethertypes[0x86dd]?.(f, p + 1, end);
  if (id !== 0x80) return;
  p++;
  if (end - p < 5) return short(f, K_SNAP, p, 5, end);
  if (!push(f, K_SNAP, p)) return;
  const oui = u24(b, p);
  const pid = u16(b, p + 3);
  if (oui === 0) {
    ethertypes[pid]?.(f, p + 5, end);
  } else if (oui === 0x0080c2 && (pid === 7 || pid === 1)) {
    // Bridged Ethernet (RFC 2427 section 4.1); PID 1 keeps its FCS.
    let e = end;
    if (pid === 1 && end === f.end && f.capLen === f.wireLen && end - (p + 5) >= 18) e -= 4;
    decodeEthernet(f, p + 5, e);
  }
}

registerLinkType(LINKTYPE_FRELAY, decodeFrameRelay);
