/**
 * The commands `npm run bench` times, as a table: add a row to compare
 * another command on the same capture. `argv` returns null when the tool is
 * missing; the row is then reported as skipped. `{file}` is the capture;
 * stdout goes to /dev/null, or to bench/out/<name>.out when `keepOutput` is
 * set (the end-to-end rows, whose outputs are compared once for agreement).
 * Pipelines run through `sh -c`, so their whole pipeline is timed.
 */
export interface BenchContext {
  /** The capture under test. */
  file: string;
  /** node executable and the built CLI bundle. */
  node: string;
  cli: string;
  /** The bundled decode-only pass (bench/decode-only.ts), read-only pass (bench/read-only.ts) and node's bare read loop (bench/node-read.ts). */
  decodeOnly: string;
  readOnly: string;
  nodeRead: string;
  /** The preload that reports a Node process's peak RSS (bench/rss-hook.mjs). */
  rssHook: string;
  /** samples/scripts, for the ipio-style row. */
  scripts: string;
  /** Four aggregation partials of the count script over F (made before the rows run), for the --merge row. */
  partials: string[];
  /** The capture's ESP key file (the ESP rows). */
  keys?: string;
  has(tool: string): boolean;
}

export interface BenchRow {
  /** Short name, also used by --only and by the targets. */
  name: string;
  /** What is run, for the table. */
  label: string;
  /** 'decode': the capture/decoding rows (issue 2); 'e2e': D scripts against the tools (issue 4); 'esp': ESP decryption's cost (issue 15); 'parallel': workers and partials (issue 14). */
  group: 'decode' | 'e2e' | 'esp' | 'parallel';
  argv(c: BenchContext): string[] | null;
  /** A Node process: its peak RSS comes from the rss hook (exact), not /proc polling. */
  node?: boolean;
  /** Keep stdout in bench/out/<name>.out (for the agreement check). */
  keepOutput?: boolean;
}

/** Shell-quotes one word for `sh -c`. */
export function sq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The per-source count one-liner of issue 4, verbatim. */
export const COUNT_SCRIPT = 'ip:::receive,ip:::send { @[args[2]->ip_saddr] = count(); }';

/** A tcp-provider aggregation (issue 14): bytes and a size distribution per remote endpoint. */
export const TCP_SCRIPT = 'tcp:::send,tcp:::receive { @b[args[3]->tcps_raddr, args[3]->tcps_rport] = sum(args[2]->ip_plength); @s[probename] = quantize(args[2]->ip_plength); }';

/** Worker counts the parallel rows compare (-x ncpu=N). */
export const WORKERS = [1, 2, 4];

/**
 * tcpdump -nn prints "IP a.b.c.d.port > ..." or "IP6 x::y.port > ..." for each
 * IP header it decodes (a tunnel's inner packet follows on the same line, or
 * on the next one for VXLAN). Count every such source, port stripped: the last
 * dot-component for IPv4 with five components, everything after the last dot
 * for IPv6. Output as `uniq -c` prints it.
 */
export const TCPDUMP_AWK = [
  '{ for (i = 1; i < NF; i++) if ($i == "IP" || $i == "IP6") { a = $(i + 1);',
  '    if ($i == "IP") { if (split(a, p, ".") == 5) a = p[1] "." p[2] "." p[3] "." p[4] }',
  '    else { d = index(a, "."); if (d > 0) a = substr(a, 1, d - 1) }',
  '    sub(/:$/, "", a); n[a]++ } }',
  'END { for (a in n) printf "%7d %s\\n", n[a], a }',
].join('\n');

const tool = (c: BenchContext, t: string, argv: string[]): string[] | null => (c.has(t) ? argv : null);

export const ROWS: BenchRow[] = [
  { name: 'cat', group: 'decode', label: 'cat F > /dev/null', argv: (c) => ['cat', c.file] },
  { name: 'node-read', group: 'decode', label: 'node reading F, nothing else (the floor)', node: true, argv: (c) => [c.node, '--import', c.rssHook, c.nodeRead, c.file] },
  { name: 'read', group: 'decode', label: 'wiretrace read-only (capture reader alone)', node: true, argv: (c) => [c.node, '--import', c.rssHook, c.readOnly, c.file] },
  { name: 'decode', group: 'decode', label: 'wiretrace decode-only (read + decode)', node: true, argv: (c) => [c.node, '--import', c.rssHook, c.decodeOnly, c.file] },
  { name: 'layers', group: 'decode', label: 'wiretrace --layers -r F > /dev/null', node: true, argv: (c) => [c.node, '--import', c.rssHook, c.cli, '--layers', '-r', c.file] },
  { name: 'tcpdump', group: 'decode', label: 'tcpdump -nn -r F > /dev/null', argv: (c) => tool(c, 'tcpdump', ['tcpdump', '-nn', '-r', c.file]) },
  { name: 'tshark', group: 'decode', label: 'tshark -r F -T fields -e ip.src > /dev/null', argv: (c) => tool(c, 'tshark', ['tshark', '-r', c.file, '-T', 'fields', '-e', 'ip.src']) },
  {
    name: 'count', group: 'e2e', node: true, keepOutput: true,
    label: `wiretrace -n '@[args[2]->ip_saddr] = count()' -r F`,
    argv: (c) => [c.node, '--import', c.rssHook, c.cli, '-n', COUNT_SCRIPT, '-r', c.file],
  },
  {
    // ip.src and ipv6.src: the D clause fires for IPv6 layers too (tab- and comma-separated occurrences split into lines).
    name: 'count-tshark', group: 'e2e', keepOutput: true,
    label: 'tshark -T fields -e ip.src -e ipv6.src | sort | uniq -c',
    argv: (c) => tool(c, 'tshark', ['sh', '-c', `tshark -r ${sq(c.file)} -T fields -e ip.src -e ipv6.src | tr '\\t,' '\\n\\n' | grep . | sort | uniq -c`]),
  },
  {
    name: 'count-tcpdump', group: 'e2e', keepOutput: true,
    label: 'tcpdump -nn -r F | awk (count sources)',
    argv: (c) => tool(c, 'tcpdump', ['sh', '-c', `tcpdump -nn -r ${sq(c.file)} 2>/dev/null | awk ${sq(TCPDUMP_AWK)}`]),
  },
  ...WORKERS.map((n): BenchRow => ({
    name: `count-w${n}`, group: 'parallel', node: true,
    label: `wiretrace -x ncpu=${n} -n '@[ip_saddr] = count()' -r F`,
    argv: (c) => [c.node, '--import', c.rssHook, c.cli, '-x', `ncpu=${n}`, '-n', COUNT_SCRIPT, '-r', c.file],
  })),
  ...WORKERS.map((n): BenchRow => ({
    name: `tcp-w${n}`, group: 'parallel', node: true,
    label: `wiretrace -x ncpu=${n} -n 'tcp:::{send,receive} @sum, @quantize' -r F`,
    argv: (c) => [c.node, '--import', c.rssHook, c.cli, '-x', `ncpu=${n}`, '-n', TCP_SCRIPT, '-r', c.file],
  })),
  {
    name: 'merge4', group: 'parallel', node: true,
    label: 'wiretrace --merge P1 P2 P3 P4 -n (the count script)',
    argv: (c) => [c.node, '--import', c.rssHook, c.cli, '--merge', ...c.partials, '-n', COUNT_SCRIPT],
  },
  {
    name: 'ipio', group: 'e2e', node: true,
    label: 'wiretrace -s samples/scripts/ipio.d -r F > /dev/null',
    argv: (c) => [c.node, '--import', c.rssHook, c.cli, '-s', `${c.scripts}/ipio.d`, '-r', c.file],
  },
];

/** ESP decryption's cost (issue 15): the same commands over bench/out/esp.pcap without and with its keys. */
export const ESP_ROWS: BenchRow[] = [
  { name: 'esp-layers', group: 'esp', node: true, label: 'wiretrace --layers -r E (ESP opaque)', argv: (c) => [c.node, '--import', c.rssHook, c.cli, '--layers', '-r', c.file] },
  { name: 'esp-layers-keys', group: 'esp', node: true, label: 'wiretrace --layers --esp-sa K -r E (decrypted)', argv: (c) => [c.node, '--import', c.rssHook, c.cli, '--layers', '--esp-sa', c.keys!, '-r', c.file] },
  { name: 'esp-count', group: 'esp', node: true, label: 'wiretrace -n count() -r E (ESP opaque)', argv: (c) => [c.node, '--import', c.rssHook, c.cli, '-n', COUNT_SCRIPT, '-r', c.file] },
  { name: 'esp-count-keys', group: 'esp', node: true, label: 'wiretrace -n count() --esp-sa K -r E (decrypted)', argv: (c) => [c.node, '--import', c.rssHook, c.cli, '--esp-sa', c.keys!, '-n', COUNT_SCRIPT, '-r', c.file] },
];
