/**
 * Raw header pointers read the packet's own bytes for every packet of a
 * chunk, not only the first: tracemem() and byte copies use the same offsets
 * as integer loads (a bug once read bytes relative to the chunk's start).
 */
import { describe, expect, it } from 'vitest';
import { eth, ipv4, udp } from '../../../samples/gen/craft.ts';
import { LOCAL_MAC, PEER_MAC, pcapng, trace } from './harness.ts';

const pkt = (src: string, ttl: number) => eth(LOCAL_MAC, PEER_MAC, ipv4({ src, dst: '10.9.8.7', ttl }, udp({ sport: 1000, dport: 53 }, 'payload')));

describe('raw header pointers into later packets of a chunk', () => {
  it('tracemem of the IPv4 header shows that packet\'s header', async () => {
    const cap = pcapng([{ data: pkt('192.168.1.108', 64), dir: 'out' }, { data: pkt('172.16.0.1', 17), dir: 'out' }]);
    const r = await trace('ip:::send /args[0]->pkt_addr == 2/ { tracemem(args[4]->ipv4_hdr, 20); printf("%d\\n", *(uint8_t *)((char *)args[4]->ipv4_hdr + 8)); }', [cap], { locals: ['192.168.1.108', '172.16.0.1'] });
    // Row "0:" of the dump: version/IHL 45 ... TTL 0x11 (17) at offset 8, protocol 0x11 (UDP), source ac 10 00 01 at 12.
    const row = r.out.split('\n').find((l) => /^\s+0: /.test(l)) ?? '';
    expect(row).toMatch(/^\s+0: 45 /);
    expect(row.split(/\s+/).slice(2, 18).join(' ')).toMatch(/^45 00 \S\S \S\S \S\S \S\S \S\S \S\S 11 11 \S\S \S\S ac 10 00 01$/);
    expect(r.out).toContain('\n17\n');
  });
});
