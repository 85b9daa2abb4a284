/**
 * Differences from tshark found by the differential test on mutated frames
 * (test/fixtures/captures/decode-mutated.pcapng), each pinned here so it holds
 * where tshark is not installed too.
 */
import { describe, expect, it } from 'vitest';
import { concat, eth, ipv4, udp, vxlan } from '../../../samples/gen/craft.ts';
import { LINKTYPE } from '../../capture/types.ts';
import { M_BAD_LENGTH, M_NONE, M_TRUNCATED } from '../types.ts';
import { decode, hex, IP4, IP6 } from './hex.ts';

const v6head = (nh: string, plen: string): Uint8Array => hex(`60 00 00 00 ${plen} ${nh} 40
  00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01  00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 02`);

describe('regressions found against tshark', () => {
  it('radiotap FCS flag on a cut frame: the FCS was not captured, nothing is trimmed', () => {
    const rt = hex('00 00 12 00 03 00 00 00  00 00 00 00 00 00 00 00  10 00');
    const wlan = hex('08 01 2c 00  02 00 00 00 00 01 02 00 00 00 00 02 02 00 00 00 00 03 10 00  aa aa 03 00 00 00 08 00');
    const frame = concat(rt, wlan, IP4.subarray(0, 22));
    const f = decode(127, frame, { rec: { origLen: frame.length + 10 } });
    expect(f.ipCount).toBe(1);
  });

  it('LLC frames other than I and UI carry no payload to dispatch', () => {
    const macs = hex('02 00 00 00 00 0b 02 00 00 00 00 0a 00 24');
    expect(decode(LINKTYPE.ETHERNET, concat(macs, hex('aa aa 03 00 00 00 08 00'), IP4)).ipCount).toBe(1);
    expect(decode(LINKTYPE.ETHERNET, concat(macs, hex('aa aa 23 00 00 00 08 00'), IP4)).ipCount).toBe(0);
  });

  it('a UDP length past the IP payload is marked, and the tunnel inside still decoded', () => {
    const p = ipv4({ src: '192.0.2.1', dst: '192.0.2.2' }, udp({ sport: 50000, dport: 4789, length: 600 }, vxlan({ vni: 42 }, eth('02:00:00:00:00:0a', '02:00:00:00:00:0b', IP4))));
    const f = decode(LINKTYPE.RAW, p);
    expect([f.ipCount, f.malReason]).toEqual([2, M_BAD_LENGTH]);
  });

  it('a hop-by-hop option overrunning its header into the next is read on; one past the packet is malformed', () => {
    // Hop-by-hop (8 bytes) whose unknown option claims 6 data bytes (2 more than fit), then UDP.
    const over = concat(v6head('00', '00 10'), hex('11 00 78 06 00 00 00 00'), hex('04 d2 16 2e 00 08 00 00'));
    let f = decode(LINKTYPE.RAW, over);
    expect([f.ip[0]!.upper, f.malReason]).toEqual([17, M_NONE]);
    const past = concat(v6head('00', '00 10'), hex('11 00 01 a8 00 00 00 00'), hex('04 d2 16 2e 00 08 00 00'));
    f = decode(LINKTYPE.RAW, past);
    expect([f.ip[0]!.upper, f.malReason]).toEqual([17, M_BAD_LENGTH]);
  });

  it('payload length 0 with hop-by-hop but no jumbo option is malformed', () => {
    const f = decode(LINKTYPE.RAW, concat(v6head('00', '00 00'), hex('11 00 01 04 00 00 00 00'), hex('04 d2 16 2e 00 08 00 00')));
    expect([f.ipCount, f.ip[0]!.upper, f.malReason]).toEqual([1, 0, M_BAD_LENGTH]);
  });

  it('a truncated fragment header does not name the next protocol; a routing header does from one byte', () => {
    let f = decode(LINKTYPE.RAW, concat(v6head('2c', '00 10'), hex('11 00 00')), { rec: { origLen: 56 } });
    expect([f.ip[0]!.upper, f.malReason]).toEqual([44, M_TRUNCATED]);
    f = decode(LINKTYPE.RAW, concat(v6head('2b', '00 10'), hex('6b')), { rec: { origLen: 56 } });
    expect(f.ip[0]!.upper).toBe(0x6b);
  });

  it('IPv4 cut inside its options: a layer when the source-route walk stays in the captured bytes', () => {
    // IHL 12 (48 bytes), 26 captured: record-route option of 5 bytes, then EOL at byte 25.
    const b = hex('4c 00 00 30 00 00 00 00 40 11 00 00 0a 00 00 01 0a 00 00 02  07 05 04 00 00 00');
    expect(decode(LINKTYPE.RAW, b, { rec: { origLen: 48 } }).ipCount).toBe(1);
    // The walk would read byte 25 for the next option's type: not captured, no layer.
    expect(decode(LINKTYPE.RAW, b.subarray(0, 25), { rec: { origLen: 48 } }).ipCount).toBe(0);
  });

  it('NFLOG with an unknown family leaves the payload undecoded', () => {
    expect(decode(239, concat(hex('f1 00 00 01 2c 00 09 00'), IP4)).ipCount).toBe(0);
    expect(decode(239, concat(hex('0a 00 00 01 34 00 09 00'), IP6)).ipCount).toBe(1);
  });
});
