/**
 * Runs the installed tshark over a capture file, for tests that check our
 * samples against an independent decoder. Tests skip (with a notice) when
 * tshark is absent.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export { requireTshark } from '../../test/tools.ts';

/** Preferences that make tshark verify every checksum it can. */
export const CHECKSUM_PREFS = [
  '-o', 'ip.check_checksum:TRUE',
  '-o', 'tcp.check_checksum:TRUE',
  '-o', 'udp.check_checksum:TRUE',
];

/**
 * `tshark -r file -T fields -e f1 -e f2 ...` as rows of columns. Multiple
 * occurrences of a field (nested IP layers) are joined with ','.
 */
export function tsharkFields(file: string, fields: string[], extra: string[] = []): string[][] {
  const args = ['-r', file, '-n', ...CHECKSUM_PREFS, ...extra, '-T', 'fields', '-E', 'separator=\t', '-E', 'occurrence=a', '-E', 'aggregator=,'];
  for (const f of fields) args.push('-e', f);
  const out = execFileSync('tshark', args, { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  return out.split('\n').filter((l) => l.length > 0).map((l) => l.split('\t'));
}

/** Writes bytes to a fresh temporary file and returns its path. */
export function tempFile(name: string, data: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'wiretrace-samples-'));
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
}

/** pcapng blocks via tshark's file-format dissector: DPEBs, ISBs and per-EPB Darwin options. */
export interface Blocks { procs: { pid: number; name: string }[]; isbStart: bigint[]; epbs: { pid: number; name: string; epid: number; ename: string }[] }
export function pcapngBlocks(file: string): Blocks {
  const out = execFileSync('tshark', ['-r', file, '-X', 'read_format:MIME Files Format', '-T', 'json', '--no-duplicate-keys'], { encoding: 'utf8', maxBuffer: 512 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  const list = (JSON.parse(out) as { _source: { layers: { 'file-pcapng': { 'pcapng.block': unknown[] } } } }[])[0]!._source.layers['file-pcapng']['pcapng.block'] as Record<string, unknown>[];
  const res: Blocks = { procs: [], isbStart: [], epbs: [] };
  const opts = (b: Record<string, unknown>): Record<string, string>[] => {
    const o = ((b['pcapng.block.data'] as Record<string, unknown>)['pcapng.options'] as Record<string, unknown> | undefined)?.['pcapng.options.option'];
    return (Array.isArray(o) ? o : o ? [o] : []) as Record<string, string>[];
  };
  for (const b of list) {
    const type = b['pcapng.block.type'];
    const data = b['pcapng.block.data'] as Record<string, string>;
    if (type === '0x80000001') {
      const name = opts(b).find((o) => o['pcapng.options.option.code'] === '2')?.['pcapng.darwin.process_name'] ?? '';
      res.procs.push({ pid: Number(data['pcapng.darwin.process_id']), name });
    } else if (type === '0x00000005') {
      if (res.epbs.length === 0) res.isbStart.push((BigInt(data['pcapng.timestamp_high']!) << 32n) | BigInt(data['pcapng.timestamp_low']!));
    } else if (type === '0x00000006') {
      const id = opts(b).find((o) => o['pcapng.options.option.code'] === '32769')?.['pcapng.options.option.data.packet.darwin.dpeb_id'];
      const eid = opts(b).find((o) => o['pcapng.options.option.code'] === '32771')?.['pcapng.options.option.data.packet.darwin.edpeb_id'];
      const p = id === undefined ? { pid: -1, name: '' } : res.procs[Number(id)]!;
      const e = eid === undefined ? { pid: -1, name: '' } : res.procs[Number(eid)]!;
      res.epbs.push({ pid: p.pid, name: p.name, epid: e.pid, ename: e.name });
    }
  }
  return res;
}
