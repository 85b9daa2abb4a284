/**
 * The checks themselves: output written here from tshark's reading of a
 * capture, in the scripts' printf layouts, passes; the same output with one
 * thing wrong (a byte count, a missing row, a swapped arrow, a flag) fails.
 * This keeps book.test.ts from passing on output its checks cannot see.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { CHECKS } from './checks.ts';
import { firings, reference, stateTransitions, TH_ACK, TH_FIN, TH_PUSH, TH_RST, TH_SYN, TH_URG } from './ref.ts';

const cap = (name: string): string => fileURLToPath(new URL(`../../test/fixtures/real-book/${name}`, import.meta.url));
const r = (s: string, n: number): string => s.padStart(n);
const l = (s: string, n: number): string => s.padEnd(n);

function flags(f: number): string {
  const names: [number, string][] = [[TH_FIN, 'FIN|'], [TH_SYN, 'SYN|'], [TH_RST, 'RST|'], [TH_PUSH, 'PUSH|'], [TH_ACK, 'ACK|'], [TH_URG, 'URG|']];
  return names.filter(([b]) => (f & b) !== 0).map(([, n]) => n).join('') + (f === 0 ? 'null ' : '') + '\b)';
}

/** tcpio.d's output for a capture, printf by printf. */
function tcpioText(file: string): string {
  const ref = reference(file);
  let out = `${l('CPU', 3)} ${r('LADDR', 15)}:${l('LPORT', 5)}      ${r('RADDR', 15)}:${l('RPORT', 5)} ${r('BYTES', 6)} FLAGS\n`;
  for (const { l: s, dir } of firings(ref.tcp)) {
    const [la, lp, ra, rp] = dir === 'send' ? [s.src, s.sport, s.dst, s.dport] : [s.dst, s.dport, s.src, s.sport];
    out += `${l('0', 3)} ${r(la, 15)}:${l(String(lp), 5)}  ${dir === 'send' ? '->' : '<-'}  ${r(ra, 15)}:${l(String(rp), 5)} ${r(String(s.plen - s.hdrLen), 6)} (${flags(s.flags)}\n`;
  }
  return out;
}

function udpioText(file: string): string {
  const ref = reference(file);
  let out = `${l('CPU', 3)}  ${r('LADDR', 15)}:${l('PORT', 5)}      ${r('RADDR', 15)}:${l('PORT', 5)}  ${r('IPLEN', 6)}\n`;
  for (const { l: d, dir } of firings(ref.udp)) {
    const [la, lp, ra, rp] = dir === 'send' ? [d.src, d.sport, d.dst, d.dport] : [d.dst, d.dport, d.src, d.sport];
    out += `${l('0', 3)}  ${r(la, 15)}:${l(String(lp), 5)}  ${dir === 'send' ? '->' : '<-'}  ${r(ra, 15)}:${l(String(rp), 5)}  ${r(String(d.plen), 6)}\n`;
  }
  return out;
}

describe('the book checks reject wrong output', () => {
  it('tcpio.d over scan.pcap: right passes, each wrong variant fails', () => {
    const good = tcpioText(cap('scan.pcap'));
    expect(good).toContain('(FIN|PUSH|URG|\b)');
    expect(() => CHECKS['tcpio.d']!(good, reference(cap('scan.pcap')))).not.toThrow();
    const ls = good.split('\n');
    const bad = [
      ls.filter((_, i) => i !== 3).join('\n'), // a row missing
      good.replace('  <-  ', '  ->  '), // a direction swapped
      good.replace('(RST|ACK|', '(RST|'), // a flag lost
      good.replace(/(\s)0 \(SYN/, '$11 (SYN'), // a byte count off
    ];
    for (const b of bad) expect(() => CHECKS['tcpio.d']!(b, reference(cap('scan.pcap')))).toThrow();
  });

  it('udpio.d over udp.pcap: right passes, each wrong variant fails', () => {
    const good = udpioText(cap('udp.pcap'));
    expect(() => CHECKS['udpio.d']!(good, reference(cap('udp.pcap')))).not.toThrow();
    expect(() => CHECKS['udpio.d']!(good.replace(/ 1008\n/, ' 1007\n'), reference(cap('udp.pcap')))).toThrow();
    expect(() => CHECKS['udpio.d']!(good.replace('::1', '::2'), reference(cap('udp.pcap')))).toThrow();
    expect(() => CHECKS['udpio.d']!(good + good.split('\n')[1] + '\n', reference(cap('udp.pcap')))).toThrow();
  });

  it('the reference: UDP over loopback fires send then receive; ICMP quotes are no IP layer', () => {
    const ref = reference(cap('udp.pcap'));
    expect(ref.udp.length).toBe(13);
    expect(firings(ref.udp).slice(0, 2).map((f) => f.dir)).toEqual(['send', 'receive']);
    // 14 frames, one of them ICMP quoting the IP header of the datagram it answers: 14 layers, not 15.
    expect(ref.ip.length).toBe(14);
  });

  it('the RFC 9293 state model, by hand from abort.pcap\'s 20 frames (tshark)', () => {
    // 127.0.0.1: handshake, data both ways, the server aborts (RST, frame 8): both ends ESTABLISHED -> CLOSED.
    // ::1: handshake, data, the client's FIN (16), the server's data and FIN (19), the last ACK (20).
    expect(stateTransitions(reference(cap('abort.pcap')))).toEqual([
      'closed>syn-sent', 'listen>syn-received', 'syn-sent>established', 'syn-received>established',
      'established>closed', 'established>closed',
      'closed>syn-sent', 'listen>syn-received', 'syn-sent>established', 'syn-received>established',
      'established>fin-wait-1', 'established>close-wait', 'fin-wait-1>fin-wait-2',
      'close-wait>last-ack', 'fin-wait-2>time-wait', 'last-ack>closed',
    ]);
    // scan.pcap: null/Xmas probes own no connection; the refused connect() is the only one.
    expect(stateTransitions(reference(cap('scan.pcap')))).toEqual(['closed>syn-sent', 'syn-sent>closed']);
  });
});
