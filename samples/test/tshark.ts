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
