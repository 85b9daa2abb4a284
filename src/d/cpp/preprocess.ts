/**
 * The C preprocessor dtrace runs for -C, in-process.
 *
 * Passes over each file: (1) a `#!` first line of the main file is blanked
 * (dt_preproc starts cpp after it); (2) comments become white space, their
 * newlines kept; (3) line by line, backslash-newline joins lines, directives
 * run (#define, #undef, #include, #if/#ifdef/#ifndef/#elif/#else/#endif with
 * defined() and full constant expressions, #line, #error, #warning), and
 * runs of ordinary lines are macro-expanded as one block (so function-like
 * macro calls may span lines).
 *
 * Invariant: line N of a file's text is line N of the output while in that
 * file. Directive lines and skipped lines become empty lines (a spliced line
 * is followed by the empty lines it absorbed); an #include is replaced by
 * `# 1 "path"` + the file + `# N "parent"`, the markers dtrace's lexer
 * reads as #line (a main-file marker uses "/dev/fd/0", which dt_pragma_line
 * maps back to "no file name", as cpp's output of dtrace's stdin is).
 * `#pragma`, `#line` and `#ident` are passed through for the D lexer.
 *
 * Errors: like GCC's cpp (which dtrace runs, with the program on standard
 * input), an error in a directive is reported and preprocessing goes on; a
 * missing #include is fatal. The messages, cpp style ("/dev/stdin:16:
 * error: unterminated #if"), go in `preface`; dtrace then fails with
 * EDT_CPPERR, "Preprocessor failed to process input program", which has no
 * tag and no line.
 */
import { SourceTooLarge } from '../limits.ts';
import type { DDiagnostic } from '../diagnostics.ts';
import { BUILTIN_HEADERS, builtinHeaderPath } from '../headers/index.ts';
import { evalIfExpr } from './ifexpr.ts';
import { Expander, ExpandError, type MacroDef } from './macro.ts';
import { detokenize, stripComments, tokenize, type PPToken } from './pptokens.ts';

export interface CppOptions {
  /** The main program's name (the -s path); used for messages and "" includes. */
  program?: string;
  /** -D NAME[=VAL], in order (a missing value means 1). */
  defines?: readonly [string, string | undefined][];
  /** -U NAME */
  undefs?: readonly string[];
  /** -I DIR, in order. */
  includeDirs?: readonly string[];
  /** Reads a file for #include; undefined when there is no such file (or no file system). */
  readInclude?: (path: string) => string | undefined;
  /** Header texts found by name when no file matches (default: BUILTIN_HEADERS). */
  headers?: Readonly<Record<string, string>>;
}

export interface CppResult {
  text: string;
  diagnostics: DDiagnostic[];
}

/** The macros dtrace's cpp is given on illumos/amd64 (dt_open.c, dt_cc.c dt_preproc). */
export const PREDEFINED: readonly [string, string][] = [
  ['__sun', '1'], ['__unix', '1'], ['__SVR4', '1'], ['__SUNW_D', '1'], ['__SUNW_D_64', '1'],
  ['__SunOS_5_11', '1'], ['__amd64', '1'], ['__x86', '1'], ['_LP64', '1'], ['__LP64__', '1'],
  ['__STDC__', '1'], ['__SUNW_D_VERSION', '0x0100d000'],
];

const MAIN_MARKER = '/dev/fd/0';
const MAX_INCLUDE_DEPTH = 200;

/** A fatal error: preprocessing stops (GCC's "fatal error", e.g. a missing #include). */
class CppFatal {
  constructor(readonly message: string) {}
}

/** An error in one directive or block: reported, then preprocessing goes on, as GCC's cpp does. */
class CppError {
  constructor(readonly message: string, readonly notes: readonly [number, string][] = []) {}
}

interface Cond { active: boolean; taken: boolean; sawElse: boolean; line: number; kind: string }

function defineFromCommandLine(name: string, value: string | undefined): string {
  return `${name} ${value === undefined ? '1' : value}`;
}

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i + 1);
}

export class Preprocessor {
  private readonly macros = new Map<string, MacroDef>();
  private readonly out: string[] = [];
  private readonly warnings: DDiagnostic[] = [];
  private readonly program: string;
  private curFile = '';
  private curLine = 0;
  private curIsMain = true;
  /** cpp's messages, as it prints them. */
  private readonly errors: string[] = [];
  private firstErrorLine = 0;
  private firstErrorFile: string | undefined;
  private readonly expander: Expander;

  constructor(private readonly opts: CppOptions) {
    this.program = opts.program ?? '';
    this.expander = new Expander(this.macros, (name) => {
      if (name === '__LINE__') return { kind: 'num', text: String(this.curLine) };
      if (name === '__FILE__') return { kind: 'str', text: JSON.stringify(this.curFile) };
      return undefined;
    });
    for (const [n, v] of PREDEFINED) this.define(`${n} ${v}`);
    for (const [n, v] of opts.defines ?? []) {
      try {
        this.define(defineFromCommandLine(n, v));
      } catch (e) {
        if (!(e instanceof CppError)) throw e;
        this.errors.push(`<command-line>: error: ${e.message}`);
        this.firstErrorLine = 1;
      }
    }
    for (const n of opts.undefs ?? []) this.macros.delete(n);
  }

  run(src: string): CppResult {
    try {
      this.processFile(src, this.program, MAIN_MARKER, 0);
    } catch (e) {
      if (!(e instanceof CppFatal)) throw e;
      this.message('fatal error', e.message);
      this.errors.push('compilation terminated.');
    }
    if (this.errors.length === 0) return { text: this.out.join(''), diagnostics: this.warnings };
    const d: DDiagnostic = {
      severity: 'error', tag: '', message: 'Preprocessor failed to process input program',
      program: this.program, line: this.firstErrorLine, column: 0, plain: true, preface: this.errors.join('\n'),
    };
    if (this.firstErrorFile !== undefined) d.file = this.firstErrorFile;
    return { text: '', diagnostics: [...this.warnings, d] };
  }

  /** The name cpp prints for the current file: dtrace feeds the main program on standard input. */
  private label(): string { return this.curIsMain ? '/dev/stdin' : this.curFile; }

  private message(kind: string, message: string, line = this.curLine): void {
    if (this.errors.length === 0) {
      this.firstErrorLine = Math.max(1, line);
      if (!this.curIsMain) this.firstErrorFile = this.curFile;
    }
    this.errors.push(`${this.label()}:${line}: ${kind}: ${message}`);
  }

  private record(e: CppError): void {
    this.message('error', e.message);
    for (const [line, note] of e.notes) this.message('error', note, line);
  }

  private fail(message: string, notes: readonly [number, string][] = []): never {
    throw new CppError(message, notes);
  }

  private define(text: string): void {
    const toks = tokenize(text);
    let i = 0;
    while (i < toks.length && toks[i]!.kind === 'ws') i++;
    const nameTok = toks[i];
    if (nameTok === undefined || nameTok.kind === 'nl') throw new CppError('no macro name given in #define directive');
    if (nameTok.kind !== 'id') throw new CppError('macro names must be identifiers');
    if (nameTok.text === 'defined') throw new CppError('"defined" cannot be used as a macro name');
    i++;
    let params: string[] | null = null;
    let variadic = false;
    if (toks[i]?.text === '(') {
      params = [];
      i++;
      for (;;) {
        while (toks[i]?.kind === 'ws') i++;
        const t = toks[i];
        if (t === undefined) throw new CppError('missing \')\' in macro parameter list');
        if (t.text === ')' && params.length === 0 && !variadic) { i++; break; }
        if (t.text === '...') { variadic = true; i++; }
        else if (t.kind === 'id') { params.push(t.text); i++; }
        else throw new CppError(`expected parameter name, found "${t.text}"`);
        while (toks[i]?.kind === 'ws') i++;
        const sep = toks[i];
        if (sep?.text === ')') { i++; break; }
        if (sep?.text !== ',' || variadic) throw new CppError('expected \',\' or \')\' in macro parameter list');
        i++;
      }
    }
    const body = toks.slice(i);
    while (body.length && body[0]!.kind === 'ws') body.shift();
    while (body.length && body[body.length - 1]!.kind === 'ws') body.pop();
    if (body.length && body[0]!.text === '##') throw new CppError('\'##\' cannot appear at either end of a macro expansion');
    if (body.length && body[body.length - 1]!.text === '##') throw new CppError('\'##\' cannot appear at either end of a macro expansion');
    this.macros.set(nameTok.text, { name: nameTok.text, params, variadic, body });
  }

  private expandText(text: string): string {
    try {
      return detokenize(this.expander.expand(tokenize(text)));
    } catch (e) {
      if (!(e instanceof ExpandError)) throw e;
      if (e.message === 'macro expansion too large') throw new CppFatal(e.message);
      this.fail(e.message);
    }
  }

  private processFile(src: string, name: string, marker: string, depth: number): void {
    const saveFile = this.curFile;
    const saveLine = this.curLine;
    const saveMain = this.curIsMain;
    this.curFile = name;
    this.curIsMain = depth === 0;
    if (depth === 0 && src.startsWith('#!')) {
      const nl = src.indexOf('\n');
      src = nl < 0 ? '' : src.slice(nl);
    }
    const stripped = stripComments(src);
    if (stripped.unterminatedLine > 0) { this.curLine = stripped.unterminatedLine; this.record(new CppError('unterminated comment')); }
    const lines = stripped.text.split('\n');
    const conds: Cond[] = [];
    const active = (): boolean => conds.length === 0 || conds[conds.length - 1]!.active;
    let block: string[] = [];
    let blockLine = 1;
    const flush = (): void => {
      if (block.length === 0) return;
      this.curLine = blockLine;
      const text = block.join('\n');
      let expanded = text;
      try {
        expanded = this.expandText(text);
      } catch (e) {
        if (!(e instanceof CppError)) throw e;
        this.record(e);
      }
      this.out.push(expanded + '\n');
      block = [];
    };
    let i = 0;
    while (i < lines.length) {
      // A final newline leaves an empty last element: it is not a line.
      if (i === lines.length - 1 && lines[i] === '') break;
      let line = lines[i]!;
      let extra = 0;
      while (line.endsWith('\\') && i + extra + 1 < lines.length) {
        line = line.slice(0, -1) + lines[i + extra + 1]!;
        extra++;
      }
      const lineNo = i + 1;
      const m = /^[ \t\f\v\r]*#[ \t\f\v\r]*([A-Za-z_]\w*|\d+)?(.*)$/.exec(line);
      if (m) {
        flush();
        this.curLine = lineNo;
        const dir = m[1] ?? '';
        const rest = m[2] ?? '';
        let pass: string | undefined | null;
        try {
          pass = this.directive(dir, rest, line, conds, active, depth, name, marker, lineNo);
        } catch (e) {
          if (!(e instanceof CppError)) throw e;
          this.record(e);
          pass = undefined;
        }
        if (pass !== null) this.out.push((pass ?? '') + '\n');
        for (let k = 0; k < extra; k++) this.out.push('\n');
      } else if (active()) {
        if (block.length === 0) blockLine = lineNo;
        block.push(line);
        for (let k = 0; k < extra; k++) block.push('');
      } else {
        flush();
        for (let k = 0; k <= extra; k++) this.out.push('\n');
      }
      i += 1 + extra;
    }
    flush();
    for (let k = conds.length - 1; k >= 0; k--) { this.curLine = conds[k]!.line; this.record(new CppError(`unterminated #${conds[k]!.kind}`)); }
    this.curFile = saveFile;
    this.curLine = saveLine;
    this.curIsMain = saveMain;
  }

  /**
   * Runs one directive. Returns the text to put in the output in place of
   * the line (for #pragma/#line/#ident), undefined for an empty line, or
   * null when the directive wrote its own lines (#include's markers).
   */
  private directive(
    dir: string, rest: string, line: string, conds: Cond[], active: () => boolean,
    depth: number, name: string, marker: string, lineNo: number,
  ): string | undefined | null {
    const parentActive = (): boolean => conds.length < 2 || conds[conds.length - 2]!.active;
    switch (dir) {
      case 'if':
      case 'ifdef':
      case 'ifndef': {
        if (!active()) { conds.push({ active: false, taken: true, sawElse: false, line: lineNo, kind: dir }); return undefined; }
        const c: Cond = { active: false, taken: false, sawElse: false, line: lineNo, kind: dir };
        conds.push(c);
        let v: boolean;
        if (dir === 'if') v = this.evalIf(rest);
        else {
          const id = rest.trim().split(/\s+/)[0] ?? '';
          if (!/^[A-Za-z_$][\w$]*$/.test(id)) this.fail(id === '' ? `no macro name given in #${dir} directive` : 'macro names must be identifiers');
          v = this.macros.has(id) === (dir === 'ifdef');
        }
        c.active = c.taken = v;
        return undefined;
      }
      case 'elif': {
        const c = conds[conds.length - 1];
        if (c === undefined) this.fail('#elif without #if');
        if (c.sawElse) this.fail('#elif after #else', [[c.line, 'the conditional began here']]);
        c.kind = 'elif';
        if (c.taken || !parentActive()) { c.active = false; return undefined; }
        c.active = this.evalIf(rest);
        c.taken = c.active;
        return undefined;
      }
      case 'else': {
        const c = conds[conds.length - 1];
        if (c === undefined) this.fail('#else without #if');
        if (c.sawElse) this.fail('#else after #else', [[c.line, 'the conditional began here']]);
        c.sawElse = true;
        // GCC names the last directive of the group, at the line that opened it.
        c.kind = 'else';
        c.active = !c.taken && parentActive();
        c.taken = true;
        return undefined;
      }
      case 'endif':
        if (conds.length === 0) this.fail('#endif without #if');
        conds.pop();
        return undefined;
    }
    if (!active()) return undefined;
    switch (dir) {
      case '':
        return undefined;
      case 'define':
        this.define(rest);
        return undefined;
      case 'undef': {
        const id = rest.trim();
        if (!/^[A-Za-z_$][\w$]*$/.test(id)) this.fail(id === '' ? 'no macro name given in #undef directive' : 'macro names must be identifiers');
        this.macros.delete(id);
        return undefined;
      }
      case 'include':
        this.include(rest, depth, name, marker, lineNo);
        return null;
      case 'line':
        return `#line ${this.expandText(rest).trim()}`;
      case 'pragma':
      case 'ident':
        return line.trim();
      case 'error':
        return this.fail(`#error ${rest.trim()}`);
      case 'warning':
        this.warnings.push({
          severity: 'warning', tag: '', message: `#warning ${rest.trim()}`, program: this.program,
          line: lineNo, column: 0, plain: true, preface: `${this.label()}:${lineNo}: warning: #warning ${rest.trim()}`,
        });
        return undefined;
      default:
        if (/^\d+$/.test(dir)) return line.trim();
        this.fail(`invalid preprocessing directive #${dir}`);
    }
    return undefined;
  }

  private evalIf(rest: string): boolean {
    // `defined X` and `defined(X)` are decided before macro expansion.
    const toks = tokenize(rest);
    const pre: PPToken[] = [];
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.kind === 'id' && t.text === 'defined') {
        let j = i + 1;
        while (toks[j]?.kind === 'ws') j++;
        let paren = false;
        if (toks[j]?.text === '(') { paren = true; j++; while (toks[j]?.kind === 'ws') j++; }
        const id = toks[j];
        if (id === undefined || id.kind !== 'id') this.fail('operator "defined" requires an identifier');
        if (paren) {
          j++;
          while (toks[j]?.kind === 'ws') j++;
          if (toks[j]?.text !== ')') this.fail('missing \')\' after "defined"');
        }
        pre.push({ kind: 'num', text: this.macros.has(id.text) ? '1' : '0' });
        i = j;
        continue;
      }
      pre.push(t);
    }
    let expanded: PPToken[];
    try {
      expanded = this.expander.expand(pre);
    } catch (e) {
      if (!(e instanceof ExpandError)) throw e;
      this.fail(e.message);
    }
    const r = evalIfExpr(expanded);
    if ('error' in r) this.fail(r.error);
    return r.value;
  }

  private include(rest: string, depth: number, name: string, marker: string, lineNo: number): void {
    let spec = rest.trim();
    if (!/^(".*"|<.*>)/.test(spec)) spec = this.expandText(spec).trim();
    const m = /^"([^"]*)"|^<([^>]*)>/.exec(spec);
    if (!m) this.fail('#include expects "FILENAME" or <FILENAME>');
    const quoted = m[1] !== undefined;
    const file = (m[1] ?? m[2])!;
    if (file === '') this.fail('empty filename in #include');
    if (depth + 1 > MAX_INCLUDE_DEPTH) throw new CppFatal('#include nested depth 200 exceeds maximum of 200');
    const found = this.findInclude(file, quoted, name);
    if (found === undefined) throw new CppFatal(`${file}: No such file or directory`);
    this.out.push(`# 1 "${found.path}"\n`);
    this.processFile(found.text, found.path, found.path, depth + 1);
    this.out.push(`# ${lineNo + 1} "${marker}"\n`);
  }

  private findInclude(file: string, quoted: boolean, from: string): { path: string; text: string } | undefined {
    const read = this.opts.readInclude;
    const candidates: string[] = [];
    if (file.startsWith('/')) candidates.push(file);
    else {
      if (quoted) candidates.push(dirname(from) + file);
      for (const d of this.opts.includeDirs ?? []) candidates.push(d.endsWith('/') ? d + file : `${d}/${file}`);
    }
    if (read) {
      for (const c of candidates) {
        let text: string | undefined;
        try {
          text = read(c);
        } catch (e) {
          // A bounded reader refused the file (/dev/zero, a FIFO that never ends): a fatal error naming it.
          if (e instanceof SourceTooLarge) throw new CppFatal(`${c}: ${e.message}`);
          throw e;
        }
        if (text !== undefined) return { path: c, text };
      }
    }
    const headers = this.opts.headers ?? BUILTIN_HEADERS;
    const key = file.startsWith('/usr/include/') ? file.slice('/usr/include/'.length) : file;
    const h = Object.prototype.hasOwnProperty.call(headers, key) ? headers[key] : undefined;
    if (h !== undefined) return { path: builtinHeaderPath(key), text: h };
    return undefined;
  }
}

/** Preprocesses a -C program. Never throws. */
export function preprocess(src: string, opts: CppOptions = {}): CppResult {
  try {
    return new Preprocessor(opts).run(src);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      text: '',
      diagnostics: [{
        severity: 'error', tag: '', message: 'Preprocessor failed to process input program',
        program: opts.program ?? '', line: 1, column: 0, plain: true, preface: `internal error: ${message}`,
      }],
    };
  }
}
