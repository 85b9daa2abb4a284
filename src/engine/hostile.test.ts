/**
 * Hostile D programs (issue 13): every number a script turns into a length,
 * a width, a repeat count or an allocation is bounded, and reaching a bound
 * gives dtrace's kind of answer (a compile error with its tag, a run-time
 * ERROR, a drop count, a "lowered to" note), never a JavaScript error.
 */
import { describe, expect, it } from 'vitest';
import { runD } from './testkit.ts';

const q = (body: string): string => `#pragma D option quiet\n${body}`;
const JS_ERROR = /RangeError|TypeError|Error:|at .*\.(ts|js|mjs):\d+|internal (compiler )?error/;

async function hostile(prog: string, options = {}): Promise<{ stdout: string; stderr: string; status: number }> {
  const r = await runD(q(prog), options);
  expect(r.stderr).not.toMatch(JS_ERROR);
  return r;
}

describe('hostile D programs', () => {
  it('printf widths and precisions past the bound: compile error for literal ones, a run-time fault for `*` ones', async () => {
    for (const f of ['%.2000000000d', '%99999999999999999999d', '%-600000000s', '%2000000s']) {
      const r = await hostile(`BEGIN { printf("${f}\\n", ${f.endsWith('s') ? '"a"' : '1'}); exit(0); }`);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/format conversion #1 (width|precision) is too large: the limit is 1048576/);
    }
    const r = await hostile('BEGIN { printf("%*d\\n", 2000000000, 1); printf("after\\n"); } BEGIN { exit(0); }');
    expect(r.stderr).toBe('dtrace: error on enabled probe ID 1 (ID 1: dtrace:::BEGIN): illegal operation in action #1\n');
    expect(r.stdout).not.toContain('after');
    const ok = await hostile('BEGIN { printf("%*d|\\n", 5, 1); printf("%-*d|\\n", -3, 7); exit(0); }');
    expect(ok.stdout).toBe('    1|\n7  |\n\n');
  });

  it('normalize(@, 0) is the clause\'s divide-by-zero error (dtrace divides by it when printing)', async () => {
    const r = await hostile('BEGIN { @ = sum(4); normalize(@, 0); exit(0); }');
    expect(r.stderr).toBe('dtrace: error on enabled probe ID 1 (ID 1: dtrace:::BEGIN): divide-by-zero in action #2\n');
  });

  it('alloca of a negative or huge size is "out of scratch space" at run time, a D error at compile time', async () => {
    for (const n of ['-1', '10000000000', '0xffffffffffffffff']) {
      const r = await hostile(`BEGIN { n = ${n}; x = alloca(n); } BEGIN { exit(0); }`);
      expect(r.stderr).toBe('dtrace: error on enabled probe ID 1 (ID 1: dtrace:::BEGIN): out of scratch space in action #2\n');
      const c = await hostile(`BEGIN { x = alloca(${n}); exit(0); }`);
      expect(c.status).toBe(1);
    }
  });

  it('array dimensions past UINT_MAX are D_DECL_ARRBIG; objects past 16 MiB are refused at compile time', async () => {
    const big = await hostile('int a[4294967296]; BEGIN { exit(0); }');
    expect(big.status).toBe(1);
    expect(big.stderr).toMatch(/array dimension too big/);
    const r = await hostile('int a[4294967295]; BEGIN { exit(0); }');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/"a" is too big: 17179869180 bytes \(the limit is 16777216\)/);
    const many = await hostile(Array.from({ length: 20 }, (_, i) => `char a${i}[16000000];`).join('\n') + ' BEGIN { exit(0); }');
    expect(many.status).toBe(1);
    expect(many.stderr).toMatch(/does not fit: static objects take \d+ bytes already \(the limit is 268435456\)/);
    const tr = await hostile('char a[2000000]; BEGIN { tracemem(a, 2000000); exit(0); }');
    expect(tr.status).toBe(1);
    expect(tr.stderr).toMatch(/tracemem\( \) argument #2 is too large/);
  });

  it('size options above their caps are lowered with dtrace\'s note; stackindent past the bound is invalid', async () => {
    const r = await hostile('BEGIN { exit(0); }', { xopts: [['aggsize', '64g'], ['strsize', '1g'], ['nspec', '100000000'], ['bufsize', '1t']] });
    expect(r.stderr).toContain('dtrace: buffer size lowered to 64m\n');
    expect(r.stderr).toContain('dtrace: aggregation size lowered to 32m\n');
    expect(r.stderr).toContain('dtrace: string size lowered to 1m\n');
    expect(r.stderr).toContain('dtrace: number of speculations lowered to 65536\n');
    const s = await hostile('BEGIN { exit(0); }', { xopts: [['stackindent', '2000000000']] });
    expect(s.status).not.toBe(0);
    expect(s.stderr).toMatch(/Invalid value for specified option/);
  });

  it('strjoin doubling under strsize=1g stops at the lowered strsize', async () => {
    const r = await hostile('BEGIN { s = "0123456789abcdef"; } tick-1ms /n++ < 40/ { s = strjoin(s, s); } tick-1ms /n == 41/ { printf("%d\\n", strlen(s)); exit(0); }', { xopts: [['strsize', '1g']] });
    expect(r.stderr).toBe('dtrace: string size lowered to 1m\n');
    // Cut at strsize, as Oracle's strjoin does (README "What differs").
    expect(r.stdout).toBe(`${1 << 20}\n\n`);
  });

  it('a clause whose text passes the buffer bound is dropped and counted as dtrace counts drops', async () => {
    // 70 MB of text from one clause (the bound is 64 MiB, or twice aggsize): dropped whole.
    const big = Array.from({ length: 70 }, () => 'printf("%1000000s", "x");').join(' ');
    const r = await hostile(`BEGIN { printf("before\\n"); } BEGIN { ${big} } BEGIN { printf("after\\n"); exit(0); }`);
    expect(r.stderr).toBe('dtrace: 1 drop on CPU 0\n');
    expect(r.stdout).toBe('before\nafter\n\n');
  });

  it('deep and long expressions end in a D error, not a JavaScript stack overflow', async () => {
    const sum = await hostile(`BEGIN { x = ${Array.from({ length: 100000 }, () => '1').join('+')}; exit(0); }`);
    expect(sum.status).toBe(1);
    expect(sum.stderr).toMatch(/expression nested too deeply \(the limit is 1000 levels\)/);
    const casts = await hostile(`BEGIN { x = ${'(int)'.repeat(10000)}1; exit(0); }`);
    expect(casts.stderr).toMatch(/yacc stack overflow/);
    const subs = await hostile(`BEGIN { x = a${'[a'.repeat(10000)}${']'.repeat(10000)}; exit(0); }`);
    expect(subs.stderr).toMatch(/yacc stack overflow/);
    const ladder = await hostile(`BEGIN { x = ${'0 ? 1 : '.repeat(5000)}1; exit(0); }`);
    expect(ladder.stderr).toMatch(/yacc stack overflow/);
    const post = await hostile(`BEGIN { x = y${'[1]'.repeat(5000)}; exit(0); }`);
    expect(post.status).toBe(1);
    const fine = await hostile(`BEGIN { printf("%d\\n", ${Array.from({ length: 500 }, () => '1').join('+')}); exit(0); }`);
    expect(fine.stdout).toBe('500\n\n');
  });

  it('a million-digit integer constant is an overflow error', async () => {
    const r = await hostile(`BEGIN { x = ${'7'.repeat(1_000_000)}; exit(0); }`);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/results in integer overflow/);
  });

  it('speculations: a huge nspec is lowered and speculative text is bounded (drops, not memory)', async () => {
    const r = await hostile('BEGIN { s = speculation(); speculate(s); printf("%1000s", "x"); } BEGIN { exit(0); }', { xopts: [['nspec', '9999999']] });
    expect(r.stderr).toContain('number of speculations lowered to 65536');
    const d = await hostile('tick-1ms /n++ < 100/ { s = speculation(); speculate(s); printf("%1000s", "x"); } tick-1ms /n > 100/ { exit(0); }', { xopts: [['specsize', '2k'], ['nspec', '200']] });
    expect(d.stderr).toBe('');
    const over = await hostile('BEGIN { s = speculation(); } tick-1ms /n++ < 10/ { speculate(s); printf("%1000s", "x"); } tick-1ms /n > 10/ { exit(0); }', { xopts: [['specsize', '2k']] });
    expect(over.stderr).toMatch(/dtrace: \d+ speculative drops?\n/);
  });
});
