/**
 * TCP tracking: each state transition (RFC 9293 from the local side) and
 * the firing order of tcp_input_data / tcp_send_data on illumos, on a real
 * loopback capture (tcpdump -i lo on this machine, 127.0.0.1 and ::1) and on
 * crafted segments.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { eth, ipv4, tcp, type TcpOpts } from '../../../samples/gen/craft.ts';
import { lines, LOCAL_MAC, PEER_MAC, pcapng, trace, type Pkt } from '../test/harness.ts';
import { ConnTable } from './table.ts';
import { TCPS_CLOSED, TCPS_ESTABLISHED } from './conn.ts';

const STATES = `
tcp:::state-change { printf("%d %s -> %s\\n", args[3]->tcps_lport, tcp_state_string[args[5]->tcps_state], tcp_state_string[args[3]->tcps_state]); }
tcp:::connect-request, tcp:::connect-established, tcp:::connect-refused, tcp:::accept-established, tcp:::accept-refused, tcp:::send, tcp:::receive
{ printf("%d %s %s\\n", args[3]->tcps_lport, probename, tcp_state_string[args[3]->tcps_state]); }
`;

const L = '192.168.1.108', R = '192.168.1.109';
/** A segment between the local host (port 5000) and the remote one (port 80). */
function seg(dir: 'out' | 'in', o: Partial<TcpOpts>, data?: string, t?: bigint): Pkt {
  const out = dir === 'out';
  const ip = ipv4({ src: out ? L : R, dst: out ? R : L }, tcp({ sport: out ? 5000 : 80, dport: out ? 80 : 5000, ...o }, data));
  return { data: out ? eth(LOCAL_MAC, PEER_MAC, ip) : eth(PEER_MAC, LOCAL_MAC, ip), dir, t };
}

describe('a real loopback capture (tcpdump -i lo)', () => {
  const cap = readFileSync(new URL('../test/fixtures/lo-tcp-udp.pcap', import.meta.url));

  it('connect, data both ways, client closes first; refused connect; ::1; UDP', async () => {
    const r = await trace(STATES + 'udp:::send, udp:::receive { printf("%d %s\\n", args[3]->udps_lport, probename); }', [cap]);
    const l = lines(r.out);
    // 127.0.0.1:49570 -> 127.0.0.1:47001, every frame once: the send side, then the receive side.
    expect(l.slice(0, 33)).toEqual([
      '49570 state-closed -> state-syn-sent', '49570 connect-request state-syn-sent', '49570 send state-syn-sent',
      '47001 receive state-listen',
      '47001 state-listen -> state-syn-received', '47001 send state-syn-received',
      '49570 receive state-syn-sent', '49570 state-syn-sent -> state-established', '49570 connect-established state-established',
      '49570 send state-established',
      '47001 receive state-syn-received', '47001 state-syn-received -> state-established', '47001 accept-established state-established',
      '49570 send state-established', '47001 receive state-established', // ping
      '47001 send state-established', '49570 receive state-established', // ack
      '47001 send state-established', '49570 receive state-established', // pong
      '49570 send state-established', '47001 receive state-established', // ack
      '49570 state-established -> state-fin-wait-1', '49570 send state-fin-wait-1', // client FIN
      '47001 receive state-established', '47001 state-established -> state-close-wait',
      '47001 state-close-wait -> state-last-ack', '47001 send state-last-ack', // server FIN+ACK
      '49570 receive state-fin-wait-1', '49570 state-fin-wait-1 -> state-fin-wait-2', '49570 state-fin-wait-2 -> state-time-wait',
      '49570 send state-time-wait', // last ACK
      '47001 receive state-last-ack', '47001 state-last-ack -> state-closed',
    ]);
    // The refused connection to 47002.
    expect(l.slice(33, 42)).toEqual([
      '51976 state-closed -> state-syn-sent', '51976 connect-request state-syn-sent', '51976 send state-syn-sent',
      '47002 receive state-listen', '0 accept-refused state-closed', '0 send state-closed', // no listener: tcp_t NULL
      '51976 receive state-syn-sent', '51976 connect-refused state-syn-sent', '51976 state-syn-sent -> state-closed',
    ]);
    // ::1 takes the same path; then one UDP datagram, sent and received on lo.
    expect(l.slice(42, 42 + 13)).toEqual(l.slice(0, 13).map((s) => s.replace(/^49570/, '52422').replace(/^47001/, '47003')));
    expect(l.slice(-2)).toEqual(['47882 send', '47004 receive']);
    expect(r.msgs.filter((m) => m.includes('inferred'))).toEqual([]);
  });

  it('the two ends of a loopback connection are two connections (cs_cid, tid); each end keeps its own', async () => {
    const r = await trace(`tcp:::connect-established { start[args[1]->cs_cid] = timestamp; printf("est %d\\n", tid == args[1]->cs_cid); }
      tcp:::receive /start[args[1]->cs_cid] && (args[2]->ip_plength - args[4]->tcp_offset) > 0/ {
        printf("first byte from %d\\n", args[4]->tcp_sport); start[args[1]->cs_cid] = 0; }`, [cap]);
    // The client's first received data byte is the server's "pong" (port 47001 -> 49570), not its own "ping".
    expect(lines(r.out)).toEqual(['est 1', 'first byte from 47001', 'est 1', 'first byte from 47003']);
  });

  it('ip:::send then ip:::receive per loopback frame, if_local = 1', async () => {
    const r = await trace('ip:::send, ip:::receive { printf("%s %d %d\\n", probename, args[2]->ip_ver, args[3]->if_local); }', [cap]);
    const l = lines(r.out);
    expect(l.length).toBe(46);
    expect(l.slice(0, 2)).toEqual(['send 4 1', 'receive 4 1']);
    expect(l.slice(24, 26)).toEqual(['send 6 1', 'receive 6 1']);
  });
});

describe('TCP state transitions (crafted)', () => {
  it('passive open with SYNs dropped while the backlog is full: receive in LISTEN per SYN, then accept', async () => {
    const cap = pcapng([
      seg('in', { sport: 80, dport: 5000, seq: 100, flags: 'S' }),
      seg('in', { sport: 80, dport: 5000, seq: 100, flags: 'S' }),
      seg('out', { sport: 5000, dport: 80, seq: 900, ack: 101, flags: 'SA' }),
      seg('in', { sport: 80, dport: 5000, seq: 101, ack: 901, flags: 'A' }),
    ].map((p) => ({ ...p })));
    const r = await trace(STATES, [cap]);
    expect(lines(r.out)).toEqual([
      '5000 receive state-listen', '5000 receive state-listen',
      '5000 state-listen -> state-syn-received', '5000 send state-syn-received',
      '5000 receive state-syn-received', '5000 state-syn-received -> state-established', '5000 accept-established state-established',
    ]);
  });

  it('simultaneous open: SYN_SENT -> SYN_RECEIVED -> ESTABLISHED, connect-established', async () => {
    const r = await trace(STATES, [pcapng([
      seg('out', { seq: 1000, flags: 'S' }),
      seg('in', { seq: 2000, flags: 'S' }),
      seg('out', { seq: 1000, ack: 2001, flags: 'SA' }),
      seg('in', { seq: 2000, ack: 1001, flags: 'SA' }),
    ])]);
    expect(lines(r.out)).toEqual([
      '5000 state-closed -> state-syn-sent', '5000 connect-request state-syn-sent', '5000 send state-syn-sent',
      '5000 receive state-syn-sent', '5000 state-syn-sent -> state-syn-received',
      '5000 send state-syn-received',
      '5000 receive state-syn-received', '5000 state-syn-received -> state-established', '5000 connect-established state-established',
    ]);
  });

  it('a connection open before the capture is ESTABLISHED from its first segment; RST closes it', async () => {
    const r = await trace(STATES, [pcapng([
      seg('in', { seq: 500, ack: 7000, flags: 'PA' }, 'hello'),
      seg('out', { seq: 7000, ack: 505, flags: 'A' }),
      seg('in', { seq: 505, ack: 7000, flags: 'R' }),
    ])]);
    expect(lines(r.out)).toEqual([
      '5000 receive state-established', '5000 send state-established',
      '5000 receive state-established', '5000 state-established -> state-closed',
    ]);
  });

  it('simultaneous close: FIN_WAIT_1 -> CLOSING -> TIME_WAIT; a new SYN on the tuple starts over', async () => {
    const r = await trace(STATES, [pcapng([
      seg('out', { seq: 10, ack: 20, flags: 'A' }),
      seg('out', { seq: 10, ack: 20, flags: 'FA' }),
      seg('in', { seq: 20, ack: 10, flags: 'FA' }),
      seg('in', { seq: 21, ack: 11, flags: 'A' }),
      seg('out', { seq: 5000, flags: 'S' }),
    ])]);
    expect(lines(r.out)).toEqual([
      '5000 send state-established',
      '5000 state-established -> state-fin-wait-1', '5000 send state-fin-wait-1',
      '5000 receive state-fin-wait-1', '5000 state-fin-wait-1 -> state-closing',
      '5000 receive state-closing', '5000 state-closing -> state-time-wait',
      '5000 state-closed -> state-syn-sent', '5000 connect-request state-syn-sent', '5000 send state-syn-sent',
    ]);
  });

  it('resets for no connection fire send with a NULL tcp_t (accept-refused only answers a SYN); nothing is kept', async () => {
    const r = await trace(STATES, [pcapng([
      seg('out', { seq: 0, ack: 77, flags: 'RA' }), seg('out', { seq: 9, flags: 'R' }), seg('in', { seq: 77, ack: 0, flags: 'A' }),
    ])]);
    expect(lines(r.out)).toEqual(['0 send state-closed', '0 send state-closed', '5000 receive state-established']);
  });

  it('scan probes without SYN or ACK (null, FIN, Xmas) and stray resets: receive with a NULL tcp_t, no connection', async () => {
    const r = await trace(STATES + 'tcp:::receive { printf("flags %x\\n", args[4]->tcp_flags); }', [pcapng([
      seg('in', { seq: 1, flags: 0 }), seg('in', { seq: 1, flags: 'FPU' }), seg('in', { seq: 1, flags: 'F' }), seg('in', { seq: 1, flags: 'R' }),
      seg('in', { seq: 1, ack: 5, flags: 'A' }),
    ])]);
    expect(lines(r.out)).toEqual([
      '0 receive state-closed', 'flags 0', '0 receive state-closed', 'flags 29', '0 receive state-closed', 'flags 1',
      '0 receive state-closed', 'flags 4', '5000 receive state-established', 'flags 10',
    ]);
  });

  it('sending RST closes the connection after tcp:::send', async () => {
    const r = await trace(STATES, [pcapng([seg('out', { seq: 1, ack: 1, flags: 'A' }), seg('out', { seq: 1, ack: 1, flags: 'RA' })])]);
    expect(lines(r.out)).toEqual(['5000 send state-established', '5000 send state-established', '5000 state-established -> state-closed']);
  });

  it('tcpsinfo_t: iss, snxt/suna, rnxt/rack, scaled windows, mss, retransmit, rto', async () => {
    const ms = 1_000_000n;
    const r = await trace(`tcp:::send, tcp:::receive { printf("%s iss=%d suna=%d snxt=%d rack=%d rnxt=%d swnd=%d rwnd=%d ws=%d/%d mss=%d rx=%d rto=%d\\n",
        probename, args[3]->tcps_iss, args[3]->tcps_suna, args[3]->tcps_snxt, args[3]->tcps_rack, args[3]->tcps_rnxt,
        args[3]->tcps_swnd, args[3]->tcps_rwnd, args[3]->tcps_snd_ws, args[3]->tcps_rcv_ws, args[3]->tcps_mss,
        args[3]->tcps_retransmit, args[3]->tcps_rto); }`, [pcapng([
      seg('out', { seq: 1000, flags: 'S', win: 64240, options: [{ mss: 1460 }, { wscale: 7 }] }, undefined, 0n),
      seg('in', { seq: 5000, ack: 1001, flags: 'SA', win: 65160, options: [{ mss: 1400 }, { wscale: 8 }] }, undefined, 100n * ms),
      seg('out', { seq: 1001, ack: 5001, flags: 'A', win: 502 }, undefined, 101n * ms),
      seg('out', { seq: 1001, ack: 5001, flags: 'PA', win: 502 }, 'x'.repeat(100), 102n * ms),
      seg('out', { seq: 1001, ack: 5001, flags: 'PA', win: 502 }, 'x'.repeat(100), 400n * ms),
      seg('in', { seq: 5001, ack: 1101, flags: 'A', win: 300 }, undefined, 500n * ms),
    ])]);
    expect(lines(r.out)).toEqual([
      'send iss=1000 suna=1000 snxt=1001 rack=0 rnxt=0 swnd=0 rwnd=64240 ws=0/0 mss=536 rx=0 rto=1000',
      // receive shows the state before the segment is processed
      'receive iss=1000 suna=1000 snxt=1001 rack=0 rnxt=0 swnd=0 rwnd=64240 ws=0/0 mss=536 rx=0 rto=1000',
      // handshake RTT 100 ms: srtt 100, rttvar 50, rto = 100 + 200 = 300 -> the 400 ms floor
      'send iss=1000 suna=1001 snxt=1001 rack=5001 rnxt=5001 swnd=65160 rwnd=64256 ws=8/7 mss=1400 rx=0 rto=400',
      'send iss=1000 suna=1001 snxt=1101 rack=5001 rnxt=5001 swnd=65160 rwnd=64256 ws=8/7 mss=1400 rx=0 rto=400',
      'send iss=1000 suna=1001 snxt=1101 rack=5001 rnxt=5001 swnd=65160 rwnd=64256 ws=8/7 mss=1400 rx=1 rto=400',
      'receive iss=1000 suna=1001 snxt=1101 rack=5001 rnxt=5001 swnd=65160 rwnd=64256 ws=8/7 mss=1400 rx=0 rto=400',
    ]);
    const r2 = await trace('tcp:::receive { printf("%d\\n", args[3]->tcps_swnd); } END { }', [pcapng([
      seg('out', { seq: 1000, flags: 'S', options: [{ wscale: 7 }] }),
      seg('in', { seq: 5000, ack: 1001, flags: 'SA', options: [{ wscale: 8 }] }),
      seg('in', { seq: 5001, ack: 1001, flags: 'A', win: 300 }),
      seg('in', { seq: 5001, ack: 1001, flags: 'A', win: 300 }),
    ])]);
    expect(lines(r2.out)).toEqual(['0', '65535', '76800']);
  });
});

describe('the connection table', () => {
  it('stays bounded: closed connections go first, then the idlest', () => {
    const t = new ConnTable(8);
    for (let i = 0; i < 100; i++) {
      const c = t.create(i, i, 4);
      c.state = i % 2 === 0 ? TCPS_CLOSED : TCPS_ESTABLISHED;
      c.lastNs = i;
      expect(t.size).toBeLessThanOrEqual(8);
    }
    expect(t.get(99)).toBeDefined();
    expect(t.evicted).toBeGreaterThan(80);
  });
});
