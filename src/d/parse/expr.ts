/**
 * D expressions: dt_grammar.y from `expression` down to
 * `primary_expression`, by precedence climbing over C's binary operator
 * table (with D's `^^` between `&&` and `||`).
 *
 * Two grammar details a precedence parser must reproduce by hand:
 *  - assignment's left side is a `unary_expression`: `a + b = c` and
 *    `(int)x = 1` fail at the `=`, as yacc fails there;
 *  - after `(`, a type name makes a cast (cast_expression) or, after
 *    `sizeof`, a type operand; anything else is a parenthesised expression,
 *    which postfix operators may follow.
 */
import type {
  AssignOp, BinaryOp, Expr, IntLit, TypeName,
} from '../ast.ts';
import { KEYWORD_IDENTS, S0_KEYWORDS } from '../lex/tokens.ts';
import type { Token } from '../lexer.ts';
import { TokenStream } from './stream.ts';

const BINARY_PREC: Record<string, number> = {
  '||': 1, '^^': 2, '&&': 3, '|': 4, '^': 5, '&': 6, '==': 7, '!=': 7,
  '<': 8, '>': 8, '<=': 8, '>=': 8, '<<': 9, '>>': 9, '+': 10, '-': 10, '*': 11, '/': 11, '%': 11,
};

const ASSIGN_OPS: ReadonlySet<string> = new Set(['=', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=', '<<=', '>>=']);

const UNARY_OPS: ReadonlySet<string> = new Set(['&', '*', '+', '-', '~', '!']);

/** Tokens that begin a type name (specifier_qualifier_list). */
export const TYPE_START: ReadonlySet<string> = new Set([
  'TNAME', 'void', 'char', 'short', 'int', 'long', 'float', 'double', 'signed', 'unsigned', 'string',
  'userland', 'struct', 'union', 'enum', 'const', 'volatile', 'restrict',
]);

/** Is `e` a unary_expression (a valid left side of an assignment, syntactically)? */
function isUnary(e: Expr): boolean {
  if (e.parens) return true;
  return e.kind !== 'Binary' && e.kind !== 'Conditional' && e.kind !== 'Cast' && e.kind !== 'Assign' && e.kind !== 'Comma';
}

export abstract class ExprParser extends TokenStream {
  abstract parseTypeName(): TypeName;

  /** Records `` mod`sym `` references: dtrace resolves them in the kernel, which a capture has not. */
  protected readonly backquoted: { tok: Token; message: string }[] = [];

  /** expression: assignment_expression (',' assignment_expression)* */
  parseExpression(): Expr {
    const first = this.peek();
    let e = this.parseAssignment();
    while (this.at(',')) {
      this.next();
      const r = this.parseAssignment();
      e = { kind: 'Comma', left: e, right: r, loc: this.span(first) };
    }
    return e;
  }

  parseAssignment(): Expr {
    return this.nested(() => this.parseAssignmentInner());
  }

  private parseAssignmentInner(): Expr {
    const first = this.peek();
    const lhs = this.parseConditional();
    const t = this.peek();
    if (!ASSIGN_OPS.has(t.kind)) return lhs;
    if (!isUnary(lhs)) this.fail(t);
    this.next();
    const value = this.parseAssignment();
    return { kind: 'Assign', op: t.kind as AssignOp, target: lhs, value, loc: this.span(first) };
  }

  parseConditional(): Expr {
    const first = this.peek();
    const test = this.parseBinary(1);
    if (!this.at('?')) return test;
    this.next();
    const then = this.parseExpression();
    this.expect(':');
    const els = this.nested(() => this.parseConditional());
    return { kind: 'Conditional', test, then, else: els, loc: this.span(first) };
  }

  private parseBinary(minPrec: number): Expr {
    const first = this.peek();
    let left = this.parseCast();
    for (;;) {
      const op = this.peek().kind;
      const prec = BINARY_PREC[op];
      if (prec === undefined || prec < minPrec) return left;
      this.next();
      const right = this.parseBinary(prec + 1);
      left = { kind: 'Binary', op: op as BinaryOp, left, right, loc: this.span(first) };
    }
  }

  protected isTypeStart(t: Token): boolean { return TYPE_START.has(t.kind); }

  /** cast_expression: '(' type_name ')' cast_expression | unary_expression */
  parseCast(): Expr {
    if (!this.at('(')) return this.parseUnary();
    const open = this.next();
    if (this.isTypeStart(this.peek())) {
      const typeName = this.parseTypeName();
      this.expect(')');
      const operand = this.nested(() => this.parseCast());
      return { kind: 'Cast', typeName, operand, loc: this.span(open) };
    }
    return this.parsePostfixTail(this.parseParenTail(open), open);
  }

  /** After '(' of a parenthesised expression: the expression and ')'. */
  private parseParenTail(open: Token): Expr {
    const e = this.parseExpression();
    this.expect(')');
    e.parens = true;
    e.loc = this.span(open);
    return e;
  }

  parseUnary(): Expr {
    return this.nested(() => this.parseUnaryInner());
  }

  private parseUnaryInner(): Expr {
    const t = this.peek();
    if (t.kind === '++' || t.kind === '--') {
      this.next();
      const operand = this.parseUnary();
      return { kind: 'Update', op: t.kind, prefix: true, operand, loc: this.span(t) };
    }
    if (UNARY_OPS.has(t.kind)) {
      this.next();
      const operand = this.parseCast();
      return { kind: 'Unary', op: t.kind as '-' | '+' | '!' | '~' | '*' | '&', operand, loc: this.span(t) };
    }
    if (t.kind === 'sizeof') {
      this.next();
      if (this.at('(')) {
        const open = this.next();
        if (this.isTypeStart(this.peek())) {
          const typeName = this.parseTypeName();
          this.expect(')');
          return { kind: 'Sizeof', typeName, operand: null, loc: this.span(t) };
        }
        const operand = this.parsePostfixTail(this.parseParenTail(open), open);
        return { kind: 'Sizeof', typeName: null, operand, loc: this.span(t) };
      }
      const operand = this.parseUnary();
      return { kind: 'Sizeof', typeName: null, operand, loc: this.span(t) };
    }
    if (t.kind === 'stringof') {
      this.next();
      const operand = this.parseUnary();
      return { kind: 'Stringof', operand, loc: this.span(t) };
    }
    return this.parsePostfix();
  }

  private parsePostfix(): Expr {
    const first = this.peek();
    return this.parsePostfixTail(this.parsePrimary(), first);
  }

  /**
   * A member name after `.`, `->` or in offsetof: IDENT, TNAME or a keyword.
   * illumos allows the keywords of dtrace_keyword_ident; Oracle's lexer reads
   * any word there as an identifier (its SIDENT state), which this follows.
   */
  protected memberName(): string {
    const t = this.peek();
    if (t.kind === 'IDENT' || t.kind === 'TNAME') { this.next(); return t.scope !== undefined ? t.text : (t.str ?? t.text); }
    if (KEYWORD_IDENTS.has(t.kind) || S0_KEYWORDS.has(t.kind)) { this.next(); return t.kind; }
    this.fail(t);
  }

  parsePostfixTail(e: Expr, first: Token): Expr {
    for (;;) {
      const t = this.peek();
      switch (t.kind) {
        case '[': {
          this.next();
          const args = this.parseArgs(']');
          if (e.kind === 'Agg' && e.keys === null && !e.parens) {
            e = { kind: 'Agg', name: e.name, keys: args, loc: this.span(first) };
          } else {
            e = { kind: 'Index', object: e, index: args, loc: this.span(first) };
          }
          this.expect(']');
          e.loc = this.span(first);
          break;
        }
        case '(': {
          this.next();
          // dt_node_func rejects a non-identifier designator as it builds the node (before any cooking).
          if (e.kind !== 'Ident') this.failAt(this.span(first), 'D_FUNC_IDENT', 'function designator is not of function type');
          const args = this.at(')') ? [] : this.parseArgs(')');
          this.expect(')');
          e = { kind: 'Call', callee: e, args, loc: this.span(first) };
          break;
        }
        case '.':
        case '->': {
          this.next();
          const member = this.memberName();
          e = { kind: 'Member', op: t.kind, object: e, member, loc: this.span(first) };
          break;
        }
        case '++':
        case '--':
          this.next();
          e = { kind: 'Update', op: t.kind, prefix: false, operand: e, loc: this.span(first) };
          break;
        default:
          return e;
      }
    }
  }

  /** argument_expression_list (at least one), up to (not including) `close`. */
  private parseArgs(_close: string): Expr[] {
    const args = [this.parseAssignment()];
    while (this.eat(',')) args.push(this.parseAssignment());
    return args;
  }

  parsePrimary(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'IDENT': {
        this.next();
        if (t.scope !== undefined) {
          const what = t.scope === '' ? 'Unknown symbol name' : 'Unknown module name';
          this.backquoted.push({ tok: t, message: `failed to resolve ${t.text}: ${what}` });
          return { kind: 'Ident', name: t.str!, scope: t.scope, loc: this.span(t) };
        }
        return { kind: 'Ident', name: t.str!, loc: this.span(t) };
      }
      case 'self':
      case 'this': {
        this.next();
        if (this.at('->')) {
          this.next();
          const name = this.memberName();
          return { kind: 'ScopedVar', scope: t.kind, name, loc: this.span(t) };
        }
        return { kind: 'Ident', name: t.kind, loc: this.span(t) };
      }
      case 'AGG':
        this.next();
        return { kind: 'Agg', name: t.str!, keys: null, loc: this.span(t) };
      case 'INT': {
        this.next();
        const lit: IntLit = { kind: 'IntLit', value: t.value ?? 0n, suffix: t.suffix ?? '', radix: t.radix ?? 10, text: t.text, loc: this.span(t) };
        if (t.char) lit.char = true;
        return lit;
      }
      case 'STRING':
        this.next();
        return { kind: 'StringLit', value: t.str ?? '', loc: this.span(t) };
      case 'MACRO':
        this.next();
        return { kind: 'MacroArg', name: t.str!, index: t.macroIndex ?? null, quoted: t.quoted ?? false, ...(t.defaulted ? { defaulted: true } : {}), loc: this.span(t) };
      case '(': {
        this.next();
        if (this.isTypeStart(this.peek())) this.fail();
        return this.parseParenTail(t);
      }
      case 'offsetof': {
        this.next();
        this.expect('(');
        const typeName = this.parseTypeName();
        this.expect(',');
        const member = this.memberName();
        this.expect(')');
        return { kind: 'Offsetof', typeName, member, loc: this.span(t) };
      }
      case 'xlate': {
        this.next();
        this.expect('<');
        const typeName = this.parseTypeName();
        this.expect('>');
        this.expect('(');
        const operand = this.parseExpression();
        this.expect(')');
        return { kind: 'Xlate', typeName, operand, loc: this.span(t) };
      }
      default:
        this.fail(t);
    }
  }
}
