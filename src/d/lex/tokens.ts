/**
 * Tokens of the D lexer and its keyword tables (illumos dt_lex.l).
 *
 * A token's `kind` is its own text for keywords and operators (`'sizeof'`,
 * `'->'`, `'{'`), and an upper-case class name otherwise, so the two can
 * never collide.
 */
import type { IntSuffix } from '../ast.ts';

export type TokenClass =
  | 'IDENT' | 'TNAME' | 'INT' | 'STRING' | 'AGG' | 'PSPEC' | 'MACRO'
  /** The `/` that closes a predicate (DT_TOK_EPRED). */
  | 'EPRED'
  | 'EOF'
  /** A token the lexer already reported (bad character, float constant...). */
  | 'ERROR';

export interface Token {
  kind: string;
  /** The lexeme as written (dtrace's yytext, used in "syntax error near ..."). */
  text: string;
  start: number;
  end: number;
  line: number;
  column: number;
  /** #line file name in effect (dtrace's pcb_filetag), if any. */
  file: string | undefined;
  /** IDENT/TNAME/AGG/PSPEC: the name; STRING: the decoded value. */
  str?: string;
  /** Module scope of a backquoted identifier (`` mod`name ``: 'mod'; `` `name ``: ''). */
  scope?: string;
  /** INT */
  value?: bigint;
  suffix?: IntSuffix;
  radix?: 8 | 10 | 16;
  char?: boolean;
  /** MACRO */
  macroIndex?: number | null;
  quoted?: boolean;
  /**
   * EOF: id_or_type peeked past the identifier before it and reached the end,
   * pushing back a NUL that dt_lex.l's S0 rule reports as "syntax error near end-of-input".
   */
  nulEof?: boolean;
  /** A $N past the arguments given, allowed by -xdefaultargs: 0, or "" for $$N. */
  defaulted?: boolean;
  /** The text dtrace's yytext holds after its lexer peeked past this token and pushed the text back (what "syntax error near" quotes), when it differs from `text`. */
  near?: string;
  /** The lexer already reported an error for this token (no second "syntax error"). */
  bad?: boolean;
  /**
   * The line dtrace reports errors at, when its lexer read past the token
   * before returning it (yylineno after a look-ahead over newlines).
   */
  errLine?: number;
}

/** Lexer start states: S0 clause bodies and expressions, S2 the outer scope (probe descriptions, declarations). */
export type LexMode = 'S0' | 'S2';

/** Keywords recognised in S0 (dt_lex.l `<S0>` rules), plus `userland` of newer illumos. */
export const S0_KEYWORDS: ReadonlySet<string> = new Set([
  'auto', 'break', 'case', 'char', 'const', 'continue', 'counter', 'default', 'do', 'double', 'else',
  'enum', 'extern', 'float', 'for', 'goto', 'if', 'import', 'inline', 'int', 'long', 'offsetof',
  'probe', 'provider', 'register', 'restrict', 'return', 'self', 'short', 'signed', 'sizeof', 'static',
  'string', 'stringof', 'struct', 'switch', 'this', 'translator', 'typedef', 'union', 'unsigned',
  'userland', 'void', 'volatile', 'while', 'xlate',
]);

/** Keywords recognised in S2 (they begin a declaration and switch to S0). */
export const S2_KEYWORDS: ReadonlySet<string> = new Set([
  'auto', 'char', 'const', 'counter', 'double', 'enum', 'extern', 'float', 'import', 'inline', 'int',
  'long', 'provider', 'register', 'restrict', 'self', 'short', 'signed', 'static', 'string', 'struct',
  'this', 'translator', 'typedef', 'union', 'unsigned', 'userland', 'void', 'volatile',
]);

/** Keywords that name (part of) a built-in type. */
export const TYPE_KEYWORDS: ReadonlySet<string> = new Set([
  'void', 'char', 'short', 'int', 'long', 'float', 'double', 'signed', 'unsigned', 'string',
]);

/** Keywords accepted as member names after `.`/`->` and in offsetof (dtrace_keyword_ident). */
export const KEYWORD_IDENTS: ReadonlySet<string> = new Set([
  'probe', 'provider', 'self', 'string', 'stringof', 'userland', 'xlate', 'translator',
]);

/** Operators of S0, longest first within each leading character. */
export const OPERATORS: readonly string[] = [
  '<<=', '>>=', '...',
  '&&', '^^', '||', '==', '!=', '<=', '>=', '<<', '>>', '->', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=', '++', '--',
  '|', '^', '&', '<', '>', '+', '-', '*', '%', '~', '!', '?', ':', '.', '=', ',', ';', '(', ')', '[', ']', '{', '}',
];
