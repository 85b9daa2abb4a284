/**
 * The July 2008 blog post (seed 000):
 *
 * 1. ip_whosent.d on "ultra": 19 packets sent on behalf of ssh (1075), nscd
 *    (152), firefox-bin (1944) and thunderbird-bin (1133), with exactly the
 *    transcript's destinations and ipv4_length values, in its order. Every
 *    frame carries Darwin process information (pcapng DPEB + EPB options).
 *    Packets the kernel sends on its own — handshake and delayed ACKs — are
 *    attributed to "sched" (pid 0), as Solaris attributes them, so the
 *    script's `/execname != "sched"/` predicate is what keeps them out.
 *
 * 2. ipio.d's tunnel transcript: ip.tun0 (10.1.100.123 <-> 192.168.10.75)
 *    inside nge0 (192.168.1.108 <-> 192.168.5.1, NAT-T ESP), sizes 68/140,
 *    140/68, 20/92, with DELTA(us) 598913, 73, 18325, 69, 102921, 79. The
 *    first delta is measured from BEGIN: the capture's start time (ISB
 *    isb_starttime) is 598.913 ms before the first packet. Each gap has a
 *    sub-microsecond remainder so `(timestamp - last) / 1000` truncates.
 */
import { LINKTYPE } from '../../../src/capture/types.ts';
import { dns, espSize, fill, ipv4, natT, tcp, udp, type Bytes, type TcpOption, type Upper } from '../craft.ts';
import { espNatT, type EspSa } from '../esp.ts';
import { Rand } from '../rand.ts';
import { Scene, type Proc } from '../scene.ts';
import { at, MS, US } from '../time.ts';
import { received, sent, type Wire } from './common.ts';
import { BLOG, BLOG_CBC, BLOG_GCM, extraPadFor } from './ipsec-keys.ts';

const ULTRA = { ip: '192.168.100.7', mac: '00:14:4f:6a:0e:51' };
const ROUTER_MAC = '00:18:39:b2:44:e0';
const SSH_PEER = { ip: '192.168.100.4', mac: '00:03:ba:2f:81:9c' };

export const P_SSH: Proc = { pid: 1075, name: 'ssh' };
export const P_NSCD: Proc = { pid: 152, name: 'nscd' };
export const P_FIREFOX: Proc = { pid: 1944, name: 'firefox-bin' };
export const P_THUNDERBIRD: Proc = { pid: 1133, name: 'thunderbird-bin' };
export const P_SCHED: Proc = { pid: 0, name: 'sched' };

const SYN_OPTS: TcpOption[] = [{ mss: 1460 }, 'nop', { wscale: 0 }, 'nop', 'nop', { sackOk: true }];

/** `text` + CRLF, checked to be exactly `n` bytes (the transcript's size). */
export function line(text: string, n: number): string {
  if (text.length + 2 !== n) throw new Error(`"${text}" + CRLF is ${text.length + 2} bytes, not ${n}`);
  return text + '\r\n';
}

/** An HTTP GET request of exactly `n` bytes. */
function httpGet(host: string, path: string, n: number): string {
  const head = `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: Mozilla/5.0 (X11; U; SunOS i86pc; en-US; rv:1.8.1.14) Gecko/20080501 Firefox/2.0.0.14\r\nAccept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\nAccept-Language: en-us,en;q=0.5\r\nAccept-Encoding: gzip,deflate\r\nAccept-Charset: ISO-8859-1,utf-8;q=0.7,*;q=0.7\r\nKeep-Alive: 300\r\nConnection: keep-alive\r\n`;
  const cookieLen = n - head.length - 'Cookie: \r\n\r\n'.length;
  if (cookieLen < 4) throw new Error(`GET ${path} does not fit in ${n} bytes`);
  const cookie = 'PREF=ID=' + 'a7f3c91e02d4b58b6e0f1c2d3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9'.repeat(8);
  return head + 'Cookie: ' + cookie.slice(0, cookieLen) + '\r\n\r\n';
}

/** A TCP connection's state for hand-placed segments. */
class Flow {
  snd: number;
  rcv: number;
  id = 0x2100;
  constructor(readonly src: string, readonly dst: string, readonly sport: number, readonly dport: number, isn: number, peerIsn: number) {
    this.snd = isn;
    this.rcv = peerIsn;
  }
  /** Our segment (advances snd). */
  out(flags: string, data: Bytes | string = '', options?: TcpOption[]): Bytes {
    const d = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    const p = ipv4({ src: this.src, dst: this.dst, ttl: 64, id: this.id++, df: true },
      tcp({ sport: this.sport, dport: this.dport, seq: this.snd, ack: flags.includes('A') ? this.rcv : 0, flags, win: 49640, options }, d));
    this.snd = (this.snd + d.length + (flags.includes('S') || flags.includes('F') ? 1 : 0)) >>> 0;
    return p;
  }
  /** The peer's segment (advances rcv). */
  in(flags: string, data: Bytes | string = '', o: { ttl?: number; options?: TcpOption[]; seq?: number } = {}): Bytes {
    const d = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    const seq = o.seq ?? this.rcv;
    const p = ipv4({ src: this.dst, dst: this.src, ttl: o.ttl ?? 52, id: 0, df: true },
      tcp({ sport: this.dport, dport: this.sport, seq, ack: flags.includes('A') ? this.snd : 0, flags, win: 65535, options: o.options }, d));
    if (o.seq === undefined) this.rcv = (seq + d.length + (flags.includes('S') || flags.includes('F') ? 1 : 0)) >>> 0;
    return p;
  }
}

function whosent(): Scene {
  const t0 = at('2008-07-23T06:12:40Z', 411_203_337n);
  const scene = new Scene('blog-ip_whosent.pcapng', 'ip_whosent.d (2008 blog): packets sent on behalf of ssh, nscd, firefox-bin and thunderbird-bin, with Darwin process information', t0 - 1_620n * MS, { hardware: 'Sun Ultra 40 M2 (x86_64)' });
  const w: Wire = { scene, ifId: scene.iface('nge0', LINKTYPE.ETHERNET, 'nVidia nForce Gigabit Ethernet'), localMac: ULTRA.mac };
  let t = t0;
  const step = (us: number): bigint => (t += BigInt(us) * US + 317n);
  const out = (ip: Bytes, mac: string, proc: Proc): void => sent(w, step(0), ip, mac, { proc });
  const inn = (ip: Bytes, mac: string, proc: Proc, us: number): void => received(w, step(us), ip, mac, { proc });

  // 1-2: two ssh keystrokes to 192.168.100.4 (88 = 20 + 20 + 48), each echoed; our delayed ACKs come from sched.
  const ssh = new Flow(ULTRA.ip, SSH_PEER.ip, 32907, 22, 3180551327, 2190072215);
  for (let i = 0; i < 2; i++) {
    out(ssh.out('PA', fill(48, i)), SSH_PEER.mac, P_SSH);
    inn(ssh.in('PA', fill(48, 7 + i), { ttl: 255 }), SSH_PEER.mac, P_SSH, 611);
    step(102_000);
    out(ssh.out('A'), SSH_PEER.mac, P_SCHED);
    step(140_000);
  }
  // 3-5: nscd resolves google.com (56 = 20 + 8 + 28), en-us.fxfeeds.mozilla.com (71), google.com AAAA (56).
  const dnsQ = (id: number, name: string, qtype: number, sport: number): void => {
    out(ipv4({ src: ULTRA.ip, dst: '208.67.222.222', ttl: 255, id: 0x4c10 + id }, udp({ sport, dport: 53 }, dns({ id, qname: name, qtype }))), ROUTER_MAC, P_NSCD);
  };
  const dnsR = (id: number, name: string, qtype: number, sport: number, rdata: Bytes[]): void => {
    const answers = rdata.map((d) => ({ name: Uint8Array.from([0xc0, 12]), type: qtype, ttl: 300, data: d }));
    inn(ipv4({ src: '208.67.222.222', dst: ULTRA.ip, ttl: 57, id: 0x1000 + id }, udp({ sport: 53, dport: sport }, dns({ id, qname: name, qtype, response: true, ra: true, answers }))), ROUTER_MAC, P_NSCD, 23_410);
  };
  dnsQ(0x71a2, 'google.com', 1, 33012);
  dnsR(0x71a2, 'google.com', 1, 33012, [Uint8Array.from([72, 14, 207, 99])]);
  step(1_200);
  dnsQ(0x71a3, 'en-us.fxfeeds.mozilla.com', 1, 33013);
  dnsR(0x71a3, 'en-us.fxfeeds.mozilla.com', 1, 33013, [Uint8Array.from([63, 245, 209, 31])]);
  step(900);
  dnsQ(0x71a4, 'google.com', 28, 33014);
  dnsR(0x71a4, 'google.com', 28, 33014, []);
  step(4_300);

  // 6: firefox-bin opens a connection to 72.14.207.99 (52 = SYN with 12 option bytes).
  const goog = new Flow(ULTRA.ip, '72.14.207.99', 36481, 80, 1489912004, 2883190551);
  out(goog.out('S', '', SYN_OPTS), ROUTER_MAC, P_FIREFOX);
  inn(goog.in('SA', '', { options: [{ mss: 1430 }] }), ROUTER_MAC, P_FIREFOX, 31_220);
  out(goog.out('A'), ROUTER_MAC, P_SCHED);
  step(2_100);

  // 7-12: thunderbird-bin talks IMAP to 8.12.32.9: SYN (52), then commands of 14, 47, 18, 24 and 25 bytes.
  const imap = new Flow(ULTRA.ip, '8.12.32.9', 36482, 143, 2520011873, 610044311);
  out(imap.out('S', '', SYN_OPTS), ROUTER_MAC, P_THUNDERBIRD);
  inn(imap.in('SA', '', { options: [{ mss: 1380 }, 'nop', 'nop', { sackOk: true }] }), ROUTER_MAC, P_THUNDERBIRD, 88_410);
  out(imap.out('A'), ROUTER_MAC, P_SCHED);
  inn(imap.in('PA', '* OK IMAP4rev1 Service Ready\r\n'), ROUTER_MAC, P_THUNDERBIRD, 91_003);
  // Exact sizes: 54, 87, 58, 64, 65 bytes of IPv4 (TCP payloads 14, 47, 18, 24, 25).
  const sizes = [14, 47, 18, 24, 25];
  const texts = ['1 capability', '2 login "user@mail.example.com" "x9f!Qw7zK2p"', '3 select "INBOX"', '4 UID fetch 14:* (UID)', '5 UID fetch 1:* (FLAGS)'];
  const replies = [
    '* CAPABILITY IMAP4rev1 IDLE NAMESPACE LITERAL+ UIDPLUS AUTH=PLAIN\r\n1 OK CAPABILITY completed\r\n',
    '2 OK LOGIN completed\r\n',
    '* 214 EXISTS\r\n* 0 RECENT\r\n* OK [UIDVALIDITY 1187812033] UIDs valid\r\n3 OK [READ-WRITE] SELECT completed\r\n',
    '* 14 FETCH (UID 3691)\r\n4 OK FETCH completed\r\n',
    '* 1 FETCH (FLAGS (\\Seen) UID 3678)\r\n* 2 FETCH (FLAGS (\\Seen) UID 3679)\r\n5 OK FETCH completed\r\n',
  ];
  for (let i = 0; i < sizes.length; i++) {
    out(imap.out('PA', line(texts[i]!, sizes[i]!)), ROUTER_MAC, P_THUNDERBIRD);
    inn(imap.in('PA', replies[i]!), ROUTER_MAC, P_THUNDERBIRD, 90_000 + 311 * i);
    if (i === 1) { step(50_000); out(imap.out('A'), ROUTER_MAC, P_SCHED); }
    step(3_000);
  }

  // 13-17: firefox-bin on a kept-alive connection to 208.67.219.230 (644, 637), the GET to
  // google (660), an ACK carrying a SACK block after a lost segment (52), and another GET (664).
  const odns = new Flow(ULTRA.ip, '208.67.219.230', 36470, 80, 722004519, 3310442887);
  out(odns.out('PA', httpGet('www.opendns.com', '/dashboard/stats/', 604)), ROUTER_MAC, P_FIREFOX);
  step(800);
  out(odns.out('PA', httpGet('www.opendns.com', '/img/logo.png', 597)), ROUTER_MAC, P_FIREFOX);
  step(1_500);
  out(goog.out('PA', httpGet('www.google.com', '/search?hl=en&q=dtrace+ip+provider', 620)), ROUTER_MAC, P_FIREFOX);
  // 208.67.219.230 answers with three segments; the second is lost on the way.
  inn(odns.in('A', fill(1380, 1)), ROUTER_MAC, P_FIREFOX, 46_002);
  const lostSeq = odns.rcv;
  odns.rcv = (odns.rcv + 1380) >>> 0;
  inn(odns.in('A', fill(1380, 3)), ROUTER_MAC, P_FIREFOX, 410);
  const sackL = (lostSeq + 1380) >>> 0;
  const sackR = odns.rcv;
  odns.rcv = lostSeq;
  out(odns.out('A', '', ['nop', 'nop', { sack: [[sackL, sackR]] }]), ROUTER_MAC, P_FIREFOX);
  inn(odns.in('A', fill(1380, 2), { seq: lostSeq }), ROUTER_MAC, P_FIREFOX, 47_380);
  odns.rcv = sackR;
  step(9_100);
  out(odns.out('PA', httpGet('www.opendns.com', '/css/global.css?v=20080715', 624)), ROUTER_MAC, P_FIREFOX);
  inn(goog.in('PA', fill(1200, 4)), ROUTER_MAC, P_FIREFOX, 5_200);

  // 18: thunderbird-bin's NOOP (48 = 20 + 20 + 8).
  step(310_000);
  out(imap.out('PA', '6 NOOP\r\n'), ROUTER_MAC, P_THUNDERBIRD);
  inn(imap.in('PA', '6 OK NOOP completed\r\n'), ROUTER_MAC, P_THUNDERBIRD, 90_712);

  // 19: firefox-bin closes the google connection (40 = a bare FIN/ACK).
  step(41_000);
  out(goog.out('FA'), ROUTER_MAC, P_FIREFOX);
  inn(goog.in('FA'), ROUTER_MAC, P_FIREFOX, 31_007);
  out(goog.out('A'), ROUTER_MAC, P_SCHED);
  return scene;
}

/** The exact gaps of the ipio.d transcript, in ns (microseconds shown + a sub-µs remainder). */
export const IPIO_GAPS_NS = [598_913_734n, 73_412n, 18_325_861n, 69_105n, 102_921_590n, 79_233n];

/**
 * The ipio.d scene. With `nic` set it is the NIC-only variant: the same
 * frames on nge0, their ESP really encrypted with `nic.sa` (keys in
 * samples/keys/), and no frame on ip.tun0 — whose interface block stays,
 * as it does when a capture of both interfaces is filtered down to the NIC
 * (`tshark -Y 'frame.interface_name == "nge0"' -w`). With the keys,
 * wiretrace decrypts the tunnel packets back onto ip.tun0.
 */
function ipioTunnel(nic?: { file: string; sa: EspSa; what: string }): Scene {
  const t0 = at('2008-07-23T06:31:05Z', 0n);
  const scene = nic === undefined
    ? new Scene('blog-ipio-tunnel.pcapng', 'ipio.d (2008 blog): TCP on ip.tun0 (10.1.100.123 <-> 192.168.10.75) inside NAT-T ESP on nge0 (192.168.1.108 <-> 192.168.5.1)', t0)
    : new Scene(nic.file, `ipio.d (2008 blog), the NIC only: NAT-T ESP on nge0 (192.168.1.108 <-> 192.168.5.1), ${nic.what}; ip.tun0 declared, its packets inside the ESP`, t0);
  const nge: Wire = { scene, ifId: scene.iface('nge0', LINKTYPE.ETHERNET, 'nVidia nForce Gigabit Ethernet'), localMac: '00:e0:81:5e:83:08' };
  const tun: Wire = { scene, ifId: scene.iface('ip.tun0', LINKTYPE.RAW, 'IPsec tunnel to 192.168.5.1'), localMac: '' };
  const GWMAC = '00:0f:b5:1a:2b:01';
  const rnd = new Rand(0x2008);
  const times: bigint[] = [];
  let t = t0;
  for (const g of IPIO_GAPS_NS) times.push((t += g));
  const flow = new Flow('10.1.100.123', '192.168.10.75', 39114, 22, 1330421982, 2709354611);
  const ivs = new Rand(0x2008e5);
  // The NIC-only variant seals the tunnel packet for real, padded to the stand-in's length.
  const payload = (spi: number, seq: number, inner: Bytes): Upper => nic === undefined
    ? natT({ spi, seq }, rnd.bytes(espSize(inner.length) - 8))
    : espNatT(nic.sa, { spi, seq, iv: ivs.bytes(nic.sa.enc.ivLen), nextHeader: 4, payload: inner, extraPad: extraPadFor(nic.sa, inner.length) });
  const esp = (src: string, dst: string, spi: number, seq: number, inner: Bytes): Bytes =>
    ipv4({ src, dst, ttl: src === BLOG.local ? 255 : 58, id: 0x3100 + seq }, payload(spi, seq, inner));
  const onTun = nic === undefined;
  const a = flow.out('PA', fill(48, 11));
  if (onTun) sent(tun, times[0]!, a, '');
  sent(nge, times[1]!, esp(BLOG.local, BLOG.gw, BLOG.spiOut, 41, a), GWMAC);
  const b = flow.in('PA', fill(48, 12), { ttl: 64 });
  received(nge, times[2]!, esp(BLOG.gw, BLOG.local, BLOG.spiIn, 37, b), GWMAC);
  if (onTun) received(tun, times[3]!, b, '');
  const c = flow.out('A');
  if (onTun) sent(tun, times[4]!, c, '');
  sent(nge, times[5]!, esp(BLOG.local, BLOG.gw, BLOG.spiOut, 42, c), GWMAC);
  return scene;
}

export function blog2008Scenes(): Scene[] {
  return [
    whosent(), ipioTunnel(),
    ipioTunnel({ file: 'blog-ipio-esp-cbc.pcapng', sa: BLOG_CBC, what: 'AES-CBC-128 + HMAC-SHA-1-96 (keys: samples/keys/blog-ipio-esp-cbc.esp_sa)' }),
    ipioTunnel({ file: 'blog-ipio-esp-gcm.pcapng', sa: BLOG_GCM, what: 'AES-GCM-128, 16-byte ICV (keys: samples/keys/blog-ipio-esp-gcm.xfrm, ip xfrm state output)' }),
  ];
}
