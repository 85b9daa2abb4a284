/** Helpers for the front end's table-driven tests (acorn style). */
import { expect } from 'vitest';
import { errmsg, type DDiagnostic } from '../diagnostics.ts';
import { parseProgram, type ParseOptions } from '../parser.ts';
import type { Program } from '../ast.ts';

/** A copy of `v` without `loc` fields, for comparing shapes. */
export function noLoc<T>(v: T): T {
  if (Array.isArray(v)) return v.map(noLoc) as T;
  if (v !== null && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== 'loc') o[k] = noLoc(x);
    return o as T;
  }
  return v;
}

export function parseOk(code: string, opts: ParseOptions = {}): Program {
  const r = parseProgram(code, { program: 'x.d', isFile: true, ...opts });
  expect(r.diagnostics.map((d) => d.message)).toEqual([]);
  return r.program;
}

/** Parses `code` and compares the items (without locations) with `items`. */
export function test(code: string, items: unknown[], opts: ParseOptions = {}): void {
  const p = parseOk(code, opts);
  expect(noLoc(p.items)).toEqual(items);
}

/** The first diagnostic as dtrace words it in dt_errmsg (tag included), and its line. */
export function firstError(code: string, opts: ParseOptions = {}): { text: string; line: number; d: DDiagnostic } {
  const r = parseProgram(code, { program: 'x.d', isFile: true, ...opts });
  expect(r.diagnostics.length).toBeGreaterThan(0);
  const d = r.diagnostics[0]!;
  return { text: errmsg(d, opts.isFile === false ? 'inline' : 'file', true), line: d.line, d };
}

/** Expects the first error of `code` to be `message` (as dt_errmsg with -xerrtags) at `line`. */
export function testFail(code: string, message: string, line: number, opts: ParseOptions = {}): void {
  const e = firstError(code, opts);
  expect(e.text).toBe(message);
  expect(e.line).toBe(line);
}

/** Shorthands for AST nodes in expectations. */
export const id = (name: string) => ({ kind: 'Ident', name });
export const int = (v: number | bigint, text = String(v), radix: 8 | 10 | 16 = 10, suffix = '') =>
  ({ kind: 'IntLit', value: BigInt(v), suffix, radix, text });
export const str = (value: string) => ({ kind: 'StringLit', value });
export const bin = (op: string, left: unknown, right: unknown) => ({ kind: 'Binary', op, left, right });
export const stmt = (expr: unknown) => ({ kind: 'ExprStatement', expr });
export const assign = (target: unknown, value: unknown, op = '=') => ({ kind: 'Assign', op, target, value });
export const call = (name: string, ...args: unknown[]) => ({ kind: 'Call', callee: id(name), args });
export const pdesc = (text: string, provider: string, module: string, func: string, name: string) =>
  ({ kind: 'ProbeDesc', text, provider, module, func, name });
export const clause = (probes: unknown[], predicate: unknown, body: unknown[] | null) =>
  ({ kind: 'Clause', probes, predicate, body });
export const begin = (...body: unknown[]) => clause([pdesc('BEGIN', '', '', '', 'BEGIN')], null, body);
