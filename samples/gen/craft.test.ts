import { describe, expect, it } from 'vitest';
import { PcapngWriter } from '../../src/capture/write.ts';
import {
  arp, dns, dnsName, esp, eth, fill, gre, icmp6Echo, icmp6NeighborSolicit, icmp6Unreach, icmpEcho, icmpUnreach,
  inetChecksum, ip6, type TcpOption, ipv4, ipv4Fragments, ipv6, natT, tcp, udp, vlan, vxlan, VXLAN_PORT,
} from './craft.ts';
import { requireTshark, tempFile, tsharkFields } from '../test/tshark.ts';

requireTshark();

const A = '00:e0:81:5e:83:08';
const B = '00:14:4f:3b:76:c8';

/** One packet per builder feature, with what tshark must see in frame.protocols. */
function corpus(): { frame: Uint8Array; protos: string }[] {
  const synOpts: TcpOption[] = [{ mss: 1460 }, 'nop', { wscale: 7 }, { sackOk: true }, { ts: [12345, 0] }, 'nop', 'nop', { sack: [[1000, 2000]] }];
  const inner4 = ipv4({ src: '10.7.250.24', dst: '192.146.17.75', id: 9 }, tcp({ sport: 40000, dport: 80, seq: 5, flags: 'S' }));
  const innerEth = eth(A, B, ipv4({ src: '10.0.0.1', dst: '10.0.0.2' }, icmpEcho({ id: 1, seq: 1 }, fill(32))));
  const probe = ipv4({ src: '192.168.1.108', dst: '192.168.1.109' }, udp({ sport: 33434, dport: 33435 }, fill(12)));
  const probe6 = ipv6({ src: 'fe80::1', dst: 'fe80::2' }, udp({ sport: 5000, dport: 5001 }, fill(10)));
  const out: { frame: Uint8Array; protos: string }[] = [
    { frame: eth(A, B, ipv4({ src: '192.168.1.108', dst: '192.168.1.109', ttl: 255, tos: 0x10, id: 4711, df: true }, tcp({ sport: 53122, dport: 22, seq: 1895485385, ack: 1137186463, flags: 'PA', win: 49640 }, fill(48)))), protos: 'eth:ethertype:ip:tcp:ssh' },
    { frame: eth(A, B, ipv4({ src: '192.168.1.108', dst: '192.168.1.109', options: Uint8Array.from([7, 7, 4, 0, 0, 0, 0]) }, tcp({ sport: 1, dport: 2, flags: 'S', options: synOpts }))), protos: 'eth:ethertype:ip:tcp' },
    { frame: eth(A, B, ipv4({ src: '192.168.1.108', dst: '192.168.1.5' }, udp({ sport: 32780, dport: 53 }, dns({ id: 7, qname: 'deimos.sf.fishworks.jpn.com' })))), protos: 'eth:ethertype:ip:udp:dns' },
    { frame: eth(A, B, ipv4({ src: '192.168.1.108', dst: '192.168.1.109' }, icmpEcho({ id: 36060, seq: 0 }, fill(56)))), protos: 'eth:ethertype:ip:icmp:data' },
    { frame: eth(B, A, ipv4({ src: '192.168.1.109', dst: '192.168.1.108' }, icmpUnreach({ code: 3 }, probe))), protos: 'eth:ethertype:ip:icmp:ip:udp' },
    { frame: eth(A, B, vlan({ vid: 100, pcp: 3 }, ipv4({ src: '10.1.1.1', dst: '10.1.1.2' }, udp({ sport: 123, dport: 123 }, fill(48))))), protos: 'eth:ethertype:vlan:ethertype:ip:udp:ntp' },
    { frame: eth(A, B, ipv6({ src: 'fe80::2e0:81ff:fe5e:8308', dst: 'fe80::214:4fff:fe3b:76c8', tclass: 0x20, flow: 0x12345, hlim: 64 }, tcp({ sport: 46004, dport: 22, seq: 4184304355, ack: 3433398788, flags: 'PA', win: 50400 }, fill(48)))), protos: 'eth:ethertype:ipv6:tcp:ssh' },
    { frame: eth(A, B, ipv6({ src: '2001:db8::1', dst: '2001:db8::2', ext: [{ type: 'hop', options: Uint8Array.from([5, 2, 0, 0]) }, { type: 'dst' }, { type: 'routing', routingType: 0, segmentsLeft: 0, addresses: ['2001:db8::3'] }] }, udp({ sport: 1000, dport: 2000 }, fill(20)))), protos: 'eth:ethertype:ipv6:ipv6.hopopts:ipv6.dstopts:ipv6.routing:udp:data' },
    { frame: eth(A, B, ipv6({ src: 'fe80::1', dst: 'fe80::2' }, icmp6Echo({ id: 5, seq: 6 }, fill(16)))), protos: 'eth:ethertype:ipv6:icmpv6:data' },
    { frame: eth(B, A, ipv6({ src: 'fe80::2', dst: 'fe80::1' }, icmp6Unreach({ code: 4 }, probe6))), protos: 'eth:ethertype:ipv6:icmpv6:ipv6:udp:data' },
    { frame: eth(A, '33:33:ff:00:00:02', ipv6({ src: 'fe80::1', dst: 'ff02::1:ff00:2', hlim: 255 }, icmp6NeighborSolicit('fe80::2', A))), protos: 'eth:ethertype:ipv6:icmpv6' },
    { frame: eth(A, B, ipv4({ src: '192.168.1.108', dst: '172.16.10.1' }, natT({ spi: 0x1234, seq: 1 }, fill(132)))), protos: 'eth:ethertype:ip:udp:udpencap:esp' },
    { frame: eth(A, B, ipv4({ src: '192.168.1.108', dst: '172.16.10.1' }, esp({ spi: 0x5678, seq: 2 }, fill(64)))), protos: 'eth:ethertype:ip:esp' },
    { frame: eth(A, B, ipv4({ src: '198.51.100.1', dst: '198.51.100.2' }, gre({ key: 42, seq: 1, checksum: true }, inner4))), protos: 'eth:ethertype:ip:gre:ip:tcp' },
    { frame: eth(A, B, ipv4({ src: '198.51.100.1', dst: '198.51.100.2' }, udp({ sport: 49152, dport: VXLAN_PORT }, vxlan({ vni: 5001 }, innerEth)))), protos: 'eth:ethertype:ip:udp:vxlan:eth:ethertype:ip:icmp:data' },
    { frame: eth(A, B, ipv4({ src: '198.51.100.1', dst: '198.51.100.2' }, inner4)), protos: 'eth:ethertype:ip:ip:tcp' },
    { frame: eth(A, B, ipv6({ src: '2001:db8::1', dst: '2001:db8::2' }, inner4)), protos: 'eth:ethertype:ipv6:ip:tcp' },
    { frame: eth(A, 'ff:ff:ff:ff:ff:ff', arp({ op: 1, sha: A, spa: '192.168.1.183', tpa: '192.168.1.183' })), protos: 'eth:ethertype:arp' },
  ];
  for (const f of ipv4Fragments({ src: '192.168.1.108', dst: '192.168.1.109', id: 77 }, udp({ sport: 9, dport: 9 }, fill(3000)), 1480)) {
    out.push({ frame: eth(A, B, f), protos: '' });
  }
  return out;
}

function write(frames: Uint8Array[]): Uint8Array {
  const w = new PcapngWriter().shb().idb(1, 262144, [{ code: 2, str: 'nge0' }]);
  frames.forEach((f, i) => w.epb(0, BigInt(1_000_000 + i * 1000), f));
  return w.take();
}

describe('craft', () => {
  it('computes the RFC 1071 example checksum', () => {
    // RFC 1071 section 3: 00 01 f2 03 f4 f5 f6 f7 sums to ddf2, checksum 220d.
    expect(inetChecksum(Uint8Array.from([0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]))).toBe(0x220d);
  });

  it('parses IPv6 addresses', () => {
    expect(Array.from(ip6('fe80::214:4fff:fe3b:76c8'))).toEqual([0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x02, 0x14, 0x4f, 0xff, 0xfe, 0x3b, 0x76, 0xc8]);
    expect(Array.from(ip6('::ffff:1.2.3.4')).slice(10)).toEqual([0xff, 0xff, 1, 2, 3, 4]);
  });

  it('encodes DNS names', () => {
    expect(dnsName('deimos.sf.fishworks.jpn.com.').length).toBe(29);
  });

  it('gives the IP lengths the transcripts show', () => {
    const syn = ipv4({ src: '1.1.1.1', dst: '2.2.2.2' }, tcp({ sport: 1, dport: 2, flags: 'S', options: [{ mss: 1460 }, 'nop', { wscale: 0 }, 'nop', 'nop', { sackOk: true }] }));
    expect(syn.length - 20).toBe(32);
    const ack = ipv4({ src: '1.1.1.1', dst: '2.2.2.2' }, tcp({ sport: 1, dport: 2, flags: 'A' }));
    expect(ack.length - 20).toBe(20);
  });

  it('makes packets tshark decodes with valid checksums', () => {
    const c = corpus();
    const file = tempFile('craft.pcapng', write(c.map((x) => x.frame)));
    const rows = tsharkFields(file, ['frame.number', 'frame.protocols', 'ip.checksum.status', 'tcp.checksum.status', 'udp.checksum.status', 'icmp.checksum.status', 'icmpv6.checksum.status', 'gre.checksum.status', '_ws.malformed', '_ws.expert.message'],
      ['-o', 'ip.defragment:FALSE']);
    expect(rows.length).toBe(c.length);
    rows.forEach((r, i) => {
      const [, protos, ...rest] = r;
      const statuses = rest.slice(0, 6).join(',').split(',').filter((s) => s !== '');
      // Checksum status 1 = good (0 bad, 2 unverified); ICMP-quoted headers are not verified.
      expect(statuses.every((s) => s === '1' || s === '2' || s === '3'), `frame ${i + 1} ${protos}: ${statuses}`).toBe(true);
      if (!protos!.endsWith(':arp')) expect(statuses.includes('1'), `frame ${i + 1} has no verified checksum`).toBe(true);
      expect(rest[6], `frame ${i + 1} malformed`).toBe('');
      expect(rest[7] ?? '', `frame ${i + 1}`).not.toMatch(/checksum|malformed|bogus/i);
      if (c[i]!.protos !== '') expect(protos, `frame ${i + 1}`).toBe(c[i]!.protos);
    });
  });

  it('corrupts checksums on request', () => {
    const frames = [
      eth(A, B, ipv4({ src: '1.1.1.1', dst: '2.2.2.2', badChecksum: true }, tcp({ sport: 1, dport: 2, flags: 'S' }))),
      eth(A, B, ipv4({ src: '1.1.1.1', dst: '2.2.2.2' }, tcp({ sport: 1, dport: 2, flags: 'S', badChecksum: true }))),
      eth(A, B, ipv4({ src: '1.1.1.1', dst: '2.2.2.2' }, udp({ sport: 1, dport: 2, badChecksum: true }, fill(4)))),
    ];
    const rows = tsharkFields(tempFile('bad.pcapng', write(frames)), ['ip.checksum.status', 'tcp.checksum.status', 'udp.checksum.status']);
    expect(rows.map((r) => r.join('|'))).toEqual(['0|1|', '1|0|', '1||0']);
  });
});
