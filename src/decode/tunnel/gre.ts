/**
 * GRE (RFC 2784/2890, protocol 47): flags C (checksum + offset), R (routing,
 * RFC 1701 source-route entries), K (key), S (sequence); the protocol type
 * is an ethertype, so the payload (IPv4, IPv6, Ethernet via 0x6558, MPLS,
 * ERSPAN, ...) is found in the ethertype table. Version 1 is PPTP's enhanced
 * GRE (RFC 2637): key = payload length + call id, optional ack, PPP inside
 * (the payload length is not used to bound the payload, as in packet-gre.c).
 * Inner IP layers fire on `gre0`; the key (if any) is the tunnel key.
 *
 * As packet-gre.c: routing entries (after key and sequence) run until one
 * with address family 0 and length 0; WCCP (protocol 0x883e) carries IP,
 * after a 4-byte WCCPv2 redirect header when the byte after the base header
 * does not start an IPv4 header; Cisco MetaData (0x8909), NSH (0x894f),
 * Ethernet, MPLS, IPv4 and IPv6 come through the ethertype table; protocol
 * types only GRE uses (Aruba's 802.11, gre-aruba.ts) through greProtocols.
 */
import { u16, u32 } from '../bytes.ts';
import { currentIp, enterTunnel, push, short } from '../frame.ts';
import { ethertypes, greProtocols, registerIpProtocol } from '../registry.ts';
import { decodeIpv4 } from '../ip/ipv4.ts';
import { type DecodedFrame, K_GRE, K_WCCP, L4_GRE, TUN_GRE } from '../types.ts';
import { IF_GRE } from './names.ts';

export function decodeGre(f: DecodedFrame, off: number, end: number): void {
  const l = currentIp(f);
  if (l === null) return;
  if (end - off < 4) return short(f, K_GRE, off, 4, end);
  const b = f.buf;
  const fv = u16(b, off);
  const ver = fv & 7;
  // An unknown version (2-7) is read with version 0's layout, as packet-gre.c reads it.
  const c = (fv & 0x8000) !== 0;
  const r = (fv & 0x4000) !== 0;
  const k = (fv & 0x2000) !== 0;
  const s = (fv & 0x1000) !== 0;
  const a = ver === 1 && (fv & 0x0080) !== 0;
  let hl = 4 + (c || r ? 4 : 0) + (k ? 4 : 0) + (s ? 4 : 0) + (a ? 4 : 0);
  if (end - off < hl) return short(f, K_GRE, off, hl, end);
  if (r) {
    // Source route entries: address family (2), SRE offset (1), SRE length (1), then length bytes;
    // family 0 with length 0 ends the list.
    for (;;) {
      if (end - off < hl + 4) return short(f, K_GRE, off, hl + 4, end);
      const af = u16(b, off + hl);
      const n = b[off + hl + 3]!;
      hl += 4 + n;
      if (af === 0 && n === 0) break;
      if (end - off < hl) return short(f, K_GRE, off, hl, end);
    }
  }
  const proto0 = u16(b, off + 2);
  const wccp2 = proto0 === GRE_WCCP && end - off > 4 && (b[off + 4]! & 0xf0) !== 0x40;
  if (wccp2 && end - off < hl + 4) return short(f, K_GRE, off, hl + 4, end);
  if (!push(f, K_GRE, off)) return;
  const g = l.gre;
  l.l4 = L4_GRE;
  l.l4Off = off;
  g.flagsVersion = fv;
  const proto = u16(b, off + 2);
  g.protocol = proto;
  g.hasChecksum = c;
  g.hasKey = k;
  g.hasSeq = s;
  let p = off + 4 + (c || r ? 4 : 0);
  g.key = k ? u32(b, p) : 0;
  if (k) p += 4;
  g.seq = s ? u32(b, p) : 0;
  // Version 1's key holds a payload length; packet-gre.c shows it but does not bound the payload
  // by it (a lying or damaged one would hide the inner packet), and neither do we.
  const pend = end;
  if (proto === GRE_WCCP) {
    let p = off + hl;
    if (wccp2) {
      if (!push(f, K_WCCP, p)) return;
      p += 4;
    }
    if (p >= pend) return;
    enterTunnel(f, TUN_GRE, k ? g.key : -1, IF_GRE);
    decodeIpv4(f, p, pend); // packet-ip.c: hands a version 6 header to IPv6
    return;
  }
  const next = greProtocols[proto] ?? ethertypes[proto];
  if (next === undefined) return;
  enterTunnel(f, TUN_GRE, k ? g.key : -1, IF_GRE);
  next(f, off + hl, pend);
}

/**
 * GRE in UDP (RFC 8086, UDP 4754): the UDP payload is a GRE header. The
 * outer layer stays a UDP datagram (its transport is not replaced by GRE's).
 */
export function decodeGreInUdp(f: DecodedFrame, off: number, end: number): void {
  const l = currentIp(f);
  if (l === null) return;
  const l4 = l.l4;
  const l4Off = l.l4Off;
  decodeGre(f, off, end);
  l.l4 = l4;
  l.l4Off = l4Off;
}

/** WCCP redirection (GRE protocol type 0x883e). */
const GRE_WCCP = 0x883e;

registerIpProtocol(47, decodeGre);
