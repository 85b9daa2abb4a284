/**
 * Decrypting in the decoder: tunnel mode makes an inner IP layer on the
 * tunnel interface, transport mode reveals the transport header on the
 * outer layer, NAT-T works the same; failures (wrong key, corrupted ICV,
 * truncated packet, bad padding, unknown SPI) are counted and named,
 * leave the outer layers and the frame's bytes as they were, and never
 * throw.
 */
import { describe, expect, it } from 'vitest';
import { eth, ipv4, ipv6, raw as rawUpper, tcp, udp } from '../../../samples/gen/craft.ts';
import { espNatT, espPacket, espSa, espSeal, uatLine, type EspPacketOpts, type EspSa } from '../../../samples/gen/esp.ts';
import { LINKTYPE } from '../../capture/types.ts';
import { dstString, srcString } from '../addr.ts';
import { Decoder } from '../decoder.ts';
import { stackNames } from '../stack.ts';
import { iface, record } from '../test/hex.ts';
import { type DecodedFrame, L4_ESP, L4_TCP, L4_UDP, M_NONE, TUN_ESP } from '../types.ts';
import { parseEspSecrets } from './parse.ts';
import { SaTable } from './table.ts';

const A = '02:00:00:00:00:0a';
const B = '02:00:00:00:00:0b';
const GCM = espSa('AES-GCM with 16 octet ICV [RFC4106]', '0x4a6f7365204d61726961206465206c6120637275', 'NULL', '');
const CBC = espSa('AES-CBC [RFC3602]', '0x00112233445566778899aabbccddeeff', 'HMAC-SHA-1-96 [RFC2404]', '0x0123456789abcdef0123456789abcdef01234567');

const inner4 = ipv4({ src: '10.1.100.123', dst: '192.168.10.75', ttl: 64, id: 0x2100 },
  tcp({ sport: 39114, dport: 22, seq: 1330421982, ack: 2709354611, flags: 'PA', win: 49640 }, 'x'.repeat(48)));

function keysFor(lines: string[]): SaTable {
  const p = parseEspSecrets(lines.join('\n'), 'keys');
  expect(p.problems).toEqual([]);
  return new SaTable(p.sas);
}

function tableFor(sa: EspSa, spi = '0x5a7d01c3', src = '192.168.1.108', dst = '192.168.5.1', family: 4 | 6 = 4): SaTable {
  return keysFor([uatLine(sa, { family, src, dst, spi })]);
}

function frameOf(dec: Decoder, bytes: Uint8Array, o: { frame?: number; capLen?: number; ifaces?: Parameters<typeof iface>[1][] } = {}): DecodedFrame {
  const rec = record(bytes, { frame: o.frame ?? 1 }, 13);
  if (o.capLen !== undefined) rec.capLen = o.capLen;
  const ifaces = (o.ifaces ?? [{}]).map((x, i) => iface(LINKTYPE.ETHERNET, { index: i, ...x }));
  return dec.decode(rec, ifaces);
}

function layers(f: DecodedFrame): string[] {
  const out: string[] = [];
  for (let i = 0; i < f.ipCount; i++) {
    const l = f.ip[i]!;
    out.push(`${l.depth} ${l.ifName} ${srcString(f, l)}>${dstString(f, l)} ${l.plength}`);
  }
  return out;
}

const pkt = (sa: EspSa, o: Partial<EspPacketOpts> = {}): EspPacketOpts => ({
  spi: 0x5a7d01c3, seq: 41, iv: new Uint8Array(sa.enc.ivLen).map((_, i) => i * 7 + 1), nextHeader: 4, payload: inner4, ...o,
});

describe('ESP decryption in the decoder', () => {
  for (const [name, sa] of [['AES-GCM-16', GCM], ['AES-CBC + HMAC-SHA-1-96', CBC]] as const) {
    it(`${name}: tunnel mode, the inner packet is a layer on ipsec0`, () => {
      const dec = new Decoder({ esp: tableFor(sa) });
      const wire = eth(A, B, ipv4({ src: '192.168.1.108', dst: '192.168.5.1', ttl: 255 }, espPacket(sa, pkt(sa))));
      const f = frameOf(dec, wire);
      expect(f.malReason).toBe(M_NONE);
      expect(layers(f)).toEqual([`0 eth0 192.168.1.108>192.168.5.1 ${wire.length - 14 - 20}`, '1 ipsec0 10.1.100.123>192.168.10.75 68']);
      const l0 = f.ip[0]!, l1 = f.ip[1]!;
      expect(l0.l4).toBe(L4_ESP);
      expect(l0.esp.decrypted).toBe(true);
      expect(l0.esp.nextHeader).toBe(4);
      expect(l1.tunnel).toBe(TUN_ESP);
      expect(l1.tunnelKey).toBe(0x5a7d01c3);
      expect(l1.l4).toBe(L4_TCP);
      expect(l1.tcp.srcPort).toBe(39114);
      expect(l1.tcp.seq).toBe(1330421982);
      expect(stackNames(f)).toEqual(['TCP', 'IPv4', 'ESP', 'IPv4', 'Ethernet']);
      // The frame's bytes are the scratch copy: the same outer bytes, the inner packet in clear at its offset.
      expect(f.buf[f.start + 12]).toBe(wire[12]);
      expect(Array.from(f.buf.subarray(l1.off, l1.off + 20))).toEqual(Array.from(inner4.subarray(0, 20)));
      expect(dec.summary.lines()).toEqual([]);
    });
  }

  it('the next frame sees its own bytes again (decrypted bytes live only while their frame is current)', () => {
    const dec = new Decoder({ esp: tableFor(GCM) });
    const f1 = frameOf(dec, eth(A, B, ipv4({ src: '192.168.1.108', dst: '192.168.5.1' }, espPacket(GCM, pkt(GCM)))));
    const scratch = f1.buf;
    const plain = eth(A, B, ipv4({ src: '10.0.0.1', dst: '10.0.0.2' }, udp({ sport: 1, dport: 2 }, 'hi')));
    const rec = record(plain, { frame: 2 }, 13);
    const f2 = dec.decode(rec, [iface(LINKTYPE.ETHERNET)]);
    expect(f2.buf).toBe(rec.buf);
    expect(f2.buf).not.toBe(scratch);
    expect(f2.ip[0]!.buf).toBe(rec.buf);
  });

  it('transport mode: TCP and UDP under ESP become the outer layer\'s transport', () => {
    const dec = new Decoder({ esp: tableFor(CBC, '*', '*', '*') });
    const seg = tcp({ sport: 5001, dport: 80, seq: 7, ack: 9, flags: 'A', win: 1000 }, 'hello');
    const built = seg.build(new Uint8Array([192, 168, 1, 108]), new Uint8Array([192, 168, 5, 1]));
    let f = frameOf(dec, eth(A, B, ipv4({ src: '192.168.1.108', dst: '192.168.5.1' }, espPacket(CBC, pkt(CBC, { nextHeader: 6, payload: built })))));
    expect(f.ipCount).toBe(1);
    const l = f.ip[0]!;
    expect(l.protocol).toBe(50);
    expect(l.upper).toBe(50);
    expect(l.l4).toBe(L4_TCP);
    expect(l.tcp.dstPort).toBe(80);
    expect(l.tcp.payloadLen).toBe(5);
    expect(stackNames(f)).toEqual(['TCP', 'ESP', 'IPv4', 'Ethernet']);
    const dg = udp({ sport: 53, dport: 5353 }, 'abc').build(new Uint8Array(4), new Uint8Array(4));
    f = frameOf(dec, eth(A, B, ipv4({ src: '192.168.1.108', dst: '192.168.5.1' }, espPacket(CBC, pkt(CBC, { nextHeader: 17, payload: dg })))));
    expect(f.ip[0]!.l4).toBe(L4_UDP);
    expect(f.ip[0]!.udp.payloadLen).toBe(3);
  });

  it('NAT-T (UDP 4500): the same, with esp.natt set', () => {
    const dec = new Decoder({ esp: tableFor(GCM) });
    const f = frameOf(dec, eth(A, B, ipv4({ src: '192.168.1.108', dst: '192.168.5.1' }, espNatT(GCM, pkt(GCM)))));
    expect(f.ip[0]!.esp.natt).toBe(true);
    expect(f.ip[0]!.l4).toBe(L4_UDP);
    expect(layers(f)[1]).toBe('1 ipsec0 10.1.100.123>192.168.10.75 68');
    expect(stackNames(f)).toEqual(['TCP', 'IPv4', 'ESP', 'UDP', 'IPv4', 'Ethernet']);
  });

  it('IPv6 outer and inner, wildcard SA', () => {
    const dec = new Decoder({ esp: keysFor([uatLine(GCM, { family: 6, src: '*', dst: '2001:db8::/32', spi: '*' })]) });
    const in6 = ipv6({ src: 'fd00::1', dst: 'fd00::2' }, udp({ sport: 9, dport: 9 }, 'six'));
    const f = frameOf(dec, eth(A, B, ipv6({ src: '2001:db8::a', dst: '2001:db8::b' }, espPacket(GCM, pkt(GCM, { nextHeader: 41, payload: in6 })))));
    expect(layers(f)).toEqual([`0 eth0 2001:db8::a>2001:db8::b ${f.ip[0]!.plen}`, '1 ipsec0 fd00::1>fd00::2 11']);
  });

  it('the capture\'s tunnel interface names the inner layer (ip.tun0 declared beside nge0)', () => {
    const dec = new Decoder({ esp: tableFor(GCM) });
    const wire = eth(A, B, ipv4({ src: '192.168.1.108', dst: '192.168.5.1' }, espPacket(GCM, pkt(GCM))));
    const f = frameOf(dec, wire, { ifaces: [{ name: 'nge0' }, { name: 'ip.tun0', linkType: LINKTYPE.RAW }] });
    expect(layers(f).map((s) => s.split(' ')[1])).toEqual(['nge0', 'ip.tun0']);
  });

  describe('failures leave the outer layers alone, are counted and named, never throw', () => {
    const wireWith = (sa: EspSa, o: Partial<EspPacketOpts> = {}): Uint8Array =>
      eth(A, B, ipv4({ src: '192.168.1.108', dst: '192.168.5.1' }, espPacket(sa, pkt(sa, o))));
    const cases: [string, () => { dec: Decoder; wire: Uint8Array; capLen?: number }, RegExp][] = [
      ['wrong key (AEAD)', () => ({ dec: new Decoder({ esp: tableFor(espSa('aes-gcm-16', '0x' + '11'.repeat(20), 'null', '')) }), wire: wireWith(GCM) }), /1 ICV mismatch: wrong key or damaged packet \(frame 1\)/],
      ['wrong integrity key', () => ({ dec: new Decoder({ esp: tableFor(espSa('aes-cbc', CBC.encKeyText, 'hmac-sha1-96', '0x' + '22'.repeat(20))) }), wire: wireWith(CBC) }), /ICV mismatch/],
      ['corrupted ICV', () => ({ dec: new Decoder({ esp: tableFor(GCM) }), wire: wireWith(GCM, { corruptIcv: true }) }), /ICV mismatch/],
      ['truncated by the capture', () => { const w = wireWith(GCM); return { dec: new Decoder({ esp: tableFor(GCM) }), wire: w, capLen: w.length - 10 }; }, /1 truncated: the capture holds only part of the ESP packet \(frame 1\)/],
      ['bad pad length', () => ({ dec: new Decoder({ esp: tableFor(GCM) }), wire: wireWith(GCM, { padLenOverride: 250 }) }), /1 bad padding: wrong encryption key\? \(frame 1\)/],
      ['pad bytes other than 1, 2, 3, … (RFC 4303 default padding)', () => ({ dec: new Decoder({ esp: tableFor(GCM) }), wire: wireWith(GCM, { extraPad: 8, padLenOverride: 3 }) }), /1 bad padding: wrong encryption key\? \(frame 1\)/],
      ['wrong encryption key behind a right integrity key', () => ({ dec: new Decoder({ esp: tableFor(espSa('aes-cbc', '0x' + '33'.repeat(16), 'hmac-sha1-96', CBC.authKeyText)) }), wire: wireWith(CBC, { payload: new Uint8Array(0), nextHeader: 59 }) }), /1 bad padding/],
      ['unknown SPI', () => ({ dec: new Decoder({ esp: tableFor(GCM, '0x00000001') }), wire: wireWith(GCM) }), /1 no SA for its SPI and addresses \(SPI 0x5a7d01c3\) \(frame 1\)/],
      ['not whole cipher blocks', () => {
        const cut = espSeal(CBC, pkt(CBC)).slice(0, -3);
        return { dec: new Decoder({ esp: tableFor(CBC) }), wire: eth(A, B, ipv4({ src: '192.168.1.108', dst: '192.168.5.1' }, rawUpper(50, cut))) };
      }, /1 too short for its IV and ICV, or not whole cipher blocks \(frame 1\)/],
      ['too short for the IV', () => {
        const cut = espSeal(GCM, pkt(GCM)).slice(0, 20);
        return { dec: new Decoder({ esp: tableFor(GCM) }), wire: eth(A, B, ipv4({ src: '192.168.1.108', dst: '192.168.5.1' }, rawUpper(50, cut))) };
      }, /too short for its IV and ICV/],
    ];
    for (const [name, make, expected] of cases) {
      it(name, () => {
        const { dec, wire, capLen } = make();
        const rec = record(wire, { frame: 1 }, 13);
        if (capLen !== undefined) rec.capLen = capLen;
        let f!: DecodedFrame;
        expect(() => { f = dec.decode(rec, [iface(LINKTYPE.ETHERNET)]); }).not.toThrow();
        // The outer IPv4 layer and its ESP header decode as without keys.
        expect(f.ipCount).toBe(1);
        expect(f.ip[0]!.l4).toBe(L4_ESP);
        expect(f.ip[0]!.esp.spi).toBe(0x5a7d01c3);
        expect(f.ip[0]!.esp.decrypted).toBe(false);
        expect(f.buf).toBe(rec.buf);
        expect(f.ip[0]!.buf).toBe(rec.buf);
        const text = dec.summary.lines().join('\n');
        expect(text).toMatch(/^ESP: 0 of 1 packets decrypted; 1 could not be:\n/);
        expect(text).toMatch(expected);
      });
    }
  });
});
