/**
 * One Decoder across frames whose interface, link type and buffer change from
 * frame to frame (pcapng with several interfaces, chunk boundaries): each must
 * decode exactly as if it were the first (expected values from the interface-naming table in
 * DESIGN.md / iface.ts and the IPv4/UDP header bytes of hex.ts).
 */
import { describe, expect, it } from 'vitest';
import { LINKTYPE } from '../../capture/types.ts';
import { Decoder } from '../decoder.ts';
import { addrString } from '../addr.ts';
import { iface, IP4, IP6, record } from './hex.ts';

const ETH_HDR = Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x08, 0x00]);
const ETH_IP4 = new Uint8Array(ETH_HDR.length + IP4.length);
ETH_IP4.set(ETH_HDR);
ETH_IP4.set(IP4, ETH_HDR.length);

describe('Decoder across interfaces', () => {
  it('follows interface, link type and buffer changes frame by frame', () => {
    const dec = new Decoder();
    const raw = iface(LINKTYPE.RAW, { index: 0, name: '' });
    const eth = iface(LINKTYPE.ETHERNET, { index: 1, name: 'uplink' });
    const ifaces = [raw, eth];
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      const onEth = i % 3 === 1;
      const bytes = onEth ? ETH_IP4 : i % 2 ? IP6 : IP4;
      const f = dec.decode(record(bytes, { frame: i + 1, ifIndex: onEth ? 1 : 0 }, i), ifaces);
      const l = f.ip[0]!;
      seen.push(`${f.linkType} ${f.ifName} ${l.ifName} ${f.ipCount} ${addrString(l.buf, l.srcOff, l.addrLen)} ${l.udp.dstPort}`);
    }
    expect(seen).toEqual([
      `${LINKTYPE.RAW} ip0 ip0 1 10.0.0.1 5678`,
      `${LINKTYPE.ETHERNET} uplink uplink 1 10.0.0.1 5678`,
      `${LINKTYPE.RAW} ip0 ip0 1 10.0.0.1 5678`,
      `${LINKTYPE.RAW} ip0 ip0 1 ::1 5678`,
      `${LINKTYPE.ETHERNET} uplink uplink 1 10.0.0.1 5678`,
      `${LINKTYPE.RAW} ip0 ip0 1 ::1 5678`,
    ]);
  });

  it('takes a new interface object at the same index (a new section), and an unknown interface', () => {
    const dec = new Decoder();
    expect(dec.decode(record(IP4), [iface(LINKTYPE.RAW)]).ifName).toBe('ip0');
    const i0 = iface(LINKTYPE.ETHERNET);
    const f = dec.decode(record(ETH_IP4), [i0]);
    expect([f.linkType, f.ifName, f.ipCount, f.ethDstOff]).toEqual([LINKTYPE.ETHERNET, 'eth0', 1, 0]);
    const g = dec.decode(record(IP4, { ifIndex: 3 }), [i0]);
    expect([g.linkType, g.ifName, g.ipCount]).toEqual([-1, 'if3', 0]);
    const h = dec.decode(record(ETH_IP4), [i0]);
    expect([h.linkType, h.ifName, h.ipCount]).toEqual([LINKTYPE.ETHERNET, 'eth0', 1]);
  });
});
