/**
 * The commands `npm run bench` times, as a table: add a row to compare
 * another command on the same capture (e.g. a D script over it once the
 * engine exists). `argv` returns null when the tool is missing; the row is
 * then reported as skipped. `{file}` is the capture; stdout always goes to
 * /dev/null.
 */
export interface BenchContext {
  /** The capture under test. */
  file: string;
  /** node executable and the built CLI bundle. */
  node: string;
  cli: string;
  /** The bundled decode-only pass (bench/decode-only.ts) and read-only pass (bench/read-only.ts). */
  decodeOnly: string;
  readOnly: string;
  /** The preload that reports a Node process's peak RSS (bench/rss-hook.mjs). */
  rssHook: string;
  has(tool: string): boolean;
}

export interface BenchRow {
  /** Short name, also used by --only and by the targets. */
  name: string;
  /** What is run, for the table. */
  label: string;
  argv(c: BenchContext): string[] | null;
  /** A Node process: its peak RSS comes from the rss hook (exact), not /proc polling. */
  node?: boolean;
}

export const ROWS: BenchRow[] = [
  { name: 'cat', label: 'cat F > /dev/null', argv: (c) => ['cat', c.file] },
  { name: 'read', label: 'wiretrace read-only (capture reader alone)', node: true, argv: (c) => [c.node, '--import', c.rssHook, c.readOnly, c.file] },
  { name: 'decode', label: 'wiretrace decode-only (read + decode)', node: true, argv: (c) => [c.node, '--import', c.rssHook, c.decodeOnly, c.file] },
  { name: 'layers', label: 'wiretrace --layers -r F > /dev/null', node: true, argv: (c) => [c.node, '--import', c.rssHook, c.cli, '--layers', '-r', c.file] },
  { name: 'tcpdump', label: 'tcpdump -nn -r F > /dev/null', argv: (c) => (c.has('tcpdump') ? ['tcpdump', '-nn', '-r', c.file] : null) },
  { name: 'tshark', label: 'tshark -r F -T fields -e ip.src > /dev/null', argv: (c) => (c.has('tshark') ? ['tshark', '-r', c.file, '-T', 'fields', '-e', 'ip.src'] : null) },
];
