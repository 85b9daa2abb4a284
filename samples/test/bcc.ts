/**
 * What the D versions of bcc's TCP tools must print, derived from tshark's
 * reading of the capture — never from wiretrace's own output: each check
 * rebuilds the tool's lines with bcc's own printf formats (tools/*.py) from
 * the segments tshark decodes (samples/book/ref.ts), the per-frame process
 * information tshark reads from the pcapng blocks (tshark.ts), and the tool's
 * definition of its events, as the scripts' headers state them:
 *
 *   tcpconnect  one line per SYN this host sends first for a connection;
 *   tcpaccept   one line per connection this host accepts (handshake done);
 *   tcplife     per closed session: born at the handshake's end (for an
 *               active open refused: at its SYN), dead at CLOSED/TIME_WAIT,
 *               payload sent (first transmissions) and received;
 *   tcpstates   every state change (RFC 9293 from the local side), Linux names;
 *   tcpretrans  every segment this host sends that tshark flags as a
 *               retransmission;
 *   tcptop      payload bytes per process and connection, per interval.
 *
 * A check passes an empty output for a capture without such events; the
 * tests make sure each golden has lines.
 */
import assert from 'node:assert/strict';
import { firings, type Reference, type TcpSeg, TH_ACK, TH_FIN, TH_RST, TH_SYN, timedTransitions } from '../book/ref.ts';
import type { Blocks } from './tshark.ts';

/** The printf subset bcc's formats use: %[-0][width][.prec](d|s|x), as Python's % operator does them. */
export function pyfmt(f: string, ...args: (string | number)[]): string {
  let i = 0;
  return f.replace(/%(-?)(0?)(\d*)(?:\.(\d+))?([dsx%])/g, (_m, left: string, zero: string, w: string, prec: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    const a = args[i++]!;
    let s = conv === 'd' ? String(Math.trunc(Number(a))) : conv === 'x' ? Math.trunc(Number(a)).toString(16) : String(a);
    if (conv === 's' && prec !== undefined) s = s.slice(0, Number(prec));
    const width = w === '' ? 0 : Number(w);
    if (s.length >= width) return s;
    if (left) return s.padEnd(width);
    return zero ? s.padStart(width, '0') : s.padStart(width);
  });
}

export interface Ctx { ref: Reference; procs: Blocks; args: string[] }
export type BccCheck = (out: string, c: Ctx) => void;

const lines = (out: string): string[] => out.split('\n');
const payload = (s: TcpSeg): number => Math.max(0, s.plen - s.hdrLen);
const proc = (c: Ctx, frame: number): { pid: number; comm: string } => {
  const e = c.procs.epbs[frame - 1];
  return e === undefined || e.pid < 0 ? { pid: 0, comm: '' } : { pid: e.pid, comm: e.name };
};
/** Lines of `out` after the header lines, without the trailing empty ones. */
function body(out: string, header: string[]): string[] {
  const l = lines(out);
  assert.deepEqual(l.slice(0, header.length), header, 'the header, as bcc prints it');
  const rest = l.slice(header.length);
  while (rest.length > 0 && rest[rest.length - 1] === '') rest.pop();
  return rest;
}
/** HH:MM:SS (UTC) of ns since the epoch. */
function hms(ns: bigint): string {
  const s = Number((ns / 1_000_000_000n) % 86400n);
  return pyfmt('%02d:%02d:%02d', Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60);
}

const LINUX: Record<string, string> = {
  closed: 'CLOSE', listen: 'LISTEN', 'syn-sent': 'SYN_SENT', 'syn-received': 'SYN_RECV', established: 'ESTABLISHED',
  'close-wait': 'CLOSE_WAIT', 'fin-wait-1': 'FIN_WAIT1', closing: 'CLOSING', 'last-ack': 'LAST_ACK', 'fin-wait-2': 'FIN_WAIT2', 'time-wait': 'TIME_WAIT',
};

export const tcpconnect: BccCheck = (out, c) => {
  const rows = body(out, ['Tracing connect ... Hit Ctrl-C to end', pyfmt('%-7s %-12s %-2s %-16s %-16s %-6s', 'PID', 'COMM', 'IP', 'SADDR', 'DADDR', 'DPORT')]);
  const want: string[] = [];
  const seen = new Set<string>();
  for (const { l: s, dir } of firings(c.ref.tcp)) {
    if (dir !== 'send' || (s.flags & (TH_SYN | TH_ACK)) !== TH_SYN) continue;
    const k = `${s.src}:${s.sport}>${s.dst}:${s.dport}`;
    if (seen.has(k)) continue; // a retransmitted SYN is the same connect()
    seen.add(k);
    const p = proc(c, s.frame);
    want.push(pyfmt('%-7d %-12.12s %-2d %-16s %-16s %-6d ', p.pid, p.comm, s.ver, s.src, s.dst, s.dport));
  }
  assert.deepEqual(rows, want, 'one line per connection opened, in order, with the SYN\'s process');
};

export const tcpaccept: BccCheck = (out, c) => {
  const rows = body(out, [pyfmt('%-7s %-12s %-2s %-16s %-5s %-16s %-5s', 'PID', 'COMM', 'IP', 'RADDR', 'RPORT', 'LADDR', 'LPORT')]);
  const trans = timedTransitions(c.ref);
  assert.ok(trans !== null, 'every connection starts in the capture (else the reference cannot follow its states)');
  const want: string[] = [];
  for (const t of trans) {
    if (t.from !== 'syn-received' || t.to !== 'established') continue;
    const [l, r] = t.local.split('>');
    const [la, lp] = splitAddr(l!), [ra, rp] = splitAddr(r!);
    const p = proc(c, t.frame);
    want.push(pyfmt('%-7d %-12.12s %-2d %-16s %-5d %-16s %-5d', p.pid, p.comm, la.includes(':') ? 6 : 4, ra, rp, la, lp));
  }
  assert.deepEqual(rows, want, 'one line per accepted connection, when its handshake completes');
};

function splitAddr(s: string): [string, number] {
  const i = s.lastIndexOf(':');
  return [s.slice(0, i), Number(s.slice(i + 1))];
}

export const tcplife: BccCheck = (out, c) => {
  const rows = body(out, [pyfmt('%-5s %-10.10s %s%-15s %-5s %-15s %-5s %5s %5s %s', 'PID', 'COMM', '', 'LADDR', 'LPORT', 'RADDR', 'RPORT', 'TX_KB', 'RX_KB', 'MS')]);
  const trans = timedTransitions(c.ref);
  assert.ok(trans !== null, 'every connection starts in the capture (else the reference cannot follow its states)');
  interface Life { birth: number | null; who: { pid: number; comm: string } | null; tx: number; rx: number; sent: number }
  const lives = new Map<string, Life>();
  const want: string[] = [];
  // Walk the firings in order: transitions at their segment, bytes per segment.
  const fs = firings(c.ref.tcp);
  let ti = 0;
  const life = (k: string): Life => {
    let x = lives.get(k);
    if (x === undefined) { x = { birth: null, who: null, tx: 0, rx: 0, sent: -1 }; lives.set(k, x); }
    return x;
  };
  for (const { l: s, dir } of fs) {
    const local = dir === 'send' ? `${s.src}:${s.sport}>${s.dst}:${s.dport}` : `${s.dst}:${s.dport}>${s.src}:${s.sport}`;
    const x = lives.get(local);
    // Bytes before the segment's own state change (tcp:::send/receive fire before state-change on receive; on send after, but a SYN/FIN carries no bytes here).
    if (x !== undefined && x.birth !== null) {
      if (dir === 'receive') x.rx += payload(s);
      else {
        const end = (s.seq + payload(s)) >>> 0;
        const fresh = x.sent < 0 || ((end - x.sent) | 0) > 0;
        if (fresh && payload(s) > 0) x.tx += payload(s);
        if (fresh) x.sent = end;
      }
    }
    while (ti < trans.length && trans[ti]!.frame === s.frame && trans[ti]!.local === local) {
      const t = trans[ti++]!;
      const y = life(local);
      if (t.to === 'syn-sent' || t.to === 'syn-received' || t.to === 'established') y.birth = t.ns;
      if (t.to === 'syn-sent' || t.to === 'last-ack') y.who = proc(c, t.frame);
      if (t.to === 'syn-sent' || t.to === 'syn-received') y.sent = dir === 'send' ? (s.seq + 1) >>> 0 : -1;
      if ((t.to === 'closed' || t.to === 'time-wait') && y.birth !== null) {
        const [l, r] = local.split('>');
        const [la, lp] = splitAddr(l!), [ra, rp] = splitAddr(r!);
        const p = y.who ?? proc(c, t.frame);
        const h = Math.floor((Math.floor((t.ns - y.birth) / 1000) + 5) / 10);
        want.push(pyfmt('%-5d %-10.10s %s%-15s %-5d %-15s %-5d %5d %5d ', p.pid, p.comm, '', la, lp, ra, rp, Math.floor(y.tx / 1024), Math.floor(y.rx / 1024)) +
          `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`);
        lives.delete(local);
      }
    }
  }
  assert.deepEqual(rows, want, 'one line per session closed, in order of closing');
};

export const tcpstates: BccCheck = (out, c) => {
  const rows = body(out, [pyfmt('%-16s %-5s %-10.10s %s%-15s %-5s %-15s %-5s %-11s -> %-11s %s', 'SKADDR', 'C-PID', 'C-COMM', '', 'LADDR', 'LPORT', 'RADDR', 'RPORT', 'OLDSTATE', 'NEWSTATE', 'MS')]);
  const trans = timedTransitions(c.ref);
  assert.ok(trans !== null, 'every connection starts in the capture (else the reference cannot follow its states)');
  assert.equal(rows.length, trans.length, 'one line per state change');
  const last = new Map<string, number>();
  const ids = new Map<string, string>();
  rows.forEach((row, i) => {
    let t = trans[i]!;
    // LISTEN -> SYN_RECV fires when the local answer to the SYN (the SYN-ACK) is seen: until then a
    // capture cannot tell a listener from a closed port or a full backlog (README, "TCP").
    if (t.from === 'listen') {
      const answer = c.ref.tcp.find((s) => s.ns >= t.ns && `${s.src}:${s.sport}>${s.dst}:${s.dport}` === t.local && (s.flags & TH_SYN) !== 0);
      if (answer !== undefined) t = { ...t, frame: answer.frame, ns: answer.ns };
    }
    const [l, r] = t.local.split('>');
    const [la, lp] = splitAddr(l!), [ra, rp] = splitAddr(r!);
    const p = proc(c, t.frame);
    const prev = last.get(t.local);
    const us = prev === undefined ? 0 : Math.floor((t.ns - prev) / 1000);
    const sk = row.slice(0, 16);
    // SKADDR: one id per connection, the same on each of its lines, different between connections.
    const had = ids.get(t.local);
    if (had !== undefined) assert.equal(sk, had, `line ${i + 1}: SKADDR stays the connection's`);
    else assert.ok(![...ids.values()].includes(sk), `line ${i + 1}: a new connection has a new SKADDR`);
    ids.set(t.local, sk);
    assert.equal(row.slice(16), pyfmt(' %-5d %-10.10s %s%-15s %-5d %-15s %-5d %-11s -> %-11s ', p.pid, p.comm, '', la, lp, ra, rp, LINUX[t.from]!, LINUX[t.to]!) +
      `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`, `line ${i + 1}`);
    if (t.to === 'closed') last.delete(t.local); else last.set(t.local, t.ns);
  });
};

/** tcpretrans: `retrans` lists the frames tshark flags as (fast/spurious) retransmissions. */
export function tcpretrans(retrans: ReadonlySet<number>): BccCheck {
  return (out, c) => {
    const rows = body(out, ['Tracing retransmits ... Hit Ctrl-C to end', pyfmt('%-8s %-7s %-2s %-20s %1s> %-20s %-4s', 'TIME', 'PID', 'IP', 'LADDR:LPORT', 'T', 'RADDR:RPORT', 'STATE')]);
    const trans = timedTransitions(c.ref) ?? [];
    const want: string[] = [];
    for (const { l: s, dir } of firings(c.ref.tcp)) {
      if (dir !== 'send' || !retrans.has(s.frame)) continue;
      const local = `${s.src}:${s.sport}>${s.dst}:${s.dport}`;
      const before = trans.filter((t) => t.local === local && t.ns <= s.ns).at(-1);
      // A connection open before the capture started is ESTABLISHED (the provider's rule).
      const state = before === undefined ? 'ESTABLISHED' : LINUX[before.to]!;
      const p = proc(c, s.frame);
      want.push(pyfmt('%-8s %-7d %-2d %-20s %1s> %-20s %s', hms(c.ref.t0Ns + BigInt(s.ns)), p.pid, s.ver, `${s.src}:${s.sport}`, 'R', `${s.dst}:${s.dport}`, state));
    }
    assert.deepEqual(rows, want, 'one line per retransmitted segment');
  };
}

export const tcptop: BccCheck = (out, c) => {
  const interval = Number(c.args[0] ?? '1') || 1;
  const all = lines(out);
  assert.equal(all[0], `Tracing... Output every ${interval} secs. Hit Ctrl-C to end`);
  // Summaries: "", time, "", then tables; rebuilt per interval from the segments.
  const begin = c.ref.t0Ns + BigInt(c.ref.beginNs);
  const stepNs = interval * 1e9;
  interface Acc { rx: number; tx: number }
  const tables: Map<string, Acc>[] = [];
  const sent = new Map<string, number>();
  for (const { l: s, dir } of firings(c.ref.tcp)) {
    const n = payload(s);
    const k = Math.floor((s.ns - c.ref.beginNs) / stepNs);
    const [la, lp, ra, rp] = dir === 'send' ? [s.src, s.sport, s.dst, s.dport] : [s.dst, s.dport, s.src, s.sport];
    const conn = `${la}:${lp}>${ra}:${rp}`;
    if (dir === 'send') {
      const end = (s.seq + n + ((s.flags & (TH_SYN | TH_FIN)) !== 0 ? 1 : 0)) >>> 0;
      const prev = sent.get(conn);
      const fresh = prev === undefined || ((end - prev) | 0) > 0;
      if (fresh) sent.set(conn, end);
      if (!fresh || (s.flags & TH_RST) !== 0) continue;
    }
    if (n === 0) continue;
    const p = proc(c, s.frame);
    const key = `${s.ver}\t${p.pid}\t${p.comm}\t${la}:${lp}\t${ra}:${rp}`;
    const t = (tables[k] ??= new Map());
    const a = t.get(key) ?? { rx: 0, tx: 0 };
    if (dir === 'send') a.tx += n; else a.rx += n;
    t.set(key, a);
  }
  const summaries = Math.floor((c.ref.spanNs - c.ref.beginNs) / stepNs) + 1; // the ticks, and END's partial one
  const want: string[] = [];
  for (let k = 0; k < summaries; k++) {
    const at = k + 1 < summaries ? begin + BigInt((k + 1) * stepNs) : c.ref.t0Ns + BigInt(c.ref.spanNs);
    want.push('', hms(at), '');
    const t = [...(tables[k] ?? new Map<string, Acc>()).entries()].map(([key, a]) => ({ f: key.split('\t'), a }));
    for (const v of [4, 6]) {
      const rows = t.filter((r) => r.f[0] === String(v)).sort((x, y) => (y.a.rx + y.a.tx) - (x.a.rx + x.a.tx));
      if (rows.length === 0) continue;
      want.push(v === 4 ? pyfmt('%-7s %-12s %-21s %-21s %6s %6s', 'PID', 'COMM', 'LADDR', 'RADDR', 'RX_KB', 'TX_KB')
        : '\n' + pyfmt('%-7s %-12s %-32s %-32s %6s %6s', 'PID', 'COMM', 'LADDR6', 'RADDR6', 'RX_KB', 'TX_KB'));
      for (const r of rows) {
        want.push(pyfmt(v === 4 ? '%-7d %-12.12s %-21s %-21s %6d %6d' : '%-7d %-12.12s %-32s %-32s %6d %6d',
          Number(r.f[1]), r.f[2]!, r.f[3]!, r.f[4]!, Math.floor(r.a.rx / 1024), Math.floor(r.a.tx / 1024)));
      }
    }
  }
  const got = all.slice(1);
  while (got.length > 0 && got[got.length - 1] === '') got.pop();
  const w = want.join('\n').split('\n');
  while (w.length > 0 && w[w.length - 1] === '') w.pop();
  // Rows of equal totals may come in any order (bcc's sort is not stable across its dict either): compare each summary's rows as sets, in order of totals.
  assert.equal(got.length, w.length, 'the summaries have the lines tshark\'s segments give');
  const norm = (xs: string[]): string[] => {
    const res: string[] = [];
    let run: string[] = [];
    const flush = (): void => { res.push(...run.sort()); run = []; };
    for (const x of xs) { if (/^\d+ /.test(x)) run.push(x); else { flush(); res.push(x); } }
    flush();
    return res;
  };
  assert.deepEqual(norm(got), norm(w), 'the same rows per summary');
};
