/**
 * `npm run bench -- --baseline DIR`: this checkout against another one (its
 * sources built the same way), on the rows that run wiretrace, to show what
 * a change costs. Both builds run alternately under the same load; each side
 * keeps its best CPU time; the ratio this/baseline is what to read (1.00:
 * no change; run-to-run noise on a shared machine is a few percent).
 */

import type { BenchRow } from './rows.ts';

/** The rows timed against the baseline build (rows.ts names), and those timed only here. */
export const BASELINE_ROWS = ['decode', 'layers', 'count', 'ipio', 'transport'];

export const BASELINE_EXTRA: BenchRow[] = [{
  // Every tcp/udp firing: the transport path (TCP connection tracking, the flow table).
  name: 'transport', group: 'e2e', node: true,
  label: `wiretrace -n 'tcp:::*,udp:::* { @[probename] = count(); }'`,
  argv: (c) => [c.node, '--import', c.rssHook, c.cli, '-n', 'tcp:::send,tcp:::receive,udp:::send,udp:::receive { @[probename] = count(); }', '-r', c.file],
}];

interface Side { seconds: number; cpu: number; status: number | null }

export function baselineTable(dir: string, rev: string, pairs: { label: string; now: Side; base: Side }[]): string[] {
  const lines = ['', `this build against the baseline ${dir} (${rev}), best of alternating runs`,
    `${'command'.padEnd(56)} ${'base cpu'.padStart(9)} ${'this cpu'.padStart(9)} ${'this/base'.padStart(10)} ${'wall'.padStart(7)}`];
  for (const p of pairs) {
    const bad = p.now.status !== 0 || p.base.status !== 0 ? '  (a run failed)' : '';
    lines.push(`${p.label.padEnd(56)} ${p.base.cpu.toFixed(2).padStart(9)} ${p.now.cpu.toFixed(2).padStart(9)} ${(p.now.cpu / p.base.cpu).toFixed(3).padStart(10)} ${(p.now.seconds / p.base.seconds).toFixed(3).padStart(7)}${bad}`);
  }
  return lines;
}
