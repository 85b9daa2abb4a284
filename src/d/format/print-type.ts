/**
 * print(): an object printed member by member with its types, in Oracle
 * Linux DTrace's layout (dt_printf.c: dt_print_type, dt_print_visit,
 * dt_print_close_parens), which the dtrace-utils tests hold it to:
 *
 *     0x8000000 = *
 *                                                 (struct foo) {
 *                                                  .a = (int)1,
 *                                                  .in = (struct) {
 *                                                   .c = (char)'x',
 *                                                  },
 *                                                 }
 *
 * Lines start at column 44 plus the depth. Members whose bytes are all zero
 * are left out (below the top), floats are not shown, char arrays stop at
 * their first NUL, and printing stops with "..." where the printsize
 * option's byte count (or depth 10) ends. The walk is CTF's type visit:
 * the object, then each member depth-first, offsets in bits.
 */
import type { DType, IntType, StructType } from '../types/types.ts';
import { resolve, sizeOf } from '../types/types.ts';

/** dt_printf.c DT_PRINT_STARTINDENT, DT_PRINT_DEPTH. */
const START_INDENT = 44;
const MAX_DEPTH = 10;
/** dt_options.c DT_PRINT_DEF_SIZE, and the option's upper bound. */
export const PRINTSIZE_DEFAULT = 8192;

/** The printsize option as dt_opt_printsize stores it: 1..65536 rounded up to 8, else the default. */
export function printSize(v: number | undefined): number {
  const n = v === undefined || !(v > 0) || v > 65536 ? PRINTSIZE_DEFAULT : v;
  return Math.ceil(n / 8) * 8;
}

class Visit {
  out = '';
  lastDepth = 0;
  readonly kinds: string[] = [];
  constructor(readonly data: Uint8Array, readonly size: number) {}

  line(depth: number, text: string): void { this.out += ' '.repeat(START_INDENT + depth) + text + '\n'; }

  closeParens(depth: number): void {
    const k = this.kinds[depth];
    if (k !== 'struct' && k !== 'union') return;
    if (depth === 0 && this.lastDepth === 0) this.lastDepth = 1;
    for (let i = this.lastDepth - depth; i > 0; i--) {
      this.out += ' '.repeat(START_INDENT + depth + i - 1) + '}' + (depth > 0 || i > 1 ? ',' : '') + '\n';
      this.lastDepth = depth;
    }
  }

  zero(byteOff: number, n: number): boolean {
    for (let i = byteOff; i < byteOff + n && i < this.data.length; i++) if (this.data[i] !== 0) return false;
    return true;
  }

  /** Little-endian unsigned bytes as a bigint. */
  le(byteOff: number, n: number): bigint {
    let v = 0n;
    for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(this.data[byteOff + i] ?? 0);
    return v;
  }

  /** One node of the visit; false stops the whole walk (ctf_type_visit's non-zero return). */
  node(name: string | null, t: DType, bitOff: number, depth: number, bits?: number): boolean {
    const byteOff = Math.floor(bitOff / 8);
    if (byteOff >= this.size || depth >= MAX_DEPTH) {
      this.line(depth, '...');
      return false;
    }
    const r = resolve(t);
    if (this.lastDepth > depth) this.closeParens(depth);
    if (depth > 0 && this.zero(byteOff, Math.max(0, sizeOf(r)))) return true;
    this.kinds[depth] = r.kind;
    this.lastDepth = depth;
    // Anonymous structs and unions are "struct", as ctf_type_name's "struct " trimmed.
    const typeName = t.name.replace(/ <anon>$/, '');
    const member = depth > 0 && name ? `.${name} = ` : '';
    let text: string;
    switch (r.kind) {
      case 'struct': case 'union': text = `(${typeName}) {`; break;
      case 'array': case 'string': {
        const n = r.kind === 'array' ? r.length : Math.max(0, sizeOf(r));
        text = `(${typeName}) [${n === 0 ? '],' : ''}`;
        break;
      }
      case 'int': {
        const v = this.intValue(r, byteOff, bitOff, bits);
        if (v === null) return true;
        text = r.isChar === true && typeName === 'char' ? `(${typeName})'${String.fromCharCode(Number(v) & 0xff)}',` : `(${typeName})${v},`;
        break;
      }
      case 'enum': {
        const v = Number(BigInt.asIntN(32, this.le(byteOff, 4)));
        let en: string | undefined;
        for (const [k, x] of r.values) if (x === v) { en = k; break; }
        text = `(${typeName})${en ?? v},`;
        break;
      }
      case 'pointer': text = `(${typeName})0x${this.le(byteOff, 8).toString(16)},`; break;
      default: return true;
    }
    this.line(depth, member + text);
    if (r.kind === 'struct' || r.kind === 'union') return this.members(r, bitOff, depth);
    if (r.kind === 'array' || r.kind === 'string') this.elements(r.kind === 'array' ? r.of : undefined, r.kind === 'array' ? r.length : sizeOf(r), byteOff, bitOff, depth);
    return true;
  }

  intValue(r: IntType, byteOff: number, bitOff: number, bits?: number): bigint | null {
    if (bits !== undefined) {
      // A bit-field: its own bits (the layout's little-endian storage), and left out when zero.
      const v = (this.le(Math.floor(bitOff / 8), 8) >> BigInt(bitOff % 8)) & ((1n << BigInt(bits)) - 1n);
      if (v === 0n) return null;
      return r.signed && v >= 1n << BigInt(bits - 1) ? v - (1n << BigInt(bits)) : v;
    }
    const raw = this.le(byteOff, r.size);
    return r.signed ? BigInt.asIntN(r.size * 8, raw) : raw;
  }

  members(s: StructType, bitOff: number, depth: number): boolean {
    for (const m of s.members) {
      if (!this.node(m.name, m.type, bitOff + m.offset * 8 + (m.bitOffset ?? 0), depth + 1, m.bits)) return false;
    }
    return true;
  }

  /** dt_print_visit's array walk: each element one level deeper (CTF's visit does not enter arrays), then "],". */
  elements(of: DType | undefined, n: number, byteOff: number, bitOff: number, depth: number): void {
    const elem = of ?? ({ kind: 'int', name: 'char', size: 1, signed: true, rank: 1, isChar: true } as IntType);
    const esize = Math.max(0, sizeOf(elem));
    if (this.zero(byteOff, esize * n)) return;
    const re = resolve(elem);
    const isChar = re.kind === 'int' && re.size === 1 && re.isChar === true;
    // The elements share the walk's output but not its closing state (dt_print_visit copies its visit argument).
    const saved = { lastDepth: this.lastDepth, kinds: this.kinds.slice() };
    for (let i = 0; i < n; i++) {
      if (isChar && this.data[byteOff + i] === 0) break;
      if (!this.node(null, elem, bitOff + esize * 8 * i, depth + 1)) break;
    }
    if (this.lastDepth > depth + 1) this.closeParens(depth + 1);
    this.lastDepth = saved.lastDepth;
    this.kinds.length = 0;
    this.kinds.push(...saved.kinds);
    if (n > 0) this.line(depth, '],');
  }
}

/**
 * The typed print of `data` (the object's bytes) as type `t`; `size` is how
 * many bytes may be shown (printsize), `addr` the pointer printed first
 * ("%p = *"), or null for an object printed by value.
 */
export function printTyped(t: DType, data: Uint8Array, size: number, addr: bigint | null): string {
  const v = new Visit(data, Math.min(size, data.length));
  if (addr !== null) v.out = (addr === 0n ? '(nil)' : '0x' + addr.toString(16)) + ' = *\n';
  v.node(null, t, 0, 0);
  v.closeParens(0);
  return v.out;
}
