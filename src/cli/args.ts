/**
 * dtrace(1)-style argument parsing, plus tcpdump's -r and wiretrace's own long
 * options. Short options cluster as getopt allows (`-qs x.d`, `-xerrtags`,
 * `-n'BEGIN{}'`); program sources (-s, -n) keep their order because dtrace
 * compiles them in the order given. Operands after the options are macro
 * arguments ($1, $2, ...).
 */

export type ProgramSource = { kind: 'file'; path: string } | { kind: 'inline'; text: string };

export interface CliOptions {
  programs: ProgramSource[];
  /** -r FILE (repeatable; '-' is standard input). */
  captures: string[];
  quiet: boolean;
  cpp: boolean;
  defines: [name: string, value: string | undefined][];
  undefs: string[];
  includeDirs: string[];
  /** -x OPT[=VAL], in order. */
  xopts: [name: string, value: string | undefined][];
  compileOnly: boolean;
  list: boolean;
  allowZeroMatch: boolean;
  destructive: boolean;
  outFile: string | undefined;
  /** --local ADDR|CIDR (repeatable). */
  locals: string[];
  /** --esp-sa FILE (repeatable): ESP keys (esp_sa lines or ip xfrm state output). */
  espSa: string[];
  /** --layers: print one TSV line per IP layer per frame instead of running a script. */
  layers: boolean;
  /** --no-infer-note: do not report the inferred local hosts on stderr. */
  quietInference: boolean;
  verbose: boolean;
  /** --merge FILE...: aggregation partials to merge (engine/partial). */
  merge: string[];
  help: boolean;
  version: boolean;
  macroArgs: string[];
}

export class UsageError extends Error {}

/** Short options taking an argument; the rest are flags. */
const WITH_ARG = new Set(['s', 'n', 'r', 'D', 'U', 'I', 'x', 'o', 'b', 'c', 'p', 'P', 'm', 'f', 'i', 'X']);
const FLAGS = new Set(['q', 'C', 'e', 'l', 'Z', 'w', 'v', 'V', 'h', 'a', 'A', 'F', 'G', 'H', 'S', 'L']);

export const USAGE = `Usage: %s [-qCelvVwZ] [-b bufsz] [-s script] [-n program] [-r capture] [-o output]
\t[-D name[=def]] [-U name] [-I path] [-x opt[=val]] [--local addr|cidr]
\t[--esp-sa keyfile] [--layers] [args ...]

\t-b  set trace buffer size
\t-C  run cpp(1) preprocessor on script files
\t-D  define symbol when invoking preprocessor
\t-e  exit after compiling request but prior to enabling probes
\t-I  add include directory to preprocessor search path
\t-l  list probes matching specified criteria
\t-n  enable or list probes matching the specified probe name
\t-o  set output file
\t-q  set quiet mode (only output explicitly traced data)
\t-r  read packets from a pcap or pcapng capture ('-' for standard input)
\t-s  enable or list probes for the specified D program
\t-U  undefine symbol when invoking preprocessor
\t-v  set verbose mode (report stability attributes, arguments)
\t-V  report DTrace API version
\t-w  permit destructive actions (accepted; they are still refused)
\t-x  enable or modify compiler and tracing options
\t-Z  permit probe descriptions that match zero probes
\t--local   the capturing host's address or network (repeatable)
\t--esp-sa  decrypt IPsec ESP with these keys: Wireshark esp_sa lines or
\t          ip xfrm state output (repeatable)
\t--layers  print one TSV line per IP layer per frame (see README)
`;

export function parseArgs(argv: readonly string[]): CliOptions {
  const o: CliOptions = {
    programs: [], captures: [], quiet: false, cpp: false, defines: [], undefs: [], includeDirs: [],
    xopts: [], compileOnly: false, list: false, allowZeroMatch: false, destructive: false,
    outFile: undefined, locals: [], espSa: [], layers: false, quietInference: false, verbose: false,
    help: false, version: false, macroArgs: [], merge: [],
  };
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { i++; break; }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const inlineVal = eq < 0 ? undefined : a.slice(eq + 1);
      const value = (): string => {
        if (inlineVal !== undefined) return inlineVal;
        if (i + 1 >= argv.length) throw new UsageError(`option requires an argument -- ${name}`);
        return argv[++i]!;
      };
      switch (name) {
        case 'local': o.locals.push(value()); break;
        case 'esp-sa': o.espSa.push(value()); break;
        case 'layers': o.layers = true; break;
        case 'merge':
          // --merge a.parquet b.parquet ... (the files up to the next option), or --merge=FILE (repeatable).
          if (inlineVal !== undefined) { o.merge.push(inlineVal); break; }
          if (i + 1 >= argv.length || argv[i + 1]!.startsWith('-')) throw new UsageError('option requires an argument -- merge');
          while (i + 1 < argv.length && !argv[i + 1]!.startsWith('-')) o.merge.push(argv[++i]!);
          break;
        case 'no-infer-note': o.quietInference = true; break;
        case 'help': o.help = true; break;
        case 'version': o.version = true; break;
        default: throw new UsageError(`illegal option -- ${name}`);
      }
      continue;
    }
    if (a.length < 2 || a[0] !== '-') break; // first operand: macro arguments start
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (WITH_ARG.has(c)) {
        let v: string;
        if (j + 1 < a.length) v = a.slice(j + 1);
        else if (i + 1 < argv.length) v = argv[++i]!;
        else throw new UsageError(`option requires an argument -- ${c}`);
        applyWithArg(o, c, v);
        break;
      }
      if (!FLAGS.has(c)) throw new UsageError(`illegal option -- ${c}`);
      applyFlag(o, c);
    }
  }
  o.macroArgs = argv.slice(i);
  return o;
}

function applyWithArg(o: CliOptions, c: string, v: string): void {
  switch (c) {
    case 's': o.programs.push({ kind: 'file', path: v }); break;
    case 'n': o.programs.push({ kind: 'inline', text: v }); break;
    case 'r': o.captures.push(v); break;
    case 'D': { const eq = v.indexOf('='); o.defines.push(eq < 0 ? [v, undefined] : [v.slice(0, eq), v.slice(eq + 1)]); break; }
    case 'U': o.undefs.push(v); break;
    case 'I': o.includeDirs.push(v); break;
    case 'x': {
      const eq = v.indexOf('=');
      o.xopts.push(eq < 0 ? [v, undefined] : [v.slice(0, eq), v.slice(eq + 1)]);
      break;
    }
    case 'o': o.outFile = v; break;
    // -b is the bufsize option (dtrace.c: dtrace_setopt(g_dtp, "bufsize", optarg)).
    case 'b': o.xopts.push(['bufsize', v]); break;
    default:
      // -c -p -P -m -f -i -X need a live kernel or processes.
      throw new UsageError(`option -${c} is not supported: wiretrace traces captures, not a live kernel`);
  }
}

function applyFlag(o: CliOptions, c: string): void {
  switch (c) {
    case 'q': o.quiet = true; break;
    case 'C': o.cpp = true; break;
    case 'e': o.compileOnly = true; break;
    case 'l': o.list = true; break;
    case 'Z': o.allowZeroMatch = true; break;
    case 'w': o.destructive = true; break;
    case 'v': o.verbose = true; break;
    case 'V': o.version = true; break;
    case 'h': o.help = true; break;
    default: break; // -a -A -F -G -H -S -L: accepted, no effect on captures
  }
}
