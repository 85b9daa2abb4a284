/**
 * Reassembly against tshark's: tshark with IPv4/IPv6 defragmentation on
 * (two passes, so each reassembled datagram lists its fragments' frames)
 * says which datagrams a receiver can rebuild, in which frame, with which
 * lengths; wiretrace's tcp/udp firings must match — udp/tcp:::receive in
 * the frame completing the datagram, udp/tcp:::send in the frame of its first
 * fragment in the capture, ip_plength and udp_length (TCP: its payload) of
 * the whole.
 *
 * Where Linux decides differently from Wireshark, Linux wins and the test
 * says so: a datagram whose fragments span more than ipfrag_time (30 s)
 * times out (ipvN:::drop-in at its deadline) where tshark, which has no
 * timer, still rebuilds it. (Overlapping fragments with different bytes are
 * rebuilt by neither; exact duplicates by both.)
 *
 * Captures: the crafted fixture test/fixtures/captures/reasm-fragments.pcap
 * (test/fixtures/gen-fragments.ts; host 10.0.0.2 / 2001:db8::2) and the real
 * loopback sample samples/captures/udp-fragments-lo.pcap.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requireTshark } from './tshark.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin/wiretrace.mjs');
const TIMEOUT_NS = 30e9;

const FIELDS = [
  'frame.number', 'frame.time_epoch', 'frame.protocols', 'ip.src', 'ip.dst', 'ipv6.src', 'ipv6.dst', 'ip.len', 'ip.hdr_len', 'ipv6.plen',
  'ip.fragment', 'ipv6.fragment', 'ip.reassembled.length', 'ipv6.reassembled.length', 'udp.length', 'tcp.len', 'tcp.hdr_len',
] as const;

interface Expected { frame: number; probe: string; plen: number; ulen: number; why: string }

/** The transport firings a Linux receiver/sender would make, per tshark's reading (see the module comment). */
function expected(capture: string, local: (a: string) => boolean): { fire: Expected[]; expired: number[] } {
  const out = execFileSync('tshark', ['-2', '-r', capture, '-n', '-o', 'ip.defragment:TRUE', '-o', 'ipv6.defragment:TRUE',
    '-T', 'fields', '-E', 'separator=/t', '-E', 'occurrence=a', '-E', 'aggregator=,', ...FIELDS.flatMap((f) => ['-e', f])],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const times = new Map<number, bigint>();
  const fire: Expected[] = [];
  const expired: number[] = [];
  for (const line of out.split('\n')) {
    if (line === '') continue;
    const c = line.split('\t');
    const col = (f: (typeof FIELDS)[number]): string[] => { const v = c[FIELDS.indexOf(f)] ?? ''; return v === '' ? [] : v.split(','); };
    const frame = Number(c[0]);
    const [s, frac = ''] = c[1]!.split('.');
    times.set(frame, BigInt(s!) * 1_000_000_000n + BigInt((frac + '000000000').slice(0, 9)));
    const toks = c[2]!.split(':');
    const transport = toks.includes('udp') ? 'udp' : toks.includes('tcp') ? 'tcp' : '';
    if (transport === '') continue;
    const ips = toks.filter((t) => t === 'ip' || t === 'ipv6').length;
    const inner = toks.filter((t) => t === 'ip' || t === 'ipv6').at(-1)!;
    const v6 = toks.includes('ipv6') && toks[toks.indexOf('ipv6')]! === toks.find((t) => t === 'ip' || t === 'ipv6');
    const frags = [...col('ip.fragment'), ...col('ipv6.fragment')].map(Number);
    const reasm = [...col('ip.reassembled.length'), ...col('ipv6.reassembled.length')].map(Number)[0];
    let plen: number;
    if (ips > 1 || reasm === undefined) {
      plen = inner === 'ip' ? Number(col('ip.len').at(-1)) - Number(col('ip.hdr_len').at(-1)) : Number(col('ipv6.plen').at(-1));
    } else {
      plen = reasm;
    }
    const ulen = transport === 'udp' ? Number(col('udp.length').at(-1)) : Number(col('tcp.len').at(-1));
    const src = (v6 ? col('ipv6.src') : col('ip.src'))[0]!;
    const dst = (v6 ? col('ipv6.dst') : col('ip.dst'))[0]!;
    const first = frags.length > 0 ? Math.min(...frags) : frame;
    if (frags.length > 0) {
      const span = Number(times.get(frame)! - times.get(first)!);
      if (span > TIMEOUT_NS && local(dst)) { expired.push(first); continue; }
    }
    const why = `frame ${frame}${frags.length > 0 ? ` (fragments ${frags.join(',')})` : ''}`;
    if (local(src)) fire.push({ frame: first, probe: `${transport}:send`, plen, ulen, why });
    if (local(dst)) fire.push({ frame, probe: `${transport}:receive`, plen, ulen, why });
  }
  return { fire, expired };
}

const SCRIPT = `
udp:::send, udp:::receive { printf("%d udp:%s %d %d\\n", args[0]->pkt_addr, probename, args[2]->ip_plength, args[4]->udp_length); }
tcp:::send, tcp:::receive { printf("%d tcp:%s %d %d\\n", args[0]->pkt_addr, probename, args[2]->ip_plength, args[2]->ip_plength - args[4]->tcp_offset); }
ipv4:::drop-in, ipv6:::drop-in { printf("%d drop-in\\n", args[0]->pkt_addr); }
`;

function ours(capture: string, locals: string[]): string[] {
  const r = spawnSync(process.execPath, [BIN, '-q', '--no-infer-note', ...locals.flatMap((l) => ['--local', l]), '-n', SCRIPT, '-r', capture],
    { cwd: ROOT, encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout.split('\n').filter((l) => l !== '');
}

const CASES: { capture: string; locals: string[]; local: (a: string) => boolean }[] = [
  { capture: 'test/fixtures/captures/reasm-fragments.pcap', locals: ['10.0.0.2', '2001:db8::2'], local: (a) => a === '10.0.0.2' || a === '2001:db8::2' },
  { capture: 'samples/captures/udp-fragments-lo.pcap', locals: [], local: (a) => a === '127.0.0.1' || a === '::1' },
];

requireTshark();

describe('reassembly agrees with tshark\'s (ip.defragment on)', () => {
  for (const c of CASES) {
    it(c.capture.split('/').pop()!, () => {
      const want = expected(join(ROOT, c.capture), c.local);
      const got = ours(c.capture, c.locals);
      const fired = got.filter((l) => !l.includes('drop-in'));
      const key = (e: Expected): string => `${e.frame} ${e.probe} ${e.plen} ${e.ulen}`;
      // Same firings, each in the frame the kernel's order puts it (send: the first fragment; receive: the last).
      expect([...fired].sort()).toEqual(want.fire.map(key).sort());
      // What tshark rebuilds across more than 30 s, Linux drops: drop-in carries the first fragment's frame.
      for (const f of want.expired) expect(got).toContain(`${f} drop-in`);
      expect(want.fire.length).toBeGreaterThan(5);
    });
  }

  it('the fixture holds each case the reassembly rules name', () => {
    const want = expected(join(ROOT, CASES[0]!.capture), CASES[0]!.local);
    expect(want.expired).toEqual([32]); // 0x10c: its last fragments 31 s after the first
    expect(want.fire.filter((e) => e.probe === 'udp:send').map((e) => e.frame)).toEqual([38, 41]); // 0x10e's last fragment came first
  });
});
