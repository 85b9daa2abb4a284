/**
 * alloca(): the clause's scratch space (scratchsize option), its bounds, its
 * reuse by the next clause, and the compile-time size check (D_ALLOCA_SIZE).
 */
import { describe, expect, it } from 'vitest';
import { runD } from '../../engine/testkit.ts';
import { scratchSize } from '../runtime/state.ts';

describe('alloca()', () => {
  it('reads back what was stored, 8-byte aligned', async () => {
    const r = await runD(`#pragma D option quiet
BEGIN { p = (char *)alloca(3); q = (int *)alloca(4); *p = 'x'; *q = 42;
  printf("%c %d %d\\n", *p, *q, ((uintptr_t)q - (uintptr_t)p)); exit(0); }`);
    expect(r.stdout.trimEnd()).toBe('x 42 8');
  });

  it('hands each clause the same, empty scratch space', async () => {
    const r = await runD(`#pragma D option quiet
BEGIN { s = (char *)alloca(1); *s = 'a'; }
BEGIN { t = (char *)alloca(1); printf("%d %d\\n", s == t, *t); exit(0); }`);
    expect(r.stdout.trimEnd()).toBe('1 0');
  });

  it('faults when an earlier clause\'s scratch is used', async () => {
    const r = await runD(`#pragma D option quiet
BEGIN { s = (char *)alloca(1); }
BEGIN { *s = 'b'; }
ERROR { printf("fault %d\\n", arg4); exit(0); }`);
    expect(r.stdout.trimEnd()).toBe('fault 1');
  });

  it('faults past what was handed out (the top)', async () => {
    const r = await runD(`#pragma D option quiet
BEGIN { s = (char *)alloca(8); s[8] = 1; }
ERROR { printf("fault %d\\n", arg4); exit(0); }`);
    expect(r.stdout.trimEnd()).toBe('fault 1');
  });

  it('runs out of scratch space past scratchsize', async () => {
    const r = await runD(`#pragma D option quiet
#pragma D option scratchsize=64
BEGIN { sz = 65; alloca(sz); }
ERROR { printf("fault %d\\n", arg4); exit(0); }`);
    expect(r.stdout.trimEnd()).toBe('fault 5');
  });

  it('refuses a constant size larger than scratchsize when compiling', async () => {
    const r = await runD('#pragma D option scratchsize=64\nBEGIN\n{\n\talloca(65);\n}\n', { xopts: [['errtags', undefined]] });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('dtrace: failed to compile script test.d: [D_ALLOCA_SIZE] line 4: alloca(65) size larger than scratchsize 64\n');
  });

  it('keeps scratchsize as dt_opt_scratchsize does: rounded up to 8, 256 when unset', () => {
    expect(scratchSize(undefined)).toBe(256);
    expect(scratchSize('0')).toBe(256);
    expect(scratchSize('61')).toBe(64);
    expect(scratchSize('1k')).toBe(1024);
  });

  it('lets a string be passed where void * is wanted (bcopy from a string)', async () => {
    const r = await runD(`#pragma D option quiet
BEGIN { p = (char *)alloca(8); bcopy("abc", p, 4); printf("%s\\n", stringof(p)); exit(0); }`);
    expect(r.stdout.trimEnd()).toBe('abc');
  });
});
