/**
 * The D parser: a hand-written recursive-descent parser for illumos
 * dt_grammar.y (with its newer `if`/`else` statements), producing the AST of
 * ast.ts and dtrace's diagnostics.
 *
 * Layers (one file each): parse/stream.ts (tokens, errors, recovery
 * primitives) <- parse/expr.ts (expressions) <- parse/decl.ts (declarations,
 * type names) <- this file (translation units, clauses, statements, inline,
 * translator and provider definitions, and the public entry points).
 *
 * Error handling. dtrace stops at its first error; so does the first
 * diagnostic here, worded and placed as dtrace's. To serve the editor the
 * parser then carries on: inside a clause body it resynchronises after the
 * next `;` (or at the body's `}`), at the top level after the next `;` or
 * `{...}` block; panic mode drops errors until then, so one mistake gives
 * one diagnostic. `parseProgram` never throws, whatever the input.
 *
 * Two checks depend on where the program came from, as in dtrace: a probe
 * description with neither predicate nor actions is an error in a file
 * (-s) but the default action in a -n string; and -n strings lex ambiguous
 * outer-scope text as probe descriptions (C_PSPEC).
 *
 * Names the lexer must know while parsing: typedef names declared by the
 * program become type names (so `(foo_t)x` is a cast), and declared
 * variables and inlines become identifiers even if a type has their name.
 *
 * The checks dtrace makes during parsing are made here too, in the same
 * order: dt_decl.c's specifier checks (D_DECL_COMBO, _CHARATTR, _CLASS...),
 * dt_node_decl's (D_DECL_USELESS, _SCOPE, _BADCLASS), and after a
 * successful parse D_PRAGMA_UNUSED and D_MACRO_UNUSED. Checks that need
 * types are the checker's. Each node's `loc.dnLine` is the line dtrace
 * would give it, for the checker's messages.
 */
import type {
  Block, Clause, Declaration, Expr, InlineDef, Program, ProbeDesc, ProviderDef, ProviderProbe, Statement,
  TopLevel, TranslatorDef, TranslatorMember, TypeName, Declarator, DeclSpecifiers, FunctionChunk,
} from './ast.ts';
import { diag, type DDiagnostic } from './diagnostics.ts';
import type { Token } from './lexer.ts';
import { DeclParser } from './parse/decl.ts';
import { splitProbeDesc } from './parse/probedesc.ts';
import { ParseAbort, type ParseOptions } from './parse/stream.ts';
import { MAX_EXPR_DEPTH, tooDeep } from './parse/depth.ts';

export type { ParseOptions } from './parse/stream.ts';
export { splitProbeDesc, expandProbeField } from './parse/probedesc.ts';

export interface ParseResult {
  program: Program;
  /**
   * Errors; the first is the one dtrace would print. Syntax errors come in
   * source order; then, if there were none, the checks dtrace makes right
   * after parsing (D_PRAGMA_UNUSED, D_MACRO_UNUSED). Errors marked `deferred`
   * (backquoted kernel symbols) come last: dtrace meets them while cooking
   * clauses, so a checker error in an earlier clause wins over them.
   */
  diagnostics: DDiagnostic[];
}

class Parser extends DeclParser {
  private readonly macroArgs: readonly string[] | undefined;
  private readonly argref: boolean;

  constructor(src: string, opts: ParseOptions) {
    super(src, { pspec: !(opts.isFile ?? false), ...opts });
    this.macroArgs = opts.macroArgs;
    this.argref = opts.argref ?? false;
  }

  private endPanic(): void { this.panic = false; }

  parseTranslationUnit(): Program {
    const items: TopLevel[] = [];
    for (;;) {
      this.relex('S2');
      if (this.at('EOF')) break;
      try {
        items.push(this.parseExternal());
      } catch (e) {
        if (!(e instanceof ParseAbort)) throw e;
        this.skipUntil(true, false, true);
        this.lx.resetBalance();
        this.endPanic();
      }
    }
    const syntaxOk = this.diagnostics.length === 0;
    if (syntaxOk) this.afterParseChecks();
    if (syntaxOk) {
      // Backquoted symbols come before an unused pragma: dtrace meets them while cooking clauses.
      const bq = this.backquoted.map((b) => {
        const d = diag('D_IDENT_UNDEF', b.message, this.program, b.tok.line, b.tok.column,
          b.tok.column + (b.tok.end - b.tok.start), b.tok.file);
        d.deferred = true;
        return d;
      });
      this.diagnostics.push(...bq);
    }
    const src = this.lx.src;
    let lines = 1;
    for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) lines++;
    const endColumn = src.length - (src.lastIndexOf('\n') + 1) + 1;
    return {
      kind: 'Program', items, pragmas: this.lx.pragmas, options: this.lx.options,
      loc: { file: this.program, line: 1, column: 1, endLine: lines, endColumn, start: 0, end: src.length },
    };
  }

  /**
   * The checks dt_compile makes once yyparse has succeeded, before cooking:
   * pragmas naming nothing the program declared (dt_idpragma), then an
   * unreferenced last macro argument.
   */
  private afterParseChecks(): void {
    for (const p of this.lx.deferredPragmas) {
      if (!this.lx.declared.has(p.name)) {
        this.diagnostics.push(diag('D_PRAGMA_UNUSED', `unused #pragma ${p.pragma}`, this.program, p.line, p.column, undefined, p.file));
        return;
      }
    }
    const args = this.macroArgs;
    if (args !== undefined && args.length > 0 && !this.argref && !this.lx.argref && !this.lx.argRefs.has(args.length)) {
      this.diagnostics.push(diag('D_MACRO_UNUSED', `extraneous argument '${args[args.length - 1]}' ($${args.length} is not referenced)`,
        this.program, this.lx.currentLine, 0));
    }
  }

  private parseExternal(): TopLevel {
    const t = this.peek();
    switch (t.kind) {
      case 'PSPEC':
      case 'INT':
        return this.parseClause();
      case 'inline':
        this.mode = 'S0';
        return this.parseInline();
      case 'translator':
        this.mode = 'S0';
        return this.parseTranslator();
      case 'provider':
        this.mode = 'S0';
        return this.parseProvider();
    }
    if (this.isSpecStart(t, 'decl')) {
      this.mode = 'S0';
      return this.parseDeclaration();
    }
    this.fail(t);
  }

  // ------------------------------------------------------------ clauses

  private parseProbeSpec(): ProbeDesc {
    const t = this.next();
    if (t.kind === 'INT') {
      return { kind: 'ProbeDesc', text: t.text, provider: '', module: '', func: '', name: '', id: t.value ?? 0n, loc: this.span(t) };
    }
    if (t.kind !== 'PSPEC') this.fail(t);
    const text = t.str ?? t.text;
    const loc = this.span(t);
    const f = splitProbeDesc(text);
    if (f === null) this.failAt(loc, 'D_PDESC_INVAL', `invalid probe description "${text}": Overspecified probe description`);
    return { kind: 'ProbeDesc', text, ...f, loc };
  }

  private parseClause(): Clause {
    const first = this.peek();
    const probes = [this.parseProbeSpec()];
    while (this.at(',')) {
      this.next();
      const t = this.peek();
      if (t.kind !== 'PSPEC' && t.kind !== 'INT') this.fail(t);
      probes.push(this.parseProbeSpec());
    }
    this.mode = 'S0';
    let predicate: Expr | null = null;
    let body: Statement[] | null = null;
    if (this.at('/')) {
      this.next();
      predicate = this.parseExpression();
      if (!this.at('EPRED')) this.fail();
      this.next();
      if (!this.at('{')) {
        this.failAt(predicate.loc, 'D_SYNTAX', 'expected actions { } following probe description and predicate');
      }
      body = this.parseBody();
    } else if (this.at('{')) {
      body = this.parseBody();
    } else if (this.isFile) {
      this.failAt(probes[0]!.loc, 'D_SYNTAX', 'expected predicate and/or actions following probe description');
    }
    return { kind: 'Clause', probes, predicate, body, loc: this.span(first) };
  }

  /** '{' statement_list '}' */
  private parseBody(): Statement[] {
    this.expect('{');
    const body = this.parseStatementList();
    this.expect('}');
    return body;
  }

  /** statement_list: statements, the last expression's ';' optional. Recovers per statement. */
  private parseStatementList(): Statement[] {
    const out: Statement[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === '}' || t.kind === 'EOF') return out;
      try {
        const s = this.parseStatement(true);
        if (s !== null) out.push(s);
      } catch (e) {
        if (!(e instanceof ParseAbort)) throw e;
        this.skipUntil(true, true, false);
        if (this.prev.kind === ';') this.endPanic();
      }
    }
  }

  private parseStatement(inList: boolean): Statement | null {
    return this.nested(() => this.parseStatementInner(inList));
  }

  private parseStatementInner(inList: boolean): Statement | null {
    const t = this.peek();
    if (t.kind === ';') { this.next(); return null; }
    if (t.kind === 'if') return this.parseIf();
    const expr = this.parseExpression();
    if (this.eat(';') || (inList && this.at('}'))) return { kind: 'ExprStatement', expr, loc: this.span(t) };
    this.fail();
  }

  private parseIf(): Statement {
    const kw = this.next();
    this.expect('(');
    const test = this.parseExpression();
    this.expect(')');
    const then = this.parseStatementOrBlock();
    const els = this.eat('else') ? this.parseStatementOrBlock() : null;
    return { kind: 'If', test, then, else: els, loc: this.span(kw) };
  }

  private parseStatementOrBlock(): Statement {
    const t = this.peek();
    if (t.kind === '{') {
      const body = this.parseBody();
      const b: Block = { kind: 'Block', body, loc: this.span(t) };
      return b;
    }
    const s = this.parseStatement(false);
    return s ?? { kind: 'Block', body: [], loc: this.span(t) };
  }

  // ------------------------------------------------------------ declarations

  /** Lets the lexer know the names a declaration introduces. */
  private declare(spec: DeclSpecifiers, d: Declarator): void {
    if (d.name === null) return;
    if (spec.storage.includes('typedef')) this.lx.typeNames.add(d.name);
    else if (!spec.storage.includes('self') && !spec.storage.includes('this')) {
      this.lx.knownIdents.add(d.name);
      this.lx.declared.add(d.name);
    }
  }

  private parseDeclaration(): Declaration {
    const first = this.peek();
    const specifiers = this.parseDeclSpecifiers('decl');
    const declarators: Declarator[] = [];
    if (!this.at(';')) {
      let firstDecl = true;
      do {
        const d = this.parseDeclarator('named', firstDecl);
        firstDecl = false;
        this.checkDeclarator(specifiers, d);
        this.declare(specifiers, d);
        declarators.push(d);
      } while (this.eat(','));
    } else {
      // dt_node_decl: a declaration of nothing is useful only to define a struct, union or enum.
      const t = specifiers.type;
      if (t === null || (t.kind !== 'StructSpec' && t.kind !== 'EnumSpec')) {
        this.declError(this.peek(), 'D_DECL_USELESS', 'useless declaration');
      }
    }
    this.expect(';');
    return { kind: 'Declaration', specifiers, declarators, loc: this.span(first) };
  }

  /** dt_node_decl's checks that need no types: the name's scope and the storage class. */
  private checkDeclarator(spec: DeclSpecifiers, d: Declarator): void {
    const at = this.peek();
    const scoped = this.scopedNames.get(d);
    if (scoped !== undefined) this.declError(at, 'D_DECL_SCOPE', `D scoping operator may not be used in a declaration name (${scoped})`);
    const cls = spec.storage[0];
    // A static function prototype counts as extern.
    const isFunction = d.chunks.length > 0 && d.chunks[d.chunks.length - 1]!.kind === 'Function';
    if (cls === 'auto' || cls === 'register' || (cls === 'static' && !isFunction)) {
      this.declError(at, 'D_DECL_BADCLASS', 'specified storage class not appropriate in D');
    }
  }

  private parseInline(): InlineDef {
    const kw = this.next();
    const specifiers = this.parseDeclSpecifiers('decl');
    const declarator = this.parseDeclarator('named');
    if (specifiers.storage.length > 0) {
      this.declError(this.peek(), 'D_DECL_BADCLASS', 'specified storage class not appropriate for inline declaration');
    }
    this.expect('=');
    const value = this.parseAssignment();
    this.expect(';');
    if (declarator.name !== null) {
      this.lx.knownIdents.add(declarator.name);
      this.lx.declared.add(declarator.name);
    }
    return { kind: 'Inline', specifiers, declarator, value, loc: this.span(kw) };
  }

  private parseTranslator(): TranslatorDef {
    const kw = this.next();
    const to = this.parseTypeName();
    this.expect('<');
    const from = this.parseTypeName();
    const param = this.expect('IDENT');
    this.expect('>');
    this.expect('{');
    const members: TranslatorMember[] = [];
    while (!this.at('}')) {
      const n = this.expect('IDENT');
      this.expect('=');
      const value = this.parseAssignment();
      this.expect(';');
      members.push({ kind: 'TranslatorMember', name: n.str ?? n.text, value, loc: this.span(n) });
    }
    this.next();
    this.expect(';');
    return { kind: 'Translator', to, from, param: param.str ?? param.text, members, loc: this.span(kw) };
  }

  private parseProvider(): ProviderDef {
    const kw = this.next();
    const name = this.expect('IDENT');
    this.expect('{');
    const probes: ProviderProbe[] = [];
    while (!this.at('}')) {
      const p = this.expect('probe');
      const n = this.expect('IDENT');
      const fn: FunctionChunk = this.parseFunctionRest(this.expect('('));
      let xlate: FunctionChunk | null = null;
      if (this.eat(':')) xlate = this.parseFunctionRest(this.expect('('));
      this.expect(';');
      probes.push({ kind: 'ProviderProbe', name: n.str ?? n.text, params: fn.params, xlateParams: xlate ? xlate.params : null, loc: this.span(p) });
    }
    this.next();
    this.expect(';');
    return { kind: 'Provider', name: name.str ?? name.text, probes, loc: this.span(kw) };
  }

  // ------------------------------------------------------------ other contexts

  parseWholeExpression(): Expr | null {
    this.mode = 'S0';
    try {
      const e = this.parseExpression();
      if (!this.at('EOF')) this.fail();
      return e;
    } catch (e) {
      if (!(e instanceof ParseAbort)) throw e;
      return null;
    }
  }

  parseWholeType(): TypeName | null {
    this.mode = 'S0';
    try {
      const t = this.parseTypeName();
      if (!this.at('EOF')) this.fail();
      return t;
    } catch (e) {
      if (!(e instanceof ParseAbort)) throw e;
      return null;
    }
  }
}

function guard<T>(f: () => T, fallback: (err: unknown) => T): T {
  try {
    return f();
  } catch (err) {
    // The parser is written not to throw; this keeps "never an exception" true even for a bug.
    return fallback(err);
  }
}

function internalError(program: string, err: unknown): DDiagnostic {
  const msg = err instanceof Error ? err.message : String(err);
  return diag('D_UNKNOWN', `internal error -- ${msg}`, program, 1, 0);
}

/**
 * Parses a D program (dtrace's DT_CTX_DPROG). `opts.isFile` for -s scripts;
 * `opts.program` names it in diagnostics. Never throws.
 */
export function parseProgram(text: string, opts: ParseOptions = {}): ParseResult {
  const program = opts.program ?? '';
  return guard(() => {
    const p = new Parser(text, opts);
    const prog = p.parseTranslationUnit();
    const deep = p.diagnostics.length === 0 ? tooDeep(prog) : null;
    if (deep !== null) {
      // Later passes recurse over the tree: a bound instead of a JavaScript stack overflow (depth.ts).
      const l = deep.loc;
      p.diagnostics.push(diag('D_SYNTAX', `expression nested too deeply (the limit is ${MAX_EXPR_DEPTH} levels)`, program, l?.line ?? 1, l?.column ?? 0));
    }
    return { program: prog, diagnostics: p.diagnostics };
  }, (err) => ({
    program: {
      kind: 'Program', items: [], pragmas: [], options: [],
      loc: { file: program, line: 1, column: 1, endLine: 1, endColumn: 1, start: 0, end: text.length },
    },
    diagnostics: [internalError(program, err)],
  }));
}

/** Parses one D expression (DT_CTX_DEXPR). */
export function parseExpressionText(text: string, opts: ParseOptions = {}): { expr: Expr | null; diagnostics: DDiagnostic[] } {
  return guard(() => {
    const p = new Parser(text, opts);
    const expr = p.parseWholeExpression();
    return { expr: p.diagnostics.length ? null : expr, diagnostics: p.diagnostics };
  }, (err) => ({ expr: null, diagnostics: [internalError(opts.program ?? '', err)] }));
}

/** Parses one D type name (DT_CTX_DTYPE), e.g. "struct ip *". */
export function parseTypeText(text: string, opts: ParseOptions = {}): { type: TypeName | null; diagnostics: DDiagnostic[] } {
  return guard(() => {
    const p = new Parser(text, opts);
    const type = p.parseWholeType();
    return { type: p.diagnostics.length ? null : type, diagnostics: p.diagnostics };
  }, (err) => ({ type: null, diagnostics: [internalError(opts.program ?? '', err)] }));
}

export type { Token };
