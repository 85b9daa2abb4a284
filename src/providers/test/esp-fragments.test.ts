/**
 * ESP that the network fragmented: the outer fragments fire ip:::receive as
 * captured, and once reassembled the datagram's ESP is decrypted with the
 * capture's keys (the decoder's keys, counts and tunnel interface): the inner
 * packet fires on ipsec0 and its transport as it would unfragmented.
 */
import { describe, expect, it } from 'vitest';
import { eth, ipv4, ipv4Fragments, udp } from '../../../samples/gen/craft.ts';
import { espPacket, espSa, uatLine } from '../../../samples/gen/esp.ts';
import { lines, LOCAL_MAC, PEER_MAC, pcapng, type Pkt, trace } from './harness.ts';
import { IP_TRACE, TRANSPORT_TRACE } from './scripts.ts';

const GCM = espSa('AES-GCM with 16 octet ICV [RFC4106]', '0x4a6f7365204d61726961206465206c6120637275', 'NULL', '');
const A = '192.168.1.108', B = '192.168.5.1';
const data = Uint8Array.from({ length: 2500 }, (_, i) => (i * 7) & 0xff);
const inner = ipv4({ src: '10.9.0.2', dst: '10.1.0.8', id: 7 }, udp({ sport: 5353, dport: 4000 }, data));
const esp = espPacket(GCM, { spi: 0x5a7d01c3, seq: 9, iv: new Uint8Array(8).fill(3), nextHeader: 4, payload: inner });
/** The ESP packet's length (SPI, sequence, IV, the sealed inner packet with its padding and trailer, ICV). */
const espLen = ipv4({ src: B, dst: A }, esp).length - 20;
const frags = ipv4Fragments({ src: B, dst: A, id: 0x4141 }, esp, 1480).map((p) => eth(PEER_MAC, LOCAL_MAC, p));
const pk = (d: Uint8Array, ms: number): Pkt => ({ data: d, dir: 'in', t: BigInt(ms) * 1_000_000n });
const keys = [{ name: 'keys', text: uatLine(GCM, { family: 4, src: B, dst: A, spi: '0x5a7d01c3' }) }];

describe('ESP in fragments', () => {
  it('is decrypted once reassembled: the inner packet and its UDP fire on ipsec0', async () => {
    const r = await trace(IP_TRACE + TRANSPORT_TRACE, [pcapng(frags.map((d, i) => pk(d, i + 1)))], { espSa: keys });
    expect(frags.length).toBe(2);
    expect(lines(r.out)).toEqual([
      'ip:receive 192.168.5.1>192.168.1.108 1480 nge0 local=0',
      `ip:receive 192.168.5.1>192.168.1.108 ${espLen - 1480} nge0 local=0`,
      'ip:receive 10.9.0.2>10.1.0.8 2508 ipsec0 local=0',
      'udp:receive 10.9.0.2:5353>10.1.0.8:4000 len=2508',
    ]);
    // The first fragment is not a whole ESP packet: not counted as a failure; the datagram decrypts.
    expect(r.msgs.filter((m) => /ESP/.test(m))).toEqual([]);
  });

  it('without keys the datagram stays ESP: only the fragments fire', async () => {
    const r = await trace(IP_TRACE + TRANSPORT_TRACE, [pcapng(frags.map((d, i) => pk(d, i + 1)))]);
    expect(lines(r.out).length).toBe(2);
  });
});
