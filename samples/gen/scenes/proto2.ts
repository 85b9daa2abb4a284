/**
 * The "DTrace Network Providers — Prototype #2" page (seed 001, 22 Jun 2007):
 * one capture per tested scenario, on the Solaris host 192.168.1.108 (nge0),
 * with the packets, sizes (ip_plength), addresses, sequence numbers and order
 * its ipio01.d/ipio03.d and snoop transcripts show.
 *
 * Sizes: a 68-byte ip_plength is a 20-byte TCP header + 48 bytes of ssh data;
 * 20 a bare ACK; 32 a Solaris SYN (MSS, NOP, WS, NOP, NOP, SACK-OK); 64 an
 * ICMP echo with Solaris ping's 56 data bytes. The IPsec tunnel's outer
 * packets are NAT-T (UDP 4500) ESP with AES-CBC (16-byte IV) and
 * HMAC-SHA1-96: 8 UDP + 8 ESP + 16 IV + ciphertext (inner + 2, padded to 16)
 * + 12 ICV — 140 for an 88-byte inner packet, 92 for 40, 156 for 104, the
 * transcripts' numbers.
 */
import { SECRETS_TYPE } from '../../../src/capture/secrets.ts';
import { LINKTYPE } from '../../../src/capture/types.ts';
import {
  arp, dns, dnsName, dnsPtr, espSize, eth, fill, icmpEcho, igmp, ip4, ipv4, natT, ROUTER_ALERT, udp, type Bytes, type Upper,
} from '../craft.ts';
import { ARP_HOST, BROADCAST, DNS_SERVER, GATEWAY, HOST11, HOST188, HOST219, mcastMac, PEER, SOLARIS } from '../hosts.ts';
import { Rand } from '../rand.ts';
import { Scene } from '../scene.ts';
import { TcpConv, type TcpEnd } from '../tcpconv.ts';
import { at, MS, SEC, US } from '../time.ts';
import { espNatT } from '../esp.ts';
import { addTcp, received, sent, type Wire } from './common.ts';
import { extraPadFor, keyFiles, PROTO2 as PROTO2_KEYS, PROTO2_GCM } from './ipsec-keys.ts';

const SOLARIS_WIN = 49640; // 34 x 1460, Solaris 10's default receive window over Ethernet
const SOLARIS_WIN6 = 50400; // 35 x 1440, the IPv6 transcript's Win=50400

function solaris(ip: string, port: number, isn: number, win = SOLARIS_WIN): TcpEnd {
  return { ip, port, isn, win, ttl: 255, wscale: 0, sackOk: true, style: 'solaris', delack: 50n * MS };
}

function nge0(file: string, comment: string, start: bigint): { scene: Scene; w: Wire } {
  const scene = new Scene(file, comment, start);
  const ifId = scene.iface('nge0', LINKTYPE.ETHERNET, 'nVidia nForce Gigabit Ethernet');
  return { scene, w: { scene, ifId, localMac: SOLARIS.mac } };
}

/** One ssh keystroke and its echo on an established connection: data, data, delayed ACK. */
function keystroke(o: { a: TcpEnd; b: TcpEnd; local: 'a' | 'b'; t: bigint; rtt: bigint; v6?: boolean }): TcpConv {
  const c = new TcpConv({ a: o.a, b: o.b, local: o.local, rtt: o.rtt, start: o.t, established: true, ipId: { a: 0x3a21, b: 0x7c05 } });
  c.send('a', 48);
  c.reply('b', 48);
  return c;
}

function tcp4Out(): Scene {
  const t = at('2007-06-22T03:11:02Z', 184_337_120n);
  const { scene, w } = nge0('proto2-tcp4-out.pcapng', 'Prototype #2: outbound TCP over IPv4 (ssh keystroke from 192.168.1.108 to 192.168.1.109)', t - 1_482n * MS);
  const c = keystroke({ a: solaris(SOLARIS.ip, 53122, 1895485385), b: solaris(PEER.ip, 22, 1137186463), local: 'a', t, rtt: 412n * US });
  addTcp(w, c.finish(), 'a', PEER.mac);
  return scene;
}

function tcp4In(): Scene {
  const t = at('2007-06-22T03:14:40Z', 517_006_430n);
  const { scene, w } = nge0('proto2-tcp4-in.pcapng', 'Prototype #2: inbound TCP over IPv4 (ssh keystroke from 192.168.1.109 to 192.168.1.108), after a gratuitous ARP', t - 2_104n * MS);
  // snoop showed a gratuitous ARP first; it is not IP, so no probe fires for it.
  w.scene.add(w.ifId, t - 391n * MS, eth(ARP_HOST.mac, BROADCAST, arp({ op: 1, sha: ARP_HOST.mac, spa: ARP_HOST.ip, tpa: ARP_HOST.ip })), 'in');
  const c = keystroke({ a: solaris(PEER.ip, 58335, 400189564), b: solaris(SOLARIS.ip, 22, 1147792155), local: 'b', t, rtt: 398n * US });
  addTcp(w, c.finish(), 'b', PEER.mac);
  return scene;
}

function ping(file: string, comment: string, t: bigint, outbound: boolean, id: number): Scene {
  const { scene, w } = nge0(file, comment, t - 1_733n * MS);
  const data = fill(56);
  const [from, to] = outbound ? [SOLARIS.ip, PEER.ip] : [PEER.ip, SOLARIS.ip];
  const req = ipv4({ src: from, dst: to, ttl: 255, id: outbound ? 0x2b4c : 0x91e0 }, icmpEcho({ id, seq: 0 }, data));
  const rep = ipv4({ src: to, dst: from, ttl: 255, id: outbound ? 0x5d13 : 0x2b4d }, icmpEcho({ id, seq: 0, reply: true }, data));
  if (outbound) { sent(w, t, req, PEER.mac); received(w, t + 287n * US, rep, PEER.mac); } else { received(w, t, req, PEER.mac); sent(w, t + 61n * US, rep, PEER.mac); }
  return scene;
}

/** The DNS exchange: a 45-byte query and a 97-byte authoritative answer (A, NS, glue A). */
export function deimosQuery(): { query: Bytes; answer: Bytes } {
  const qname = 'deimos.sf.fishworks.jpn.com';
  const query = dns({ id: 0x5b2e, qname });
  const sfOffset = 12 + 7; // "sf.fishworks.jpn.com" inside the question name
  const nsName = new Uint8Array([...dnsName('dns01').subarray(0, 6), ...dnsPtr(sfOffset)]);
  const answerStart = 12 + dnsName(qname).length + 4;
  const nsRdataOffset = answerStart + 16 + 12;
  const answer = dns({
    id: 0x5b2e, response: true, aa: true, ra: true, qname,
    answers: [{ name: dnsPtr(12), type: 1, ttl: 86400, data: ip4('192.168.2.44') }],
    authority: [{ name: dnsPtr(sfOffset), type: 2, ttl: 86400, data: nsName }],
    additional: [{ name: dnsPtr(nsRdataOffset), type: 1, ttl: 86400, data: ip4(DNS_SERVER.ip) }],
  });
  return { query, answer };
}

function dnsOut(): Scene {
  const t = at('2007-06-22T03:20:15Z', 66_914_002n);
  const { scene, w } = nge0('proto2-udp-dns-out.pcapng', 'Prototype #2: outbound UDP over IPv4 (DNS query for deimos.sf.fishworks.jpn.com)', t - 1_250n * MS);
  const { query, answer } = deimosQuery();
  sent(w, t, ipv4({ src: SOLARIS.ip, dst: DNS_SERVER.ip, ttl: 255, id: 0x0f31 }, udp({ sport: 54324, dport: 53 }, query)), DNS_SERVER.mac);
  received(w, t + 612n * US, ipv4({ src: DNS_SERVER.ip, dst: SOLARIS.ip, ttl: 255, id: 0x8a02 }, udp({ sport: 53, dport: 54324 }, answer)), DNS_SERVER.mac);
  return scene;
}

function closed(file: string, comment: string, t: bigint, outbound: boolean, port: number, isn: number): Scene {
  const { scene, w } = nge0(file, comment, t - 1_377n * MS);
  const client = solaris(outbound ? SOLARIS.ip : PEER.ip, port, isn);
  const server = solaris(outbound ? PEER.ip : SOLARIS.ip, 81, 0);
  const c = new TcpConv({ a: client, b: server, local: outbound ? 'a' : 'b', rtt: 301n * US, proc: 38n * US, start: t, ipId: { a: 0x4410, b: 0x0 } });
  c.refused('a');
  addTcp(w, c.finish(), outbound ? 'a' : 'b', PEER.mac);
  return scene;
}

/**
 * Inner packets on ip.tun0, each with its NAT-T ESP carrier on nge0. With
 * `nic`: the NIC-only variant (as blog2008.ts's): the ESP sealed with
 * PROTO2_GCM, ip.tun0 declared but empty; `dsb` also puts the keys in the
 * capture (a pcapng Decryption Secrets Block of ESP SAs).
 */
function ipsec(file: string, comment: string, t: bigint, outbound: boolean, nic?: { dsb: boolean }): Scene {
  const scene = new Scene(file, comment, t - 2_016n * MS);
  if (nic?.dsb) scene.secrets(SECRETS_TYPE.ESP, new TextEncoder().encode(keyFiles().find((k) => k.file === 'proto2-ipsec-esp.esp_sa')!.text));
  const nge = scene.iface('nge0', LINKTYPE.ETHERNET, 'nVidia nForce Gigabit Ethernet');
  const tun = scene.iface('ip.tun0', LINKTYPE.RAW, 'IPsec tunnel to 172.16.10.1');
  const outer: Wire = { scene, ifId: nge, localMac: SOLARIS.mac };
  const inner: Wire = { scene, ifId: tun, localMac: '' };
  const rnd = new Rand(outbound ? 0x1e5e : 0x1e5f);
  const GW = '172.16.10.1';
  let seqOut = 0x1d4;
  let seqIn = 0x3b9;
  const local = solaris('10.7.250.24', outbound ? 40231 : 41017, outbound ? 3502217117 : 2918455002);
  const remote = { ...solaris('192.146.17.75', 22, outbound ? 977450821 : 1201935778), ttl: 64 };
  const c = new TcpConv({ a: local, b: remote, local: 'a', rtt: 18_474n * US, start: t, established: true, ipId: { a: 0x61f0, b: 0x1c22 } });
  if (outbound) { c.send('a', 48); c.reply('b', 48); } else { c.wait(0n); c.send('b', 64); }
  const ivs = new Rand(outbound ? 0xe5e0 : 0xe5e1);
  const carry = (spi: number, seq: number, ip: Bytes): Upper => nic === undefined
    ? natT({ spi, seq }, rnd.bytes(espSize(ip.length) - 8))
    : espNatT(PROTO2_GCM, { spi, seq, iv: ivs.bytes(8), nextHeader: 4, payload: ip, extraPad: extraPadFor(PROTO2_GCM, ip.length) });
  for (const p of c.finish()) {
    if (p.from === 'a') {
      if (nic === undefined) sent(inner, p.t, p.ip, '');
      const esp = ipv4({ src: SOLARIS.ip, dst: GW, ttl: 255, id: 0x2000 + seqOut }, carry(PROTO2_KEYS.spiOut, seqOut++, p.ip));
      sent(outer, p.t + 73n * US, esp, GATEWAY.mac);
    } else {
      const esp = ipv4({ src: GW, dst: SOLARIS.ip, ttl: 61, id: 0x4000 + seqIn }, carry(PROTO2_KEYS.spiIn, seqIn++, p.ip));
      received(outer, p.t - 69n * US, esp, GATEWAY.mac);
      if (nic === undefined) received(inner, p.t, p.ip, '');
    }
  }
  return scene;
}

function tcp6(file: string, comment: string, t: bigint, outbound: boolean): Scene {
  const { scene, w } = nge0(file, comment, t - 1_911n * MS);
  const a = outbound
    ? { ...solaris(SOLARIS.ip6, 46004, 4184304355, SOLARIS_WIN6), mss: 1440 }
    : { ...solaris(PEER.ip6, 50768, 3428121375, SOLARIS_WIN6), mss: 1440 };
  const b = outbound
    ? { ...solaris(PEER.ip6, 22, 3433398788, SOLARIS_WIN6), mss: 1440 }
    : { ...solaris(SOLARIS.ip6, 22, 4179173848, SOLARIS_WIN6), mss: 1440 };
  const c = keystroke({ a, b, local: outbound ? 'a' : 'b', t, rtt: 436n * US });
  addTcp(w, c.finish(), outbound ? 'a' : 'b', PEER.mac);
  return scene;
}

/**
 * The page's first ipio01.d transcript: an ssh exchange, a ping from .109,
 * a RIPv2 multicast from the router and an IGMP report — seven lines.
 */
function ipio01Mixed(): Scene {
  const t = at('2007-06-22T02:58:31Z', 702_118_530n);
  const { scene, w } = nge0('proto2-ipio01-mixed.pcapng', 'Prototype #2: ipio01.d opening transcript (TCP, ICMP, UDP to 224.0.0.9, IGMP)', t - 1_009n * MS);
  const c = keystroke({ a: solaris(PEER.ip, 58330, 2931300017), b: solaris(SOLARIS.ip, 22, 1019283754), local: 'b', t, rtt: 405n * US });
  addTcp(w, c.finish(), 'b', PEER.mac);
  const t2 = t + 812n * MS;
  const data = fill(56);
  received(w, t2, ipv4({ src: PEER.ip, dst: SOLARIS.ip, ttl: 255, id: 0x91f2 }, icmpEcho({ id: 2091, seq: 0 }, data)), PEER.mac);
  sent(w, t2 + 58n * US, ipv4({ src: SOLARIS.ip, dst: PEER.ip, ttl: 255, id: 0x2b60 }, icmpEcho({ id: 2091, seq: 0, reply: true }, data)), PEER.mac);
  received(w, t2 + 1_204n * MS, ipv4({ src: GATEWAY.ip, dst: '224.0.0.9', ttl: 1, id: 0 }, udp({ sport: 520, dport: 520 }, rip2())), GATEWAY.mac, { dstMac: mcastMac('224.0.0.9') });
  received(w, t2 + 1_991n * MS, ipv4({ src: HOST11.ip, dst: '224.0.1.1', ttl: 1, id: 0x1c9, options: ROUTER_ALERT }, igmp({ type: 0x16, group: '224.0.1.1' })), HOST11.mac, { dstMac: mcastMac('224.0.1.1') });
  return scene;
}

/** A RIPv2 response with two routes (44 bytes: 4 header + 2 x 20). */
function rip2(): Bytes {
  const b = new Uint8Array(44);
  b[0] = 2; b[1] = 2; // response, version 2
  const route = (o: number, net: string, mask: string, metric: number): void => {
    b[o + 1] = 2; // AF_INET
    b.set(ip4(net), o + 4); b.set(ip4(mask), o + 8); b[o + 19] = metric;
  };
  route(4, '10.0.0.0', '255.0.0.0', 2);
  route(24, '172.16.0.0', '255.240.0.0', 3);
  return b;
}

/**
 * "Who is sending IP packets to us?": the page's count one-liner shows
 * 192.168.1.1 2, 192.168.1.5 3, fe80::214:4fff:fe3b:76c8 8, 192.168.1.219 24,
 * 192.168.1.188 108, 192.168.1.109 959 received packets (plus what we send).
 */
function receivers(): Scene {
  const t0 = at('2007-06-22T02:40:07Z', 130_052_911n);
  const { scene, w } = nge0('proto2-receivers.pcapng', 'Prototype #2: who is sending IP packets to us (2, 3, 8, 24, 108, 959 packets from six hosts)', t0 - 1_300n * MS);
  const rnd = new Rand(0x7ec);
  // 959 from .109: an ssh session streaming prstat-like screen updates to us
  // (957 small segments, our delayed ACKs), then its close.
  {
    const c = new TcpConv({ a: solaris(PEER.ip, 22, 1720044912), b: solaris(SOLARIS.ip, 59811, 2841157330), local: 'b', rtt: 380n * US, start: t0, established: true, ipId: { a: 0x100, b: 0x900 } });
    c.send('b', 48);
    c.reply('a', 96);
    for (let i = 1; i < 957; i++) { c.wait(rnd.ns(4_000_000, 9_000_000)); c.send('a', 48 + 16 * (i % 6)); }
    c.wait(2n * MS);
    c.close('a'); // its FIN and its last ACK: 959
    addTcp(w, c.finish(), 'b', PEER.mac);
  }
  // 108 from .188: NFS-over-TCP-like request/response pairs (we send a request, it answers).
  {
    const c = new TcpConv({ a: solaris(SOLARIS.ip, 1023, 33112007), b: solaris(HOST188.ip, 2049, 99120455), local: 'a', rtt: 290n * US, start: t0 + 150n * MS, established: true, ipId: { a: 0x1100, b: 0x2200 } });
    for (let i = 0; i < 108; i++) { c.send('a', 140); c.reply('b', 120 + (i % 5) * 4); c.wait(rnd.ns(9_000_000, 31_000_000)); }
    addTcp(w, c.finish(), 'a', HOST188.mac);
  }
  // 24 from .219: a ping -s from .219 (we reply).
  for (let i = 0; i < 24; i++) {
    const t = t0 + 200n * MS + BigInt(i) * SEC;
    const d = fill(56, i);
    received(w, t, ipv4({ src: HOST219.ip, dst: SOLARIS.ip, ttl: 64, id: 0x3300 + i }, icmpEcho({ id: 731, seq: i }, d)), HOST219.mac);
    sent(w, t + 55n * US, ipv4({ src: SOLARIS.ip, dst: HOST219.ip, ttl: 255, id: 0x2c00 + i }, icmpEcho({ id: 731, seq: i, reply: true }, d)), HOST219.mac);
  }
  // 8 from fe80::214:4fff:fe3b:76c8: four ssh keystrokes over IPv6 link-local... each gives 2 received.
  for (let i = 0; i < 4; i++) {
    const c = new TcpConv({ a: { ...solaris(PEER.ip6, 50768, 3428121375 + 48 * i, SOLARIS_WIN6), mss: 1440 }, b: { ...solaris(SOLARIS.ip6, 22, 4179173848 + 48 * i, SOLARIS_WIN6), mss: 1440 }, local: 'b', rtt: 436n * US, start: t0 + 3n * SEC + BigInt(i) * 700n * MS, established: true });
    c.send('a', 48); c.reply('b', 48);
    addTcp(w, c.finish(), 'b', PEER.mac);
  }
  // 3 from the DNS server: three lookups.
  const { query, answer } = deimosQuery();
  for (let i = 0; i < 3; i++) {
    const t = t0 + 5n * SEC + BigInt(i) * 2_100n * MS;
    sent(w, t, ipv4({ src: SOLARIS.ip, dst: DNS_SERVER.ip, ttl: 255, id: 0x0f40 + i }, udp({ sport: 54330 + i, dport: 53 }, query)), DNS_SERVER.mac);
    received(w, t + 640n * US, ipv4({ src: DNS_SERVER.ip, dst: SOLARIS.ip, ttl: 255, id: 0x8a10 + i }, udp({ sport: 53, dport: 54330 + i }, answer)), DNS_SERVER.mac);
  }
  // 2 from the router: RIPv2 updates every 30 s.
  for (let i = 0; i < 2; i++) {
    received(w, t0 + 2n * SEC + BigInt(i) * 30n * SEC, ipv4({ src: GATEWAY.ip, dst: '224.0.0.9', ttl: 1, id: 0 }, udp({ sport: 520, dport: 520 }, rip2())), GATEWAY.mac, { dstMac: mcastMac('224.0.0.9') });
  }
  return scene;
}

export function proto2Scenes(): Scene[] {
  return [
    ipio01Mixed(),
    receivers(),
    tcp4Out(),
    tcp4In(),
    ping('proto2-icmp-out.pcapng', 'Prototype #2: outbound ICMP (ping 192.168.1.109, ID 36060)', at('2007-06-22T03:16:21Z', 440_902_117n), true, 36060),
    ping('proto2-icmp-in.pcapng', 'Prototype #2: inbound ICMP (ping from 192.168.1.109, ID 2085)', at('2007-06-22T03:17:49Z', 901_245_006n), false, 2085),
    dnsOut(),
    closed('proto2-tcp-closed-out.pcapng', 'Prototype #2: outbound TCP to a closed port (192.168.1.109:81 answers RST)', at('2007-06-22T03:22:08Z', 310_442_809n), true, 45099, 2149577849),
    closed('proto2-tcp-closed-in.pcapng', 'Prototype #2: inbound TCP to a closed port (we answer RST from port 81)', at('2007-06-22T03:23:30Z', 77_501_236n), false, 48811, 1404105261),
    ipsec('proto2-ipsec-out.pcapng', 'Prototype #2: outbound TCP over an IPsec (NAT-T ESP) tunnel: ip.tun0 inside nge0', at('2007-06-22T03:30:44Z', 615_020_331n), true),
    ipsec('proto2-ipsec-in.pcapng', 'Prototype #2: inbound TCP over an IPsec (NAT-T ESP) tunnel: nge0 then ip.tun0', at('2007-06-22T03:33:12Z', 8_771_459n), false),
    ipsec('proto2-ipsec-out-esp.pcapng', 'Prototype #2: outbound TCP over an IPsec tunnel, the NIC only: NAT-T ESP on nge0, AES-GCM-128 (keys: samples/keys/proto2-ipsec-esp.esp_sa); ip.tun0 declared, its packets inside the ESP', at('2007-06-22T03:30:44Z', 615_020_331n), true, { dsb: false }),
    ipsec('proto2-ipsec-in-esp.pcapng', 'Prototype #2: inbound TCP over an IPsec tunnel, the NIC only: NAT-T ESP on nge0, AES-GCM-128, its keys in a decryption secrets block; ip.tun0 declared, its packets inside the ESP', at('2007-06-22T03:33:12Z', 8_771_459n), false, { dsb: true }),
    tcp6('proto2-tcp6-out.pcapng', 'Prototype #2: outbound TCP over IPv6 link-local (ssh keystroke)', at('2007-06-22T03:41:56Z', 250_118_004n), true),
    tcp6('proto2-tcp6-in.pcapng', 'Prototype #2: inbound TCP over IPv6 link-local (ssh keystroke)', at('2007-06-22T03:43:02Z', 631_907_552n), false),
  ];
}
