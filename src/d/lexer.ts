/**
 * The D lexer, after illumos dt_lex.l.
 *
 * Passes and states. The parser pulls one token at a time and says which
 * start state to lex it in, as dtrace's grammar does with yybegin():
 *
 *  - S2, the outer scope: probe descriptions (`ip:::send`, `tick-1sec`,
 *    `syscall::open*:entry`, with globs and `-`) are one PSPEC token;
 *    keywords that begin a declaration, `{`, `/`, `,` and integers (probe
 *    IDs) are tokens of their own. A description without `:` whose text up
 *    to the first `*` is a type name is a type (`int*x;`), unless the
 *    program came from -n (C_PSPEC).
 *  - S0, clauses and expressions: C-like tokens; a `/` followed (after
 *    white space) by end of input, `;`, `{` or `/` closes a predicate
 *    (EPRED), any other `/` divides. An identifier that names a type is a
 *    TNAME unless it is a known variable or is followed by `++ -- [ =`
 *    (id_or_type), which lets assignments create variables named like types.
 *  - S1 comments and S3 control lines are handled inside the skipping of
 *    white space: `#` at the start of a line (after blanks) begins a control
 *    line, run by lex/pragma.ts; `#!` lines are discarded. `//` comments are
 *    accepted as Oracle's D 2.0 accepts them.
 *
 * Invariants: the lexer never throws. Each error is reported once, with
 * dtrace's tag and words, and the token it concerns is marked `bad` so the
 * parser does not report a second "syntax error" for it. A NUL character
 * ends the input, as dtrace's input() does. Scanning is by character codes
 * (no regular expressions), linear in the input.
 *
 * Line numbers are dtrace's yylineno: physical lines, reset by `#line`.
 */
import type { Pragma, IntSuffix } from './ast.ts';
import type { ErrTag } from './diagnostics.ts';
import { S0_KEYWORDS, S2_KEYWORDS, TYPE_KEYWORDS, type LexMode, type Token } from './lex/tokens.ts';
import { unescapeBytes, unescapeString } from './lex/escapes.ts';
import { runControlLine, type CtlItem } from './lex/pragma.ts';
import { DEFAULT_TYPE_NAMES } from './lex/typenames.ts';

/** After these id_or_type returns before it peeks (pcb_sou_type, pcb_sou_deref). */
const SOU_OR_DEREF: ReadonlySet<string> = new Set(['struct', 'union', 'enum', '.', '->']);

export type { Token, LexMode } from './lex/tokens.ts';

export interface LexerOptions {
  /** Name used in spans (the -s path or the -n text). */
  program?: string;
  /** -n programs: ambiguous outer-scope text is always a probe description (DTRACE_C_PSPEC). */
  pspec?: boolean;
  /** Type names known before the program (default: DEFAULT_TYPE_NAMES). */
  isTypeName?: (name: string) => boolean;
  /** Macro arguments after the options ($1...). When given, references past them are errors. */
  macroArgs?: readonly string[];
  /** -xdefaultargs: unset macro arguments are 0 / "". */
  defaultArgs?: boolean;
  hasProvider?: (name: string) => boolean;
  /**
   * Validates `#pragma D option name[=value]` as dtrace_setopt would, at the
   * pragma (dtrace sets options while lexing): returns dtrace's error text
   * ("Invalid option name", "Invalid value for specified option"...) or
   * undefined when the option is fine. Without it, options are only recorded.
   */
  checkOption?: (name: string, value: string | undefined) => string | undefined;
  /** Whether a name is a global dtrace defines itself (timestamp, execname...), for #pragma's scope check. */
  isBuiltinIdent?: (name: string) => boolean;
  /**
   * Whether a name is in dtrace's global identifier table (built-in variables and functions):
   * id_or_type does not peek after those. Defaults to isBuiltinIdent.
   */
  isGlobalIdent?: (name: string) => boolean;
  /** Receives each error; `token` is the token it concerns, if any. */
  onError?: (tag: ErrTag, message: string, line: number, column: number, endColumn: number | undefined, file: string | undefined) => void;
}

/** Macro variables dtrace defines ($pid, $target...; dt_open.c _dtrace_macros). */
const MACRO_VARS: ReadonlySet<string> = new Set([
  'egid', 'euid', 'gid', 'pid', 'pgid', 'ppid', 'projid', 'sid', 'target', 'taskid', 'uid',
]);

const MAX_U64 = (1n << 64n) - 1n;

function isIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 96;
}
function isIdChar(c: number): boolean {
  return isIdStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean { return c >= 48 && c <= 57; }
function isHex(c: number): boolean { return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70); }
/** [\f\n\r\t\v ] */
function isWs(c: number): boolean { return c === 32 || (c >= 9 && c <= 13); }
/** [\f\t\v ] (blanks allowed before # of a control line) */
function isBlank(c: number): boolean { return c === 32 || c === 9 || c === 11 || c === 12; }
/** RGX_PSPEC first character: [-$:a-zA-Z_.?*\\\[\]!] */
function isPspecStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 45 || c === 36 || c === 58 ||
    c === 46 || c === 63 || c === 42 || c === 92 || c === 91 || c === 93 || c === 33;
}
/** RGX_PSPEC other characters: the above plus digits and backquote. */
function isPspecChar(c: number): boolean { return isPspecStart(c) || isDigit(c) || c === 96; }

interface IntScan { value: bigint; suffix: IntSuffix; radix: 8 | 10 | 16; error?: [ErrTag, string] }

/** strtoull(text, &p, 0) plus dt_lex.l's checks on what follows. `text` matches RGX_INT. */
export function scanInt(text: string): IntScan {
  let i = 0;
  let base = 10;
  if (text.charCodeAt(0) === 48) {
    const c1 = text.charCodeAt(1) | 0x20;
    if (c1 === 120 && isHex(text.charCodeAt(2))) { base = 16; i = 2; } else base = 8;
  }
  const b = BigInt(base);
  let v = 0n;
  let overflow = false;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let d: number;
    if (isDigit(c)) d = c - 48;
    else if (base === 16 && isHex(c)) d = (c | 0x20) - 87;
    else break;
    if (d >= base) break;
    // Once past 2^64 the value is not needed (only the end of the digits is): a million-digit
    // constant is then scanned in linear time, not multiplied out.
    if (overflow) continue;
    v = v * b + BigInt(d);
    if (v > MAX_U64) overflow = true;
  }
  const rest = text.slice(i);
  const suffix = rest.toLowerCase().replace(/[^ul]/g, '') as string;
  const norm: IntSuffix = suffix === 'u' || suffix === 'l' || suffix === 'ul' || suffix === 'll' || suffix === 'ull' ? suffix : '';
  const radix: 8 | 10 | 16 = text.charCodeAt(0) !== 48 ? 10 : base === 16 ? 16 : 8;
  const r: IntScan = { value: overflow ? MAX_U64 : v, suffix: norm, radix };
  if (overflow) r.error = ['D_INT_OFLOW', `constant ${text} results in integer overflow`];
  else if (rest !== '' && 'uUlL'.indexOf(rest[0]!) < 0) r.error = ['D_INT_DIGIT', `constant ${text} contains invalid digit ${rest[0]}`];
  return r;
}

interface Saved { pos: number; line: number; lineStart: number; file: string | undefined; parens: number; brackets: number; braces: number }

export class Lexer {
  readonly src: string;
  readonly program: string;
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private file: string | undefined;
  private parens = 0;
  private brackets = 0;
  private braces = 0;
  private readonly end: number;
  private readonly opts: LexerOptions;
  /** Names lexed as identifiers by id_or_type's guess, and declared variables (pcb_idents, pcb_globals). */
  readonly knownIdents = new Set<string>();
  /** See identOrType: the last identifier was followed by nothing but blanks. */
  private peekedToEnd = false;
  /** Typedef names declared by the program. */
  readonly typeNames = new Set<string>();
  readonly pragmas: Pragma[] = [];
  readonly options: [string, string | undefined][] = [];
  /** `#pragma D attributes/binding` targets, checked against the program's names when it has been read. */
  readonly deferredPragmas: { name: string; pragma: string; line: number; column: number; file: string | undefined }[] = [];
  /** Globals the program has declared so far (declarations, inlines): pcb_globals. */
  readonly declared = new Set<string>();
  /** Macro argument numbers referenced ($N, $$N, also inside probe descriptions). */
  readonly argRefs = new Set<number>();
  /** -xdefaultargs / -xargref, which `#pragma D option` can also set while the program is read (dt_opt_cflags). */
  defaultArgs: boolean;
  argref = false;
  /** DTRACE_C_PSPEC: outer-scope text is always a probe description (-n programs, -xpspec, the pragma). */
  pspec: boolean;
  /** State before the last token, for re-lexing it in another mode. */
  private saved: Saved | undefined;

  constructor(src: string, opts: LexerOptions = {}) {
    this.src = src;
    const z = src.indexOf('\0');
    this.end = z >= 0 ? z : src.length;
    this.opts = opts;
    this.program = opts.program ?? '';
    this.defaultArgs = opts.defaultArgs ?? false;
    this.pspec = opts.pspec ?? false;
  }

  isTypeName(name: string): boolean {
    if (this.typeNames.has(name)) return true;
    return this.opts.isTypeName ? this.opts.isTypeName(name) : DEFAULT_TYPE_NAMES.has(name);
  }

  /** Resets the () [] {} balance counters (after error recovery). */
  resetBalance(): void { this.parens = 0; this.brackets = 0; this.braces = 0; }

  /** Moves back to the start of `tok` so it can be lexed again (in another mode). */
  rewind(tok: Token): void {
    const s = this.saved;
    if (s === undefined || s.pos !== tok.start) return;
    this.pos = s.pos; this.line = s.line; this.lineStart = s.lineStart; this.file = s.file;
    this.parens = s.parens; this.brackets = s.brackets; this.braces = s.braces;
  }

  get currentLine(): number { return this.line; }

  private error(tag: ErrTag, message: string, line: number, column: number, endColumn?: number): void {
    this.opts.onError?.(tag, message, line, column, endColumn, this.file);
  }

  private tok(kind: string, start: number, line: number, column: number): Token {
    return { kind, text: this.src.slice(start, this.pos), start, end: this.pos, line, column, file: this.file };
  }

  private bad(t: Token, tag: ErrTag, message: string): Token {
    t.bad = true;
    this.error(tag, message, t.errLine ?? t.line, t.column, t.column + (t.end - t.start));
    return t;
  }

  private newline(at: number): void {
    this.line++;
    this.lineStart = at + 1;
  }

  /** Skips white space, comments, `#!` lines and control lines. Returns false at end of input. */
  private skipTrivia(mode: LexMode): void {
    const s = this.src;
    let bol = this.pos === 0 || s.charCodeAt(this.pos - 1) === 10;
    while (this.pos < this.end) {
      const c = s.charCodeAt(this.pos);
      if (c === 10) { this.newline(this.pos); this.pos++; bol = true; continue; }
      if (isBlank(c)) { this.pos++; continue; }
      if (c === 13) { this.pos++; bol = false; continue; }
      if (c === 35 /* # */ && bol) {
        if (s.charCodeAt(this.pos + 1) === 33 /* ! */) {
          while (this.pos < this.end && s.charCodeAt(this.pos) !== 10) this.pos++;
        } else {
          this.controlLine();
        }
        bol = this.pos === 0 || s.charCodeAt(this.pos - 1) === 10;
        continue;
      }
      if (c === 47 /* / */ && s.charCodeAt(this.pos + 1) === 42 /* * */) {
        this.comment();
        bol = false;
        continue;
      }
      if (c === 47 && s.charCodeAt(this.pos + 1) === 47) {
        // `//` comments, as Oracle's D 2.0 lexer accepts them (illumos reads "/ /").
        while (this.pos < this.end && s.charCodeAt(this.pos) !== 10) this.pos++;
        continue;
      }
      if (c === 92 /* \ */ && mode === 'S0' && s.charCodeAt(this.pos + 1) === 10) {
        this.pos++;
        this.newline(this.pos);
        this.pos++;
        bol = true;
        continue;
      }
      return;
    }
  }

  /** S1: from `/*` to `*\/`. */
  private comment(): void {
    const s = this.src;
    this.pos += 2;
    while (this.pos < this.end) {
      const c = s.charCodeAt(this.pos);
      if (c === 42 && s.charCodeAt(this.pos + 1) === 47) { this.pos += 2; return; }
      if (c === 47 && s.charCodeAt(this.pos + 1) === 42) {
        this.error('D_SYNTAX', '/* encountered inside a comment', this.line, this.pos - this.lineStart + 1);
        this.pos += 2;
        continue;
      }
      if (c === 10) this.newline(this.pos);
      this.pos++;
    }
    this.error('D_SYNTAX', 'end-of-file encountered before matching */', this.line, this.pos - this.lineStart + 1);
  }

  /** S3: a control line starting at `#`. Collects words, integers and strings, then runs it. */
  private controlLine(): void {
    const s = this.src;
    const dline = this.line;
    const dcol = this.pos - this.lineStart + 1;
    const start = this.pos;
    this.pos++; // '#'
    const items: CtlItem[] = [];
    let ok = true;
    for (;;) {
      if (this.pos >= this.end) {
        this.error('D_SYNTAX', 'end-of-file encountered before end of control line', this.line, this.pos - this.lineStart + 1);
        return;
      }
      const c = s.charCodeAt(this.pos);
      if (c === 10) break;
      if (isBlank(c)) { this.pos++; continue; }
      if (c === 34 /* " */) {
        const st = this.pos;
        this.pos++;
        while (this.pos < this.end) {
          const d = s.charCodeAt(this.pos);
          if (d === 34 || d === 10) break;
          if (d === 92 && this.pos + 1 < this.end && s.charCodeAt(this.pos + 1) !== 10) this.pos++;
          this.pos++;
        }
        if (this.pos >= this.end || s.charCodeAt(this.pos) !== 34) {
          if (ok) this.error('D_STR_NL', 'newline encountered in string literal', this.line, st - this.lineStart + 1);
          ok = false;
          continue;
        }
        this.pos++;
        items.push({ kind: 'string', text: unescapeString(s.slice(st + 1, this.pos - 1)) });
        continue;
      }
      const st = this.pos;
      while (this.pos < this.end) {
        const d = s.charCodeAt(this.pos);
        if (d === 10 || d === 34 || isBlank(d)) break;
        this.pos++;
      }
      let word = s.slice(st, this.pos);
      // A CRLF file leaves \r on the last word; dtrace would keep it, which helps nobody.
      if (word.endsWith('\r')) word = word.slice(0, -1);
      if (word === '') continue;
      const intLen = this.intLength(st);
      if (intLen === this.pos - st || (intLen > 0 && intLen === word.length)) {
        const r = scanInt(word);
        if (r.error && ok) { this.error(r.error[0], r.error[1], this.line, st - this.lineStart + 1); ok = false; }
        items.push({ kind: 'int', text: word, value: r.value });
      } else {
        items.push({ kind: 'ident', text: word });
      }
    }
    // At the newline: dtrace has already counted it, and reports at the directive's line.
    this.newline(this.pos);
    this.pos++;
    if (!ok || items.length === 0) return;
    const span = {
      file: this.file ?? this.program, line: dline, column: dcol, endLine: dline,
      endColumn: dcol + (this.pos - 1 - start), start, end: this.pos - 1,
    };
    let pragma: Pragma | undefined;
    if (items[0]!.kind === 'ident' && items[0]!.text === 'pragma') {
      pragma = { kind: 'Pragma', words: items.slice(1).map((i) => i.text), loc: span };
      this.pragmas.push(pragma);
    }
    runControlLine(items, {
      report: (tag, message) => this.error(tag, message, dline, dcol),
      setLine: (n, file) => {
        this.line = n;
        if (file === null) this.file = undefined;
        else if (file !== undefined) this.file = file;
      },
      option: (name, value) => {
        const err = this.opts.checkOption?.(name, value);
        if (err !== undefined) {
          this.error('D_PRAGMA_OPTSET', value === undefined
            ? `failed to set option '${name}': ${err}`
            : `failed to set option '${name}' to '${value}': ${err}`, dline, dcol);
          return;
        }
        this.options.push([name, value]);
        if (pragma) pragma.option = { name, value };
        if (name === 'defaultargs') this.defaultArgs = true;
        if (name === 'argref') this.argref = true;
        if (name === 'pspec') this.pspec = true;
      },
      hasProvider: this.opts.hasProvider,
      defer: (name, prname) => {
        if (this.declared.has(name)) return; // applies to a definition already made
        if (this.opts.isBuiltinIdent?.(name)) {
          this.error('D_PRAGMA_SCOPE', `#pragma ${prname} cannot modify entity defined outside program scope`, dline, dcol);
          return;
        }
        this.deferredPragmas.push({ name, pragma: prname, line: dline, column: dcol, file: this.file });
      },
    });
  }

  /** Length of the RGX_INT match at `p` (0 if none). */
  private intLength(p: number): number {
    const s = this.src;
    const st = p;
    if (!isDigit(s.charCodeAt(p))) return 0;
    if (s.charCodeAt(p) === 48 && (s.charCodeAt(p + 1) | 0x20) === 120 && isHex(s.charCodeAt(p + 2))) {
      p += 2;
      while (p < this.end && isHex(s.charCodeAt(p))) p++;
    } else {
      while (p < this.end && isDigit(s.charCodeAt(p))) p++;
    }
    if ((s.charCodeAt(p) | 0x20) === 117) p++;
    if ((s.charCodeAt(p) | 0x20) === 108) { p++; if ((s.charCodeAt(p) | 0x20) === 108) p++; }
    return p - st;
  }

  /** Length of the RGX_FP match at `p` (0 if none). */
  private floatLength(p: number): number {
    const s = this.src;
    const st = p;
    if (isDigit(s.charCodeAt(p))) {
      while (p < this.end && isDigit(s.charCodeAt(p))) p++;
      if (s.charCodeAt(p) === 46) p++;
      while (p < this.end && isDigit(s.charCodeAt(p))) p++;
    } else if (s.charCodeAt(p) === 46 && isDigit(s.charCodeAt(p + 1))) {
      p++;
      while (p < this.end && isDigit(s.charCodeAt(p))) p++;
    } else return 0;
    if ((s.charCodeAt(p) | 0x20) === 101) {
      let q = p + 1;
      if (s.charCodeAt(q) === 43 || s.charCodeAt(q) === 45) q++;
      if (isDigit(s.charCodeAt(q))) {
        while (q < this.end && isDigit(s.charCodeAt(q))) q++;
        p = q;
      }
    }
    const f = s.charCodeAt(p) | 0x20;
    if (f === 102 || f === 108) p++;
    return p - st;
  }

  /** The kind of the token lexed last (id_or_type does not peek after struct/union/enum, `.` or `->`). */
  private prevKind = '';
  /** Brace depth of the typedef declaration being lexed, or -1. */
  private typedefBraces = -1;
  /**
   * Names id_or_type interned in pcb_idents after its peek saw an assignment, `[`, `;` or `,`
   * follow them: later it no longer peeks after them.
   */
  private readonly peekedIdents = new Set<string>();

  /** The next token, lexed in start state `mode`. */
  next(mode: LexMode): Token {
    this.skipTrivia(mode);
    this.saved = {
      pos: this.pos, line: this.line, lineStart: this.lineStart, file: this.file,
      parens: this.parens, brackets: this.brackets, braces: this.braces,
    };
    const start = this.pos;
    const line = this.line;
    const column = start - this.lineStart + 1;
    if (start >= this.end) {
      const t = this.tok('EOF', start, line, column);
      t.text = '';
      if (mode !== 'S2' && this.peekedToEnd) t.nulEof = true;
      return t;
    }
    const t = mode === 'S2' ? this.lexS2(start, line, column) : this.lexS0(start, line, column);
    this.prevKind = t.kind;
    // A typedef declaration's own names are not interned as identifiers (id_or_type's DT_DC_TYPEDEF test).
    if (t.kind === 'typedef') this.typedefBraces = this.braces;
    else if (t.kind === ';' && this.braces === this.typedefBraces) this.typedefBraces = -1;
    return t;
  }

  private lexInt(start: number, line: number, column: number, len: number): Token {
    this.pos = start + len;
    const t = this.tok('INT', start, line, column);
    const r = scanInt(t.text);
    t.value = r.value; t.suffix = r.suffix; t.radix = r.radix;
    if (r.error) this.bad(t, r.error[0], r.error[1]);
    return t;
  }

  private lexS2(start: number, line: number, column: number): Token {
    const s = this.src;
    const c = s.charCodeAt(start);
    if (isDigit(c)) return this.lexInt(start, line, column, this.intLength(start));
    if (c === 123) { this.pos++; this.braces++; return this.tok('{', start, line, column); }
    if (c === 47) { this.pos++; return this.tok('/', start, line, column); }
    if (c === 44) { this.pos++; return this.tok(',', start, line, column); }
    if (!isPspecStart(c)) return this.badChar(start, line, column);
    let p = start + 1;
    while (p < this.end && isPspecChar(s.charCodeAt(p))) p++;
    this.pos = p;
    const text = s.slice(start, p);
    if (S2_KEYWORDS.has(text)) return this.tok(text, start, line, column);
    if (!this.pspec && text.indexOf(':') < 0) {
      // "int*x;" and "foo_t *p;" begin declarations: resolve towards the type.
      const star = text.indexOf('*');
      const head = star > 0 ? text.slice(0, star) : text;
      if (this.isTypeName(head) || TYPE_KEYWORDS.has(head)) {
        this.pos = start + head.length;
        if (S2_KEYWORDS.has(head)) return this.tok(head, start, line, column);
        const t = this.tok('TNAME', start, line, column);
        t.str = head;
        return t;
      }
    }
    const t = this.tok('PSPEC', start, line, column);
    t.str = text;
    if (text.indexOf('$') >= 0) {
      for (const m of text.matchAll(/\$(\d+)/g)) this.argRefs.add(Number(m[1]));
    }
    return t;
  }

  private badChar(start: number, line: number, column: number): Token {
    const cp = this.src.codePointAt(start)!;
    this.pos = start + (cp > 0xffff ? 2 : 1);
    const t = this.tok('ERROR', start, line, column);
    return this.bad(t, 'D_SYNTAX', `syntax error near "${t.text}"`);
  }

  private lexS0(start: number, line: number, column: number): Token {
    const s = this.src;
    const c = s.charCodeAt(start);
    if (isIdStart(c)) {
      let p = start + 1;
      while (p < this.end && isIdChar(s.charCodeAt(p))) p++;
      this.pos = p;
      const text = s.slice(start, p);
      if (S0_KEYWORDS.has(text)) return this.tok(text, start, line, column);
      return this.identOrType(text, start, line, column);
    }
    if (isDigit(c) || (c === 46 && isDigit(s.charCodeAt(start + 1)))) {
      const il = this.intLength(start);
      const fl = this.floatLength(start);
      if (fl > il) {
        this.pos = start + fl;
        return this.bad(this.tok('ERROR', start, line, column), 'D_SYNTAX', 'floating-point constants are not permitted');
      }
      return this.lexInt(start, line, column, il);
    }
    switch (c) {
      case 34: return this.lexString(start, line, column);
      case 39: return this.lexChar(start, line, column);
      case 36: return this.lexMacro(start, line, column);
      case 64: { // @
        let p = start + 1;
        if (p < this.end && isIdStart(s.charCodeAt(p)) && s.charCodeAt(p) !== 96) {
          while (p < this.end && isIdChar(s.charCodeAt(p)) && s.charCodeAt(p) !== 96) p++;
        }
        this.pos = p;
        const t = this.tok('AGG', start, line, column);
        t.str = p === start + 1 ? '_' : s.slice(start + 1, p);
        return t;
      }
      case 47: { // /
        const n = s.charCodeAt(start + 1);
        if (n === 61) { this.pos = start + 2; return this.tok('/=', start, line, column); }
        this.pos = start + 1;
        let q = this.pos;
        while (q < this.end && isWs(s.charCodeAt(q))) q++;
        const d = q < this.end ? s.charCodeAt(q) : 0;
        if (d === 0 || d === 59 || d === 123 || d === 47) {
          const t = this.tok('EPRED', start, line, column);
          // dtrace's look-ahead has counted the newlines it skipped.
          let nl = 0;
          for (let k = this.pos; k < q; k++) if (s.charCodeAt(k) === 10) nl++;
          if (nl) t.errLine = line + nl;
          if (this.parens !== 0) return this.bad(t, 'D_SYNTAX', 'closing ) expected in predicate before /');
          if (this.brackets !== 0) return this.bad(t, 'D_SYNTAX', 'closing ] expected in predicate before /');
          return t;
        }
        return this.tok('/', start, line, column);
      }
      case 40: this.pos = start + 1; this.parens++; return this.tok('(', start, line, column);
      case 41: {
        this.pos = start + 1;
        const t = this.tok(')', start, line, column);
        if (--this.parens < 0) { this.parens = 0; return this.bad(t, 'D_SYNTAX', 'extra ) in input stream'); }
        return t;
      }
      case 91: this.pos = start + 1; this.brackets++; return this.tok('[', start, line, column);
      case 93: {
        this.pos = start + 1;
        const t = this.tok(']', start, line, column);
        if (--this.brackets < 0) { this.brackets = 0; return this.bad(t, 'D_SYNTAX', 'extra ] in input stream'); }
        return t;
      }
      case 123: this.pos = start + 1; this.braces++; return this.tok('{', start, line, column);
      case 125: {
        this.pos = start + 1;
        const t = this.tok('}', start, line, column);
        if (--this.braces < 0) { this.braces = 0; return this.bad(t, 'D_SYNTAX', 'extra } in input stream'); }
        return t;
      }
    }
    const op = this.operator(start);
    if (op !== '') { this.pos = start + op.length; return this.tok(op, start, line, column); }
    return this.badChar(start, line, column);
  }

  /** The longest S0 operator at `p` other than the bracket characters, or ''. */
  private operator(p: number): string {
    const s = this.src;
    const c = s[p]!;
    const c1 = s[p + 1];
    const c2 = s[p + 2];
    switch (c) {
      case '<': return c1 === '<' ? (c2 === '=' ? '<<=' : '<<') : c1 === '=' ? '<=' : '<';
      case '>': return c1 === '>' ? (c2 === '=' ? '>>=' : '>>') : c1 === '=' ? '>=' : '>';
      case '.': return c1 === '.' && c2 === '.' ? '...' : '.';
      case '&': return c1 === '&' ? '&&' : c1 === '=' ? '&=' : '&';
      case '^': return c1 === '^' ? '^^' : c1 === '=' ? '^=' : '^';
      case '|': return c1 === '|' ? '||' : c1 === '=' ? '|=' : '|';
      case '=': return c1 === '=' ? '==' : '=';
      case '!': return c1 === '=' ? '!=' : '!';
      case '-': return c1 === '>' ? '->' : c1 === '=' ? '-=' : c1 === '-' ? '--' : '-';
      case '+': return c1 === '=' ? '+=' : c1 === '+' ? '++' : '+';
      case '*': return c1 === '=' ? '*=' : '*';
      case '%': return c1 === '=' ? '%=' : '%';
      case '~': case '?': case ':': case ',': case ';': return c;
    }
    return '';
  }

  /** id_or_type: IDENT or TNAME for an identifier lexed in S0. */
  private identOrType(text: string, start: number, line: number, column: number): Token {
    const bq = text.indexOf('`');
    if (bq >= 0) {
      const t = this.tok('IDENT', start, line, column);
      t.scope = text.slice(0, bq);
      t.str = text.slice(bq + 1);
      return t;
    }
    let kind = 'IDENT';
    // Linux DTrace's id_or_type peeks past the blanks after an identifier that is no known
    // variable; at the end of the text it pushes back a NUL (input()'s 0), which the lexer then
    // reports in its own words instead of the parser's "near end of input".
    let near: string | undefined;
    if (!this.knownIdents.has(text) && !this.peekedIdents.has(text) && !this.declared.has(text) && !((this.opts.isGlobalIdent ?? this.opts.isBuiltinIdent)?.(text) ?? false)) {
      const s = this.src;
      let q = this.pos;
      let lf = 0;
      while (q < this.end && isWs(s.charCodeAt(q))) { if (s.charCodeAt(q) === 10) lf++; q++; }
      const c0 = s[q], c1 = s[q + 1];
      if ((((c0 === '+' || c0 === '-') && c1 === c0) || (c0 === '=' && c1 !== '=') || c0 === '[' || c0 === ';' || (c0 === ',' && this.parens === 0))
        && !(this.typedefBraces >= 0 && this.braces === this.typedefBraces)) this.peekedIdents.add(text);
      if (q >= this.end) this.peekedToEnd = true;
      // flex's unput() leaves yytext running on through the pushed-back text (blanks as spaces,
      // then the newlines, then the rest), so a syntax error at this identifier quotes it with the
      // rest of its line: `near "new_int;"`. Not after struct/union/enum, `.` or `->`, where
      // id_or_type returns before it peeks.
      else if (!SOU_OR_DEREF.has(this.prevKind)) near = text + ' '.repeat(q - this.pos - lf) + '\n'.repeat(lf) + this.src.slice(q, this.src.indexOf('\n', q) < 0 ? this.end : this.src.indexOf('\n', q));
    }
    if (!this.knownIdents.has(text) && this.isTypeName(text)) {
      kind = 'TNAME';
      const s = this.src;
      let q = this.pos;
      while (q < this.end && isWs(s.charCodeAt(q))) q++;
      const c0 = s[q];
      const c1 = s[q + 1];
      if (((c0 === '+' || c0 === '-') && c1 === c0) || (c0 === '=' && c1 !== '=') || c0 === '[') {
        kind = 'IDENT';
        this.knownIdents.add(text);
      }
    }
    const t = this.tok(kind, start, line, column);
    t.str = text;
    if (near !== undefined) t.near = near;
    return t;
  }

  private lexString(start: number, line: number, column: number): Token {
    const s = this.src;
    let p = start + 1;
    while (p < this.end) {
      const d = s.charCodeAt(p);
      if (d === 34 || d === 10) break;
      if (d === 92 && p + 1 < this.end && s.charCodeAt(p + 1) !== 10) p++;
      p++;
    }
    if (p >= this.end || s.charCodeAt(p) !== 34) {
      this.pos = p;
      const t = this.tok('STRING', start, line, column);
      t.str = unescapeString(s.slice(start + 1, p));
      // lex's `$` context has read the newline: dtrace reports the next line.
      if (p < this.end) t.errLine = line + 1;
      return this.bad(t, 'D_STR_NL', 'newline encountered in string literal');
    }
    this.pos = p + 1;
    const t = this.tok('STRING', start, line, column);
    t.str = unescapeString(s.slice(start + 1, p));
    return t;
  }

  private lexChar(start: number, line: number, column: number): Token {
    const s = this.src;
    let p = start + 1;
    while (p < this.end) {
      const d = s.charCodeAt(p);
      if (d === 39 || d === 10) break;
      if (d === 92 && p + 1 < this.end && s.charCodeAt(p + 1) !== 10) p++;
      p++;
    }
    if (p >= this.end || s.charCodeAt(p) !== 39) {
      this.pos = p;
      const t = this.tok('INT', start, line, column);
      t.value = 0n; t.suffix = ''; t.radix = 10; t.char = true;
      if (p < this.end) t.errLine = line + 1;
      return this.bad(t, 'D_CHR_NL', 'newline encountered in character constant');
    }
    this.pos = p + 1;
    const t = this.tok('INT', start, line, column);
    t.suffix = ''; t.radix = 10; t.char = true;
    if (p === start + 1) { t.value = 0n; return this.bad(t, 'D_CHR_NULL', 'empty character constant'); }
    const bytes = unescapeBytes(s.slice(start + 1, p));
    if (bytes.length > 8) { t.value = 0n; return this.bad(t, 'D_CHR_OFLOW', 'character constant is too long'); }
    let v = 0n;
    for (const b of bytes) v = (v << 8n) | BigInt(b);
    t.value = v;
    return t;
  }

  /** `$1`, `$$1`, `$pid`, `$$pid`. */
  private lexMacro(start: number, line: number, column: number): Token {
    const s = this.src;
    let p = start + 1;
    const quoted = s.charCodeAt(p) === 36;
    if (quoted) p++;
    const ns = p;
    let t: Token;
    if (isDigit(s.charCodeAt(p))) {
      while (p < this.end && isDigit(s.charCodeAt(p))) p++;
      this.pos = p;
      t = this.tok('MACRO', start, line, column);
      const name = s.slice(ns, p);
      const idx = Number(name);
      t.str = name; t.macroIndex = idx; t.quoted = quoted;
      this.argRefs.add(idx);
      const args = this.opts.macroArgs;
      if (args !== undefined && idx > args.length) {
        if (!this.defaultArgs) return this.bad(t, 'D_MACRO_UNDEF', `macro argument ${t.text} is not defined`);
        t.defaulted = true;
      }
      // An integer argument that does not fit (dt_lex.l's strtoull ERANGE check).
      const v = args !== undefined && idx >= 1 ? args[idx - 1] : undefined;
      if (!quoted && v !== undefined && /^[+-]?(0[xX][0-9a-fA-F]+|[0-9]+)[uUlL]*$/.test(v)) {
        const body = v[0] === '+' || v[0] === '-' ? v.slice(1) : v;
        const m = /^(0[xX][0-9a-fA-F]+|[0-9]+)/.exec(body)!;
        const digits = m[1]!;
        // More than 24 significant digits never fit in 64 bits (and BigInt() of a huge string is slow).
        const big = digits.replace(/^0[xX]?0*/, '').length > 24 ? MAX_U64 + 1n : /^0[xX]/.test(digits) ? BigInt(digits) : digits[0] === '0' && /^[0-7]+$/.test(digits) ? BigInt('0o' + digits) : /^[0-9]+$/.test(digits) && digits[0] !== '0' ? BigInt(digits) : 0n;
        if (big > MAX_U64) return this.bad(t, 'D_MACRO_OFLOW', `macro argument ${t.text} constant ${body} results in integer overflow`);
      }
      return t;
    }
    if (isIdStart(s.charCodeAt(p))) {
      while (p < this.end && isIdChar(s.charCodeAt(p))) p++;
      this.pos = p;
      t = this.tok('MACRO', start, line, column);
      t.str = s.slice(ns, p); t.macroIndex = null; t.quoted = quoted;
      if (!MACRO_VARS.has(t.str)) return this.bad(t, 'D_MACRO_UNDEF', `macro variable ${t.text} is not defined`);
      return t;
    }
    return this.badChar(start, line, column);
  }
}
