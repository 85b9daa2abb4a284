/** print()'s typed layout (Oracle's dt_print_visit), through the engine so types come from real declarations. */
import { describe, expect, it } from 'vitest';
import { runD } from '../../engine/testkit.ts';
import { printSize } from './print-type.ts';

const I = (depth: number): string => ' '.repeat(44 + depth);

async function print(decls: string, fill: string, what = 't'): Promise<string> {
  const r = await runD(`#pragma D option quiet\n${decls}\nBEGIN { t = (struct s *)alloca(sizeof (struct s)); ${fill} print(${what}); exit(0); }`);
  if (r.stderr !== '') throw new Error(r.stderr);
  return r.stdout.replace(/^0x[0-9a-f]+ = \*\n/, 'ADDR = *\n');
}

describe('print()', () => {
  it('prints the pointed-to struct: members with their types, zero members left out, nested structs closed', async () => {
    const out = await print('struct s { int a; long long zero; struct { char c; unsigned short u; } in; uint64_t big; };',
      't->a = -5; t->in.c = 120; t->in.u = 65535; t->big = 0xffffffffffffffff;');
    expect(out).toBe(`ADDR = *\n${I(0)}(struct s) {\n${I(1)}.a = (int)-5,\n${I(1)}.in = (struct) {\n${I(2)}.c = (char)'x',\n`
      + `${I(2)}.u = (unsigned short)65535,\n${I(1)}},\n${I(1)}.big = (uint64_t)18446744073709551615,\n${I(0)}}\n\n`);
  });

  it('arrays element by element (char arrays to their NUL), enums by name, pointers in hex, bit-fields by value', async () => {
    const out = await print('enum e { RED, GREEN = 7 }; struct s { int arr[3]; char nm[6]; enum e col; int *p; unsigned int f1:3, f2:5; };',
      't->arr[0] = 1; t->arr[2] = 3; t->nm[0] = 104; t->nm[1] = 105; t->col = GREEN; t->p = (int *)0x1234; t->f2 = 9;');
    expect(out).toBe(`ADDR = *\n${I(0)}(struct s) {\n${I(1)}.arr = (int [3]) [\n${I(2)}(int)1,\n${I(2)}(int)3,\n${I(1)}],\n`
      + `${I(1)}.nm = (char [6]) [\n${I(2)}(char)'h',\n${I(2)}(char)'i',\n${I(1)}],\n${I(1)}.col = (enum e)GREEN,\n`
      + `${I(1)}.p = (int *)0x1234,\n${I(1)}.f2 = (unsigned int)9,\n${I(0)}}\n\n`);
  });

  it('stops with "..." where printsize ends, closing every open struct', async () => {
    const out = await print('struct s { long long x; struct { long long y; struct { long long z; } b; } a; };',
      't->x = 1; t->a.y = 2; t->a.b.z = 3; setopt("printsize", "16");');
    expect(out).toBe(`ADDR = *\n${I(0)}(struct s) {\n${I(1)}.x = (long long)1,\n${I(1)}.a = (struct) {\n${I(2)}.y = (long long)2,\n`
      + `${I(2)}...\n${I(1)}},\n${I(0)}}\n\n`);
  });

  it('a struct value prints the same layout without the address; an empty struct opens and closes', async () => {
    expect(await print('struct s { int a; };', 't->a = 2;', '*t')).toBe(`${I(0)}(struct s) {\n${I(1)}.a = (int)2,\n${I(0)}}\n\n`);
    expect(await print('struct s { int a; };', '', '*t')).toBe(`${I(0)}(struct s) {\n${I(0)}}\n\n`);
  });

  it('a pointer to an incomplete type is D_PRINT_SIZE; NULL faults', async () => {
    const r = await runD('BEGIN { print((struct nosuch *)alloca(8)); }', { xopts: [['errtags', '']] });
    expect(r.stderr).toContain("[D_PRINT_SIZE] line 1: print( ) argument #1 reference has type 'struct nosuch' with size 0; cannot print( ) it.");
    const n = await runD('#pragma D option quiet\nstruct s { int a; }; BEGIN { print((struct s *)0); exit(0); }');
    expect(n.stderr).toContain('invalid address (0x0) in action #1');
  });

  it('printsize as dt_opt_printsize stores it', () => {
    expect([printSize(undefined), printSize(0), printSize(90), printSize(65536), printSize(70000)]).toEqual([8192, 8192, 96, 65536, 8192]);
  });
});
