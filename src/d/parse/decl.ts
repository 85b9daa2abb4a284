/**
 * D declarations and type names: dt_grammar.y's declaration_specifiers,
 * struct/union/enum specifiers, declarators (pointers, arrays with a size or
 * an associative-array key signature, functions) and type_name.
 *
 * A declarator is flattened into `chunks` applied to the base type in order
 * (see ast.ts): chunks = pointers ++ reversed suffixes ++ inner declarator's
 * chunks, which is C's "read from the name outwards" rule turned inside out.
 */
import type {
  ArrayChunk, BuiltinTypeWord, DeclChunk, DeclSpecifiers, Declarator, EnumSpec, Enumerator,
  FunctionChunk, ParamDecl, StorageClass, StructMember, StructSpec, TypeName, TypeQualifier, TypeSpec,
} from '../ast.ts';
import type { Token } from '../lexer.ts';
import { ExprParser } from './expr.ts';

const STORAGE: ReadonlySet<string> = new Set(['auto', 'register', 'static', 'extern', 'typedef']);
const QUALIFIERS: ReadonlySet<string> = new Set(['const', 'volatile', 'restrict']);
const BUILTIN_WORDS: ReadonlySet<string> = new Set([
  'void', 'char', 'short', 'int', 'long', 'float', 'double', 'signed', 'unsigned', 'string',
]);
/** Words dtrace records as attributes of the type (dt_decl_attr) rather than naming it. */
const ATTR_WORDS: ReadonlySet<string> = new Set(['short', 'long', 'signed', 'unsigned']);

/** Which specifiers a list may hold: declaration (with self/this), parameter, or specifier_qualifier_list. */
type SpecKind = 'decl' | 'param' | 'sq';
/** Whether a declarator must, may, or must not name something. */
type DeclMode = 'named' | 'either' | 'abstract';

export class DeclParser extends ExprParser {
  /** Tokens that can begin declaration specifiers of the given kind. */
  protected isSpecStart(t: Token, kind: SpecKind): boolean {
    if (this.isTypeStart(t)) return true;
    if (kind !== 'sq' && STORAGE.has(t.kind)) return true;
    return kind === 'decl' && (t.kind === 'self' || t.kind === 'this');
  }

  parseDeclSpecifiers(kind: SpecKind): DeclSpecifiers {
    const first = this.peek();
    const storage: StorageClass[] = [];
    const qualifiers: TypeQualifier[] = [];
    let userland = false;
    let type: TypeSpec | null = null;
    let words: BuiltinTypeWord[] | null = null;
    /** A named base type was given (dt_decl_spec: void char int float double string, a typedef, struct/union/enum). */
    let named = false;
    let any = false;
    for (;;) {
      const t = this.peek();
      if (kind !== 'sq' && STORAGE.has(t.kind)) { this.next(); storage.push(t.kind as StorageClass); }
      else if (kind === 'decl' && (t.kind === 'self' || t.kind === 'this')) { this.next(); storage.push(t.kind); }
      else if (QUALIFIERS.has(t.kind)) { this.next(); qualifiers.push(t.kind as TypeQualifier); }
      else if (t.kind === 'userland') { this.next(); userland = true; }
      else if (BUILTIN_WORDS.has(t.kind)) {
        const isSpec = !ATTR_WORDS.has(t.kind);
        if ((isSpec && named) || (type !== null && type.kind !== 'BuiltinType')) this.combo(t);
        this.next();
        if (isSpec) named = true;
        if (words === null) {
          words = [];
          type = { kind: 'BuiltinType', words, loc: this.span(t) };
        }
        words.push(t.kind as BuiltinTypeWord);
        type!.loc = this.span(type!.loc);
      } else if (t.kind === 'TNAME') {
        if (named) {
          // dt_decl_spec: a type name after a complete type is the declarator's name...
          if (!storage.includes('typedef')) break;
          // ...except in a typedef, where it redefines the type.
          this.report('D_DECL_IDRED', `identifier redeclared: ${t.str ?? t.text}`, t.line, t.column, undefined, t.file);
          this.fail(t);
        }
        if (type !== null) this.combo(t);
        this.next();
        named = true;
        type = { kind: 'TypedefName', name: t.str ?? t.text, loc: this.span(t) };
      } else if (t.kind === 'struct' || t.kind === 'union') {
        if (type !== null) this.combo(t);
        type = this.parseStructSpec();
        named = true;
      } else if (t.kind === 'enum') {
        if (type !== null) this.combo(t);
        type = this.parseEnumSpec();
        named = true;
      } else break;
      any = true;
    }
    if (!any) this.fail();
    return { kind: 'DeclSpecifiers', storage, qualifiers, userland, type, loc: this.span(first) };
  }

  /** dt_decl_spec: a second base type in one specifier list. */
  private combo(t: Token): never {
    this.report('D_DECL_COMBO', 'invalid type combination', t.line, t.column, undefined, t.file);
    this.fail(t);
  }

  private tagName(): string | null {
    const t = this.peek();
    if (t.kind === 'IDENT' || t.kind === 'TNAME') { this.next(); return t.str ?? t.text; }
    return null;
  }

  private parseStructSpec(): StructSpec {
    const kw = this.next();
    const name = this.tagName();
    if (!this.at('{')) {
      if (name === null) this.fail();
      return { kind: 'StructSpec', tag: kw.kind as 'struct' | 'union', name, members: null, loc: this.span(kw) };
    }
    this.next();
    const members: StructMember[] = [];
    do members.push(...this.parseStructDeclaration()); while (!this.at('}'));
    this.next();
    return { kind: 'StructSpec', tag: kw.kind as 'struct' | 'union', name, members, loc: this.span(kw) };
  }

  /** struct_declaration: specifier_qualifier_list struct_declarator_list ';' */
  private parseStructDeclaration(): StructMember[] {
    const specifiers = this.parseDeclSpecifiers('sq');
    const out: StructMember[] = [];
    do {
      const first = this.peek();
      let declarator: Declarator | null = null;
      let bits = null;
      if (!this.at(':')) declarator = this.parseDeclarator('named', true);
      if (this.eat(':')) bits = this.parseConditional();
      out.push({ kind: 'StructMember', specifiers, declarator, bits, loc: this.span(first) });
    } while (this.eat(','));
    this.expect(';');
    return out;
  }

  private parseEnumSpec(): EnumSpec {
    const kw = this.next();
    const name = this.tagName();
    if (!this.at('{')) {
      if (name === null) this.fail();
      return { kind: 'EnumSpec', name, enumerators: null, loc: this.span(kw) };
    }
    this.next();
    const enumerators: Enumerator[] = [];
    do {
      const t = this.expect('IDENT');
      let value = null;
      if (this.eat('=')) value = this.parseAssignment();
      enumerators.push({ kind: 'Enumerator', name: t.str ?? t.text, value, loc: this.span(t) });
    } while (this.eat(','));
    this.expect('}');
    return { kind: 'EnumSpec', name, enumerators, loc: this.span(kw) };
  }

  /** Does the current token begin a (possibly abstract) declarator? */
  protected isDeclaratorStart(mode: DeclMode): boolean {
    const k = this.peek().kind;
    return k === '*' || k === '(' || k === '[' || (mode !== 'abstract' && k === 'IDENT');
  }

  /**
   * `nameMayBeType`: right after declaration specifiers, a type name names
   * the declared object (`int foo_t;`), as dt_decl_spec turns it into one.
   */
  parseDeclarator(mode: DeclMode, nameMayBeType = false): Declarator {
    const first = this.peek();
    const ptrs: DeclChunk[] = [];
    while (this.at('*')) {
      const star = this.next();
      const qualifiers: TypeQualifier[] = [];
      while (QUALIFIERS.has(this.peek().kind)) qualifiers.push(this.next().kind as TypeQualifier);
      ptrs.push({ kind: 'Pointer', qualifiers, loc: this.span(star) });
    }
    let name: string | null = null;
    let inner: Declarator | null = null;
    const suffixes: DeclChunk[] = [];
    const t = this.peek();
    if ((t.kind === 'IDENT' || (t.kind === 'TNAME' && nameMayBeType && ptrs.length === 0)) && mode !== 'abstract') {
      this.next();
      name = t.str ?? t.text;
    } else if (t.kind === '(') {
      const open = this.next();
      const k = this.peek().kind;
      const nested = mode === 'named' || k === '*' || k === '[' || (k === '(' ) || (k === 'IDENT' && mode === 'either');
      if (nested) {
        inner = this.parseDeclarator(mode);
        this.expect(')');
        name = inner.name;
      } else {
        suffixes.push(this.parseFunctionRest(open));
      }
    } else if (mode === 'named') {
      this.fail(t);
    }
    for (;;) {
      if (this.at('[')) suffixes.push(this.parseArrayChunk());
      else if (this.at('(')) suffixes.push(this.parseFunctionRest(this.next()));
      else break;
    }
    const chunks = ptrs.concat(suffixes.reverse(), inner ? inner.chunks : []);
    return { kind: 'Declarator', name, chunks, loc: this.span(first) };
  }

  private parseArrayChunk(): ArrayChunk {
    const open = this.next();
    if (this.eat(']')) return { kind: 'Array', size: null, keys: null, loc: this.span(open) };
    const t = this.peek();
    if (this.isSpecStart(t, 'param') || t.kind === '...') {
      const { params } = this.parseParamList();
      this.expect(']');
      return { kind: 'Array', size: null, keys: params, loc: this.span(open) };
    }
    const size = this.parseConditional();
    this.expect(']');
    return { kind: 'Array', size, keys: null, loc: this.span(open) };
  }

  /** After '(' of a function declarator: parameters and ')'. */
  protected parseFunctionRest(open: Token): FunctionChunk {
    if (this.eat(')')) return { kind: 'Function', params: [], varargs: false, loc: this.span(open) };
    const { params, varargs } = this.parseParamList();
    this.expect(')');
    return { kind: 'Function', params, varargs, loc: this.span(open) };
  }

  /** parameter_type_list */
  protected parseParamList(): { params: ParamDecl[]; varargs: boolean } {
    const params: ParamDecl[] = [];
    do {
      if (this.eat('...')) return { params, varargs: true };
      const first = this.peek();
      const specifiers = this.parseDeclSpecifiers('param');
      const declarator = this.isDeclaratorStart('either') ? this.parseDeclarator('either') : null;
      params.push({ kind: 'ParamDecl', specifiers, declarator, loc: this.span(first) });
    } while (this.eat(','));
    return { params, varargs: false };
  }

  parseTypeName(): TypeName {
    const first = this.peek();
    const specifiers = this.parseDeclSpecifiers('sq');
    const declarator = this.isDeclaratorStart('abstract') ? this.parseDeclarator('abstract') : null;
    return { kind: 'TypeName', specifiers, declarator, loc: this.span(first) };
  }
}
