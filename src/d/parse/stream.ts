/**
 * The parser's token stream and error handling, shared by the expression,
 * declaration and program parsers (one class per file, stacked by
 * inheritance: TokenStream <- ExprParser <- DeclParser <- Parser).
 *
 * Lookahead is one token, lexed in the start state the grammar is in
 * (`mode`); asking for the lookahead in another state re-lexes it there,
 * which is how dtrace's yybegin() switches between probe descriptions and
 * clause bodies.
 *
 * Errors follow Crafting Interpreters' panic mode: the first error in a
 * region is reported, later ones are dropped until the parser resynchronises
 * at a statement or clause boundary. A token the lexer already reported is
 * never reported again as a syntax error.
 */
import type { Span } from '../ast.ts';
import { diag, syntaxNear, type DDiagnostic, type ErrTag } from '../diagnostics.ts';
import { Lexer, type LexerOptions, type LexMode, type Token } from '../lexer.ts';

const MAX_DEPTH = 200;

/** Thrown only inside the parser to unwind to the nearest recovery point; never escapes. */
export class ParseAbort {
  readonly tok: Token;
  constructor(tok: Token) { this.tok = tok; }
}

export interface ParseOptions extends Omit<LexerOptions, 'onError' | 'program'> {
  /** The program's name in diagnostics and spans (the -s path, or the -n text). */
  program?: string;
  /** A script file (-s) rather than a -n string: changes two of dtrace's checks. */
  isFile?: boolean;
  /** -x argref: do not require the last macro argument to be referenced (DTRACE_C_ARGREF). */
  argref?: boolean;
}

export class TokenStream {
  protected readonly lx: Lexer;
  protected readonly program: string;
  protected readonly isFile: boolean;
  readonly diagnostics: DDiagnostic[] = [];
  protected mode: LexMode = 'S2';
  private la: Token | null = null;
  private laMode: LexMode = 'S2';
  /** The last token consumed. */
  protected prev: Token;
  /** Panic mode: an error was reported and the parser has not resynchronised yet. */
  protected panic = false;
  /** Nesting depth of the recursive rules, bounded like yacc's stack. */
  private depth = 0;

  constructor(src: string, opts: ParseOptions) {
    this.program = opts.program ?? '';
    this.isFile = opts.isFile ?? false;
    this.lx = new Lexer(src, {
      ...opts,
      program: this.program,
      onError: (tag, message, line, column, endColumn, file) => {
        this.report(tag, message, line, column, endColumn, file);
      },
    });
    this.prev = { kind: 'EOF', text: '', start: 0, end: 0, line: 1, column: 1, file: undefined };
  }

  /** Records a diagnostic unless in panic mode; enters panic mode. */
  protected report(tag: ErrTag, message: string, line: number, column: number, endColumn?: number, file?: string): void {
    if (this.panic) return;
    this.panic = true;
    this.diagnostics.push(diag(tag, message, this.program, line, column, endColumn, file));
  }

  /**
   * The lookahead. A mode change does not re-lex a lookahead already read
   * (yacc has read it too); `relex` does, where the grammar needs it.
   */
  protected peek(): Token {
    if (this.la !== null) return this.la;
    this.la = this.lx.next(this.mode);
    this.laMode = this.mode;
    return this.la;
  }

  /** Switches to `mode`, lexing the lookahead again if it was read in another mode. */
  protected relex(mode: LexMode): void {
    this.mode = mode;
    if (this.la !== null && this.laMode !== mode) {
      this.lx.rewind(this.la);
      this.la = null;
    }
  }

  protected next(): Token {
    const t = this.peek();
    this.la = null;
    this.prev = t;
    return t;
  }

  protected at(kind: string): boolean { return this.peek().kind === kind; }

  protected eat(kind: string): boolean {
    if (this.peek().kind !== kind) return false;
    this.next();
    return true;
  }

  /** yacc's error: `syntax error near "<lookahead>"`, then unwinds to the recovery point. */
  protected fail(tok: Token = this.peek()): never {
    if (!tok.bad) {
      const msg = tok.nulEof === true ? 'syntax error near end-of-input' : syntaxNear('syntax error', tok.kind === 'EOF' ? null : tok.near ?? tok.text);
      this.report('D_SYNTAX', msg, tok.errLine ?? tok.line, tok.column, tok.column + Math.max(1, tok.end - tok.start), tok.file);
    } else {
      this.panic = true;
    }
    throw new ParseAbort(tok);
  }

  /** A node-level error (dnerror): reported at a node's line, then unwinds. */
  protected failAt(loc: Span, tag: ErrTag, message: string): never {
    this.report(tag, message, loc.dnLine ?? loc.line, loc.column, loc.endLine === loc.line ? loc.endColumn : undefined,
      loc.file === this.program ? undefined : loc.file);
    throw new ParseAbort(this.peek());
  }

  protected expect(kind: string): Token {
    const t = this.peek();
    if (t.kind !== kind) this.fail(t);
    return this.next();
  }

  /** A span from the start of `first` to the end of the last consumed token. */
  protected span(first: Token | Span, last: Token | Span = this.prev): Span {
    const isTok = (x: Token | Span): x is Token => (x as Token).kind !== undefined;
    const f = isTok(first)
      ? { file: first.file ?? this.program, line: first.line, column: first.column, start: first.start }
      : first;
    let endLine: number; let endColumn: number; let end: number;
    if (isTok(last)) {
      const nl = last.text.lastIndexOf('\n');
      endLine = last.line; endColumn = last.column + (last.end - last.start); end = last.end;
      if (nl >= 0) endColumn = last.text.length - nl;
    } else {
      endLine = last.endLine; endColumn = last.endColumn; end = last.end;
    }
    if (end < f.start) { end = f.start; endLine = f.line; endColumn = f.column; }
    // yacc reduces once it has the look-ahead it needs; when this parser has
    // read one too, dtrace's yylineno is that token's line.
    const la = this.la;
    const dnLine = la !== null ? (la.errLine ?? la.line) : endLine;
    return { file: f.file, line: f.line, column: f.column, endLine, endColumn, start: f.start, end, dnLine };
  }

  /**
   * Runs a recursive rule with the nesting depth bounded, so that hostile
   * input (thousands of parentheses) gets yacc's error instead of
   * exhausting the JavaScript stack.
   */
  protected nested<T>(f: () => T): T {
    if (++this.depth > MAX_DEPTH) {
      this.depth = 0;
      const t = this.peek();
      this.report('D_SYNTAX', syntaxNear('yacc stack overflow', t.kind === 'EOF' ? null : t.text), t.line, t.column, undefined, t.file);
      throw new ParseAbort(t);
    }
    try {
      return f();
    } finally {
      if (this.depth > 0) this.depth--;
    }
  }

  /** Skips tokens (in S0) to a resynchronisation point; see Parser for the rules. */
  protected skipUntil(stopAtSemi: boolean, stopAtCloseBrace: boolean, consumeBlock: boolean): void {
    const saved = this.mode;
    this.mode = 'S0';
    let depth = 0;
    let sawBlock = false;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'EOF') break;
      if (t.kind === '{') { depth++; sawBlock = true; this.next(); continue; }
      if (t.kind === '}') {
        if (depth === 0) { if (stopAtCloseBrace) break; this.next(); continue; }
        depth--;
        this.next();
        if (depth === 0 && consumeBlock && sawBlock) {
          if (this.at(';') && !stopAtSemi) this.next();
          break;
        }
        continue;
      }
      if (t.kind === ';' && depth === 0 && stopAtSemi) { this.next(); break; }
      this.next();
    }
    this.mode = saved;
  }
}
