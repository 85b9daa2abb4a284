/**
 * The bench capture: a large synthetic pcap of realistic mixed traffic
 * (bimodal sizes, IPv4/IPv6, TCP/UDP/ICMP, VLANs and tunnels: VXLAN, GRE,
 * IP-in-IP, GTP-U). A few hundred distinct template frames are built once
 * with samples/gen/craft.ts; each record copies one and patches a counter
 * into its IP id and TCP sequence so consecutive packets differ. The outer
 * IPv4 header checksum is recomputed after patching (a kernel drops a bad
 * one, so ip:::receive would not fire: the D rows must see what tcpdump and
 * tshark see); TCP checksums are left stale (nothing under test verifies
 * them by default).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import {
  eth, gre, icmp6Echo, icmpEcho, ipv4, ipv6, tcp, udp, vlan, vxlan,
} from '../samples/gen/craft.ts';

const A = '02:00:00:00:00:0a';
const B = '02:00:00:00:00:0b';

/** Deterministic xorshift32, so every run benchmarks the same bytes. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 0x100000000;
  };
}

interface Template { bytes: Uint8Array; idOff: number; seqOff: number }

function templates(): Template[] {
  const r = rng(42);
  const out: Template[] = [];
  const h4 = (): string => `10.${1 + Math.floor(r() * 200)}.${Math.floor(r() * 250)}.${1 + Math.floor(r() * 250)}`;
  const h6 = (): string => `2001:db8:${Math.floor(r() * 0xffff).toString(16)}::${Math.floor(r() * 0xffff).toString(16)}`;
  const port = (): number => 1024 + Math.floor(r() * 60000);
  const payload = (n: number): Uint8Array => new Uint8Array(n).fill(0x61);
  const add = (bytes: Uint8Array, ipOff: number, tcpOff = -1): void => {
    out.push({ bytes, idOff: bytes[ipOff]! >> 4 === 4 ? ipOff + 4 : -1, seqOff: tcpOff >= 0 ? tcpOff + 4 : -1 });
  };
  // Weights out of 100 -> counts out of 400 templates.
  for (let i = 0; i < 120; i++) { // IPv4 TCP full-size data
    add(eth(A, B, ipv4({ src: h4(), dst: h4(), df: true }, tcp({ sport: 443, dport: port(), flags: 'PA', seq: i }, payload(1448)))), 14, 34);
  }
  for (let i = 0; i < 80; i++) { // IPv4 TCP ACKs with timestamps
    add(eth(A, B, ipv4({ src: h4(), dst: h4(), df: true }, tcp({ sport: port(), dport: 443, flags: 'A', options: ['nop', 'nop', { ts: [i, i] }] }))), 14, 34);
  }
  for (let i = 0; i < 32; i++) add(eth(A, B, ipv6({ src: h6(), dst: h6(), flow: i }, tcp({ sport: 443, dport: port(), flags: 'PA' }, payload(1428)))), 14, 54);
  for (let i = 0; i < 28; i++) add(eth(A, B, ipv6({ src: h6(), dst: h6() }, tcp({ sport: port(), dport: 443, flags: 'A', options: ['nop', 'nop', { ts: [i, i] }] }))), 14, 54);
  for (let i = 0; i < 28; i++) add(eth(A, B, ipv4({ src: h4(), dst: h4() }, udp({ sport: port(), dport: 53 }, payload(40 + Math.floor(r() * 100))))), 14);
  for (let i = 0; i < 12; i++) add(eth(A, B, ipv4({ src: h4(), dst: h4() }, udp({ sport: port(), dport: 443 }, payload(1250)))), 14);
  for (let i = 0; i < 6; i++) add(eth(A, B, ipv4({ src: h4(), dst: h4() }, icmpEcho({ id: i, seq: i }, payload(56)))), 14);
  for (let i = 0; i < 6; i++) add(eth(A, B, ipv6({ src: h6(), dst: h6() }, icmp6Echo({ id: i, seq: i }, payload(56)))), 14);
  for (let i = 0; i < 32; i++) add(eth(A, B, vlan({ vid: 100 + i }, ipv4({ src: h4(), dst: h4() }, tcp({ sport: port(), dport: 80, flags: 'PA' }, payload(i % 2 ? 1448 : 0))))), 18, 38);
  for (let i = 0; i < 20; i++) {
    const inner = eth(A, B, ipv4({ src: h4(), dst: h4() }, tcp({ sport: port(), dport: 22, flags: 'PA' }, payload(i % 2 ? 1398 : 0))));
    add(eth(A, B, ipv4({ src: h4(), dst: h4() }, udp({ sport: port(), dport: 4789, noChecksum: true }, vxlan({ vni: 1000 + i }, inner)))), 14);
  }
  for (let i = 0; i < 16; i++) add(eth(A, B, ipv4({ src: h4(), dst: h4() }, gre({ key: i }, ipv4({ src: h4(), dst: h4() }, udp({ sport: port(), dport: 53 }, payload(100)))))), 14);
  for (let i = 0; i < 12; i++) add(eth(A, B, ipv4({ src: h4(), dst: h4() }, ipv6({ src: h6(), dst: h6() }, tcp({ sport: port(), dport: 443, flags: 'A' })))), 14);
  for (let i = 0; i < 8; i++) {
    const inner = ipv4({ src: h4(), dst: h4() }, tcp({ sport: port(), dport: 443, flags: 'PA' }, payload(1300)));
    const g = new Uint8Array(8 + inner.length);
    g.set([0x30, 0xff, inner.length >> 8, inner.length & 0xff, 0, 0, 0, i + 1]);
    g.set(inner, 8);
    add(eth(A, B, ipv4({ src: h4(), dst: h4() }, udp({ sport: 2152, dport: 2152, noChecksum: true }, g))), 14);
  }
  // Shuffle so kinds interleave.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Bumped whenever the bytes generate() writes change, so cached captures are rebuilt. */
export const GEN_VERSION = 2;

/** Writes `packets` records to `path`; returns the file size in bytes. */
export function generate(path: string, packets: number): number {
  const ts = templates();
  const fd = openSync(path, 'w');
  const BUF = 8 << 20;
  const buf = Buffer.alloc(BUF);
  let pos = 0;
  let total = 0;
  const flush = (): void => { writeSync(fd, buf, 0, pos); total += pos; pos = 0; };
  buf.writeUInt32LE(0xa1b2c3d4, 0); buf.writeUInt16LE(2, 4); buf.writeUInt16LE(4, 6);
  buf.writeUInt32LE(0, 8); buf.writeUInt32LE(0, 12); buf.writeUInt32LE(262144, 16); buf.writeUInt32LE(1, 20);
  pos = 24;
  let sec = 1700000000;
  let usec = 0;
  for (let i = 0; i < packets; i++) {
    const t = ts[i % ts.length]!;
    const n = t.bytes.length;
    if (pos + 16 + n > BUF) flush();
    usec += 37;
    if (usec >= 1000000) { usec -= 1000000; sec++; }
    buf.writeUInt32LE(sec, pos); buf.writeUInt32LE(usec, pos + 4); buf.writeUInt32LE(n, pos + 8); buf.writeUInt32LE(n, pos + 12);
    buf.set(t.bytes, pos + 16);
    if (t.idOff >= 0) {
      const ip = pos + 16 + t.idOff - 4;
      buf.writeUInt16BE(i & 0xffff, ip + 4);
      buf.writeUInt16BE(0, ip + 10);
      const hl = (buf[ip]! & 15) << 2;
      let s = 0;
      for (let k = 0; k < hl; k += 2) s += buf.readUInt16BE(ip + k);
      while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
      buf.writeUInt16BE(~s & 0xffff, ip + 10);
    }
    if (t.seqOff >= 0) buf.writeUInt32BE((i * 1448) >>> 0, pos + 16 + t.seqOff);
    pos += 16 + n;
  }
  flush();
  closeSync(fd);
  return total;
}
