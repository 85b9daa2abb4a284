/**
 * Type namespaces: C base type names, typedef names and struct/union/enum tags.
 * A program's scope chains to the built-in scope (C and D base types, the
 * network providers' types), so declarations in a script never change the
 * built-ins seen by another compile.
 */
import {
  T_BOOL, T_CHAR, T_DOUBLE, T_FLOAT, T_INT, T_LDOUBLE, T_LLONG, T_LONG, T_SCHAR, T_SHORT, T_STRING, T_UCHAR,
  T_UINT, T_ULLONG, T_ULONG, T_USHORT, T_VOID, arrayOf, pointerTo, type DType, type EnumType, type StructType,
} from './types.ts';

/** Spellings of the C base types, normalised to one space between words. */
export const BASE_TYPES: ReadonlyMap<string, DType> = new Map<string, DType>([
  ['char', T_CHAR], ['signed char', T_SCHAR], ['unsigned char', T_UCHAR],
  ['short', T_SHORT], ['short int', T_SHORT], ['signed short', T_SHORT], ['signed short int', T_SHORT],
  ['unsigned short', T_USHORT], ['unsigned short int', T_USHORT],
  ['int', T_INT], ['signed', T_INT], ['signed int', T_INT], ['unsigned', T_UINT], ['unsigned int', T_UINT],
  ['long', T_LONG], ['long int', T_LONG], ['signed long', T_LONG], ['signed long int', T_LONG],
  ['unsigned long', T_ULONG], ['unsigned long int', T_ULONG],
  ['long long', T_LLONG], ['long long int', T_LLONG], ['signed long long', T_LLONG], ['signed long long int', T_LLONG],
  ['unsigned long long', T_ULLONG], ['unsigned long long int', T_ULLONG],
  ['float', T_FLOAT], ['double', T_DOUBLE], ['long double', T_LDOUBLE],
  ['void', T_VOID], ['string', T_STRING], ['_Bool', T_BOOL],
]);

export type TagKind = 'struct' | 'union' | 'enum';

export class TypeScope {
  readonly typedefs = new Map<string, DType>();
  readonly tags = new Map<string, StructType | EnumType>();
  constructor(readonly parent?: TypeScope) {}

  lookupTypedef(name: string): DType | undefined {
    const t = this.typedefs.get(name);
    return t ?? this.parent?.lookupTypedef(name);
  }

  lookupTag(kind: TagKind, tag: string): StructType | EnumType | undefined {
    const t = this.tags.get(`${kind} ${tag}`);
    return t ?? this.parent?.lookupTag(kind, tag);
  }

  /** Only this scope (redefinition checks). */
  ownTag(kind: TagKind, tag: string): StructType | EnumType | undefined {
    return this.tags.get(`${kind} ${tag}`);
  }

  defineTag(kind: TagKind, tag: string, t: StructType | EnumType): void {
    this.tags.set(`${kind} ${tag}`, t);
  }

  /**
   * A type named by text, for built-in tables: "uint32_t", "char *",
   * "struct ip *", "uint8_t [16]". Throws on unknown names (a bug in a table).
   */
  parse(text: string): DType {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_ ]*?)\s*((?:\*\s*)*)(?:\[(\d+)\])?\s*$/.exec(text);
    if (!m) throw new Error(`bad built-in type text: ${text}`);
    const base = m[1]!.replace(/\s+/g, ' ');
    let t: DType | undefined = BASE_TYPES.get(base);
    if (!t) {
      const sm = /^(struct|union|enum) (\w+)$/.exec(base);
      t = sm ? this.lookupTag(sm[1] as TagKind, sm[2]!) : this.lookupTypedef(base);
    }
    if (!t) throw new Error(`unknown built-in type: ${base}`);
    const stars = (m[2] ?? '').replace(/\s/g, '').length;
    for (let i = 0; i < stars; i++) t = pointerTo(t);
    if (m[3] !== undefined) t = arrayOf(t, Number(m[3]));
    return t;
  }
}
