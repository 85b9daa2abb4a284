/**
 * The Prototype #2 scenarios and the 2008 blog's scenes, on the samples'
 * captures: which probe fires, in which order, with which addresses, sizes
 * and interfaces — compared with the seed transcripts as transcribed in
 * samples/test/transcripts.ts (copied from the documents by hand, never
 * from wiretrace's output).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ACCEPT, IPIO, PROTO2, RECEIVERS, WHOSENT } from '../../../samples/test/transcripts.ts';
import { lines, trace } from './harness.ts';

const dir = new URL('../../../samples/captures/', import.meta.url);
// The captures are committed (npm run samples regenerates them): a missing one is a failure, not a skip.
const capture = (name: string): Uint8Array => readFileSync(new URL(name, dir));

const PER_LAYER = `
ip:::send, ip:::receive
{ printf("%s %s %s %d %s %s\\n", probename, args[2]->ip_saddr, args[2]->ip_daddr, args[2]->ip_plength, args[3]->if_name,
    args[2]->ip_ver == 4 ? args[4]->ipv4_protostr : args[5]->ipv6_nextstr); }
`;

describe('Prototype #2 scenarios (seed 001)', () => {
  for (const [file, want] of Object.entries(PROTO2)) {
    const cap = capture(file);
    it(file, async () => {
      const r = await trace(PER_LAYER, [cap]);
      // ip_protostr spells ICMPv6/IPv6 as ip.d.in does; the transcripts' PROTO column is ipio01.d's own table.
      expect(lines(r.out)).toEqual(want.map((l) => `${l.probe} ${l.src} ${l.dst} ${l.bytes} ${l.iface} ${l.proto ?? ''}`.trimEnd()
        .replace(/ ICMPV6$/, ' ICMPv6')));
    });
  }

  it('IPsec out, ipio03.d: write shows the tunnel packet before ESP (88, 40), send the ESP packet (140, 92)', async () => {
    const r = await trace(`ipv4:::write, ipv4:::send { printf("%s %d %s\\n", probename, args[1]->ip_plength, args[2]->ill_name); }`,
      [capture('proto2-ipsec-out.pcapng')]);
    expect(lines(r.out)).toEqual([
      'write 68 ip.tun0', 'send 68 ip.tun0', 'write 88 nge0', 'send 140 nge0',
      'write 20 ip.tun0', 'send 20 ip.tun0', 'write 40 nge0', 'send 92 nge0',
    ]);
  });

  it('who is sending IP packets to us (receive counts per source)', async () => {
    const r = await trace('ip:::receive { @[args[2]->ip_saddr] = count(); } END { printa("%s %@d\\n", @); }', [capture('proto2-receivers.pcapng')]);
    const got = lines(r.out).filter((l) => l !== '').map((l) => l.trim().split(/\s+/));
    expect(got.map(([a, n]) => [a, Number(n)])).toEqual(RECEIVERS);
  });
});

describe('2008 blog (seed 000)', () => {
  it('ip_whosent.d: destination, ipv4_length, execname, pid', async () => {
    const r = await trace('ip:ip:*:send /execname != "sched"/ { printf("%s %d %s %d\\n", args[2]->ip_daddr, args[4]->ipv4_length, execname, pid); }',
      [capture('blog-ip_whosent.pcapng')]);
    expect(lines(r.out)).toEqual(WHOSENT.map((w) => w.join(' ')));
  });

  it('ipio.d: tunnel before NIC on send, NIC before tunnel on receive, DELTA(us)', async () => {
    const r = await trace(`BEGIN { last = timestamp; }
      ip:::send, ip:::receive { printf("%s %s %s %d %s %d\\n", probename, args[2]->ip_saddr, args[2]->ip_daddr, args[2]->ip_plength,
        args[3]->ill_name, (timestamp - last) / 1000); last = timestamp; }`, [capture('blog-ipio-tunnel.pcapng')]);
    // The first DELTA counts from BEGIN, i.e. the capture's start: see the report on isb_starttime; later ones are packet gaps.
    expect(lines(r.out).map((l) => l.split(' ').slice(0, 5).join(' '))).toEqual(IPIO.map(({ line: l }) => `${l.probe} ${l.src} ${l.dst} ${l.bytes} ${l.iface}`));
    expect(lines(r.out).slice(1).map((l) => Number(l.split(' ')[5]))).toEqual(IPIO.slice(1).map((x) => x.delta));
  });
});

describe('accept queue (seed 002)', () => {
  it('SYN retried at 1, 2 and 4 s, accepted 7.01 s after the first', async () => {
    const r = await trace(`BEGIN { first = (uint64_t)0; }
      tcp:::receive /args[4]->tcp_flags == TH_SYN && args[4]->tcp_dport == 2000/ { first = first ? first : timestamp; n++; }
      tcp:::accept-established /args[4]->tcp_dport == 2000 && first/ { printf("%s %d %d %d\\n", args[2]->ip_saddr, args[4]->tcp_sport, n, timestamp - first); first = 0; }`,
    [capture('accept-queue.pcapng')]);
    const a = ACCEPT.port2000;
    expect(lines(r.out)).toEqual([`${a.client} ${a.sport} ${a.syns.length} ${ACCEPT.latency}`]);
  });
});
