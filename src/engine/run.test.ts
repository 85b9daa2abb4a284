/**
 * The run loop and runtime: actions, variables, ERROR semantics, the
 * virtual clock, exit status and dtrace's default output. Expected text
 * follows dtrace's documented behaviour (Dynamic Tracing Guide, dtrace.c).
 */
import { describe, expect, it } from 'vitest';
import { runD } from './testkit.ts';

const q = (body: string): string => `#pragma D option quiet\n${body}`;

describe('run loop', () => {
  it('BEGIN, exit() status, END, and the newline dtrace.c prints when tracing stops', async () => {
    const r = await runD(q('BEGIN { printf("begin\\n"); exit(3); } END { printf("end\\n"); }'));
    expect(r).toEqual({ stdout: 'begin\nend\n\n', stderr: '', status: 3 });
  });

  it('defaultargs (-x or #pragma): an unset macro argument is 0, quoted ""; without it, an error', async () => {
    const prog = 'BEGIN { printf("%d [%s] %d\\n", $1, $$2, $1 > 0 ? $1 : 5); exit(0); }';
    expect((await runD(q(prog), { xopts: [['defaultargs', undefined]] })).stdout).toBe('0 [] 5\n\n');
    expect((await runD(q(`#pragma D option defaultargs\n${prog}`))).stdout).toBe('0 [] 5\n\n');
    expect((await runD(q(`#pragma D option defaultargs\n${prog}`), { macroArgs: ['7', 'x'] })).stdout).toBe('7 [x] 7\n\n');
    const r = await runD(q(prog));
    expect([r.status, r.stderr]).toEqual([1, 'dtrace: failed to compile script test.d: line 2: macro argument $1 is not defined\n']);
  });

  it('non-quiet output: heading, probe line, records, matched message', async () => {
    const r = await runD('BEGIN { trace(42); exit(0); }');
    expect(r.stdout).toBe('CPU     ID                    FUNCTION:NAME\n  0      1                           :BEGIN ' + ' ' + '42'.padStart(10) + '\n\n');
    expect(r.stderr).toBe("dtrace: script 'test.d' matched 1 probe\n");
  });

  it('clauses after exit() in the same firing do not run (dtrace_probe skips them outside WARMUP/ACTIVE); no later firing happens', async () => {
    const r = await runD(q('BEGIN { exit(0); } BEGIN { printf("same firing\\n"); } tick-1ms { printf("never\\n"); }'));
    expect(r.stdout).toBe('\n');
  });

  it('tick probes fire on the virtual clock in time order', async () => {
    const r = await runD(q(`BEGIN { t0 = timestamp; }
      tick-1sec /++n == 3/ { printf("%d\\n", (timestamp - t0) / 1000000000); exit(0); }
      tick-400ms { m++; } END { printf("%d\\n", m); }`));
    expect(r.stdout).toBe('3\n7\n\n');
  });

  it('prints unprinted aggregations at the end', async () => {
    const r = await runD(q('BEGIN { @c["a"] = count(); @c["a"] = count(); @s = sum(5); exit(0); }'));
    expect(r.stdout).toContain('a');
    expect(r.stdout).toMatch(/\s+2\n/);
    expect(r.stdout).toMatch(/\s+5\n/);
  });

  it('stops the free-running clock after an hour of virtual time without exit()', async () => {
    const r = await runD(q('tick-1sec { n++; } END { printf("%d\\n", n); }'));
    expect(r.stdout).toBe('3600\n\n');
    expect(r.stderr).toContain('no capture: stopped after 1 hour of virtual time');
  });
});

describe('variables', () => {
  it('64-bit arithmetic is exact and wraps', async () => {
    const r = await runD(q(`BEGIN {
      x = 0x7fffffffffffffff; y = x + 1; u = (uint64_t)0 - 1;
      printf("%d %u %d\\n", y, u, (int)0x80000000);
      exit(0); }`));
    expect(r.stdout).toBe('-9223372036854775808 18446744073709551615 -2147483648\n\n');
  });

  it('associative arrays with tuple keys; missing elements read as zero', async () => {
    const r = await runD(q('BEGIN { a["x", 1] = 5; a["y", 2] = 6; printf("%d %d %d\\n", a["x", 1], a["y", 2], a["z", 3]); exit(0); }'));
    expect(r.stdout).toBe('5 6 0\n\n');
  });

  it('dynamic variable drops when dynvarsize is exhausted', async () => {
    const r = await runD(q('#pragma D option dynvarsize=1k\ntick-1ms /i < 100/ { a[i++] = 1; } tick-1ms /i == 100/ { exit(0); }'));
    expect(r.stderr).toMatch(/^dtrace: \d+ dynamic variable drops\n$/);
  });

  it('strings compare as values and strsize truncates', async () => {
    const r = await runD(q('#pragma D option strsize=5\nBEGIN { s = "abcdefgh"; printf("%s %d\\n", s, "abc" < "abd"); exit(0); }'));
    // illumos dtrace_vcopy keeps strsize bytes, without a NUL when none fits; printf prints the whole record.
    expect(r.stdout).toBe('abcde 1\n\n');
  });

  it('a string holds strsize characters and its NUL (Oracle): traced as a string; rawbytes dumps strsize + 1 bytes', async () => {
    const r = await runD(q('#pragma D option strsize=4\nBEGIN { self->x = "abcdef"; trace(self->x); y = "ab"; trace(y); exit(0); }'));
    expect(r.stdout).toBe('abcdab\n');
    const raw = await runD(q('#pragma D option strsize=5\n#pragma D option rawbytes\nBEGIN { trace("abc"); trace("abcdefgh"); exit(0); }'));
    const head = '\n             0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f  0123456789abcdef\n';
    expect(raw.stdout).toBe(`${head}         0: 61 62 63 00 00 00                                abc...\n${head}         0: 61 62 63 64 65 00                                abcde.\n\n`);
  });

  it('struct layout: sizeof and offsetof as GCC on x86-64, bit-fields packed', async () => {
    const r = await runD(q(`struct s { char c; int i; short sh; long l; };
      struct b { unsigned int a:3, b:7, c:22; char d; };
      BEGIN { printf("%d %d %d %d %d\\n", sizeof (struct s), offsetof(struct s, i), offsetof(struct s, l), sizeof (struct b), offsetof(struct b, d)); exit(0); }`));
    expect(r.stdout).toBe('24 4 16 8 4\n\n');
  });
});

describe('ERROR semantics', () => {
  it('a divide-by-zero ends the clause, reports, and fires ERROR with its arguments', async () => {
    const r = await runD(q(`BEGIN { x = 0; printf("dropped\\n"); y = 1 / x; }
      BEGIN { printf("next clause\\n"); }
      ERROR { printf("ERROR arg1=%d arg4=%d\\n", arg1, arg4); }
      END { exit(0); }`));
    expect(r.stdout).toBe('ERROR arg1=1 arg4=4\nnext clause\n\n');
    expect(r.stderr).toBe('dtrace: error on enabled probe ID 1 (ID 1: dtrace:::BEGIN): divide-by-zero in action #3\n');
  });

  it('a NULL dereference is an invalid address', async () => {
    const r = await runD(q('BEGIN { x = *(int *)0; } BEGIN { exit(0); }'));
    expect(r.stderr).toBe('dtrace: error on enabled probe ID 1 (ID 1: dtrace:::BEGIN): invalid address (0x0) in action #1\n');
  });

  it('destructive actions are refused', async () => {
    const r = await runD('BEGIN { raise(9); }');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("dtrace: script 'test.d' matched 1 probe\ndtrace: could not enable tracing: Destructive actions not allowed\n");
  });
});

describe('the consumer', () => {
  it('BEGIN and END fire in the consumer process: its pid and execname (dtrace by default)', async () => {
    const src = 'BEGIN { printf("%s %d\\n", execname, pid); } END { printf("%s %d\\n", execname, pid); } BEGIN { exit(0); }';
    expect((await runD(q(src))).stdout).toBe('dtrace 0\ndtrace 0\n\n');
    expect((await runD(q(src), { consumer: { pid: 4242, execname: 'wiretrace' } })).stdout).toBe('wiretrace 4242\nwiretrace 4242\n\n');
  });
});

describe('speculations', () => {
  it('commit prints, discard drops', async () => {
    const r = await runD(q(`BEGIN { a = speculation(); b = speculation(); }
      BEGIN { speculate(a); printf("kept\\n"); }
      BEGIN { commit(a); }
      BEGIN { exit(0); }`));
    expect(r.stdout).toBe('kept\n\n');
  });

  it('a clause that only speculates commits its probe line; a commit-only clause prints none', async () => {
    const src = 'BEGIN { s = speculation(); } BEGIN { speculate(s); } BEGIN { commit(s); } BEGIN { exit(0); }';
    const r = await runD(src);
    expect(r.stdout.split('\n').filter((l) => l.includes(':BEGIN')).length).toBe(2);
    const d = await runD('BEGIN { s = speculation(); } BEGIN { speculate(s); } BEGIN { discard(s); } BEGIN { exit(0); }');
    expect(d.stdout.split('\n').filter((l) => l.includes(':BEGIN')).length).toBe(1);
  });

  it('speculate() on no active speculation ends the clause quietly (speculation/tst.SpeculationWithZero.d)', async () => {
    const r = await runD(q(`BEGIN { self->n = 0; }
      BEGIN { speculate(0); self->n++; }
      BEGIN { speculate(-1); self->n++; }
      BEGIN { speculate(1); self->n++; }
      BEGIN { printf("%d\\n", self->n); exit(0); }`));
    expect(r.stdout).toBe('0\n\n');
    expect(r.stderr).toBe('');
  });

  it('commit()/discard() of an ID past nspec is an illegal operation', async () => {
    const r = await runD(q(`#pragma D option nspec=2
      BEGIN { discard(3); }
      ERROR { printf("%d\\n", arg4); exit(0); }`));
    expect(r.stdout).toBe('3\n\n');
    const n = await runD(q('BEGIN { commit(-1); }\nERROR { printf("%d\\n", arg4); exit(0); }'));
    expect(n.stdout).toBe('3\n\n');
  });
});

describe('options', () => {
  it('-C runs the preprocessor, with -D and the built-in network headers', async () => {
    const r = await runD(q('#include <netinet/in.h>\nBEGIN { printf("%d %d\\n", N, IPPROTO_UDP); exit(0); }'), { cpp: true, defines: [['N', '7']] });
    expect(r.stdout).toBe('7 17\n\n');
  });

  it('unknown -x option', async () => {
    const r = await runD('BEGIN { }', { xopts: [['nosuch', undefined]] });
    expect(r).toEqual({ stdout: '', stderr: 'dtrace: failed to set -x nosuch: Invalid option name\n', status: 1 });
  });
});

describe('reporting -n descriptions', () => {
  it('crops the description at its first {, / or ; (dtrace.c compile_str)', async () => {
    const r = await runD([{ name: 'BEGIN /1/ { exit(0); }', text: 'BEGIN /1/ { exit(0); }', kind: 'inline' }]);
    expect(r.stderr).toBe("dtrace: description 'BEGIN ' matched 1 probe\n");
    const s = await runD([{ name: 'BEGIN{exit(0);}', text: 'BEGIN{exit(0);}', kind: 'inline' }, { name: 'END', text: 'END', kind: 'inline' }]);
    expect(s.stderr).toBe("dtrace: description 'BEGIN' matched 1 probe\ndtrace: description 'END' matched 1 probe\n");
  });
});
