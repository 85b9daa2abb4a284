/**
 * BEGIN over a capture fires at the capture's start: its walltimestamp is the
 * capture's time, not the host's clock; exit() in BEGIN reads no packets; a
 * capture without packets still fires BEGIN and END.
 */
import { describe, expect, it } from 'vitest';
import { eth, ipv4, udp } from '../../samples/gen/craft.ts';
import { LOCAL_MAC, PEER_MAC, T0, pcapng, trace } from '../providers/test/harness.ts';

const pkt = eth(LOCAL_MAC, PEER_MAC, ipv4({ src: '192.168.1.108', dst: '192.168.1.109' }, udp({ sport: 1000, dport: 53 }, 'x')));

describe('BEGIN over a capture', () => {
  it("sees the capture's start as walltimestamp, and timestamp at the virtual boot + 1000 s", async () => {
    const r = await trace('BEGIN { printf("%d %d\\n", walltimestamp, timestamp); }', [pcapng([{ data: pkt, dir: 'out', t: 5_000_000n }])], { locals: ['192.168.1.108'] });
    expect(r.out).toBe(`${T0 + 5_000_000n} 1000000000000\n\n`);
  });
  it('exit() in BEGIN reads no packet', async () => {
    const r = await trace('BEGIN { exit(0); } ip:::send { printf("fired\\n"); } END { printf("end\\n"); }', [pcapng([{ data: pkt, dir: 'out' }])]);
    expect(r.out).toBe('end\n\n');
  });
  it('a capture without packets still fires BEGIN and END', async () => {
    const r = await trace('BEGIN { printf("begin\\n"); } END { printf("end\\n"); }', [pcapng([])]);
    expect(r.out).toBe('begin\nend\n\n');
    expect(r.status).toBe(0);
  });
});
