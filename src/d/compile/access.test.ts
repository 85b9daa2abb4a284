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
    expect(await err('BEGIN { c[1]++; x = c[1] - "s"; }')).toContain('operands have incompatible types: "int64_t" - "string"');
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

describe('dynamic variables of struct type', () => {
  it('storing 0 into a struct element of an associative array deletes it and frees its entry', async () => {
    // dynvarsize=48 holds 3 entries of a[int] = struct { int a; }: tuple 4 + 8, value 4.
    expect(await out(`#pragma D option dynvarsize=48
this struct { int a; } val;
BEGIN {
  this->val.a = 1; a[1] = this->val; this->val.a = 2; a[2] = this->val; this->val.a = 3; a[3] = this->val;
  a[1] = 0; this->val.a = 4; a[4] = this->val;
  printf("%d %d %d %d\\n", a[1].a, a[2].a, a[3].a, a[4].a); exit(0);
}`)).toBe('0 2 3 4\n');
  });

  it('storing 0 into a struct-valued thread-local deletes it', async () => {
    expect(await out(`#pragma D option dynvarsize=12
struct s { int a; };
this struct s v;
BEGIN { this->v.a = 7; self->x = this->v; self->y = this->v; self->z = this->v; self->x = 0; this->v.a = 9; self->w = this->v;
  printf("%d %d %d\\n", self->y.a, self->z.a, self->w.a); exit(0); }`)).toBe('7 7 9\n');
  });

  it('an entry that does not fit is a dynamic variable drop', async () => {
    const r = await runD(`#pragma D option dynvarsize=16
#pragma D option quiet
BEGIN { a[1] = 1; a[2] = 2; printf("%d %d\\n", a[1], a[2]); exit(0); }`);
    expect(r.stdout).toBe('1 0\n\n');
    expect(r.stderr).toBe('dtrace: 1 dynamic variable drop\n');
  });

  it('struct keys compare by content, not by address', async () => {
    expect(await out(`struct r { int p; char c; };
struct r r1, r2;
BEGIN { r1.p = 1; r1.c = 'a'; r2.p = 1; r2.c = 'a'; x[r1] = 1000; x[r2] = 2000; r2.p = 2; x[r2] = 3;
  printf("%d %d\\n", x[r1], x[r2]); exit(0); }`)).toBe('2000 3\n');
  });
});

describe('clause-local structs', () => {
  it('have storage of their own, kept across the clauses of one firing', async () => {
    expect(await out(`struct foo { int x; char y; };
this struct foo bar;
BEGIN { this->bar.x = 1; this->bar.y = ','; }
BEGIN { printf("%d%c\\n", this->bar.x, this->bar.y); this->c = this->bar; this->c.x = 5; printf("%d %d\\n", this->bar.x, this->c.x); exit(0); }`)).toBe('1,\n1 5\n');
  });
});

describe('& of a D variable (D_ADDROF_VAR)', () => {
  const tagged = 'dtrace: failed to compile script test.d: [D_ADDROF_VAR] line 2: cannot take address of dynamic variable';
  for (const [what, decl, expr] of [
    ['a global struct', 'struct s { int a; } v;', '&v'],
    ['a global array', 'int a[5];', '&a'],
    ['a global scalar', 'int i;', '&i'],
    ['an associative array element', 'int x[int];', '&x[1]'],
    ['a thread-local', 'self int t;', '&self->t'],
    ['a built-in variable', '', '&pid'],
    ['an aggregation', '', '&@a'],
  ]) {
    it(what, async () => {
      expect(await err(`${decl}\nBEGIN { @a = count(); trace(${expr}); }`)).toBe(tagged);
    });
  }

  it('members and elements of variables have addresses', async () => {
    expect(await out(`struct s { int a; int b; } v; int arr[4];
BEGIN { v.b = 3; arr[2] = 4; p = &v.b; q = &arr[2]; printf("%d %d\\n", *p, *q); exit(0); }`)).toBe('3 4\n');
  });
});

describe('bit-fields', () => {
  it('are stored by read-modify-write: only their own bits change, the value truncated to the width', async () => {
    expect(await out(`struct b { int a : 3; int c : 14; long d : 35; unsigned int u : 4; } v;
BEGIN { v.a = 7; v.c = 0x1fff; v.d = 0x755555555; v.u = 0x1f; v.a = 2;
  printf("%d %d %d %d\\n", v.a, v.c, v.d, v.u); v.a = 256; printf("%d %d\\n", v.a, v.c); exit(0); }`)).toBe('2 8191 -2863311531 15\n0 8191\n');
  });

  it('of a struct in an associative array or a thread-local', async () => {
    expect(await out(`struct b { unsigned int x : 4, y : 4; };
struct b a[int];
self struct b s;
BEGIN { a[1].y = 9; self->s.x = 3; self->s.y = 5; printf("%d %d %d %d\\n", a[1].x, a[1].y, self->s.x, self->s.y); exit(0); }`)).toBe('0 9 3 5\n');
  });
});
