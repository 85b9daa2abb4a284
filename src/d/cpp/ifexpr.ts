/**
 * #if / #elif constant expressions: C's integer constant expression
 * grammar evaluated in intmax_t/uintmax_t (64-bit, exact with BigInt), after
 * `defined` has been replaced and macros expanded; remaining identifiers are
 * 0. Errors are returned, never thrown to the caller.
 */
import type { PPToken } from './pptokens.ts';

interface Val { v: bigint; u: boolean }

const M64 = (1n << 64n) - 1n;

function norm(v: bigint, u: boolean): Val {
  return { v: u ? BigInt.asUintN(64, v) : BigInt.asIntN(64, v), u };
}

class Fail { constructor(readonly message: string) {} }

/** C character constant value ('a', '\n', '\x41', 'ab'). */
function charValue(text: string): bigint {
  const body = text.slice(1, -1);
  let v = 0n;
  for (let i = 0; i < body.length; i++) {
    let c = body.charCodeAt(i);
    if (c === 92 && i + 1 < body.length) {
      const e = body[++i]!;
      const simple: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '\\': 92, "'": 39, '"': 34, '?': 63 };
      if (simple[e] !== undefined) c = simple[e]!;
      else if (e >= '0' && e <= '7') {
        let k = 0; c = 0;
        while (k < 3 && i < body.length && body[i]! >= '0' && body[i]! <= '7') { c = c * 8 + body.charCodeAt(i) - 48; i++; k++; }
        i--;
      } else if (e === 'x') {
        c = 0;
        while (i + 1 < body.length && /[0-9a-fA-F]/.test(body[i + 1]!)) c = c * 16 + parseInt(body[++i]!, 16);
      } else c = e.charCodeAt(0);
    }
    v = (v << 8n) | BigInt(c & 0xff);
  }
  return BigInt.asIntN(32, v);
}

function parseNumber(text: string): Val {
  const m = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)([uUlL]*)$/.exec(text);
  if (!m) throw new Fail(`invalid integer constant "${text}" in #if`);
  // More than 24 significant digits never fit in 64 bits (and BigInt() of a huge string is slow).
  if (m[1]!.replace(/^0[xX]?0*/, '').length > 24) throw new Fail('integer constant is too large for its type');
  const v = BigInt(m[1]!.length > 1 && m[1]![0] === '0' && !/^0[xX]/.test(m[1]!) ? '0o' + m[1]!.slice(1) : m[1]!);
  const u = /u/i.test(m[2]!) || v > (1n << 63n) - 1n;
  if (v > M64) throw new Fail('integer constant is too large for its type');
  return norm(v, u);
}

export function evalIfExpr(toks: readonly PPToken[]): { value: boolean } | { error: string } {
  const ts = toks.filter((t) => t.kind !== 'ws' && t.kind !== 'nl');
  let i = 0;
  const peek = (): string | undefined => ts[i]?.text;
  const take = (): PPToken => {
    const t = ts[i++];
    if (t === undefined) throw new Fail('#if with no expression');
    return t;
  };
  const expect = (s: string): void => {
    const t = ts[i];
    if (t === undefined || t.text !== s) throw new Fail(t === undefined ? `missing '${s}' in expression` : `missing '${s}' in expression`);
    i++;
  };

  function primary(): Val {
    const t = take();
    if (t.kind === 'num') return parseNumber(t.text);
    if (t.kind === 'chr') return { v: charValue(t.text), u: false };
    if (t.kind === 'id') return { v: 0n, u: false };
    if (t.text === '(') { const v = cond(); expect(')'); return v; }
    throw new Fail(`token "${t.text}" is not valid in preprocessor expressions`);
  }
  function unary(): Val {
    const t = peek();
    if (t === '-' || t === '+' || t === '~' || t === '!') {
      i++;
      const a = unary();
      if (t === '-') return norm(-a.v, a.u);
      if (t === '+') return a;
      if (t === '~') return norm(~a.v, a.u);
      return { v: a.v === 0n ? 1n : 0n, u: false };
    }
    return primary();
  }
  const PREC: Record<string, number> = {
    '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7,
    '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10,
  };
  function binary(min: number): Val {
    let l = unary();
    for (;;) {
      const op = peek();
      const p = op === undefined ? undefined : PREC[op];
      if (p === undefined || p < min) return l;
      i++;
      const r = binary(p + 1);
      l = apply(op!, l, r);
    }
  }
  function apply(op: string, l: Val, r: Val): Val {
    const u = l.u || r.u;
    const a = u ? BigInt.asUintN(64, l.v) : l.v;
    const b = u ? BigInt.asUintN(64, r.v) : r.v;
    const bool = (x: boolean): Val => ({ v: x ? 1n : 0n, u: false });
    switch (op) {
      case '||': return bool(a !== 0n || b !== 0n);
      case '&&': return bool(a !== 0n && b !== 0n);
      case '|': return norm(a | b, u);
      case '^': return norm(a ^ b, u);
      case '&': return norm(a & b, u);
      case '==': return bool(a === b);
      case '!=': return bool(a !== b);
      case '<': return bool(a < b);
      case '>': return bool(a > b);
      case '<=': return bool(a <= b);
      case '>=': return bool(a >= b);
      case '<<': return norm(a << (r.v & 63n), l.u);
      case '>>': return norm((l.u ? BigInt.asUintN(64, l.v) : l.v) >> (r.v & 63n), l.u);
      case '+': return norm(a + b, u);
      case '-': return norm(a - b, u);
      case '*': return norm(a * b, u);
      case '/': if (b === 0n) throw new Fail('division by zero in #if'); return norm(a / b, u);
      default: if (b === 0n) throw new Fail('division by zero in #if'); return norm(a % b, u);
    }
  }
  function cond(): Val {
    const c = binary(1);
    if (peek() !== '?') return c;
    i++;
    const a = cond();
    expect(':');
    const b = cond();
    return c.v !== 0n ? a : b;
  }

  try {
    if (ts.length === 0) return { error: '#if with no expression' };
    const v = cond();
    if (i < ts.length) return { error: `missing binary operator before token "${ts[i]!.text}"` };
    return { value: v.v !== 0n };
  } catch (e) {
    if (e instanceof Fail) return { error: e.message };
    return { error: String(e) };
  }
}
