/**
 * Checker errors: one case per tag, with dtrace's message text from
 * illumos dt_parser.c / dt_cc.c / dt_ident.c (quoted in the compiler).
 */
import { describe, expect, it } from 'vitest';
import { runD } from '../../engine/testkit.ts';

async function compileError(src: string): Promise<string> {
  const r = await runD(src, { xopts: [['errtags', undefined]] });
  expect(r.status).toBe(1);
  return r.stderr.trim();
}

describe('checker errors (script file, -xerrtags)', () => {
  const cases: [string, string, string][] = [
    ['D_IDENT_UNDEF', 'BEGIN\n{\n\ttrace(x);\n}\n', '[D_IDENT_UNDEF] line 3: failed to resolve x: Unknown variable name'],
    ['D_VAR_UNDEF', 'BEGIN\n{\n\tx += 1;\n}\n', '[D_VAR_UNDEF] line 3: x has not yet been declared or assigned'],
    ['D_VAR_UNDEF self', 'BEGIN { trace(self->v); }', '[D_VAR_UNDEF] line 1: self->v has not yet been declared or assigned'],
    ['D_OP_INCOMPAT', 'BEGIN { s = "a"; x = s + s; }', '[D_OP_INCOMPAT] line 1: operands have incompatible types: "string" + "string"'],
    ['D_OP_INT', 'BEGIN { x = "a" & 1; }', '[D_OP_INT] line 1: operator & requires operands of integral type'],
    ['D_OP_ARITH', 'BEGIN { x = -"a"; }', '[D_OP_ARITH] line 1: operator - requires an operand of arithmetic type'],
    ['D_OP_SCALAR', 'BEGIN { x = !"a"; }', '[D_OP_SCALAR] line 1: operator ! requires an operand of scalar type'],
    ['D_DIV_ZERO', 'BEGIN { x = 1 / 0; }', '[D_DIV_ZERO] line 1: expression contains division by zero'],
    ['D_PDESC_ZERO', 'fbt::foo:entry { }', '[D_PDESC_ZERO] line 1: probe description fbt::foo:entry does not match any probes'],
    ['D_AGG_FUNC', 'BEGIN { @a = 1; }', '[D_AGG_FUNC] line 1: @a must be assigned the result of an aggregating function'],
    ['D_AGG_REDEF', 'BEGIN\n{\n\t@a = count();\n\t@a = sum(1);\n}\n', '[D_AGG_REDEF] line 4: aggregation redefined: @a\n\t current: @a = sum( )\n\tprevious: @a = count( ) : line 3'],
    ['D_AGG_NULL', 'BEGIN { @a[1]; }', '[D_AGG_NULL] line 1: expression has null effect'],
    ['D_AGG_SCALAR', 'BEGIN { @a = sum("x"); }', '[D_AGG_SCALAR] line 1: sum( ) argument #1 must be of scalar type'],
    ['D_PROTO_LEN', 'BEGIN { @a = count(1); }', '[D_PROTO_LEN] line 1: count( ) prototype mismatch: 1 arg passed, 0 expected'],
    ['D_PROTO_ARG', 'BEGIN { x = strlen(1); }', '[D_PROTO_ARG] line 1: strlen( ) argument #1 is incompatible with prototype:\n\tprototype: char *\n\t argument: int'],
    ['D_PRED_SCALAR', 'BEGIN /"a"/ { }', '[D_PRED_SCALAR] line 1: predicate result must be of scalar type'],
    ['D_ARGS_IDX', 'tick-1sec { trace(args[5]); }', '[D_ARGS_IDX] line 1: index 5 is out of range for :::tick-1sec args[ ]'],
    ['D_DEREF_NONPTR', 'BEGIN { x = 1; y = *x; }', '[D_DEREF_NONPTR] line 1: cannot dereference non-pointer type'],
    ['D_TYPE_MEMBER', 'struct s { int a; };\nstruct s v;\nBEGIN { trace(v.b); }', '[D_TYPE_MEMBER] line 3: b is not a member of struct s'],
    ['D_CAST_INVAL', 'struct s { int a; };\nstruct s v;\nBEGIN { x = (int)v; }', '[D_CAST_INVAL] line 3: invalid cast expression: "struct s" to "int"'],
    ['D_ARR_LOCAL', 'BEGIN { this->a[1] = 1; }', '[D_ARR_LOCAL] line 1: local variables may not be used as associative arrays: a'],
    ['D_KEY_TYPE', 'BEGIN { @a[curpsinfo] = count(); }', '[D_KEY_TYPE] line 1: <DYN> expression may not be used as aggregation index: key #1'],
    ['D_COMM_COMM', 'BEGIN { s = speculation(); commit(s); commit(s); }', '[D_COMM_COMM] line 1: commit( ) may not follow commit( )'],
    ['D_DREC_COMM exit', 'BEGIN { s = speculation(); commit(s); exit(0); }', '[D_DREC_COMM] line 1: data-recording actions may not follow commit( )'],
    ['D_SPEC_DREC', 'BEGIN { s = speculation(); trace(1); speculate(s); }', '[D_SPEC_DREC] line 1: speculate( ) may not follow data-recording action(s)'],
    ['D_PRINTF_ARG_TYPE', 'BEGIN { printf("%d", "a"); }', '[D_PRINTF_ARG_TYPE] line 1: printf( ) argument #2 is incompatible with conversion #1 prototype:\n\tconversion: %d\n\t prototype: char, short, int, long, or long long\n\t  argument: string'],
    ['D_PRINTF_ARG_EXTRA', 'BEGIN { printf("%d", 1, 2); }', '[D_PRINTF_ARG_EXTRA] line 1: printf( ) prototype mismatch: only 1 arguments required by this format string'],
    ['D_OP_WRITE builtin', 'BEGIN { pid = 1; }', '[D_OP_WRITE] line 1: operator = can only be applied to a writable variable'],
    ['D_OP_WRITE builtin ++', 'BEGIN { timestamp++; }', '[D_OP_WRITE] line 1: operator ++ can only be applied to a writable variable'],
    ['D_OP_VFPTR', 'int p;\nBEGIN { p -= alloca(10); }', '[D_OP_VFPTR] line 2: operator -= requires left-hand scalar operand of known size'],
    ['D_OP_VFPTR void *', 'BEGIN { v = (void *)0; v += 1; }', '[D_OP_VFPTR] line 1: operator += requires left-hand scalar operand of known size'],
    ['D_EMPTY', '/* comments only */\n#pragma D option quiet\n', '[D_EMPTY] line 3: empty D program translation unit'],
    ['D_PRAGMA_OPTSET', '#pragma D option nosuchoption\nBEGIN { }', "[D_PRAGMA_OPTSET] line 1: failed to set option 'nosuchoption': Invalid option name"],
  ];
  for (const [tag, src, msg] of cases) {
    it(tag, async () => {
      expect(await compileError(src)).toBe(`dtrace: failed to compile script test.d: ${msg}`);
    });
  }

  it('-n programs name the region instead of a line', async () => {
    const r = await runD([{ name: 'BEGIN { trace(x); }', text: 'BEGIN { trace(x); }', kind: 'inline' }]);
    expect(r.stderr).toBe('dtrace: invalid probe specifier BEGIN { trace(x); }: in action list: failed to resolve x: Unknown variable name\n');
  });

  it('allows commits of different speculations in one clause (speculation/tst.CommitCommitCommit.r)', async () => {
    const r = await runD(`#pragma D option quiet
#pragma D option nspec=3
BEGIN { i = speculation(); j = speculation(); k = speculation(); }
BEGIN { speculate(i); printf("on %d\\n", i); }
BEGIN { speculate(j); printf("on %d\\n", j); }
BEGIN { commit(j); discard(k); commit(i); }
BEGIN { exit(0); }`);
    expect(r).toEqual({ stdout: 'on 2\non 1\n\n', stderr: '', status: 0 });
  });

  it('a NULL constant passed as a string argument is an address that faults (funcs/strlen/tst.null.d)', async () => {
    for (const call of ['strlen(0)', 'substr(0, 1)', 'strjoin("a", 0)']) {
      const r = await runD(`#pragma D option quiet\nBEGIN { trace(${call}); exit(1); } ERROR { exit(0); }`);
      expect(r.stderr).toBe('dtrace: error on enabled probe ID 1 (ID 1: dtrace:::BEGIN): invalid address (0x0) in action #1\n');
      expect(r.status).toBe(0);
    }
  });

  it('cooks the predicate first when the actions use a variable it creates (dt_cook_clause)', async () => {
    const r = await runD('#pragma D option quiet\nBEGIN /x++ == 0/ { trace(x); exit(0); }');
    expect(r).toEqual({ stdout: '1\n', stderr: '', status: 0 });
  });

  it('an empty program is allowed with -xempty, and then nothing matched is fatal unless -Z', async () => {
    const r = await runD('/* nothing */\n', { xopts: [['empty', undefined]] });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("dtrace: script 'test.d' matched 0 probes\ndtrace: no probes matched\n");
    const z = await runD('int x;\n', { allowZeroMatch: true });
    expect(z.status).toBe(0);
    const zx = await runD('int x;\n', { xopts: [['zdefs', undefined]] });
    expect(zx.status).toBe(0);
  });
});

describe('enabling', () => {
  it('a principal buffer too small for one record cannot be allocated (buffering/err.zerobuf.d)', async () => {
    const r = await runD('#pragma D option bufsize=0\nBEGIN { exit(0); }\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("dtrace: script 'test.d' matched 1 probe\ndtrace: could not enable tracing: Enabling exceeds size of buffer\n");
  });
});
