/**
 * The compiler tells the engine what a program reads (tid/self->, stack()),
 * and the providers skip the rest. These run real programs end to end over a
 * crafted capture: every program that reads a value must still see it.
 */
import { describe, expect, it } from 'vitest';
import { eth, ipv4, udp } from '../../samples/gen/craft.ts';
import { bytesSource } from '../capture/sources.ts';
import { LOCAL_MAC, PEER_MAC, pcapng } from '../providers/test/harness.ts';
import { run } from './run.ts';

const A = '192.168.1.108', B = '192.168.1.109';
const pkt = (sp: number, dp: number, src = A, dst = B) => eth(LOCAL_MAC, PEER_MAC, ipv4({ src, dst }, udp({ sport: sp, dport: dp }, 'x')));
// Two flows: 1000<->53 (3 packets, both directions) and 1001->53 (1 packet).
const cap = pcapng([
  { data: pkt(1000, 53), dir: 'out' }, { data: pkt(53, 1000, B, A), dir: 'in' },
  { data: pkt(1001, 53), dir: 'out' }, { data: pkt(1000, 53), dir: 'out' },
]);

async function runOver(text: string): Promise<string> {
  let out = '';
  await run({
    programs: [{ name: 't.d', text, kind: 'file' }],
    captures: [bytesSource(cap, 'cap')],
    options: { quiet: true, locals: [A], quietInference: true },
    onEvent: (e) => { if (e.kind === 'text') out += e.text; },
  });
  return out;
}

describe('what a program reads is computed', () => {
  it('self-> follows a flow in both directions', async () => {
    const out = await runOver('ip:::send,ip:::receive { self->n++; } END { } ip:::send,ip:::receive /self->n == 3/ { printf("third packet of a flow\\n"); }');
    expect(out).toBe('third packet of a flow\n\n');
  });
  it('tid is one per flow', async () => {
    const out = await runOver('ip:::send,ip:::receive { @[tid] = count(); } END { printa("%@d\\n", @); }');
    expect(out.trim().split('\n').sort()).toEqual(['1', '3']);
  });
  it('stack() is the layer path, innermost first', async () => {
    const out = await runOver('ip:::send /++i == 1/ { stack(); }');
    expect(out.split('\n').map((l) => l.trim()).filter(Boolean)).toEqual(['UDP', 'IPv4', 'Ethernet']);
  });
  it('a program reading neither still counts every layer', async () => {
    const out = await runOver('ip:::send,ip:::receive { @c = count(); } END { printa("%@d\\n", @c); }');
    expect(out.trim()).toBe('4');
  });
});
