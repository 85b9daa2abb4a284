/**
 * The front-to-back pipeline: preprocess (for -C) → parse → check and
 * compile to closures. All programs of one run (-s and -n, in order) share
 * one Compiler, as dtrace compiles them into one handle: globals declared in
 * the first are visible in the next.
 *
 * The result is either compiled clauses or the first diagnostic, with the
 * text dtrace(1) would print for it (without the "dtrace: " prefix).
 */
import type { ProgramText } from '../engine/api.ts';
import type * as A from './ast.ts';
import { formatDiagnostic, type DDiagnostic } from './diagnostics.ts';
import { parseProgram } from './parser.ts';
import { DEFAULT_TYPE_NAMES } from './lex/typenames.ts';
import { Compiler, type CompileEnv, type CompiledClause } from './compile/compiler.ts';
import { CompileError } from './check/errors.ts';
import { builtinTypes } from './types/builtins.ts';
import { createRegistry } from './types/probes.ts';
import { Runtime } from './runtime/state.ts';
import { ClauseOutput } from './runtime/output.ts';
import { AggStore } from './runtime/aggregate.ts';
import { AggBridge } from './compile/aggbridge.ts';
import { NET_TYPES_D, NET_TYPE_NAMES } from './headers/nettypes.ts';
import { BUILTIN_VARS } from './check/builtins.ts';

export interface CompileOutcome {
  ok: boolean;
  compiler: Compiler;
  clauses: CompiledClause[];
  /** Per program: how many probes its clauses matched (dtrace's "matched N probes"). */
  matches: number[];
  /** The parsed programs, in order (analyses that read the source, e.g. engine/parallel/plan.ts). */
  asts?: A.Program[];
  diagnostic?: DDiagnostic;
  /** The failing program, and the line dtrace prints (without "dtrace: "). */
  failed?: ProgramText;
  message?: string;
}

export interface PipelineOptions {
  macroArgs: readonly string[];
  errtags: boolean;
  /** -C: the preprocessor; returns the text or a diagnostic. */
  preprocess?: (p: ProgramText) => { text: string } | { diagnostic: DDiagnostic };
}

export function compilePrograms(programs: readonly ProgramText[], env: CompileEnv, opts: PipelineOptions): CompileOutcome {
  const compiler = new Compiler(env);
  const matches: number[] = [];
  const types = builtinTypes();
  const isBaseTypeName = (n: string): boolean => DEFAULT_TYPE_NAMES.has(n) || types.lookupTypedef(n) !== undefined;
  const isTypeName = (n: string): boolean => isBaseTypeName(n) || NET_TYPE_NAMES.includes(n);
  // The networking structs are there before every program, as dtrace's type libraries are.
  const net = parseProgram(NET_TYPES_D, { program: '<nettypes>', isFile: true, isTypeName: isBaseTypeName });
  compiler.program(net.program);
  compiler.pushTypeScope();
  const argref = env.opt('argref') !== undefined;
  const asts: A.Program[] = [];
  const defaultArgs = env.opt('defaultargs') !== undefined;
  for (const p of programs) {
    let text = p.text;
    if (opts.preprocess) {
      const r = opts.preprocess(p);
      if ('diagnostic' in r) return failWith(compiler, matches, p, r.diagnostic, opts.errtags);
      text = r.text;
    }
    const parsed = parseProgram(text, {
      program: p.name, isFile: p.kind === 'file', macroArgs: opts.macroArgs, isTypeName, argref, defaultArgs,
      ...(env.opt('pspec') !== undefined ? { pspec: true } : {}),
      checkOption: env.checkOption, isBuiltinIdent: (n) => BUILTIN_VARS.has(n),
    });
    // Deferred diagnostics (backquoted symbols) lose to the checker's own errors: dtrace meets them while cooking.
    const first = parsed.diagnostics[0];
    if (first !== undefined && first.deferred !== true) return failWith(compiler, matches, p, first, opts.errtags);
    // dt_compile: a translation unit with nothing in it (comments and pragmas only) is an error unless
    // -xempty; the lexer has reached the end, one line past the last newline.
    if (parsed.program.items.length === 0 && env.opt('empty') === undefined) {
      const line = text.split('\n').length;
      return failWith(compiler, matches, p, { severity: 'error', tag: 'D_EMPTY', message: 'empty D program translation unit', program: p.name, line, column: 0 }, opts.errtags);
    }
    const before = compiler.clauses.length;
    asts.push(parsed.program);
    compiler.arg0 = p.kind === 'file' ? p.name : 'dtrace';
    try {
      compiler.program(parsed.program);
      if (first !== undefined) return failWith(compiler, matches, p, first, opts.errtags);
    } catch (e) {
      if (!(e instanceof CompileError)) {
        // "Any script text, however broken, gives a compile error": a checker bug must not escape as an exception.
        const msg = e instanceof Error ? e.message : String(e);
        return failWith(compiler, matches, p, { severity: 'error', tag: 'D_UNKNOWN', message: `internal compiler error: ${msg}`, program: p.name, line: 0, column: 0 }, opts.errtags);
      }
      const loc = e.loc;
      const d: DDiagnostic = {
        severity: 'error', tag: e.tag, message: e.message, program: p.name,
        line: loc?.dnLine ?? loc?.line ?? 0, column: loc?.column ?? 0,
      };
      if (loc?.endColumn !== undefined && loc.endLine === loc.line) d.endColumn = loc.endColumn;
      if (loc && loc.file !== p.name && loc.file !== '') d.file = loc.file;
      if (e.region !== undefined) d.region = e.region;
      if (e.plain) d.plain = true;
      return failWith(compiler, matches, p, d, opts.errtags);
    }
    let n = 0;
    for (let i = before; i < compiler.clauses.length; i++) n += compiler.clauses[i]!.probes.length;
    matches.push(n);
  }
  return { ok: true, compiler, clauses: compiler.clauses, matches, asts };
}

function failWith(compiler: Compiler, matches: number[], p: ProgramText, d: DDiagnostic, errtags: boolean): CompileOutcome {
  const message = formatDiagnostic(d, p.name, p.kind, p, errtags);
  return { ok: false, compiler, clauses: compiler.clauses, matches, diagnostic: d, failed: p, message };
}

/**
 * Compile-only diagnostics for the editor: the first error dtrace would
 * report for `program` (empty when it compiles), with its tag and place.
 * Probes come from a fresh registry (the dtrace and profile providers plus
 * every provider module added so far); no clause runs.
 */
export function diagnose(program: ProgramText, opts: { macroArgs?: readonly string[]; allowZeroMatch?: boolean } = {}): DDiagnostic[] {
  const rt = new Runtime({ dynvarsize: 1 << 20, strsize: 256, nspec: 1, specsize: 32768 });
  const store = new AggStore();
  const opt = new Map<string, string | undefined>();
  const env: CompileEnv = {
    registry: createRegistry(), rt, out: new ClauseOutput(), aggs: new AggBridge(store, () => 256),
    macroArgs: opts.macroArgs ?? [], allowZeroMatch: opts.allowZeroMatch ?? false, destructive: false,
    opt: (n) => (opt.has(n) ? (opt.get(n) ?? '') : undefined),
    quiet: () => opt.has('quiet'),
    setopt: () => undefined, printa: () => '', clearAgg: () => undefined,
    pragmaOption: (n, v, loc) => {
      const err = validateOptionName(n);
      if (err) throw new CompileError('D_PRAGMA_OPTSET', `failed to set option '${n}': ${err}`, loc);
      opt.set(n, v);
    },
  };
  const res = compilePrograms([program], env, { macroArgs: opts.macroArgs ?? [], errtags: false });
  return res.diagnostic ? [res.diagnostic] : [];
}

/** Option names dtrace knows (the values are checked when the run applies them). */
function validateOptionName(n: string): string | undefined {
  return KNOWN_OPTIONS.has(n) ? undefined : 'Invalid option name';
}

const KNOWN_OPTIONS = new Set([
  'aggsize', 'bufsize', 'dynvarsize', 'specsize', 'strsize', 'scratchsize', 'aggrate', 'cleanrate', 'statusrate', 'switchrate', 'nspec', 'cpu',
  'jstackframes', 'jstackstrsize', 'stackframes', 'ustackframes', 'stackindent', 'aggsortkeypos', 'aggsortpos', 'quiet',
  'flowindent', 'rawbytes', 'aggsortkey', 'aggsortrev', 'aggpercpu', 'destructive', 'grabanon', 'temporal', 'aggzoom',
  'aggpack', 'agghist', 'bufpolicy', 'bufresize', 'zone', 'encoding', 'amin', 'argref', 'core', 'cpp', 'cpphdrs', 'cpppath', 'ctypes',
  'defaultargs', 'define', 'droptags', 'dtypes', 'empty', 'errtags', 'evaltime', 'incdir', 'iregs', 'kdefs', 'knodefs', 'late',
  'lazyload', 'ldpath', 'libdir', 'linkmode', 'linktype', 'nolibs', 'pgmax', 'pspec', 'stdc', 'strip', 'syslibdir', 'tree',
  'tregs', 'udefs', 'undef', 'unodefs', 'verbose', 'version', 'zdefs', 'debug', 'disasm', 'modpath', 'procfs',
  'ncpu', 'aggpartial', 'recfmt',
]);
