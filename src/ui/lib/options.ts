/**
 * The "dtrace options" field: the words a person would type between
 * `wiretrace` and the script (`-q -x strsize=64 -Z`, then macro arguments),
 * parsed by the CLI's own parser so the page and the command line agree.
 * Options that name files (-s, -r, -o, -I) make no sense here and are refused.
 */
import { parseArgs, UsageError } from '../../cli/args.ts';
import type { WireEngineOptions } from '../../engine/protocol.ts';

/** Splits like a shell would for simple input: whitespace, with '…' and "…" quoting. */
export function splitWords(s: string): string[] {
  const out: string[] = [];
  const re = /"((?:\\.|[^"\\])*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2] ?? m[3]!);
  return out;
}

export function joinWords(words: readonly string[]): string {
  return words.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `"${w.replace(/["\\]/g, '\\$&')}"`)).join(' ');
}

export type ParsedOptions = { ok: true; options: WireEngineOptions } | { ok: false; error: string };

export function parseOptions(text: string): ParsedOptions {
  try {
    const o = parseArgs(splitWords(text));
    if (o.programs.length || o.captures.length || o.outFile || o.includeDirs.length) {
      return { ok: false, error: 'use the editor for the script and Open capture for captures (-s, -n, -r, -o, -I are not available here)' };
    }
    const options: WireEngineOptions = {};
    if (o.quiet) options.quiet = true;
    if (o.cpp) options.cpp = true;
    if (o.defines.length) options.defines = o.defines;
    if (o.undefs.length) options.undefs = o.undefs;
    if (o.xopts.length) options.xopts = o.xopts;
    if (o.allowZeroMatch) options.allowZeroMatch = true;
    if (o.destructive) options.destructive = true;
    if (o.compileOnly) options.compileOnly = true;
    if (o.verbose) options.verbose = true;
    if (o.locals.length) options.locals = o.locals;
    if (o.macroArgs.length) options.macroArgs = o.macroArgs;
    return { ok: true, options };
  } catch (e) {
    return { ok: false, error: e instanceof UsageError ? e.message : String(e) };
  }
}
