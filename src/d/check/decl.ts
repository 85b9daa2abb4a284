/**
 * Declarations → types (dt_decl.c's job): base types from specifiers,
 * declarator chunks applied in order, struct/union/enum definitions laid out
 * as GCC would, typedef names entered in the program's type scope.
 */
import type { DeclSpecifiers, Declarator, Expr, StructSpec, EnumSpec, TypeName, Span } from '../ast.ts';
import { CompileError, fail } from './errors.ts';
import { layoutStruct, forwardStruct, type MemberDecl } from '../types/layout.ts';
import { BASE_TYPES, type TypeScope } from '../types/scope.ts';
import { arrayOf, pointerTo, resolve, T_INT, type DType, type EnumType, type FuncType, type StructType } from '../types/types.ts';

/** Evaluates an integer constant expression (array sizes, bit-field widths, enum values). */
export type ConstEval = (e: Expr) => bigint;

export class DeclBuilder {
  constructor(readonly scope: TypeScope, readonly constEval: ConstEval) {}

  /** Set by the compiler: is this name a D global identifier (variable, built-in, inline)? An enumerator may not reuse one. */
  isGlobalIdent: ((name: string) => boolean) | undefined;

  baseType(spec: DeclSpecifiers): DType {
    const t = spec.type;
    if (t === null) return T_INT;
    switch (t.kind) {
      case 'BuiltinType': {
        if (t.words.includes('short') && t.words.includes('long')) {
          // dt_decl_type names the type from its attributes ("short long " + name): no such CTF type.
          const sg = t.words.find((w) => w === 'signed' || w === 'unsigned');
          const longs = t.words.filter((w) => w === 'long').length;
          const base = t.words.find((w) => !['signed', 'unsigned', 'short', 'long'].includes(w)) ?? '';
          const name = `${sg ? `${sg} ` : ''}short ${'long '.repeat(longs)}${base}`;
          fail('D_UNKNOWN', `failed to resolve type ${name}: Unknown type name`, t.loc);
        }
        const words = normaliseWords(t.words);
        const bt = BASE_TYPES.get(words);
        if (!bt) fail('D_TYPE_ERR', `invalid type combination`, t.loc);
        return bt;
      }
      case 'TypedefName': {
        if (t.scope !== undefined) fail('D_TYPE_ERR', `failed to resolve type ${t.scope}\`${t.name}: Unknown type name`, t.loc);
        const tt = this.scope.lookupTypedef(t.name);
        if (!tt) fail('D_TYPE_ERR', `failed to resolve type ${t.name}: Unknown type name`, t.loc);
        return tt;
      }
      case 'StructSpec': return this.structSpec(t);
      case 'EnumSpec': return this.enumSpec(t);
    }
  }

  private structSpec(s: StructSpec): StructType {
    const tag = s.name ?? '';
    if (s.members === null) {
      const old = this.scope.lookupTag(s.tag, tag);
      if (old && old.kind === s.tag) return old;
      const f = forwardStruct(s.tag, tag);
      if (tag !== '') this.scope.defineTag(s.tag, tag, f);
      return f;
    }
    let into: StructType | undefined;
    if (tag !== '') {
      const own = this.scope.ownTag(s.tag, tag);
      if (own && own.kind === s.tag) {
        if (own.complete) fail('D_DECL_TYPERED', `type redeclared: ${s.tag} ${tag}`, s.loc);
        into = own;
      }
    }
    const decls: MemberDecl[] = [];
    const seen = new Set<string>();
    for (const m of s.members) {
      const base = this.baseType(m.specifiers);
      const name = m.declarator?.name ?? '';
      const type = m.declarator ? this.apply(base, m.declarator) : base;
      if (name !== '' && seen.has(name)) fail('D_UNKNOWN', `failed to define member '${name}': Duplicate member or variable name`, m.loc); // ctf_add_member: ECTF_DUPMEMBER
      seen.add(name);
      if (m.bits !== null) {
        // dt_decl_member: an unnamed zero-width field only closes the storage unit; any other
        // width must be a positive constant no wider than its integer base type.
        let bw: bigint;
        try {
          bw = this.constEval(m.bits);
        } catch (err) {
          if (err instanceof CompileError && err.tag === 'D_DECL_ARRSUB') fail('D_DECL_BFCONST', 'positive integral constant expression expected as bit-field size', m.loc);
          throw err;
        }
        const idname = name === '' ? '(anon)' : name;
        if (!(name === '' && bw === 0n)) {
          if (bw <= 0n) fail('D_DECL_BFCONST', 'positive integral constant expression expected as bit-field size', m.loc);
          const r = resolve(type);
          if (r.kind !== 'int') fail('D_DECL_BFTYPE', `invalid type for bit-field: ${idname}`, m.loc);
          if (bw > BigInt(r.size * 8)) fail('D_DECL_BFSIZE', `bit-field too big for type: ${idname}`, m.loc);
        }
        decls.push({ name, type, bits: Number(bw) });
      } else {
        const r = resolve(type);
        if (r.kind === 'void' || r.kind === 'func') fail('D_DECL_VOIDOBJ', `cannot have void member: ${name}`, m.loc);
        if ((r.kind === 'struct' || r.kind === 'union') && !r.complete) {
          fail('D_DECL_INCOMPLETE', `incomplete struct/union/enum ${type.name}: ${name}`, m.loc);
        }
        decls.push({ name, type });
      }
    }
    const t = layoutStruct(s.tag, tag, decls, into);
    if (tag !== '' && !into) this.scope.defineTag(s.tag, tag, t);
    return t;
  }

  private enumSpec(e: EnumSpec): EnumType {
    const tag = e.name ?? '';
    if (e.enumerators === null) {
      const old = this.scope.lookupTag('enum', tag);
      if (old && old.kind === 'enum') return old;
      const f: EnumType = { kind: 'enum', name: `enum ${tag}`, tag, values: new Map(), complete: false };
      if (tag !== '') this.scope.defineTag('enum', tag, f);
      return f;
    }
    const values = new Map<string, number>();
    // The type exists while its enumerators are defined: a value may name an earlier one.
    const t: EnumType = { kind: 'enum', name: tag === '' ? 'enum <anon>' : `enum ${tag}`, tag, values, complete: true };
    let next = 0;
    for (const en of e.enumerators) {
      if (en.value !== null) {
        let v: bigint;
        try {
          v = this.constEval(en.value);
        } catch (err) {
          // dt_decl_enumerator: a cooked value that is not an integer constant.
          if (err instanceof CompileError && err.tag === 'D_DECL_ARRSUB') fail('D_DECL_ENCONST', `enumerator '${en.name}' must be assigned to an integral constant expression`, en.loc);
          throw err;
        }
        next = Number(v);
      }
      // dt_decl_enumerator: the value must fit an int, in either direction, and says so with INT_MAX.
      if (next > 2147483647 || next < -2147483648) fail('D_DECL_ENOFLOW', `enumerator '${en.name}' value overflows INT_MAX (2147483647)`, en.loc);
      // ctf_add_enumerator refuses a name twice in one enum; then the name must be new to D's globals.
      if (values.has(en.name)) fail('D_UNKNOWN', `failed to define enumerator '${en.name}': Duplicate member or variable name`, en.loc);
      if (this.enumConsts.has(en.name) || (this.isGlobalIdent?.(en.name) ?? false)) fail('D_DECL_IDRED', `identifier redeclared: ${en.name}`, en.loc);
      values.set(en.name, next);
      this.enumConsts.set(en.name, { value: next, type: t });
      next++;
    }
    if (tag !== '') this.scope.defineTag('enum', tag, t);
    return t;
  }

  /** Enumerators defined so far: name → value and enum type. */
  readonly enumConsts = new Map<string, { value: number; type: EnumType }>();

  /** Apply a declarator's chunks (pointer, array, function) to a base type. */
  apply(base: DType, d: Declarator | null): DType {
    if (!d) return base;
    let t = base;
    for (const ch of d.chunks) {
      if (ch.kind === 'Pointer') t = pointerTo(t);
      else if (ch.kind === 'Array') {
        if (ch.keys !== null) continue; // associative array signature: the caller reads it
        if (ch.size === null) t = arrayOf(t, 0);
        else {
          // dt_decl_array: a positive integer constant no greater than UINT_MAX.
          const sub = 'positive integral constant expression or tuple signature expected as array declaration subscript';
          let n: bigint;
          try {
            n = this.constEval(ch.size);
          } catch (err) {
            if (err instanceof CompileError && err.tag === 'D_DECL_ARRSUB') fail('D_DECL_ARRSUB', sub, ch.loc);
            throw err;
          }
          if (n <= 0n) fail('D_DECL_ARRSUB', sub, ch.loc);
          if (n > 0xffffffffn) fail('D_DECL_ARRBIG', 'array dimension too big', ch.loc);
          t = arrayOf(t, Number(n));
        }
      } else {
        const f: FuncType = { kind: 'func', name: `${t.name} ()`, ret: t, params: [], varargs: ch.varargs };
        t = f;
      }
    }
    return t;
  }

  typeName(tn: TypeName): DType {
    return this.apply(this.baseType(tn.specifiers), tn.declarator);
  }

  /** The key types of an associative array declarator (`int x[int, string]`), or null. */
  keySignature(d: Declarator): DType[] | null {
    for (const ch of d.chunks) {
      if (ch.kind === 'Array' && ch.keys !== null) {
        return ch.keys.map((p) => this.apply(this.baseType(p.specifiers), p.declarator));
      }
    }
    return null;
  }
}

function normaliseWords(words: readonly string[]): string {
  // Order-insensitive spellings: "long unsigned int" == "unsigned long int".
  let signed = '', longs = 0, base = '';
  for (const w of words) {
    if (w === 'signed' || w === 'unsigned') signed = w;
    else if (w === 'long') longs++;
    else if (w === 'short') base = base === 'int' ? 'short' : 'short';
    else if (w === 'int') base = base === 'short' ? 'short' : 'int';
    else base = w;
  }
  const parts: string[] = [];
  if (signed) parts.push(signed);
  if (base === 'short') parts.push('short');
  else {
    for (let i = 0; i < longs; i++) parts.push('long');
    if (base && base !== 'int') { if (longs > 0 && base === 'double') return 'long double'; parts.push(base); }
    if (base === 'int' && parts.length === (signed ? 1 : 0)) parts.push('int');
    else if (base === 'int') parts.push('int');
  }
  if (parts.length === 0) return 'int';
  return parts.join(' ');
}

export function spanOf(x: { loc: Span }): Span {
  return x.loc;
}
