/**
 * The small view of D types that the formatting library needs. The back end
 * (src/d/types, src/d/check) implements it for its own type objects; the
 * printf checker only asks these questions, mirroring what dt_printf.c asks
 * of CTF (dt_node_is_integer, dt_node_type_size, ctf_type_name, ...).
 */

export type DTypeKind =
  | 'int' // any integer (char, short, int, long, long long, enums count as int)
  | 'float' // float, double, long double
  | 'string' // the D string type
  | 'chararray' // char [N] (accepted by %s like a string)
  | 'pointer'
  | 'stack' // the result of stack()/ustack()
  | 'symaddr' // _symaddr (func(), sym())
  | 'usymaddr' // _usymaddr (ufunc(), usym())
  | 'void'
  | 'other'; // structs, unions, arrays of non-char, ...

export interface DTypeDesc {
  kind: DTypeKind;
  /** sizeof the type in bytes (strings: the strsize). */
  size: number;
  /** For integers: signed or not. */
  signed?: boolean;
  /** The type's name as dtrace prints it in messages ("int", "string", "char [16]", "uint64_t"). */
  name: string;
  /** The name after resolving typedefs ("unsigned long long" for uint64_t); defaults to `name`. */
  resolvedName?: string;
  /** Typedef names on the way from `name` to the base type (e.g. ["uint64_t"]), for %llx's check. */
  typedefs?: string[];
}

/** Convenience constructors for common D types (LP64, as the DTrace D compiler's model). */
export const T = {
  char: { kind: 'int', size: 1, signed: true, name: 'char' } as DTypeDesc,
  uchar: { kind: 'int', size: 1, signed: false, name: 'uchar_t', resolvedName: 'unsigned char', typedefs: ['uchar_t'] } as DTypeDesc,
  short: { kind: 'int', size: 2, signed: true, name: 'short' } as DTypeDesc,
  ushort: { kind: 'int', size: 2, signed: false, name: 'unsigned short' } as DTypeDesc,
  int: { kind: 'int', size: 4, signed: true, name: 'int' } as DTypeDesc,
  uint: { kind: 'int', size: 4, signed: false, name: 'unsigned int' } as DTypeDesc,
  long: { kind: 'int', size: 8, signed: true, name: 'long' } as DTypeDesc,
  ulong: { kind: 'int', size: 8, signed: false, name: 'unsigned long' } as DTypeDesc,
  longlong: { kind: 'int', size: 8, signed: true, name: 'long long' } as DTypeDesc,
  ulonglong: { kind: 'int', size: 8, signed: false, name: 'unsigned long long' } as DTypeDesc,
  int64: { kind: 'int', size: 8, signed: true, name: 'int64_t', resolvedName: 'long', typedefs: ['int64_t'] } as DTypeDesc,
  uint64: { kind: 'int', size: 8, signed: false, name: 'uint64_t', resolvedName: 'unsigned long', typedefs: ['uint64_t'] } as DTypeDesc,
  double: { kind: 'float', size: 8, name: 'double' } as DTypeDesc,
  string: { kind: 'string', size: 256, name: 'string' } as DTypeDesc,
  voidp: { kind: 'pointer', size: 8, name: 'void *' } as DTypeDesc,
  stack: { kind: 'stack', size: 8, name: 'stack' } as DTypeDesc,
};
