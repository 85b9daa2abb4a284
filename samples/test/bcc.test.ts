/**
 * The D versions of bcc's TCP tools (samples/scripts/tcpconnect.d ...): each
 * manifest entry's golden output (samples/expected/, which the CLI golden
 * test holds wiretrace to byte for byte) is checked here against tshark's
 * reading of the same capture (bcc.ts), so a golden can never just be
 * whatever wiretrace printed. The fragmented-UDP sample's golden is checked
 * the same way against tshark with reassembly on.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reference } from '../book/ref.ts';
import { type BccCheck, pyfmt, tcpaccept, tcpconnect, tcplife, tcpretrans, tcpstates, tcptop } from './bcc.ts';
import { type Blocks, pcapngBlocks, requireTshark, tsharkFields } from './tshark.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
interface Example { id: string; script: string; capture: string; options: string[]; args: string[]; expected: string | null; golden: boolean }
const manifest = JSON.parse(readFileSync(join(ROOT, 'samples/manifest.json'), 'utf8')) as { examples: Example[] };
const byScript = (s: string): Example => {
  const e = manifest.examples.find((x) => x.script === `samples/scripts/${s}` && x.golden);
  if (e === undefined) throw new Error(`no golden manifest entry for ${s}`);
  return e;
};

/** Frames tshark's TCP analysis flags as retransmissions (plain, fast or spurious). */
function retransmissions(capture: string): Set<number> {
  const rows = tsharkFields(capture, ['frame.number'], ['-Y', 'tcp.analysis.retransmission or tcp.analysis.fast_retransmission or tcp.analysis.spurious_retransmission']);
  return new Set(rows.map((r) => Number(r[0])));
}

/** Header lines each tool prints before its events. */
const HEADER: Record<string, number> = { 'tcpconnect.d': 2, 'tcpaccept.d': 1, 'tcplife.d': 1, 'tcpstates.d': 1, 'tcpretrans.d': 2, 'tcptop.d': 1 };

const TOOLS: [string, (capture: string) => BccCheck][] = [
  ['tcpconnect.d', () => tcpconnect],
  ['tcpaccept.d', () => tcpaccept],
  ['tcplife.d', () => tcplife],
  ['tcpstates.d', () => tcpstates],
  ['tcpretrans.d', (cap) => tcpretrans(retransmissions(cap))],
  ['tcptop.d', () => tcptop],
];

describe('pyfmt formats as Python\'s % does', () => {
  it('widths, left alignment, precision, zero padding, hex', () => {
    expect(pyfmt('%-6d|%6d|%-5.3s|%02d|%x|%-4x|%s%%', 42, 7, 'abcdef', 5, 255, 10, 'z')).toBe('42    |     7|abc  |05|ff|a   |z%');
  });
});

/** The capturing host's addresses an entry names with --local (for a capture that states no directions). */
const locals = (e: Example): string[] => e.options.flatMap((o, i) => (e.options[i - 1] === '--local' ? [o] : []));
/** Process information: a pcapng's blocks; a pcap has none (pid 0, execname ""). */
const procs = (cap: string): Blocks => (cap.endsWith('.pcapng') ? pcapngBlocks(cap) : { procs: [], isbStart: [], epbs: [] });

requireTshark();

describe('bcc tool goldens agree with tshark', { timeout: 120_000 }, () => {
  const entries = manifest.examples.filter((x) => x.golden && TOOLS.some(([s]) => x.script === `samples/scripts/${s}`));
  it('every tool has goldens on the generated tcpsnoop or demo capture and on the real lossy one', () => {
    for (const [script] of TOOLS) {
      const caps = entries.filter((x) => x.script === `samples/scripts/${script}`).map((x) => x.capture.split('/').pop());
      expect(caps, script).toContain('tcp-lossy-veth.pcap');
      expect(caps.length, script).toBeGreaterThanOrEqual(2);
    }
  });
  for (const e of entries) {
    const script = e.script.split('/').pop()!;
    it(`${script} on ${e.capture.split('/').pop()}`, () => {
      const check = TOOLS.find(([s]) => s === script)![1];
      const cap = join(ROOT, e.capture);
      const golden = readFileSync(join(ROOT, e.expected!), 'utf8');
      expect(golden.split('\n').filter((l) => l.trim() !== '').length, 'the golden shows events').toBeGreaterThan(HEADER[script]!);
      check(cap)(golden, { ref: reference(cap, locals(e)), procs: procs(cap), args: e.args });
    });
  }

  /*
   * The other sample captures, with no golden: whatever the tools print must
   * be tshark's view too (an empty list where the capture has no such
   * events). The state-following tools need every connection to start inside
   * the capture, so mid-stream ones (the blog and Prototype #2 scenes) run
   * only the tools that do not.
   */
  const UNSEEN: [string, string[]][] = [
    ['accept-queue.pcapng', TOOLS.map(([s]) => s)],
    ['accept-ssh.pcapng', ['tcpaccept.d', 'tcpstates.d']],
    ['demo-mixed.pcapng', TOOLS.map(([s]) => s).filter((s) => s !== 'tcpretrans.d')],
    ['proto2-tcp-closed-out.pcapng', TOOLS.map(([s]) => s)],
    ['blog-ip_whosent.pcapng', ['tcpconnect.d', 'tcptop.d']],
  ];
  for (const [capture, scripts] of UNSEEN) {
    it(`the six tools on ${capture}: ${scripts.join(', ')}`, () => {
      const cap = join(ROOT, 'samples/captures', capture);
      for (const script of scripts) {
        const r = spawnSync(process.execPath, [join(ROOT, 'bin/wiretrace.mjs'), '-s', `samples/scripts/${script}`, '-r', cap, '--no-infer-note'],
          { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
        expect(r.stderr, script).toBe('');
        expect(r.status, script).toBe(0);
        TOOLS.find(([s]) => s === script)![1](cap)(r.stdout, { ref: reference(cap), procs: procs(cap), args: [] });
      }
    });
  }

  it('udp_fragments.d: one udp:::send at the first fragment and one udp:::receive at the last, with tshark\'s reassembled lengths', () => {
    const e = byScript('udp_fragments.d');
    const golden = readFileSync(join(ROOT, e.expected!), 'utf8').split('\n');
    const cap = join(ROOT, e.capture);
    const out = execFileSync('tshark', ['-2', '-r', cap, '-n', '-o', 'ip.defragment:TRUE', '-o', 'ipv6.defragment:TRUE', '-T', 'fields',
      '-E', 'separator=/t', '-E', 'occurrence=a', '-E', 'aggregator=,', '-e', 'frame.number', '-e', 'ip.fragment', '-e', 'ipv6.fragment',
      '-e', 'udp.length', '-e', 'ip.len', '-e', 'ip.hdr_len', '-e', 'ipv6.plen'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const want: string[] = [];
    const ipLines: string[] = [];
    for (const l of out.split('\n').filter((x) => x !== '')) {
      const [f, f4, f6, ulen, len, hl, plen] = l.split('\t');
      const frags = `${f4}${f6}`.split(',').filter((x) => x !== '').map(Number);
      const first = frags.length > 0 ? Math.min(...frags) : Number(f);
      if (ulen) want.push(`${first} udp:send ${ulen}`, `${f} udp:receive ${ulen}`);
      const pl = len ? Number(len) - Number(hl) : Number(plen);
      ipLines.push(`${f} ip:send ${pl}`, `${f} ip:receive ${pl}`);
    }
    const rows = golden.slice(1).filter((l) => l.trim() !== '').map((l) => l.trim().split(/\s+/));
    const udp = rows.filter((r) => r[1]!.startsWith('udp:')).map((r) => `${r[0]} ${r[1]} ${r.at(-1)}`);
    expect(udp.sort()).toEqual(want.sort());
    expect(rows.filter((r) => r[1]!.startsWith('ip:')).map((r) => `${r[0]} ${r[1]} ${r[4]}`)).toEqual(ipLines);
    // The kernel's order within a datagram's frames: udp:send before the first ip:send, udp:receive after the last ip:receive.
    const order = rows.map((r) => `${r[0]} ${r[1]}`);
    for (const w of want) {
      const [fr, probe] = w.split(' ');
      const i = order.indexOf(`${fr} ${probe}`);
      if (probe === 'udp:send') expect(order[i + 1]).toBe(`${fr} ip:send`);
      else expect(order[i - 1]).toBe(`${fr} ip:receive`);
    }
  });
});

/**
 * The real capture against tshark's own summaries, with no model of TCP in
 * between: connections from its SYNs, retransmissions from its TCP analysis,
 * lifetimes from its conversation statistics (`-z conv,tcp`).
 */
describe('the real lossy capture: the tools\' totals are tshark\'s', { timeout: 120_000 }, () => {
  const entry = (tool: string): Example => manifest.examples.find((x) => x.id === `bcc-${tool}-lossy`)!;
  const cap = join(ROOT, entry('tcplife').capture);
  const local = new Set(locals(entry('tcplife')));
  const rows = (tool: string, header: number): string[][] =>
    readFileSync(join(ROOT, entry(tool).expected!), 'utf8').split('\n').slice(header).filter((l) => l !== '').map((l) => l.trim().split(/\s+/));
  /** tshark's SYNs (no ACK), one per stream: [stream, source, destination port]. */
  const syns = (): [string, string, string][] => {
    const seen = new Map<string, [string, string, string]>();
    for (const [stream, s4, s6, dport] of tsharkFields(cap, ['tcp.stream', 'ip.src', 'ipv6.src', 'tcp.dstport'], ['-Y', 'tcp.flags.syn == 1 && tcp.flags.ack == 0'])) {
      if (!seen.has(stream!)) seen.set(stream!, [stream!, s4 || s6!, dport!]);
    }
    return [...seen.values()];
  };

  it('tcpconnect: one line per connection tshark sees the host open (its SYNs), tcpaccept one per connection opened to it', () => {
    const out = syns().filter(([, src]) => local.has(src)).map(([, , dport]) => dport);
    const inn = syns().filter(([, src]) => !local.has(src));
    expect(out.length).toBeGreaterThanOrEqual(5);
    expect(rows('tcpconnect', 2).map((r) => r.at(-1))).toEqual(out);
    expect(rows('tcpaccept', 1).length).toBe(inn.length);
    expect(inn.length).toBeGreaterThan(0);
  });

  it('tcpretrans: as many lines as segments the host sent that tshark flags as retransmissions', () => {
    const sent = tsharkFields(cap, ['ip.src', 'ipv6.src'], ['-Y', 'tcp.analysis.retransmission or tcp.analysis.fast_retransmission'])
      .filter(([s4, s6]) => local.has(s4 || s6!));
    expect(sent.length).toBeGreaterThan(10);
    expect(rows('tcpretrans', 2).length).toBe(sent.length);
  });

  it('tcplife: one line per conversation, each lifespan within the handshake of tshark\'s conversation duration', () => {
    const conv = execFileSync('tshark', ['-r', cap, '-n', '-q', '-z', 'conv,tcp'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n').filter((l) => l.includes('<->')).map((l) => {
        const f = l.trim().split(/\s+/);
        return { a: f[0]!, b: f[2]!, ms: Number(f.at(-1)) * 1000 };
      });
    // The handshake time of each stream (SYN to the ACK of the SYN-ACK), keyed by its two ends.
    const rtt = new Map<string, number>();
    for (const [s4, d4, s6, d6, sp, dp, r] of tsharkFields(cap, ['ip.src', 'ip.dst', 'ipv6.src', 'ipv6.dst', 'tcp.srcport', 'tcp.dstport', 'tcp.analysis.initial_rtt'], ['-Y', 'tcp.analysis.initial_rtt'])) {
      const k = [`${s4 || s6}:${sp}`, `${d4 || d6}:${dp}`].sort().join(' ');
      if (!rtt.has(k)) rtt.set(k, Number(r) * 1000);
    }
    const life = rows('tcplife', 1);
    expect(life.length).toBe(conv.length);
    for (const r of life) {
      // PID COMM? LADDR LPORT RADDR RPORT TX_KB RX_KB MS (COMM is empty in a pcap)
      const [la, lp, ra, rp, , , ms] = r.slice(-7);
      const k = [`${la}:${lp}`, `${ra}:${rp}`].sort().join(' ');
      const c = conv.find((x) => [x.a, x.b].sort().join(' ') === k);
      expect(c, k).toBeDefined();
      // conv is printed to 0.1 ms, MS to 0.01 ms: allow their rounding.
      const gap = c!.ms - Number(ms);
      expect(gap, k).toBeGreaterThanOrEqual(-0.06);
      expect(gap, k).toBeLessThanOrEqual((rtt.get(k) ?? 0) + 0.06);
    }
  });
});
