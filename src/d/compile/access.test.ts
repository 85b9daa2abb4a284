/**
 * Variables created by their first use (access.ts unaryOperand, after
 * dt_cook_op1 in libdtrace dt_parser.c): an operand of a unary operator that
 * [ or -> instantiated and nothing has typed yet becomes an int64_t, so
 * `count[key]++` works on an array never assigned before; other reads of
 * such a variable are still D_VAR_UNDEF (dt_cook_var).
 */
import { describe, expect, it } from 'vitest';
import { runD } from '../../engine/testkit.ts';

async function out(src: string): Promise<string> {
  const r = await runD(`#pragma D option quiet\n${src}`);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.replace(/\n$/, '');
}

async function err(src: string): Promise<string> {
  const r = await runD(src, { xopts: [['errtags', undefined]] });
  expect(r.status).toBe(1);
  return r.stderr.trim();
}

describe('++ and -- on a never-assigned associative array or thread-local', () => {
  it('count[key]++, ++count[key] and count[key]-- create an int64_t array', async () => {
    expect(await out(`BEGIN {
      count["a"]++; count["a"]++; ++count["b"]; count["c"]--;
      printf("%d %d %d %d\\n", count["a"], count["b"], count["c"], count["d"]);
      exit(0);
    }`)).toBe('2 1 -1 0\n');
  });

  it('self->seen[key]++ and self->n++ work the same way', async () => {
    expect(await out(`BEGIN { self->seen[1, "x"]++; self->seen[1, "x"]++; self->n++; this->m--;
      printf("%d %d %d\\n", self->seen[1, "x"], self->n, this->m); exit(0); }`)).toBe('2 1 -1\n');
  });

  it('is 64 bits wide: no wrap at 2^32', async () => {
    expect(await out('BEGIN { a[0]--; printf("%d %x\\n", a[0], a[0]); exit(0); }')).toBe('-1 ffffffffffffffff\n');
    expect(await err('BEGIN { c[1]++; x = c[1] + "s"; }')).toContain('operands have incompatible types: "int64_t" + "string"');
  });

  it('keys keep their own types across clauses', async () => {
    expect(await out(`BEGIN { n[1]++; n[1]++; }
BEGIN { n[2]--; }
BEGIN { printf("%d %d\\n", n[1], n[2]); exit(0); }`)).toBe('2 -1\n');
  });
});

describe('other unary operators on an uninstantiated variable', () => {
  it('give the int64_t zero (dt_cook_op1 types every unary operand)', async () => {
    expect(await out('BEGIN { printf("%d %d %d\\n", !self->flag, -this->z, ~a[1]); exit(0); }')).toBe('1 0 -1\n');
  });

  it('a compound assignment still needs a declared or assigned variable', async () => {
    expect(await err('BEGIN { a[1] += 1; }')).toBe('dtrace: failed to compile script test.d: [D_VAR_UNDEF] line 1: a has not yet been declared or assigned');
    expect(await err('BEGIN { self->x -= 1; }')).toBe('dtrace: failed to compile script test.d: [D_VAR_UNDEF] line 1: self->x has not yet been declared or assigned');
  });

  it('a plain read still needs a declared or assigned variable', async () => {
    expect(await err('BEGIN { trace(a[1]); }')).toBe('dtrace: failed to compile script test.d: [D_VAR_UNDEF] line 1: a has not yet been declared or assigned');
  });
});
