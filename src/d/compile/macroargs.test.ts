/**
 * Macro arguments as dt_lex.l substitutes them: $0 is the script's path,
 * -xdefaultargs lets missing ones be 0 / "", and a value that is neither an
 * integer nor an identifier is a string.
 */
import { describe, expect, it } from 'vitest';
import { runD } from '../../engine/testkit.ts';

const Q = '#pragma D option quiet\n';

describe('macro arguments', () => {
  it('$0 is the script path (dtrace.c compile_file); $$0 too', async () => {
    const r = await runD([{ name: 'dir/x.d', text: Q + 'BEGIN { printf("%s %s\\n", $0, $$0); exit(0); }', kind: 'file' }]);
    expect(r.stdout.trimEnd()).toBe('dir/x.d dir/x.d');
  });

  it('-xdefaultargs: a missing $N is 0 and a missing $$N is ""', async () => {
    const r = await runD(Q + 'BEGIN { printf("%d [%s] %d\\n", $1, $$2, $2 + 5); exit($2); }', { xopts: [['defaultargs', undefined]], macroArgs: ['7'] });
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd()).toBe('7 [] 5');
  });

  it('without it, a missing $N is D_MACRO_UNDEF', async () => {
    const r = await runD('BEGIN { trace($2); }', { macroArgs: ['7'], xopts: [['errtags', undefined]] });
    expect(r.stderr).toContain('[D_MACRO_UNDEF] line 1: macro argument $2 is not defined');
  });

  it('a value that is neither an integer nor an identifier is a string, its quotes stripped', async () => {
    const r = await runD(Q + 'BEGIN { printf("%s|%s\\n", $1, $2); exit(0); }', { macroArgs: ['a/b c', '"q x"'] });
    expect(r.stdout.trimEnd()).toBe('a/b c|q x');
  });
});
