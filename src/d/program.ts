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
import { formatDiagnostic, type DDiagnostic } from './diagnostics.ts';
import { parseProgram } from './parser.ts';
import { DEFAULT_TYPE_NAMES } from './lex/typenames.ts';
import { Compiler, type CompileEnv, type CompiledClause } from './compile/compiler.ts';
import { CompileError } from './check/errors.ts';
import { builtinTypes } from './types/builtins.ts';

export interface CompileOutcome {
  ok: boolean;
  compiler: Compiler;
  clauses: CompiledClause[];
  /** Per program: how many probes its clauses matched (dtrace's "matched N probes"). */
  matches: number[];
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
  const isTypeName = (n: string): boolean => DEFAULT_TYPE_NAMES.has(n) || types.lookupTypedef(n) !== undefined;
  for (const p of programs) {
    let text = p.text;
    if (opts.preprocess) {
      const r = opts.preprocess(p);
      if ('diagnostic' in r) return failWith(compiler, matches, p, r.diagnostic, opts.errtags);
      text = r.text;
    }
    const parsed = parseProgram(text, { program: p.name, isFile: p.kind === 'file', macroArgs: opts.macroArgs, isTypeName });
    if (parsed.diagnostics.length > 0) return failWith(compiler, matches, p, parsed.diagnostics[0]!, opts.errtags);
    const before = compiler.clauses.length;
    try {
      compiler.program(parsed.program);
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
      const loc = e.loc;
      const d: DDiagnostic = {
        severity: 'error', tag: e.tag, message: e.message, program: p.name,
        line: loc?.line ?? 0, column: loc?.column ?? 0,
      };
      if (loc?.endColumn !== undefined && loc.endLine === loc.line) d.endColumn = loc.endColumn;
      if (loc && loc.file !== p.name && loc.file !== '') d.file = loc.file;
      if (e.region !== undefined) d.region = e.region;
      return failWith(compiler, matches, p, d, opts.errtags);
    }
    let n = 0;
    for (let i = before; i < compiler.clauses.length; i++) n += compiler.clauses[i]!.probes.length;
    matches.push(n);
  }
  return { ok: true, compiler, clauses: compiler.clauses, matches };
}

function failWith(compiler: Compiler, matches: number[], p: ProgramText, d: DDiagnostic, errtags: boolean): CompileOutcome {
  const message = formatDiagnostic(d, p.name, p.kind, p, errtags);
  return { ok: false, compiler, clauses: compiler.clauses, matches, diagnostic: d, failed: p, message };
}
