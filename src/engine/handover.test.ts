/**
 * The back end's side of the front-end and library hand-overs: node lines,
 * deferred diagnostics, pragma option checks, the networking types, strtok
 * per firing, stack() aggregation keys, %Y's zone and the testing columns.
 * Expected text follows dtrace's documented behaviour (dt_cc.c, dtrace.c,
 * dtrace-utils' _DTRACE_TESTING output).
 */
import { describe, expect, it } from 'vitest';
import { runD } from './testkit.ts';

const q = (body: string): string => `#pragma D option quiet\n${body}`;

describe('hand-over points', () => {
  it('struct ip and struct tcphdr are known without -C (NET_TYPES_D loaded first)', async () => {
    const r = await runD(q('BEGIN { printf("%d %d %d\\n", sizeof(struct ip), sizeof(struct tcphdr), offsetof(struct ip, ip_dst)); exit(0); }'));
    expect(r.stdout).toBe('20 20 16\n\n');
  });

  it('a script may define its own struct with a networking name', async () => {
    const r = await runD(q('struct in_addr { int a; int b; }; BEGIN { printf("%d\\n", sizeof(struct in_addr)); exit(0); }'));
    expect(r.stdout).toBe('8\n\n');
  });

  it('#pragma D option values are checked where the pragma is (dt_pragma.c)', async () => {
    const r = await runD('BEGIN { }\n#pragma D option nspec=-72\n');
    expect(r.stderr).toBe("dtrace: failed to compile script test.d: line 2: failed to set option 'nspec' to '-72': Invalid value for specified option\n");
    expect(r.status).toBe(1);
  });

  it('-x argref: an unreferenced last macro argument is allowed', async () => {
    const r = await runD(q('BEGIN { exit(0); }'), { macroArgs: ['x'], xopts: [['argref', undefined]] });
    expect(r.status).toBe(0);
    const bad = await runD(q('BEGIN { exit(0); }'), { macroArgs: ['x'] });
    expect(bad.stderr).toContain("extraneous argument 'x' ($1 is not referenced)");
  });

  it('a checker error in an earlier clause wins over a backquoted symbol', async () => {
    const r = await runD('BEGIN { x = y + "a"; }\nBEGIN { trace(`max_pfn); }\n');
    expect(r.stderr).not.toContain('max_pfn');
    expect(r.status).toBe(1);
  });

  it('strtok(NULL, ...) in a new firing has no saved string (dtms_strtok is per firing): invalid address', async () => {
    const r = await runD(q('BEGIN { x = strtok("a,b", ","); } tick-1 { printf("[%s]\\n", strtok(NULL, ",")); } ERROR { exit(0); }'));
    expect(r.stderr).toBe('dtrace: error on enabled probe ID 2 (ID 11: profile:::tick-1): invalid address (0x0) in action #1\n');
    const ok = await runD(q('BEGIN { x = strtok("a,b", ","); printf("[%s]\\n", strtok(NULL, ",")); exit(0); }'));
    expect(ok.stdout).toBe('[b]\n\n');
    const nulldel = await runD(q('BEGIN { strtok("abc", NULL); } ERROR { exit(0); }'));
    expect(nulldel.stderr).toContain('invalid address (0x0) in action #1');
  });

  it('stack() is an aggregation key', async () => {
    const r = await runD(q('BEGIN { @[stack()] = count(); exit(0); }'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1\n');
  });

  it('%Y uses the zone the engine is given', async () => {
    const prog = q('BEGIN { printf("%Y\\n", (int64_t)0); exit(0); }');
    expect((await runD(prog)).stdout).toBe('1970 Jan  1 00:00:00\n\n');
  });

  it('_DTRACE_TESTING mode drops the CPU and ID columns', async () => {
    const r = await runD('BEGIN { trace(1); exit(0); }', { testing: true });
    expect(r.stdout).toBe('                   FUNCTION:NAME\n                          :BEGIN           1\n\n');
  });
});

/** Compile errors worded as the published dtrace-utils .r files word them (-xerrtags). */
describe('compile error texts from the conformance suite', () => {
  const err = async (prog: string): Promise<string> => {
    const r = await runD(prog, { xopts: [['errtags', undefined]] });
    expect(r.status).toBe(1);
    return r.stderr.split('\n').slice(0, -1).join('\n').replace(/^dtrace: failed to compile script test\.d: /, '');
  };
  it('malformed printf formats are D_SYNTAX, unprefixed (dt_printf_create yyerror)', async () => {
    expect(await err('BEGIN { printf("%..3d", 1); }')).toBe("[D_SYNTAX] line 1: format conversion #1 has more than one '.' specified");
    expect(await err('BEGIN { printf("%**d"); }')).toBe("[D_SYNTAX] line 1: format conversion #1 has more than one '*' specified for the output width");
    expect(await err('BEGIN { printf(1); }')).toBe('[D_PROTO_ARG] line 1: printf( ) argument #1 is incompatible with prototype:\n\tprototype: string\n\t argument: int');
  });
  it('associative array keys, printa prototypes and key signatures', async () => {
    expect(await err('int x[int, int];\nBEGIN { x[1] = 1; }')).toBe('[D_PROTO_LEN] line 2: x[ ] prototype mismatch: 1 key passed, 2 expected');
    expect(await err('BEGIN { printa(123); }')).toBe('[D_PRINTA_AGGARG] line 1: printa( ) argument #1 is incompatible with prototype:\n\tprototype: aggregation\n\t argument: int');
    expect(await err('BEGIN { printa("%d"); }')).toBe('[D_PRINTA_PROTO] line 1: printa( ) prototype mismatch: 1 args passed, 2 expected');
    expect(await err('BEGIN { @foo[1] = sum(1); @bar = sum(2); printa("%d %@d %@d", @foo, @bar); }'))
      .toBe('[D_PRINTA_AGGKEY] line 1: printa( ): @foo and @bar do not have matching key signatures: @foo has 1 key, @bar has 0 keys');
    expect(await err('BEGIN { trace(substr("a", 1, 2, 3)); }')).toBe('[D_PROTO_LEN] line 1: substr( ) prototype mismatch: 4 args passed, at most 3 expected');
  });
  // An enumerator's errors carry the line of the look-ahead after it ("};"), as yacc reduces there.
  it('enumerators, struct members and type names', async () => {
    expect(await err('enum e {\ntoobig = 2147483648\n};')).toBe("[D_DECL_ENOFLOW] line 3: enumerator 'toobig' value overflows INT_MAX (2147483647)");
    expect(await err('enum e {\nTAG = "x"\n};')).toBe("[D_DECL_ENCONST] line 3: enumerator 'TAG' must be assigned to an integral constant expression");
    expect(await err('struct s { int x; int x; };')).toBe("[D_UNKNOWN] line 1: failed to define member 'x': Duplicate member or variable name");
    expect(await err('BEGIN { i = (long short)0; }')).toBe('[D_UNKNOWN] line 1: failed to resolve type short long : Unknown type name');
  });
  it('an action in a conditional is cooked against its prototype first', async () => {
    expect(await err('BEGIN { c = 1 ? printf("x") : trace(); }')).toBe('[D_PROTO_LEN] line 1: trace( ) prototype mismatch: 0 args passed, 1 expected');
  });
  it('a runtime option value beyond int64 is invalid (and does not allocate)', async () => {
    expect(await err('#pragma D option nspec=245566729809009887663\nBEGIN { }')).toBe("[D_PRAGMA_OPTSET] line 1: failed to set option 'nspec' to '245566729809009887663': Invalid value for specified option");
  });
});

describe('runtime errors without DIF', () => {
  it('the DIF offset is unknown: -1 in ERROR arg3, and not printed (dt_handle_err)', async () => {
    const r = await runD(q('BEGIN { i = 0; j = 1 / i; } ERROR { printf("%d\\n", arg3); exit(0); }'));
    expect(r.stdout).toBe('-1\n\n');
    expect(r.stderr).toBe('dtrace: error on enabled probe ID 1 (ID 1: dtrace:::BEGIN): divide-by-zero in action #2\n');
  });
});

describe('more compile error texts from the conformance suite', () => {
  const err = async (prog: string): Promise<string> => {
    const r = await runD(prog, { xopts: [['errtags', undefined]] });
    expect(r.status).toBe(1);
    return r.stderr.split('\n').slice(0, -1).join('\n').replace(/^dtrace: failed to compile script test\.d: /, '');
  };
  it('printf with a non-constant string format', async () => {
    expect(await err('BEGIN { printf(probename); }')).toBe('[D_PRINTF_ARG_FMT] line 1: printf( ) argument #1 is incompatible with prototype:\n\tprototype: string constant\n\t argument: string');
  });
  it('associative array key types', async () => {
    expect(await err('BEGIN { x[1, "a"] = 1; x[1, 2] = 1; }')).toBe('[D_PROTO_ARG] line 1: x[ ] key #2 is incompatible with prototype:\n\tprototype: string\n\t      key: int');
  });
  it('printa key signatures compared key by key, and stack keys against %p', async () => {
    expect(await err('BEGIN { @foo[1] = sum(1); @bar["a"] = sum(2); printa("%d %@d %@d", @foo, @bar); }'))
      .toBe('[D_PRINTA_AGGPROTO] line 1: printa( ): @bar[ ] key #1 is incompatible with @foo:\n      foo key #1: int\n      bar key #1: string');
    expect(await err('BEGIN { @[stack()] = count(); printa("%p\\n", @); }'))
      .toBe('[D_PRINTF_ARG_TYPE] line 1: printa( ) argument #2 is incompatible with conversion #1 prototype:\n\tconversion: %p\n\t prototype: pointer or integer\n\t  argument: dt_stack_t');
  });
  it('an aggregation after commit( )', async () => {
    expect(await err('BEGIN { commit(1); @a["foo"] = count(); }')).toBe('[D_AGG_COMM] line 1: aggregating actions may not follow commit( )');
  });
});

describe('by-value structs and stacks', () => {
  it('assigning a struct copies its bytes, for globals, self->, this-> and array elements', async () => {
    const r = await runD(q(`struct foo { int a; char b[4]; };
      struct foo x, y;
      BEGIN { x.a = 5; y = x; self->s = x; this->t = x; a[1] = x; x.a = 7;
        printf("%d %d %d %d %d\\n", y.a, self->s.a, this->t.a, a[1].a, x.a); exit(0); }`));
    expect(r.stdout).toBe('5 5 5 5 7\n\n');
  });

  it('ustack() prints an empty user stack (no user process sends packets): the newline alone', async () => {
    const r = await runD(q('BEGIN { ustack(); printf("|"); exit(0); }'));
    expect(r.stdout).toBe('\n|\n');
  });
});

describe('user translators', () => {
  it('xlate<T>(x) and xlate<T *>(x) build the output struct from the translator members', async () => {
    const r = await runD(q(`struct in { int x; char n[8]; };
      struct out { int y; string s; uint64_t z; };
      translator struct out < struct in *p > { y = p->x * 2; s = stringof(p->n); z = p->x + 1; };
      BEGIN { v = (struct in *)alloca(sizeof (struct in)); v->x = 21; v->n[0] = 'h'; v->n[1] = 'i';
        printf("%d %s %d\\n", xlate<struct out>(v).y, xlate<struct out *>(v)->s, xlate<struct out>(v).z); exit(0); }`));
    expect(r.stdout).toBe('42 hi 22\n\n');
  });

  it('no translator for the types: D_XLATE_NONE', async () => {
    const r = await runD('struct a { int x; }; struct b { int y; }; BEGIN { trace(xlate<struct b>(1).y); }', { xopts: [['errtags', undefined]] });
    expect(r.stderr).toBe('dtrace: failed to compile script test.d: [D_XLATE_NONE] line 1: cannot translate from "int" to "struct b"\n');
  });
});

describe('exit() within a firing (dtrace_probe)', () => {
  it('later BEGIN and tick clauses are skipped; later END clauses still run', async () => {
    const r = await runD(q(`BEGIN { exit(0); } BEGIN { printf("no\\n"); }
      END { printf("end1\\n"); exit(3); } END { printf("end2\\n"); }`));
    expect(r.stdout).toBe('end1\nend2\n\n');
    const t = await runD(q('tick-1ms { exit(0); } tick-1ms { printf("no\\n"); }'));
    expect(t.stdout).toBe('\n');
  });
});

describe('NULL strings', () => {
  it('a string variable may be assigned NULL, which compares below every string and equal to NULL', async () => {
    const r = await runD(q('BEGIN { s = "a"; t = "b"; u = "c"; t = NULL; u = NULL; printf("%d %d %d\\n", t < s, s > t, t == u); exit(0); }'));
    expect(r.stdout).toBe('1 1 1\n\n');
  });
});

describe('floating point (no FP operators in D)', () => {
  it('arithmetic on a float operand is refused as dt_cook_op1/op2 refuse it', async () => {
    const err = async (p: string): Promise<string> => (await runD(p, { xopts: [['errtags', undefined]] })).stderr;
    expect(await err('double d; BEGIN { x = d * 2; }')).toBe('dtrace: failed to compile script test.d: [D_OP_ARITH] line 1: operator * requires operands of arithmetic type\n');
    expect(await err('double d; BEGIN { x = -d; }')).toBe('dtrace: failed to compile script test.d: [D_OP_ARITH] line 1: operator - requires an operand of arithmetic type\n');
    expect(await err('double d; BEGIN { x = d + 1; }')).toBe('dtrace: failed to compile script test.d: [D_OP_INCOMPAT] line 1: operands have incompatible types: "double" + "int"\n');
  });
});
