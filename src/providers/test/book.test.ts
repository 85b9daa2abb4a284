/**
 * Network-provider scripts in the style of the DTrace book's network chapter
 * (Gregg & Mauro, 2011: tcpaccept.d, tcpconnect.d, tcpconnlat.d, tcpio.d,
 * tcpstate.d, tcpsize.d, udpio-style counts, ipproto.d, ipstat.d), run
 * unchanged over a real loopback capture: they compile and print what the
 * capture holds.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lines, trace } from './harness.ts';

const lo = readFileSync(new URL('./fixtures/lo-tcp-udp.pcap', import.meta.url));
const rows = (out: string): string[][] => lines(out).filter((l) => l.trim() !== '').map((l) => l.trim().split(/\s+/));

describe('DTrace book network scripts over a loopback capture', () => {
  it('tcpaccept.d / tcpconnect.d', async () => {
    const a = await trace('tcp:::accept-established { @num[args[2]->ip_saddr, args[3]->tcps_lport] = count(); }', [lo]);
    expect(rows(a.out)).toEqual([['127.0.0.1', '47001', '1'], ['::1', '47003', '1']]);
    const c = await trace('tcp:::connect-request { @num[args[2]->ip_daddr, args[4]->tcp_dport] = count(); }', [lo]);
    expect(rows(c.out)).toEqual([['127.0.0.1', '47001', '1'], ['127.0.0.1', '47002', '1'], ['::1', '47003', '1']]);
  });

  it('tcpconnlat.d: connect-request to connect-established by cs_cid', async () => {
    const r = await trace(`tcp:::connect-request { start[args[1]->cs_cid] = timestamp; }
      tcp:::connect-established /start[args[1]->cs_cid]/ {
        @latency["Connect Latency (ns)", args[2]->ip_saddr] = quantize(timestamp - start[args[1]->cs_cid]);
        start[args[1]->cs_cid] = 0; }
      tcp:::connect-refused /start[args[1]->cs_cid]/ { @refused[args[2]->ip_saddr] = count(); start[args[1]->cs_cid] = 0; }`, [lo]);
    expect(r.out).toContain('Connect Latency (ns)');
    expect(r.out).toMatch(/16384 \|@+/); // 12 us from the capture's times, 8192..16383 ns bucket
    expect(r.out).toMatch(/127\.0\.0\.1\s+1/);
  });

  it('tcpio.d: per-segment lines with payload bytes and flags', async () => {
    const r = await trace(`tcp:::send { this->length = args[2]->ip_plength - args[4]->tcp_offset;
        printf("%s:%d -> %s:%d %d %s%s%s%s\\n", args[2]->ip_saddr, args[4]->tcp_sport, args[2]->ip_daddr, args[4]->tcp_dport, this->length,
          args[4]->tcp_flags & TH_SYN ? "SYN|" : "", args[4]->tcp_flags & TH_ACK ? "ACK|" : "", args[4]->tcp_flags & TH_FIN ? "FIN|" : "",
          args[4]->tcp_flags & TH_RST ? "RST|" : ""); }`, [lo]);
    const l = lines(r.out);
    expect(l[0]).toBe('127.0.0.1:49570 -> 127.0.0.1:47001 0 SYN|');
    expect(l[3]).toBe('127.0.0.1:49570 -> 127.0.0.1:47001 4 ACK|');
    expect(l[5]).toBe('127.0.0.1:47001 -> 127.0.0.1:49570 9 ACK|');
    expect(l).toContain('127.0.0.1:47002 -> 127.0.0.1:51976 0 ACK|RST|');
  });

  it('tcpsize.d and a udp count: quantize of payload sizes, datagrams per port', async () => {
    const r = await trace('tcp:::receive { @bytes[args[2]->ip_saddr] = quantize(args[2]->ip_plength - args[4]->tcp_offset); }', [lo]);
    expect(r.out).toMatch(/127\.0\.0\.1/);
    expect(r.out).toMatch(/value\s+-+ Distribution -+ count/);
    const u = await trace('udp:::receive { @[args[2]->ip_saddr, args[4]->udp_dport] = count(); }', [lo]);
    expect(rows(u.out)).toEqual([['127.0.0.1', '47004', '1']]);
  });

  it('ipproto.d and ipstat.d', async () => {
    const p = await trace(`ip:::receive { @num[args[2]->ip_saddr, args[2]->ip_daddr,
        args[2]->ip_ver == 4 ? args[4]->ipv4_protostr : args[5]->ipv6_nextstr] = count(); }`, [lo]);
    expect(rows(p.out)).toEqual([['127.0.0.1', '127.0.0.1', 'UDP', '1'], ['::1', '::1', 'TCP', '10'], ['127.0.0.1', '127.0.0.1', 'TCP', '12']]);
    const s = await trace(`ip:::send { @out = sum(args[2]->ip_plength); } ip:::receive { @in = sum(args[2]->ip_plength); }
      END { printa("out %@d\\n", @out); printa("in %@d\\n", @in); }`, [lo]);
    // tshark: the sum of ip.len - ip.hdr_len and ipv6.plen is 775; loopback frames are sent and received.
    expect(lines(s.out).filter((x) => x !== '')).toEqual(['out 775', 'in 775']);
  });

  it('tcpstate.d', async () => {
    const r = await trace('tcp:::state-change { @[tcp_state_string[args[5]->tcps_state], tcp_state_string[args[3]->tcps_state]] = count(); }', [lo]);
    const got = new Map(rows(r.out).map(([a, b, n]) => [`${a} ${b}`, Number(n)]));
    expect(got.get('state-closed state-syn-sent')).toBe(3);
    expect(got.get('state-syn-sent state-established')).toBe(2);
    expect(got.get('state-listen state-syn-received')).toBe(2);
    expect(got.get('state-syn-received state-established')).toBe(2);
    expect(got.get('state-fin-wait-2 state-time-wait')).toBe(2);
    expect(got.get('state-last-ack state-closed')).toBe(2);
    expect(got.get('state-syn-sent state-closed')).toBe(1);
  });
});
