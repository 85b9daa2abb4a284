/**
 * The D type model: a small C type system, as libdtrace models CTF types.
 *
 * Every type carries `name`, the text dtrace uses for it in messages
 * ("int", "unsigned long", "char *", "struct ip", "uint32_t"). Typedefs are kept
 * as their own node (kind 'typedef') so messages and printf keep the name the
 * script used; `resolve()` strips them when the checker needs the structure.
 *
 * Integer types carry their rank (the C conversion rank: char 1, short 2,
 * int 3, long 4, long long 5) so the usual arithmetic conversions can be done
 * exactly as dt_node_promote() does them. Sizes follow the LP64 x86-64 ABI.
 */

export interface IntType { kind: 'int'; name: string; size: 1 | 2 | 4 | 8; signed: boolean; rank: number; isChar?: boolean; isBool?: boolean }
export interface FloatType { kind: 'float'; name: string; size: 4 | 8 | 16 }
export interface VoidType { kind: 'void'; name: 'void' }
export interface StringType { kind: 'string'; name: 'string' }
export interface PointerType { kind: 'pointer'; name: string; to: DType }
export interface ArrayType { kind: 'array'; name: string; of: DType; length: number }
export interface Member { name: string; type: DType; offset: number /* bytes */; bitOffset?: number /* within the storage unit starting at offset */; bits?: number }
export interface StructType { kind: 'struct' | 'union'; name: string; tag: string; members: Member[]; size: number; align: number; complete: boolean }
export interface EnumType { kind: 'enum'; name: string; tag: string; values: Map<string, number>; complete: boolean }
export interface TypedefType { kind: 'typedef'; name: string; base: DType }
/** A subroutine or action signature, for identifiers naming them. */
export interface FuncType { kind: 'func'; name: string; ret: DType; params: DType[]; varargs: boolean }

export type DType = IntType | FloatType | VoidType | StringType | PointerType | ArrayType | StructType | EnumType | TypedefType | FuncType;

/** Strip typedefs. */
export function resolve(t: DType): Exclude<DType, TypedefType> {
  while (t.kind === 'typedef') t = t.base;
  return t;
}

function int(name: string, size: 1 | 2 | 4 | 8, signed: boolean, rank: number, extra?: Partial<IntType>): IntType {
  return { kind: 'int', name, size, signed, rank, ...extra };
}

// The C base types (LP64).
export const T_CHAR = int('char', 1, true, 1, { isChar: true });
export const T_SCHAR = int('signed char', 1, true, 1, { isChar: true });
export const T_UCHAR = int('unsigned char', 1, false, 1, { isChar: true });
export const T_SHORT = int('short', 2, true, 2);
export const T_USHORT = int('unsigned short', 2, false, 2);
export const T_INT = int('int', 4, true, 3);
export const T_UINT = int('unsigned int', 4, false, 3);
export const T_LONG = int('long', 8, true, 4);
export const T_ULONG = int('unsigned long', 8, false, 4);
export const T_LLONG = int('long long', 8, true, 5);
export const T_ULLONG = int('unsigned long long', 8, false, 5);
export const T_BOOL = int('_Bool', 1, false, 0, { isBool: true });
export const T_FLOAT: FloatType = { kind: 'float', name: 'float', size: 4 };
export const T_DOUBLE: FloatType = { kind: 'float', name: 'double', size: 8 };
export const T_LDOUBLE: FloatType = { kind: 'float', name: 'long double', size: 16 };
export const T_VOID: VoidType = { kind: 'void', name: 'void' };
export const T_STRING: StringType = { kind: 'string', name: 'string' };

export function typedef(name: string, base: DType): TypedefType {
  return { kind: 'typedef', name, base };
}

export function pointerTo(to: DType): PointerType {
  const n = to.kind === 'func' ? `${to.ret.name} (*)()` : to.name.endsWith('*') ? `${to.name}*` : `${to.name} *`;
  return { kind: 'pointer', name: n, to };
}

export function arrayOf(of: DType, length: number): ArrayType {
  return { kind: 'array', name: `${of.name} [${length}]`, of, length };
}

// D's own integer typedefs (dt_open.c's _dtrace_typedefs and <sys/types.h>).
export const T_INT8 = typedef('int8_t', T_CHAR);
export const T_INT16 = typedef('int16_t', T_SHORT);
export const T_INT32 = typedef('int32_t', T_INT);
export const T_INT64 = typedef('int64_t', T_LONG);
export const T_UINT8 = typedef('uint8_t', T_UCHAR);
export const T_UINT16 = typedef('uint16_t', T_USHORT);
export const T_UINT32 = typedef('uint32_t', T_UINT);
export const T_UINT64 = typedef('uint64_t', T_ULONG);
export const T_UINTPTR = typedef('uintptr_t', T_ULONG);
export const T_INTPTR = typedef('intptr_t', T_LONG);
export const T_SIZE = typedef('size_t', T_ULONG);
export const T_SSIZE = typedef('ssize_t', T_LONG);
export const T_VOIDP = pointerTo(T_VOID);
export const T_CHARP = pointerTo(T_CHAR);

export function isInteger(t: DType): boolean {
  const r = resolve(t);
  return r.kind === 'int' || r.kind === 'enum';
}
export function isArith(t: DType): boolean {
  const r = resolve(t);
  return r.kind === 'int' || r.kind === 'enum' || r.kind === 'float';
}
export function isPointer(t: DType): boolean {
  const r = resolve(t);
  return r.kind === 'pointer' || r.kind === 'array';
}
/** Scalar in dtrace's sense (dt_node_is_scalar): integer, enum, float, pointer. */
export function isScalar(t: DType): boolean {
  const r = resolve(t);
  return r.kind === 'int' || r.kind === 'enum' || r.kind === 'float' || r.kind === 'pointer' || r.kind === 'array';
}
export function isString(t: DType): boolean {
  return resolve(t).kind === 'string';
}
export function isVoid(t: DType): boolean {
  return resolve(t).kind === 'void';
}
export function isStructLike(t: DType): boolean {
  const r = resolve(t);
  return r.kind === 'struct' || r.kind === 'union';
}
/** char arrays and char pointers are "string-ish" (dt_node_is_string adds these for comparisons). */
export function isCharArrayOrPtr(t: DType): boolean {
  const r = resolve(t);
  if (r.kind !== 'pointer' && r.kind !== 'array') return false;
  const e = resolve(r.kind === 'pointer' ? r.to : r.of);
  return e.kind === 'int' && e.isChar === true;
}

/** The integer view of an integer or enum type (enums are int). */
export function intInfo(t: DType): IntType {
  const r = resolve(t);
  if (r.kind === 'int') return r;
  if (r.kind === 'enum') return T_INT;
  if (r.kind === 'pointer' || r.kind === 'array') return T_ULONG;
  return T_LONG;
}

export function sizeOf(t: DType): number {
  const r = resolve(t);
  switch (r.kind) {
    case 'int': return r.size;
    case 'float': return r.size;
    case 'void': return 0;
    case 'string': return 256; // strsize; the checker substitutes the option's value
    case 'pointer': return 8;
    case 'array': return r.length * sizeOf(r.of);
    case 'struct': case 'union': return r.size;
    case 'enum': return 4;
    case 'func': return 0;
  }
}

export function alignOf(t: DType): number {
  const r = resolve(t);
  switch (r.kind) {
    case 'int': return r.size;
    case 'float': return r.size;
    case 'pointer': return 8;
    case 'array': return alignOf(r.of);
    case 'struct': case 'union': return r.align;
    case 'enum': return 4;
    default: return 1;
  }
}

/** Type compatibility for assignment (dt_node_is_argcompat / dt_node_is_ptrcompat, simplified). */
export function sameType(a: DType, b: DType): boolean {
  const x = resolve(a), y = resolve(b);
  if (x === y) return true;
  if (x.kind !== y.kind) return false;
  switch (x.kind) {
    case 'int': { const yy = y as IntType; return x.size === yy.size && x.signed === yy.signed; }
    case 'float': return x.size === (y as FloatType).size;
    case 'pointer': return sameType(x.to, (y as PointerType).to);
    case 'array': return (y as ArrayType).length === x.length && sameType(x.of, (y as ArrayType).of);
    case 'struct': case 'union': case 'enum': return x.tag !== '' && x.tag === (y as StructType).tag;
    case 'string': case 'void': return true;
    default: return false;
  }
}

/** Pointer compatibility (dt_node_is_ptrcompat): same referent, or either is void *. */
export function ptrCompat(a: DType, b: DType): boolean {
  const x = resolve(a), y = resolve(b);
  const xt = x.kind === 'pointer' ? x.to : x.kind === 'array' ? x.of : undefined;
  const yt = y.kind === 'pointer' ? y.to : y.kind === 'array' ? y.of : undefined;
  if (!xt || !yt) return false;
  if (isVoid(xt) || isVoid(yt)) return true;
  return sameType(xt, yt);
}

/**
 * D's arithmetic conversion of two integer operands (dt_type_promote): not
 * C's. Each type gets a rank, its width in bits plus one if unsigned, and the
 * result is the operand type of greater rank (enums count as int); on equal
 * ranks, the type defined later in D's C container (long long after long,
 * signed char after char), else the left one. There is no promotion to int:
 * `unsigned char + signed char` is `unsigned char`. The type is returned as
 * written (a typedef keeps its name: `uint32_t + int` is `uint32_t`).
 */
export function dtPromote(a: DType, b: DType): DType {
  const l = resolve(a).kind === 'enum' ? T_INT : a;
  const r = resolve(b).kind === 'enum' ? T_INT : b;
  const li = intInfo(l), ri = intInfo(r);
  const lrank = li.size * 8 + (li.signed ? 0 : 1), rrank = ri.size * 8 + (ri.signed ? 0 : 1);
  if (lrank !== rrank) return lrank > rrank ? l : r;
  return containerOrder(li) < containerOrder(ri) ? r : l;
}

/** The order of the integer types in D's C container (dt_open.c's intrinsics), for dtPromote's ties. */
function containerOrder(t: IntType): number {
  return t.rank + (t === T_SCHAR ? 10 : 0);
}

export function unsignedOf(t: IntType): IntType {
  switch (t.rank) {
    case 1: return T_UCHAR;
    case 2: return T_USHORT;
    case 3: return T_UINT;
    case 4: return T_ULONG;
    default: return T_ULLONG;
  }
}
