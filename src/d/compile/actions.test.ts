/**
 * Aggregations and actions: the prototype and placement rules dtrace
 * applies to them (dt_idcook_func, dt_compile_agg, dt_cg_node), each as a
 * general rule with dtrace's message (-xerrtags).
 */
import { describe, expect, it } from 'vitest';
import { runD } from '../../engine/testkit.ts';

async function compileError(src: string): Promise<string> {
  const r = await runD(src, { xopts: [['errtags', undefined]] });
  expect(r.status).toBe(1);
  return r.stderr.trim().replace(/^dtrace: failed to compile script test\.d: /, '');
}

describe('aggregations named in expressions have the dynamic type', () => {
  it('trace(@a) is a dynamic expression; @a + 3 has incompatible operands', async () => {
    expect(await compileError('BEGIN { @a = count(); trace(@a); }')).toBe('[D_TRACE_DYN] line 1: trace( ) may not be applied to a dynamic expression');
    expect(await compileError('BEGIN { @a = count(); trace(@a + 3); }')).toMatch(/^\[D_OP_INCOMPAT\] line 1: operands have incompatible types: "<DYN>" \+ "int"/);
  });
  it('an aggregating function outside @a = f() fails at code generation', async () => {
    expect(await compileError('BEGIN { avg(1); }')).toBe('[D_CG_EXPR] line 1: aggregating function avg( ) may not be called from a D expression (D program context required)');
  });
  it('@a = f() with f no function at all: undefined function first', async () => {
    expect(await compileError('BEGIN { @ = f(); }')).toBe('[D_FUNC_UNDEF] line 1: undefined function name: f');
  });
});

describe('the optional increment of quantize, lquantize, llquantize', () => {
  it('must be scalar', async () => {
    expect(await compileError('BEGIN { @ = quantize(1, ""); }')).toBe('[D_PROTO_ARG] line 1: quantize( ) increment value (argument #2) must be of scalar type');
    expect(await compileError('BEGIN { @ = lquantize(1, 0, 10, 2, ""); }')).toBe('[D_PROTO_ARG] line 1: lquantize( ) increment value (argument #5) must be of scalar type');
  });
  it('must be the last argument', async () => {
    expect(await compileError('BEGIN { @ = lquantize(10, 0, 100, 1, 10, 20); }')).toBe('[D_PROTO_LEN] line 1: lquantize( ) prototype mismatch: 6 args passed, at most 5 expected');
    expect(await compileError('BEGIN { @ = quantize(1, 2, 3); }')).toBe('[D_PROTO_LEN] line 1: quantize( ) prototype mismatch: 3 args passed, at most 2 expected');
  });
  it('is accepted as any integer, negative included', async () => {
    const r = await runD('#pragma D option quiet\nBEGIN { @ = quantize(1, -2); @ = quantize(1, 5); exit(0); }');
    expect(r.stdout).toContain('               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ 3        ');
  });
});

describe('clear, trunc, normalize, denormalize, printa and tracemem are prototype-checked first', () => {
  it('argument counts', async () => {
    expect(await compileError('BEGIN { @a = count(); denormalize(@a, 1); }')).toBe('[D_PROTO_LEN] line 1: denormalize( ) prototype mismatch: 2 args passed, 1 expected');
    expect(await compileError('BEGIN { @a = count(); normalize(@a, 4, 1); }')).toBe('[D_PROTO_LEN] line 1: normalize( ) prototype mismatch: 3 args passed, 2 expected');
    expect(await compileError('BEGIN { @a = count(); trunc(@a, 4, 1); }')).toBe('[D_PROTO_LEN] line 1: trunc( ) prototype mismatch: 3 args passed, at most 2 expected');
    expect(await compileError('BEGIN { clear(); }')).toBe('[D_PROTO_LEN] line 1: clear( ) prototype mismatch: 0 args passed, 1 expected');
    expect(await compileError('BEGIN { printa(); }')).toBe('[D_PROTO_LEN] line 1: printa( ) prototype mismatch: 0 args passed, at least 1 expected');
    expect(await compileError('BEGIN { tracemem(0); }')).toBe('[D_PROTO_LEN] line 1: tracemem( ) prototype mismatch: 1 arg passed, at least 2 expected');
  });
  it('argument types', async () => {
    expect(await compileError('BEGIN { @a = count(); normalize(@a, "a"); }')).toBe('[D_PROTO_ARG] line 1: normalize( ) argument #2 is incompatible with prototype:\n\tprototype: uint64_t\n\t argument: string');
    expect(await compileError('BEGIN { @a = count(); trunc(@a, @a); }')).toBe('[D_PROTO_ARG] line 1: trunc( ) argument #2 is incompatible with prototype:\n\tprototype: int64_t\n\t argument: <DYN>');
  });
  it('then the aggregation argument', async () => {
    expect(await compileError('BEGIN { clear(count()); }')).toMatch(/^\[D_CLEAR_AGGARG\] line 1: clear\( \) argument #1 is incompatible with prototype:/);
  });
});

describe('freopen()', () => {
  it('may not name "." (the sentinel for restoring standard output)', async () => {
    expect(await compileError('BEGIN\n{\n\tfreopen(".");\n}\n')).toBe('[D_FREOPEN_INVALID] line 3: freopen( ) argument #1 cannot be "."');
  });
});

describe('llquantize() parameters are reported at the argument (Linux dt_cg_agg_llquantize)', () => {
  it('names the line of the bad argument', async () => {
    expect(await compileError('BEGIN\n{\n\t@ = llquantize(1, 10,\n\t0, 6,\n\t0);\n}\n')).toBe('[D_LLQUANT_STEPTYPE] line 5: llquantize( ) argument #4 must be a non-zero positive integer constant');
    expect(await compileError('BEGIN { @ = llquantize(1, 10, 0, 6, 20); @ = llquantize(1, 10, 0, 7, 20); }')).toBe("[D_LLQUANT_MATCHHMAG] line 1: llquantize() hmag (argument #3) doesn't match previous declaration: expected 6, found 7");
  });
});
