/**
 * The D versions of bcc's TCP tools (samples/scripts/tcpconnect.d ...): each
 * manifest entry's golden output (samples/expected/, which the CLI golden
 * test holds wiretrace to byte for byte) is checked here against tshark's
 * reading of the same capture (bcc.ts), so a golden can never just be
 * whatever wiretrace printed. The fragmented-UDP sample's golden is checked
 * the same way against tshark with reassembly on.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reference } from '../book/ref.ts';
import { type BccCheck, pyfmt, tcpaccept, tcpconnect, tcplife, tcpretrans, tcpstates, tcptop } from './bcc.ts';
import { pcapngBlocks, requireTshark, tsharkFields } from './tshark.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
interface Example { id: string; script: string; capture: string; args: string[]; expected: string | null; golden: boolean }
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

requireTshark();

describe('bcc tool goldens agree with tshark', { timeout: 120_000 }, () => {
  for (const [script, check] of TOOLS) {
    it(script, () => {
      const e = byScript(script);
      const cap = join(ROOT, e.capture);
      const golden = readFileSync(join(ROOT, e.expected!), 'utf8');
      check(cap)(golden, { ref: reference(cap), procs: pcapngBlocks(cap), args: e.args });
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
