/**
 * demo-mixed.pcapng: a minute of a workstation's traffic for demos and the
 * web app's Examples (small enough to embed: well under 1 MB).
 *
 * The host 192.168.10.20 / 2001:db8:10::20 (eth0, a Linux laptop, so no
 * process information) does: DNS (A and AAAA), HTTPS to several servers (TLS
 * records with opaque bodies), plain HTTP, an interactive ssh session, pings
 * and a traceroute (ICMP time exceeded, port unreachable), IPv6 neighbour
 * discovery, ping6 and HTTPS over IPv6, NTP and syslog on VLAN 42, an ssh
 * session inside a GRE tunnel (172.31.0.1 <-> 172.31.0.2 over 192.168.10.20
 * <-> 203.0.113.9), an HTTP fetch inside VXLAN (VNI 5001), one connection
 * with a tail-loss retransmission (RTO 200 ms, then 400 ms), and a
 * connection refused with RST.
 */
import { LINKTYPE } from '../../../src/capture/types.ts';
import {
  concat, dns, eth, fill, gre, icmp, icmp6Echo, icmp6NeighborAdvert, icmp6NeighborSolicit, icmpEcho, icmpUnreach,
  ip4, ip6, ipv4, ipv6, udp, vlan, vxlan, VXLAN_PORT, type Bytes,
} from '../craft.ts';
import { Rand } from '../rand.ts';
import { Scene } from '../scene.ts';
import { TcpConv, type TcpEnd, type TcpPacket } from '../tcpconv.ts';
import { at, MS, SEC, US } from '../time.ts';

const ME = { ip: '192.168.10.20', ip6: '2001:db8:10::20', ll: 'fe80::21e:c9ff:fe31:4a20', mac: '00:1e:c9:31:4a:20' };
const GW = { ip: '192.168.10.1', ip6: '2001:db8:10::1', ll: 'fe80::21d:a1ff:fe77:1001', mac: '00:1d:a1:77:10:01' };
const RESOLVER = '192.168.10.1';
const VTEP = { ip: '192.168.10.30', mac: '00:1e:c9:31:4a:30' };

const te = new TextEncoder();

interface Ctx { scene: Scene; ifId: number; rnd: Rand }

function linux(ip: string, port: number, isn: number, tsval: number): TcpEnd {
  return { ip, port, isn, win: 64240, mss: ip.includes(':') ? 1440 : 1460, sackOk: true, tsval, wscale: 7, style: 'linux', ttl: 64, delack: 40n * MS };
}
function server(ip: string, port: number, isn: number, ttl = 56): TcpEnd {
  return { ip, port, isn, win: 65160, mss: ip.includes(':') ? 1440 : 1460, sackOk: true, tsval: 3_400_117_000 + port, wscale: 9, style: 'linux', ttl, delack: 40n * MS };
}

/** Ethernet frames for packets of the local host (a) and a remote peer via `peerMac`. */
function addIp(c: Ctx, packets: readonly TcpPacket[], local: 'a' | 'b', peerMac: string): void {
  for (const p of packets) {
    if (p.from === local) c.scene.add(c.ifId, p.t, eth(ME.mac, peerMac, p.ip), 'out');
    else c.scene.add(c.ifId, p.t, eth(peerMac, ME.mac, p.ip), 'in');
  }
}

/** Opaque TLS application-data records of `n` bytes in total (each at most 2^14 bytes of body). */
function tlsRecord(rnd: Rand, n: number): Bytes {
  const parts: Bytes[] = [];
  for (let left = n; left > 0;) {
    const body = Math.min(16_384, left - 5);
    parts.push(Uint8Array.from([0x17, 0x03, 0x03, body >> 8, body & 0xff]), rnd.bytes(body));
    left -= body + 5;
    if (left > 0 && left < 6) { parts.push(rnd.bytes(0)); left = 0; }
  }
  return concat(...parts);
}

function https(c: Ctx, start: bigint, dst: string, port: number, download: number[], o: { lossy?: boolean; rtt?: bigint } = {}): bigint {
  const v6 = dst.includes(':');
  const conv = new TcpConv({
    a: linux(v6 ? ME.ip6 : ME.ip, port, c.rnd.u32(), 1_002_331_000 + Number(start / MS) % 100_000),
    b: server(dst, 443, c.rnd.u32()), local: 'a', rtt: o.rtt ?? c.rnd.ns(9_000_000, 42_000_000), start,
  });
  conv.handshake('a');
  conv.reply('a', tlsRecord(c.rnd, 517));
  conv.reply('b', tlsRecord(c.rnd, 2_900 + c.rnd.int(0, 1_400)));
  conv.reply('a', tlsRecord(c.rnd, 80));
  for (const n of download) {
    conv.wait(c.rnd.ns(20_000_000, 900_000_000));
    if (o.lossy && n === download[download.length - 1]) conv.sendLost('a', tlsRecord(c.rnd, 420), { tries: 2 });
    else conv.send('a', tlsRecord(c.rnd, 300 + c.rnd.int(0, 400)));
    conv.reply('b', tlsRecord(c.rnd, n));
  }
  conv.wait(c.rnd.ns(200_000_000, 2_000_000_000));
  conv.send('a', tlsRecord(c.rnd, 24));
  conv.close('a');
  addIp(c, conv.finish(), 'a', GW.mac);
  return conv.now;
}

function dnsLookup(c: Ctx, t: bigint, name: string, answers: string[], v6 = false): void {
  const id = c.rnd.int(1, 0xffff);
  const sport = c.rnd.int(32768, 60999);
  const qtype = v6 ? 28 : 1;
  const q = dns({ id, qname: name, qtype });
  const r = dns({ id, qname: name, qtype, response: true, ra: true, answers: answers.map((a) => ({ name: Uint8Array.from([0xc0, 12]), type: qtype, ttl: 300, data: v6 ? ip6(a) : ip4(a) })) });
  c.scene.add(c.ifId, t, eth(ME.mac, GW.mac, ipv4({ src: ME.ip, dst: RESOLVER, id: c.rnd.int(0, 0xffff), df: true }, udp({ sport, dport: 53 }, q))), 'out');
  c.scene.add(c.ifId, t + c.rnd.ns(400_000, 28_000_000), eth(GW.mac, ME.mac, ipv4({ src: RESOLVER, dst: ME.ip, ttl: 64, id: c.rnd.int(0, 0xffff), df: true }, udp({ sport: 53, dport: sport }, r))), 'in');
}

export function mixedScene(): Scene {
  const t0 = at('2024-03-14T09:26:53Z', 589_793_238n);
  const scene = new Scene('demo-mixed.pcapng', 'A minute of a workstation: DNS, HTTP(S), ssh, ICMP, IPv6, VLAN 42, GRE and VXLAN tunnels, a retransmission and a refused connection', t0 - 800n * MS, { hardware: 'x86_64', os: 'Linux 6.6' });
  const c: Ctx = { scene, ifId: scene.iface('eth0', LINKTYPE.ETHERNET, 'Intel I219-LM'), rnd: new Rand(0x31415926) };
  const { rnd } = c;

  // DNS lookups spread over the minute, each followed by HTTPS to the answer.
  const sites: [string, string, string][] = [
    ['www.example.com', '93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
    ['docs.illumos.org', '152.70.155.10', ''],
    ['dtrace.org', '104.21.32.1', '2606:4700:3030::6815:2001'],
    ['news.ycombinator.com', '209.216.230.207', ''],
    ['api.github.com', '140.82.121.6', ''],
    ['fonts.gstatic.com', '142.250.74.35', '2a00:1450:4001:82a::2003'],
    ['cdn.jsdelivr.net', '151.101.1.229', ''],
    ['wiki.wireshark.org', '104.26.11.240', ''],
  ];
  let t = t0;
  sites.forEach(([name, v4, v6], i) => {
    t += rnd.ns(2_000_000_000, 6_000_000_000);
    dnsLookup(c, t, name, [v4]);
    dnsLookup(c, t + 150n * US, name, v6 ? [v6] : [], true);
    const downloads = Array.from({ length: rnd.int(2, 5) }, () => rnd.int(900, i % 2 === 0 ? 15_000 : 7_000));
    https(c, t + 30n * MS, v4, 40_000 + i * 7, downloads, { lossy: i === 3 });
  });
  // Extra lookups (NXDOMAIN-free, short answers).
  for (let i = 0; i < 110; i++) dnsLookup(c, t0 + BigInt(i) * 530n * MS + 777n * MS, `host${i}.corp.example`, [`10.0.${i}.${20 + (i % 200)}`]);

  // HTTPS over IPv6 to www.example.com.
  https(c, t0 + 21n * SEC, '2606:2800:220:1:248:1893:25c8:1946', 51_000, [14_000, 3_100]);

  // Plain HTTP.
  {
    const conv = new TcpConv({ a: linux(ME.ip, 41_500, rnd.u32(), 1_002_900_000), b: server('93.184.216.34', 80, rnd.u32()), local: 'a', rtt: 88n * MS, start: t0 + 12n * SEC });
    conv.handshake('a');
    conv.reply('a', 'GET /index.html HTTP/1.1\r\nHost: www.example.com\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n');
    conv.reply('b', 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Length: 1256\r\n\r\n' + '<!doctype html><title>Example Domain</title>'.padEnd(1256, ' '));
    conv.close('a');
    addIp(c, conv.finish(), 'a', GW.mac);
  }

  // Interactive ssh to a LAN server: 420 keystrokes echoed, delayed ACKs.
  {
    const conv = new TcpConv({ a: linux(ME.ip, 52_214, rnd.u32(), 1_003_000_000), b: server('192.168.10.5', 22, rnd.u32(), 64), local: 'a', rtt: 420n * US, start: t0 + 2n * SEC });
    conv.handshake('a');
    conv.reply('b', 'SSH-2.0-OpenSSH_9.6\r\n');
    conv.reply('a', 'SSH-2.0-OpenSSH_9.6p1 Debian-4\r\n');
    conv.reply('a', 1_512); conv.reply('b', 1_080);
    for (let i = 0; i < 420; i++) {
      conv.wait(rnd.ns(50_000_000, 170_000_000));
      conv.send('a', 36);
      conv.reply('b', i % 17 === 16 ? 612 : 36);
    }
    conv.close('a');
    addIp(c, conv.finish(), 'a', '00:25:90:aa:10:05');
  }

  // Pings to 8.8.8.8 and a traceroute-style probe set.
  for (let i = 0; i < 56; i++) {
    const tp = t0 + 30n * SEC + BigInt(i) * 500n * MS + rnd.ns(0, 900_000);
    const d = fill(56, i);
    scene.add(c.ifId, tp, eth(ME.mac, GW.mac, ipv4({ src: ME.ip, dst: '8.8.8.8', id: 0x7100 + i, df: true }, icmpEcho({ id: 4242, seq: i + 1 }, d))), 'out');
    scene.add(c.ifId, tp + rnd.ns(11_000_000, 14_000_000), eth(GW.mac, ME.mac, ipv4({ src: '8.8.8.8', dst: ME.ip, ttl: 117, id: 0 }, icmpEcho({ id: 4242, seq: i + 1, reply: true }, d))), 'in');
  }
  const hops = ['192.168.10.1', '100.64.0.1', '198.51.100.77'];
  for (let ttl = 1; ttl <= 4; ttl++) {
    const tp = t0 + 52n * SEC + BigInt(ttl) * 60n * MS;
    const probe = ipv4({ src: ME.ip, dst: '203.0.113.50', ttl, id: 0x9000 + ttl }, udp({ sport: 44_123, dport: 33_433 + ttl }, fill(32)));
    scene.add(c.ifId, tp, eth(ME.mac, GW.mac, probe), 'out');
    const from = ttl <= 3 ? hops[ttl - 1]! : '203.0.113.50';
    const quoted = ipv4({ src: ME.ip, dst: '203.0.113.50', ttl: 1, id: 0x9000 + ttl }, udp({ sport: 44_123, dport: 33_433 + ttl }, fill(32)));
    const reply = ttl <= 3
      ? icmp({ type: 11, code: 0 }, quoted.subarray(0, 28))
      : icmpUnreach({ code: 3 }, probe);
    scene.add(c.ifId, tp + BigInt(ttl) * 4n * MS, eth(GW.mac, ME.mac, ipv4({ src: from, dst: ME.ip, ttl: 64 - ttl, id: rnd.int(0, 0xffff) }, reply)), 'in');
  }

  // IPv6: neighbour discovery for the router, then ping6.
  {
    const tn = t0 + 20n * SEC;
    scene.add(c.ifId, tn, eth(ME.mac, '33:33:ff:77:10:01', ipv6({ src: ME.ll, dst: 'ff02::1:ff77:1001', hlim: 255 }, icmp6NeighborSolicit(GW.ll, ME.mac))), 'out');
    scene.add(c.ifId, tn + 310n * US, eth(GW.mac, ME.mac, ipv6({ src: GW.ll, dst: ME.ll, hlim: 255 }, icmp6NeighborAdvert(GW.ll, GW.mac))), 'in');
    for (let i = 0; i < 10; i++) {
      const tp = tn + 5n * MS + BigInt(i) * SEC;
      const d = fill(56, 100 + i);
      scene.add(c.ifId, tp, eth(ME.mac, GW.mac, ipv6({ src: ME.ip6, dst: '2001:4860:4860::8888', flow: 0x4b2e1 }, icmp6Echo({ id: 7, seq: i + 1 }, d))), 'out');
      scene.add(c.ifId, tp + rnd.ns(12_000_000, 15_000_000), eth(GW.mac, ME.mac, ipv6({ src: '2001:4860:4860::8888', dst: ME.ip6, hlim: 119 }, icmp6Echo({ id: 7, seq: i + 1, reply: true }, d))), 'in');
    }
  }

  // VLAN 42: NTP every 16 s and syslog messages to a collector.
  {
    const V = { me: '10.42.0.20', ntp: '10.42.0.1', log: '10.42.0.5' };
    const tagged = (ip: Bytes): ReturnType<typeof vlan> => vlan({ vid: 42, pcp: 5 }, ip);
    for (let i = 0; i < 4; i++) {
      const tp = t0 + 3n * SEC + BigInt(i) * 16n * SEC;
      const req = new Uint8Array(48); req[0] = 0x23; // LI 0, VN 4, mode 3 (client)
      const rep = new Uint8Array(48); rep[0] = 0x24; rep[1] = 2; // mode 4 (server), stratum 2
      scene.add(c.ifId, tp, eth(ME.mac, '00:1d:a1:77:42:01', tagged(ipv4({ src: V.me, dst: V.ntp, id: 0x2200 + i, df: true }, udp({ sport: 123, dport: 123 }, req)))), 'out');
      scene.add(c.ifId, tp + 640n * US, eth('00:1d:a1:77:42:01', ME.mac, tagged(ipv4({ src: V.ntp, dst: V.me, ttl: 64, id: 0x5100 + i, df: true }, udp({ sport: 123, dport: 123 }, rep)))), 'in');
    }
    for (let i = 0; i < 24; i++) {
      const msg = `<30>Mar 14 09:27:${String(i * 2).padStart(2, '0')} laptop systemd[1]: Started session-${400 + i}.scope - Session ${400 + i} of User demo.`;
      scene.add(c.ifId, t0 + 1n * SEC + BigInt(i) * 2_300n * MS, eth(ME.mac, '00:25:90:aa:42:05', tagged(ipv4({ src: V.me, dst: V.log, id: 0x6000 + i, df: true }, udp({ sport: 51_514, dport: 514 }, te.encode(msg))))), 'out');
    }
  }

  // GRE: an ssh session between tunnel endpoints 172.31.0.1 (us) and 172.31.0.2.
  {
    const conv = new TcpConv({ a: linux('172.31.0.1', 48_022, rnd.u32(), 1_004_000_000), b: server('172.31.0.2', 22, rnd.u32(), 64), local: 'a', rtt: 23n * MS, start: t0 + 8n * SEC });
    conv.handshake('a');
    conv.reply('b', 'SSH-2.0-OpenSSH_8.9\r\n');
    conv.reply('a', 'SSH-2.0-OpenSSH_9.6p1 Debian-4\r\n');
    conv.reply('a', 1_512); conv.reply('b', 1_080);
    for (let i = 0; i < 160; i++) { conv.wait(rnd.ns(60_000_000, 280_000_000)); conv.send('a', 36); conv.reply('b', 36); }
    conv.close('a');
    let greSeq = 1;
    for (const p of conv.finish()) {
      const out = p.from === 'a';
      const outer = ipv4({ src: out ? ME.ip : '203.0.113.9', dst: out ? '203.0.113.9' : ME.ip, ttl: out ? 64 : 52, id: rnd.int(0, 0xffff), df: true }, gre({ key: 0x2a, seq: greSeq++ }, p.ip));
      scene.add(c.ifId, p.t, out ? eth(ME.mac, GW.mac, outer) : eth(GW.mac, ME.mac, outer), out ? 'out' : 'in');
    }
  }

  // VXLAN (VNI 5001) to the VTEP 192.168.10.30: an HTTP fetch between 10.200.0.5 (ours) and 10.200.0.6.
  {
    const IN = { me: '02:42:0a:c8:00:05', peer: '02:42:0a:c8:00:06' };
    const conv = new TcpConv({ a: linux('10.200.0.5', 38_770, rnd.u32(), 1_005_000_000), b: server('10.200.0.6', 8080, rnd.u32(), 64), local: 'a', rtt: 510n * US, start: t0 + 40n * SEC });
    conv.handshake('a');
    conv.reply('a', 'GET /metrics HTTP/1.1\r\nHost: 10.200.0.6:8080\r\nUser-Agent: prometheus/2.51\r\nAccept: text/plain\r\n\r\n');
    conv.reply('b', 'HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\n\r\n' + '# HELP http_requests_total Total requests.\n'.repeat(400));
    conv.close('b');
    for (const p of conv.finish()) {
      const out = p.from === 'a';
      const inner = out ? eth(IN.me, IN.peer, p.ip) : eth(IN.peer, IN.me, p.ip);
      const sport = 49_152 + (inner[inner.length - 1]! % 64); // source port from a flow hash, as VTEPs do
      const outer = ipv4({ src: out ? ME.ip : VTEP.ip, dst: out ? VTEP.ip : ME.ip, id: rnd.int(0, 0xffff), df: true }, udp({ sport, dport: VXLAN_PORT }, vxlan({ vni: 5001 }, inner)));
      scene.add(c.ifId, p.t, out ? eth(ME.mac, VTEP.mac, outer) : eth(VTEP.mac, ME.mac, outer), out ? 'out' : 'in');
    }
  }

  // A connection refused: 192.168.10.5 has nothing on 5432.
  {
    const conv = new TcpConv({ a: linux(ME.ip, 46_001, rnd.u32(), 1_006_000_000), b: server('192.168.10.5', 5432, 0, 64), local: 'a', rtt: 380n * US, start: t0 + 47n * SEC });
    conv.refused('a');
    addIp(c, conv.finish(), 'a', '00:25:90:aa:10:05');
  }
  return scene;
}
