/**
 * C struct and union layout as GCC lays them out on x86-64 (System V ABI):
 * members at their natural alignment; a bit-field is placed at the current
 * bit position unless it would cross a boundary of its declared type's size,
 * in which case it moves to the next such boundary; a zero-width bit-field
 * pads to the next boundary of its type; unnamed bit-fields do not raise the
 * struct's alignment. Bits are numbered from the least significant end of the
 * little-endian storage unit, so `u_int ip_hl:4, ip_v:4` puts ip_hl in the low
 * nibble of the first byte, as <netinet/ip.h> expects on x86.
 *
 * A bit-field member records `offset` = the byte offset of its storage unit
 * (aligned to the declared type's size), `bitOffset` within that unit and
 * `bits`; readers load the unit little-endian, shift and mask.
 */
import { alignOf, sizeOf, type DType, type Member, type StructType } from './types.ts';

export interface MemberDecl { name: string; type: DType; bits?: number }

export function layoutStruct(kind: 'struct' | 'union', tag: string, decls: readonly MemberDecl[], into?: StructType): StructType {
  const members: Member[] = [];
  let bitpos = 0; // struct: running position in bits
  let maxSize = 0; // union
  let align = 1;
  for (const d of decls) {
    const size = sizeOf(d.type);
    const al = alignOf(d.type);
    if (d.bits === undefined) {
      if (kind === 'union') {
        members.push({ name: d.name, type: d.type, offset: 0 });
        maxSize = Math.max(maxSize, size);
      } else {
        const byte = Math.ceil(bitpos / 8);
        const off = roundUp(byte, al);
        members.push({ name: d.name, type: d.type, offset: off });
        bitpos = (off + size) * 8;
      }
      align = Math.max(align, al);
      continue;
    }
    const unitBits = size * 8;
    const w = d.bits;
    if (kind === 'union') {
      if (d.name !== '' && w > 0) members.push({ name: d.name, type: d.type, offset: 0, bitOffset: 0, bits: w });
      maxSize = Math.max(maxSize, Math.ceil(w / 8));
      if (d.name !== '') align = Math.max(align, al);
      continue;
    }
    if (w === 0) {
      bitpos = roundUp(bitpos, al * 8);
      continue;
    }
    if (unitBits > 0 && Math.floor(bitpos / unitBits) !== Math.floor((bitpos + w - 1) / unitBits)) {
      bitpos = roundUp(bitpos, unitBits);
    }
    const unitStart = unitBits > 0 ? Math.floor(bitpos / unitBits) * (unitBits / 8) : Math.floor(bitpos / 8);
    if (d.name !== '') {
      members.push({ name: d.name, type: d.type, offset: unitStart, bitOffset: bitpos - unitStart * 8, bits: w });
      align = Math.max(align, al);
    }
    bitpos += w;
  }
  const raw = kind === 'union' ? maxSize : Math.ceil(bitpos / 8);
  const size = roundUp(raw, align);
  const name = `${kind} ${tag}`;
  if (into) {
    into.members = members;
    into.size = size;
    into.align = align;
    into.complete = true;
    return into;
  }
  return { kind, name: tag === '' ? `${kind} <anon>` : name, tag, members, size, align, complete: true };
}

/** An incomplete struct/union (a forward declaration), completed later by layoutStruct(…, into). */
export function forwardStruct(kind: 'struct' | 'union', tag: string): StructType {
  return { kind, name: `${kind} ${tag}`, tag, members: [], size: 0, align: 1, complete: false };
}

export function roundUp(n: number, a: number): number {
  return a <= 1 ? n : Math.ceil(n / a) * a;
}

export function findMember(s: StructType, name: string): Member | undefined {
  for (const m of s.members) if (m.name === name) return m;
  return undefined;
}
