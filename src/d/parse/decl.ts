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
import type { ErrTag } from '../diagnostics.ts';
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
  /** Declarators whose name was written with a backquote scope (`` `xyz ``), by their full text. */
  protected readonly scopedNames = new WeakMap<Declarator, string>();

  /** Tokens that can begin declaration specifiers of the given kind. */
  protected isSpecStart(t: Token, kind: SpecKind): boolean {
    if (this.isTypeStart(t)) return true;
    if (kind !== 'sq' && STORAGE.has(t.kind)) return true;
    return kind === 'decl' && (t.kind === 'self' || t.kind === 'this');
  }

  /**
   * Declaration specifiers, with the checks dtrace's dt_decl.c makes as
   * each one is read (dt_decl_class, dt_decl_spec, dt_decl_attr,
   * dt_decl_check): one storage class; one base type; short/long/signed/
   * unsigned only where C allows them. A type name after a complete type
   * names the declared object (`int foo_t;`), except in a typedef.
   */
  parseDeclSpecifiers(kind: SpecKind): DeclSpecifiers {
    return this.nested(() => this.parseDeclSpecifiersInner(kind));
  }

  private parseDeclSpecifiersInner(kind: SpecKind): DeclSpecifiers {
    const first = this.peek();
    const storage: StorageClass[] = [];
    const qualifiers: TypeQualifier[] = [];
    let userland = false;
    let type: TypeSpec | null = null;
    let words: BuiltinTypeWord[] | null = null;
    // dt_decl_t's state: the kind and name of the base type, and its attributes.
    let k: 'unknown' | 'int' | 'float' | 'typedef' | 'sou' | 'enum' = 'unknown';
    let specName: string | null = null;
    let aShort = false; let aLong = false; let aLongLong = false; let aSigned = false; let aUnsigned = false;
    const check = (t: Token): void => {
      if (k === 'unknown') return;
      if (specName === 'char' && (aShort || aLong || aLongLong)) {
        this.declError(t, 'D_DECL_CHARATTR', 'invalid type declaration: short and long may not be used with char type');
      }
      if (specName === 'void' && (aShort || aLong || aLongLong || aSigned || aUnsigned)) {
        this.declError(t, 'D_DECL_VOIDATTR', 'invalid type declaration: attributes may not be used with void type');
      }
      if (k !== 'int' && (aSigned || aUnsigned)) {
        this.declError(t, 'D_DECL_SIGNINT', 'invalid type declaration: signed and unsigned may only be used with integer type');
      }
      if (k !== 'int' && k !== 'float' && (aLong || aLongLong)) {
        this.declError(t, 'D_DECL_LONGINT', 'invalid type declaration: long and long long may only be used with integer or floating-point type');
      }
    };
    /** dt_decl_spec; returns false when the type name is really the declarator's name. */
    const spec = (t: Token, nk: typeof k, name: string | null): boolean => {
      if (specName !== null && nk === 'typedef') {
        if (!storage.includes('typedef')) return false;
        // A name this program typedef'd is redeclared as a typedef (dt_node_decl: Oracle's lexer reads it
        // as an identifier before ';'); a system type name is refused by dt_decl_spec.
        this.declError(t, 'D_DECL_IDRED', `${this.lx.typeNames.has(name ?? '') ? 'typedef' : 'identifier'} redeclared: ${name}`);
      }
      if (specName !== null || k !== 'unknown') this.declError(t, 'D_DECL_COMBO', 'invalid type combination');
      k = nk;
      specName = name;
      return true;
    };
    const addWord = (t: Token): void => {
      if (words === null) {
        words = [];
        if (type === null) type = { kind: 'BuiltinType', words, loc: this.span(t) };
      }
      words.push(t.kind as BuiltinTypeWord);
      if (type !== null && type.kind === 'BuiltinType') type.loc = this.span(type.loc);
    };
    let any = false;
    for (;;) {
      const t = this.peek();
      if ((kind !== 'sq' && STORAGE.has(t.kind)) || (kind === 'decl' && (t.kind === 'self' || t.kind === 'this'))) {
        this.next();
        if (storage.length > 0) this.declError(t, 'D_DECL_CLASS', 'only one storage class allowed in a declaration');
        storage.push(t.kind as StorageClass);
      } else if (QUALIFIERS.has(t.kind)) { this.next(); qualifiers.push(t.kind as TypeQualifier); }
      else if (t.kind === 'userland') { this.next(); userland = true; }
      else if (ATTR_WORDS.has(t.kind)) {
        this.next();
        if (t.kind === 'short') aShort = true;
        else if (t.kind === 'signed') aSigned = true;
        else if (t.kind === 'unsigned') aUnsigned = true;
        else if (aLong) { aLong = false; aLongLong = true; } else aLong = true;
        const cur = type as TypeSpec | null;
        if (cur === null || cur.kind === 'BuiltinType') addWord(t);
        check(t);
      } else if (BUILTIN_WORDS.has(t.kind)) {
        this.next();
        spec(t, t.kind === 'float' || t.kind === 'double' ? 'float' : t.kind === 'string' ? 'typedef' : 'int', t.kind);
        addWord(t);
        check(t);
      } else if (t.kind === 'TNAME') {
        const name = t.str ?? t.text;
        if (!spec(t, 'typedef', name)) break;
        this.next();
        type = { kind: 'TypedefName', name, loc: this.span(t) };
        check(t);
      } else if (t.kind === 'struct' || t.kind === 'union' || t.kind === 'enum') {
        // dt_decl_sou/dt_decl_spec check the attributes when the tag is reduced: at the token after
        // it (the '{' of a definition), before the members are read.
        const early = (at: Token): void => { if (k === 'unknown' && specName === null) { k = t.kind === 'enum' ? 'enum' : 'sou'; check(at); k = 'unknown'; } };
        const st = t.kind === 'enum' ? this.parseEnumSpec() : this.parseStructSpec(early);
        spec(t, t.kind === 'enum' ? 'enum' : 'sou', st.name ?? '(anon)');
        type = st;
        check(t);
      } else break;
      any = true;
    }
    if (!any) this.fail();
    return { kind: 'DeclSpecifiers', storage, qualifiers, userland, type, loc: this.span(first) };
  }

  /** An error of dt_decl.c: reported at the token being read, then unwinds. */
  protected declError(t: Token, tag: ErrTag, message: string): never {
    this.report(tag, message, t.line, t.column, undefined, t.file);
    this.fail(t);
  }

  private tagName(): string | null {
    const t = this.peek();
    if (t.kind === 'IDENT' || t.kind === 'TNAME') { this.next(); return t.str ?? t.text; }
    return null;
  }

  /** struct/union tags this program has defined (a second definition is D_DECL_TYPERED, found at its '{'). */
  private readonly definedTags = new Set<string>();

  private parseStructSpec(onTag?: (at: Token) => void): StructSpec {
    const kw = this.next();
    const name = this.tagName();
    if (!this.at('{')) {
      if (name === null) this.fail();
      onTag?.(this.peek());
      return { kind: 'StructSpec', tag: kw.kind as 'struct' | 'union', name, members: null, loc: this.span(kw) };
    }
    const open = this.peek();
    onTag?.(open);
    const key = `${kw.kind} ${name}`;
    if (name !== null && this.definedTags.has(key)) this.declError(open, 'D_DECL_TYPERED', `type redeclared: ${key}`);
    this.next();
    const members: StructMember[] = [];
    do members.push(...this.parseStructDeclaration()); while (!this.at('}'));
    this.next();
    if (name !== null) this.definedTags.add(key);
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
      const scoped = declarator && this.scopedNames.get(declarator);
      if (scoped) this.declError(this.peek(), 'D_DECL_SCOPE', `D scoping operator may not be used in a member name (${scoped})`);
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
      // dt_grammar.y accepts a trailing comma: enumerator_list ',' '}'.
    } while (this.eat(',') && !this.at('}'));
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
    return this.nested(() => this.parseDeclaratorInner(mode, nameMayBeType));
  }

  private parseDeclaratorInner(mode: DeclMode, nameMayBeType: boolean): Declarator {
    const first = this.peek();
    const ptrs: DeclChunk[] = [];
    while (this.at('*')) {
      const star = this.next();
      const qualifiers: TypeQualifier[] = [];
      while (QUALIFIERS.has(this.peek().kind)) qualifiers.push(this.next().kind as TypeQualifier);
      ptrs.push({ kind: 'Pointer', qualifiers, loc: this.span(star) });
    }
    let name: string | null = null;
    let scoped: string | undefined;
    let inner: Declarator | null = null;
    const suffixes: DeclChunk[] = [];
    const t = this.peek();
    if ((t.kind === 'IDENT' || (t.kind === 'TNAME' && nameMayBeType && ptrs.length === 0)) && mode !== 'abstract') {
      this.next();
      name = t.str ?? t.text;
      if (t.scope !== undefined) scoped = t.text;
    } else if (t.kind === '(') {
      const open = this.next();
      const k = this.peek().kind;
      const nested = mode === 'named' || k === '*' || k === '[' || (k === '(' ) || (k === 'IDENT' && mode === 'either');
      if (nested) {
        inner = this.parseDeclarator(mode);
        this.expect(')');
        name = inner.name;
        scoped = this.scopedNames.get(inner);
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
    const d: Declarator = { kind: 'Declarator', name, chunks, loc: this.span(first) };
    if (scoped !== undefined) this.scopedNames.set(d, scoped);
    return d;
  }

  private parseArrayChunk(): ArrayChunk {
    const open = this.next();
    if (this.eat(']')) return { kind: 'Array', size: null, keys: null, loc: this.span(open) };
    const t = this.peek();
    if (this.isSpecStart(t, 'param') || t.kind === '...') {
      const { params, varargs } = this.parseParamList();
      this.checkPrototype(params, varargs, 'array');
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
    this.checkPrototype(params, varargs, 'function');
    this.expect(')');
    return { kind: 'Function', params, varargs, loc: this.span(open) };
  }

  /**
   * dt_decl_prototype for an array's key signature (DT_DP_ANON) or a
   * function's parameters (DT_DP_VARARGS | DT_DP_VOID | DT_DP_ANON): no
   * associative-array parameter, void only alone and unnamed (and never as
   * a key), no name twice, `...` only in a function.
   */
  private checkPrototype(params: readonly ParamDecl[], varargs: boolean, kind: 'array' | 'function'): void {
    let voids = 0;
    const names = new Set<string>();
    params.forEach((p, idx) => {
      const i = idx + 1;
      const name = p.declarator?.name ?? null;
      const chunks = p.declarator?.chunks ?? [];
      if (chunks.some((c) => c.kind === 'Array' && c.keys !== null)) {
        this.failAt(p.loc, 'D_DECL_PROTO_TYPE', `${kind} prototype may not use parameter of type dynamic variable: ${name ?? '(anonymous)'}, parameter #${i}`);
      }
      const ty = p.specifiers.type;
      const isVoid = chunks.length === 0 && ty !== null && ty.kind === 'BuiltinType' && ty.words.length === 1 && ty.words[0] === 'void';
      if (isVoid) {
        voids++;
        if (kind === 'array') this.failAt(p.loc, 'D_DECL_PROTO_TYPE', `array prototype may not use parameter of type void: ${name ?? '(anonymous)'}, parameter #${i}`);
        if (name !== null) this.failAt(p.loc, 'D_DECL_PROTO_NAME', `void parameter may not have a name: ${name}`);
      }
      if (name !== null) {
        if (names.has(name)) this.failAt(p.loc, 'D_DECL_PROTO_FORM', `parameter is already declared in ${kind} prototype: ${name}, parameter #${i}`);
        names.add(name);
      }
    });
    if (varargs && kind === 'array') {
      const t = this.peek();
      this.declError(t, 'D_DECL_PROTO_VARARGS', 'array prototype may not use a variable-length argument list');
    }
    if (voids !== 0 && params.length + (varargs ? 1 : 0) > 1) this.declError(this.peek(), 'D_DECL_PROTO_VOID', 'void must be sole parameter');
  }

  /** parameter_type_list */
  protected parseParamList(): { params: ParamDecl[]; varargs: boolean } {
    const params: ParamDecl[] = [];
    do {
      if (this.eat('...')) return { params, varargs: true };
      const first = this.peek();
      const specifiers = this.parseDeclSpecifiers('param');
      const declarator = this.isDeclaratorStart('either') ? this.parseDeclarator('either') : null;
      // dt_decl_pop_param
      if (specifiers.storage.length > 0 && specifiers.storage[0] !== 'register') {
        this.declError(this.peek(), 'D_DECL_PARMCLASS', 'inappropriate storage class for function or associative array parameter');
      }
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
