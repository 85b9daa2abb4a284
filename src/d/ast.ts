/**
 * The D abstract syntax tree.
 *
 * This file is the contract between the front end (lexer, preprocessor,
 * parser) and the back end (checker, closure compiler). It follows the
 * productions of illumos `dt_grammar.y` closely, so that anything the
 * checker needs to reproduce dtrace's behaviour is still visible here, and
 * it folds only three shapes that dtrace itself treats as special:
 *
 *  - `@name[keys]` becomes one `Agg` node (keys null when there are no
 *    brackets), because an aggregation is never a value in D;
 *  - `self->x` and `this->x` become `ScopedVar`, because `self`/`this` are
 *    not values (a bare `self` stays an `Ident` named "self", as dtrace's
 *    grammar has it, for the checker to reject);
 *  - character constants and integer literals are both `IntLit` (dt_lex.l
 *    turns both into DT_TOK_INT), with `char` set for the former.
 *
 * Everything else is one node per production: casts, sizeof/stringof/
 * offsetof, xlate<>, postfix calls and indexing over any expression (the
 * checker rejects what D rejects), declarations with C declarators.
 *
 * Invariants:
 *  - Every node has `loc`, a span in the preprocessed text whose `line`
 *    honours `#line` directives; `file` is the program name (or the name a
 *    `#line`/`#include` gave).
 *  - Integer values are exact `bigint`s; the literal's suffix and radix are
 *    kept because D's typing of literals depends on them (dt_node_int).
 *  - Expression nodes carry empty slots (`type`, `sym`, `attr`) for the
 *    checker to fill in place, so the back end needs no parallel maps.
 *  - The parser never throws; a `Program` is returned even after errors,
 *    holding the clauses that parsed.
 *
 * Declarator encoding: a C declarator is flattened into `chunks`, applied to
 * the base type in order. `int *a[3]` has chunks [ptr, array 3] (a is an
 * array of 3 pointers to int); `int (*p)[3]` has [array 3, ptr];
 * `int a[2][3]` has [array 3, array 2].
 */

/** A source span. line/column are 1-based; start/end are offsets (end exclusive). */
export interface Span {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  start: number;
  end: number;
  /**
   * The line dtrace gives this node (dn_line): yylineno when its grammar
   * rule reduced, i.e. the line of the token read after the node when yacc
   * needed a look-ahead (a binary operator's node takes the line of what
   * follows its right operand), else of its last token. dtrace's errors
   * about a node (dnerror) use this line.
   */
  dnLine?: number;
}

interface NodeBase { loc: Span }

/** Slots the checker fills in on expressions. The front end leaves them undefined. */
export interface ExprSlots {
  /** The checked type (the back end's own type representation). */
  type?: unknown;
  /** What an identifier or call resolved to (variable, built-in, subroutine, enum constant...). */
  sym?: unknown;
  /** Stability attributes or any other checker note. */
  attr?: unknown;
}

// ---------------------------------------------------------------- program

export interface Program extends NodeBase {
  kind: 'Program';
  /** Clauses, declarations, inlines, translators, providers, in source order. */
  items: TopLevel[];
  /** `#pragma` lines, in order (also those before the first item). */
  pragmas: Pragma[];
  /** `#pragma D option name[=value]`, in order, for the back end to apply. */
  options: [string, string | undefined][];
}

export type TopLevel = Clause | Declaration | InlineDef | TranslatorDef | ProviderDef;

export interface Clause extends NodeBase {
  kind: 'Clause';
  probes: ProbeDesc[];
  predicate: Expr | null;
  /** null when the clause has no braces (`BEGIN` alone: the default action). `[]` for `BEGIN {}`. */
  body: Statement[] | null;
}

/**
 * One probe description as written (`ip:::send`, `tick-1sec`, `BEGIN`,
 * `syscall::open*:entry`, `syscall::$1:entry`). Fields are split with
 * dtrace's rule for partial descriptions (dtrace_xstr2desc): the fields
 * given are the rightmost ones, so `BEGIN` is name=BEGIN and `a:b` is
 * func=a, name=b. Macro arguments ($1, $pid...) are left unexpanded in
 * `text` and the fields; the back end expands them.
 */
export interface ProbeDesc extends NodeBase {
  kind: 'ProbeDesc';
  text: string;
  provider: string;
  module: string;
  func: string;
  name: string;
  /** dtrace accepts a probe ID number as a description (DT_TOK_INT in probe_specifier). */
  id?: bigint;
}

export interface Pragma extends NodeBase {
  kind: 'Pragma';
  /** The words after `#pragma` (e.g. ['D', 'option', 'quiet']). */
  words: string[];
  /** For `#pragma D option n=v`: the option. */
  option?: { name: string; value: string | undefined };
}

// ---------------------------------------------------------------- statements

export type Statement = ExprStatement | IfStatement | Block;

export interface ExprStatement extends NodeBase { kind: 'ExprStatement'; expr: Expr }

/** `if (e) s [else s]` — illumos D since 2016 (statement_or_block). */
export interface IfStatement extends NodeBase {
  kind: 'If';
  test: Expr;
  then: Statement;
  else: Statement | null;
}

export interface Block extends NodeBase { kind: 'Block'; body: Statement[] }

// ---------------------------------------------------------------- expressions

export type Expr =
  | Ident | IntLit | FloatLit | StringLit | MacroArg | Agg | ScopedVar
  | Unary | Update | Binary | Assign | Conditional | Comma
  | Cast | Sizeof | Stringof | Offsetof | Xlate
  | Call | Index | Member;

export interface ExprBase extends NodeBase, ExprSlots {
  /** True when the source wrapped this expression in parentheses. */
  parens?: boolean;
}

/** An identifier. `` mod`name `` / `` `name `` kernel-scoped names are kept in `scope` (and rejected later). */
export interface Ident extends ExprBase { kind: 'Ident'; name: string; scope?: string }

export type IntSuffix = '' | 'u' | 'l' | 'ul' | 'll' | 'ull';

export interface IntLit extends ExprBase {
  kind: 'IntLit';
  value: bigint;
  /** Lower-cased suffix, normalised ('lu' -> 'ul', 'llu' -> 'ull'). */
  suffix: IntSuffix;
  radix: 8 | 10 | 16;
  /** The literal's text. */
  text: string;
  /** A character constant ('a', 'ab', '\n'). */
  char?: boolean;
}

/** D lexes floating constants but rejects them in the checker ("floating-point constants are not permitted"). */
export interface FloatLit extends ExprBase { kind: 'FloatLit'; text: string }

/**
 * A string literal. `value` is the decoded text: escapes produce the code
 * unit of their byte value (\xff is U+00FF); other characters are as written.
 */
export interface StringLit extends ExprBase { kind: 'StringLit'; value: string }

/**
 * `$1`, `$$1`, `$pid`, `$target`, `$$name`... `index` for numbered ones.
 * dtrace resolves them at lex time; here the checker does (an integer value
 * is an integer constant, `$$N` a string, another value an identifier).
 */
export interface MacroArg extends ExprBase {
  kind: 'MacroArg';
  /** The name after the dollars: '1', 'pid', 'target', 'egid'... */
  name: string;
  index: number | null;
  /** `$$`: the argument as a string. */
  quoted: boolean;
  /** Past the arguments given, under -xdefaultargs (dt_lex.l: "0", or "" for $$N). */
  defaulted?: boolean;
}

/** `@name` (name '_' for a bare `@`, as dtrace names it), with its keys when written as `@name[k1, k2]`. */
export interface Agg extends ExprBase { kind: 'Agg'; name: string; keys: Expr[] | null }

/** `self->name` or `this->name`. */
export interface ScopedVar extends ExprBase { kind: 'ScopedVar'; scope: 'self' | 'this'; name: string }

/** Prefix operators other than ++/--: `- + ! ~ * &`. */
export interface Unary extends ExprBase { kind: 'Unary'; op: '-' | '+' | '!' | '~' | '*' | '&'; operand: Expr }

export interface Update extends ExprBase { kind: 'Update'; op: '++' | '--'; prefix: boolean; operand: Expr }

export type BinaryOp =
  | '||' | '^^' | '&&' | '|' | '^' | '&' | '==' | '!=' | '<' | '>' | '<=' | '>='
  | '<<' | '>>' | '+' | '-' | '*' | '/' | '%';

export interface Binary extends ExprBase { kind: 'Binary'; op: BinaryOp; left: Expr; right: Expr }

export type AssignOp = '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '&=' | '^=' | '|=' | '<<=' | '>>=';

export interface Assign extends ExprBase { kind: 'Assign'; op: AssignOp; target: Expr; value: Expr }

export interface Conditional extends ExprBase { kind: 'Conditional'; test: Expr; then: Expr; else: Expr }

/** `a, b` (the comma operator; not function arguments). */
export interface Comma extends ExprBase { kind: 'Comma'; left: Expr; right: Expr }

export interface Cast extends ExprBase { kind: 'Cast'; typeName: TypeName; operand: Expr }

/** `sizeof expr` or `sizeof (type)`: exactly one of the two is set. */
export interface Sizeof extends ExprBase { kind: 'Sizeof'; typeName: TypeName | null; operand: Expr | null }

export interface Stringof extends ExprBase { kind: 'Stringof'; operand: Expr }

export interface Offsetof extends ExprBase { kind: 'Offsetof'; typeName: TypeName; member: string }

/** `xlate <type> (expr)`. */
export interface Xlate extends ExprBase { kind: 'Xlate'; typeName: TypeName; operand: Expr }

/** `f(args)`. D calls only named functions; the grammar (and this node) allows any postfix callee. */
export interface Call extends ExprBase { kind: 'Call'; callee: Expr; args: Expr[] }

/** `a[i, j]` (associative arrays take several keys). */
export interface Index extends ExprBase { kind: 'Index'; object: Expr; index: Expr[] }

export interface Member extends ExprBase { kind: 'Member'; op: '.' | '->'; object: Expr; member: string }

// ---------------------------------------------------------------- types and declarations

export type StorageClass = 'auto' | 'register' | 'static' | 'extern' | 'typedef' | 'self' | 'this';
export type TypeQualifier = 'const' | 'volatile' | 'restrict';
export type BuiltinTypeWord =
  | 'void' | 'char' | 'short' | 'int' | 'long' | 'float' | 'double' | 'signed' | 'unsigned' | 'string';

/** The specifiers before a declarator: storage class, qualifiers and the base type. */
export interface DeclSpecifiers extends NodeBase {
  kind: 'DeclSpecifiers';
  storage: StorageClass[];
  qualifiers: TypeQualifier[];
  /** `userland`: pointers declared with it point into user space. */
  userland: boolean;
  /** The base type; null if only storage/qualifiers were given (C's implicit int). */
  type: TypeSpec | null;
}

export type TypeSpec = BuiltinTypeSpec | TypedefNameSpec | StructSpec | EnumSpec;

/** Keyword types in the order written, e.g. ['unsigned', 'long', 'long']. */
export interface BuiltinTypeSpec extends NodeBase { kind: 'BuiltinType'; words: BuiltinTypeWord[] }

/** A name declared by typedef (`uint32_t`, `ipaddr_t`), optionally module-scoped (`` genunix`foo_t ``). */
export interface TypedefNameSpec extends NodeBase { kind: 'TypedefName'; name: string; scope?: string }

export interface StructSpec extends NodeBase {
  kind: 'StructSpec';
  tag: 'struct' | 'union';
  name: string | null;
  /** null for a reference (`struct ip`), the members for a definition. */
  members: StructMember[] | null;
}

export interface StructMember extends NodeBase {
  kind: 'StructMember';
  specifiers: DeclSpecifiers;
  /** null for an unnamed bit-field (`int : 3;`). */
  declarator: Declarator | null;
  /** Bit-field width. */
  bits: Expr | null;
}

export interface EnumSpec extends NodeBase {
  kind: 'EnumSpec';
  name: string | null;
  /** null for a reference (`enum foo`), the enumerators for a definition. */
  enumerators: Enumerator[] | null;
}

export interface Enumerator extends NodeBase { kind: 'Enumerator'; name: string; value: Expr | null }

/** A (possibly abstract) declarator. See the essay at the top for `chunks`. */
export interface Declarator extends NodeBase {
  kind: 'Declarator';
  /** null for an abstract declarator (in type names and parameters). */
  name: string | null;
  chunks: DeclChunk[];
}

export type DeclChunk = PointerChunk | ArrayChunk | FunctionChunk;

export interface PointerChunk extends NodeBase { kind: 'Pointer'; qualifiers: TypeQualifier[] }

/**
 * `[]`, `[N]`, or an associative array key signature `[int, string]`.
 * D decides between the last two by whether the brackets hold a
 * parameter list (types) or a constant expression.
 */
export interface ArrayChunk extends NodeBase {
  kind: 'Array';
  size: Expr | null;
  keys: ParamDecl[] | null;
}

export interface FunctionChunk extends NodeBase { kind: 'Function'; params: ParamDecl[]; varargs: boolean }

export interface ParamDecl extends NodeBase {
  kind: 'ParamDecl';
  specifiers: DeclSpecifiers;
  declarator: Declarator | null;
}

/** A type name as in casts, sizeof, offsetof, xlate<> and translators. */
export interface TypeName extends NodeBase {
  kind: 'TypeName';
  specifiers: DeclSpecifiers;
  declarator: Declarator | null;
}

/** `[storage] type declarator, declarator;` (also `struct s {...};` with no declarators). */
export interface Declaration extends NodeBase {
  kind: 'Declaration';
  specifiers: DeclSpecifiers;
  declarators: Declarator[];
}

/** `inline type name = expr;` */
export interface InlineDef extends NodeBase {
  kind: 'Inline';
  specifiers: DeclSpecifiers;
  declarator: Declarator;
  value: Expr;
}

/** `translator to_type < from_type param > { member = expr; ... };` */
export interface TranslatorDef extends NodeBase {
  kind: 'Translator';
  to: TypeName;
  from: TypeName;
  param: string;
  members: TranslatorMember[];
}

export interface TranslatorMember extends NodeBase { kind: 'TranslatorMember'; name: string; value: Expr }

/** `provider name { probe p(args) : (xargs); ... };` (USDT definitions; parsed, not usable here). */
export interface ProviderDef extends NodeBase {
  kind: 'Provider';
  name: string;
  probes: ProviderProbe[];
}

export interface ProviderProbe extends NodeBase {
  kind: 'ProviderProbe';
  name: string;
  params: ParamDecl[];
  /** The translated argument list after `:`, if any. */
  xlateParams: ParamDecl[] | null;
}

/** Any node, for generic walkers. */
export type Node =
  | Program | TopLevel | ProbeDesc | Pragma | Statement | Expr
  | DeclSpecifiers | TypeSpec | StructMember | Enumerator | Declarator | DeclChunk
  | ParamDecl | TypeName | TranslatorMember | ProviderProbe;
