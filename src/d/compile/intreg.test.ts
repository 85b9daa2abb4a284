/**
 * D's integer rules: dt_type_promote's result types (no promotion to int)
 * and the 64-bit register that is narrowed only when stored or cast
 * (intreg.ts). Expected values are what DIF computes (dt_cg.c), checked
 * against dtrace-utils' arithmetic/tst.cast-add*.d where they overlap.
 */
import { describe, expect, it } from 'vitest';
import { runD } from '../../engine/testkit.ts';

async function out(body: string, decls = ''): Promise<string> {
  const r = await runD(`#pragma D option quiet\n${decls}\nBEGIN { ${body} exit(0); }`);
  expect(r.stderr).toBe('');
  return r.stdout.replace(/\n$/, ''); // the newline dtrace ends a quiet run's output with
}

describe('result types (dt_type_promote)', () => {
  it('picks the operand of greater rank (bits + unsigned), without promoting to int', async () => {
    // unsigned char + signed char is unsigned char: 254 + 3 = 257 is stored in one byte.
    expect(await out('C = -2; c = 3; printf("%d %d %d\\n", C + c, c + C, c + c);', 'unsigned char C; signed char c;')).toBe('1 1 6\n');
    expect(await out('s = -2; S = 1; printf("%d\\n", s + S);', 'short s; unsigned short S;')).toBe('65535\n');
  });

  it('keeps a typedef name: uint32_t + int is uint32_t', async () => {
    const r = await runD('BEGIN { x = (uint32_t)1 + 1; y = x - "a"; }', { xopts: [['errtags', undefined]] });
    expect(r.stderr).toContain('operands have incompatible types: "uint32_t" - "string"');
  });

  it('gives unary minus and ~ the operand type', async () => {
    expect(await out('c = 5; printf("%d %d\\n", -c, ~c);', 'unsigned char c;')).toBe('251 250\n');
  });
});

describe('the 64-bit register', () => {
  it('is not narrowed while an expression computes', async () => {
    expect(await out('printf("%d\\n", (1 << 32) == 4294967296);')).toBe('1\n');
    // char * char is char: 400 in the register, 0x90 when the printf record stores it.
    expect(await out('c = 20; printf("%d %d %d\\n", c * c > 256, c * c, c * 20);', 'char c;')).toBe('1 -112 400\n');
    expect(await out('i = 2147483647; printf("%d %d\\n", (i + 1) / 2, i + 1);', 'int i;')).toBe('1073741824 -2147483648\n');
  });

  it('is narrowed when stored to a variable', async () => {
    expect(await out('x = 1 << 32; printf("%d\\n", x);')).toBe('0\n');
    expect(await out('i = 1 << 31; l = i; printf("%d\\n", l);', 'int i; long l;')).toBe('-2147483648\n');
  });

  it('reaches aggregating functions whole: quantize(1 << 32) is in the 2^32 bucket', async () => {
    const r = await runD('#pragma D option quiet\nBEGIN { @q = quantize(1 << 32); @s = sum(1 << 32); exit(0); } END { printa("%@d\\n", @s); }');
    expect(r.stdout).toContain('4294967296\n');
    expect(r.stdout).toMatch(/ 4294967296 \|@+ 1 /);
  });

  it('is compared with the promoted type\'s signedness', async () => {
    expect(await out('printf("%d %d\\n", -1 < 1u, -1 < 1);')).toBe('0 1\n');
    expect(await out('c = -1; C = 255; printf("%d\\n", c == C);', 'char c; unsigned char C;')).toBe('0\n');
  });

  it('divides and takes remainders as C does', async () => {
    expect(await out('x = 19; y = 5; printf("%d %d %d %d\\n", x / -y, x % -y, -x / y, -x % y);')).toBe('-3 4 -3 -4\n');
  });

  it('shifts right arithmetically for signed types, logically for unsigned ones', async () => {
    expect(await out('i = -16; u = 0xfffffff0; printf("%d %u\\n", i >> 2, u >> 2);', 'int i; unsigned int u;')).toBe('-4 1073741820\n');
  });
});

describe('casts (dt_cg_typecast)', () => {
  it('narrow to a smaller type or a same-sized type of the other sign', async () => {
    expect(await out('printf("%d %d %d\\n", (short)70000, (unsigned char)-1, (int)4294967295u);')).toBe('4464 255 -1\n');
  });

  it('from signed to a wider unsigned type truncate to that type', async () => {
    expect(await out('c = -1; printf("%u\\n", (unsigned int)c);', 'char c;')).toBe('4294967295\n');
  });

  it('keep the register when nothing is lost', async () => {
    // (int) of an int register holding 2^32 changes nothing (same size, same sign).
    expect(await out('printf("%d\\n", (int)(1 << 32) == 4294967296);')).toBe('1\n');
    expect(await out('printf("%d\\n", (long)(1 << 32));')).toBe('4294967296\n');
  });
});
