/**
 * What identifies a script across the runs whose partials --merge combines:
 * a 64-bit digest (digest64) of the program texts (as given: -s files and -n
 * descriptions, in order), the -D/-U definitions when -C preprocesses them,
 * the macro arguments, and the aggregations the compiler laid out (name,
 * function, parameters, key types). Pure JS, the same in the browser: it
 * names, it does not protect (a partial is trusted data once it matches).
 */
import type { AggStore } from '../../d/runtime/aggregate.ts';
import type { EngineOptions, ProgramText } from '../api.ts';

/**
 * A 64-bit digest of a string's UTF-16 code units, as 16 hex digits: two
 * 32-bit FNV-1a hashes from different offset bases, in Math.imul arithmetic
 * (no BigInt per character: partials digest every row they hold).
 */
export function digest64(s: string): string {
  let a = 0x811c9dc5, b = 0x050c5d1f;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** digest64 over bytes (a whole partial file: partial-file integrity in aggfile.ts). */
export function digest64Bytes(b: Uint8Array): string {
  let a = 0x811c9dc5, h = 0x050c5d1f;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    a = Math.imul(a ^ c, 0x01000193);
    h = Math.imul(h ^ c, 0x01000193) ^ (h >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (h >>> 0).toString(16).padStart(8, '0');
}

export function scriptHash(programs: readonly ProgramText[], options: EngineOptions, store: AggStore): string {
  const parts: string[] = [];
  for (const p of programs) parts.push(`${p.kind}\u0000${p.text}`);
  if (options.cpp === true) {
    for (const [n, v] of options.defines ?? []) parts.push(`-D${n}=${v ?? ''}`);
    for (const u of options.undefs ?? []) parts.push(`-U${u}`);
  }
  for (const a of options.macroArgs ?? []) parts.push(`$${a}`);
  for (const v of store.vars) {
    parts.push(`@${v.name} ${v.func} ${JSON.stringify(v.params)} ${v.keyTypes.map((t) => `${t.kind}${t.size}${t.signed === false ? 'u' : ''}`).join(',')}`);
  }
  return digest64(parts.join('\u0001'));
}
