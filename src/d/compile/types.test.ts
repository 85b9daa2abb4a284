/**
 * Declarations and translators checked as libdtrace checks them: bit-field
 * widths (dt_decl_member), translator definitions cooked when defined
 * (dt_node_xlator, dt_cook_xlator) and casts of translated data, sizeof of
 * a string literal (dt_node_type_size). Messages are dtrace's, with tags.
 */
import { describe, expect, it } from 'vitest';
import { runD } from '../../engine/testkit.ts';

async function compileError(src: string): Promise<string> {
  const r = await runD(src, { xopts: [['errtags', undefined]] });
  expect(r.status).toBe(1);
  return r.stderr.trim().replace(/^dtrace: failed to compile script test\.d: /, '');
}

async function out(src: string): Promise<string> {
  const r = await runD(`#pragma D option quiet\n${src}`);
  expect(r.stderr).toBe('');
  return r.stdout.replace(/\n$/, '');
}

describe('bit-field declarations', () => {
  const cases: [string, string, string][] = [
    ['negative width', 'struct s { int a : 1; int b : -3; };', '[D_DECL_BFCONST] line 1: positive integral constant expression expected as bit-field size'],
    ['named zero width', 'struct s { int a : 0; };', '[D_DECL_BFCONST] line 1: positive integral constant expression expected as bit-field size'],
    ['non-constant width', 'int w;\nstruct s { int a : w; };', '[D_DECL_BFCONST] line 2: positive integral constant expression expected as bit-field size'],
    ['wider than its type', 'struct s { char a : 10; };', '[D_DECL_BFSIZE] line 1: bit-field too big for type: a'],
    ['unnamed, wider than its type', 'struct s { short : 17; };', '[D_DECL_BFSIZE] line 1: bit-field too big for type: (anon)'],
    ['not an integer', 'struct s { char *p : 3; };', '[D_DECL_BFTYPE] line 1: invalid type for bit-field: p'],
    ['sizeof', 'struct s { int a : 3; } v;\nBEGIN { printf("%n", sizeof (v.a)); }', '[D_SIZEOF_BITFIELD] line 2: cannot apply sizeof to a bit-field'],
  ];
  for (const [what, src, msg] of cases) it(what, async () => expect(await compileError(src)).toBe(msg));

  it('an unnamed zero-width field only closes the storage unit', async () => {
    expect(await out('struct s { char a : 3; char : 0; char b : 2; };\nBEGIN { printf("%d\\n", sizeof (struct s)); exit(0); }')).toBe('2\n');
  });
});

describe('translator definitions', () => {
  const decls = 'struct in { int i; char c; };\nstruct out { int oi; char *oc; };\n';
  const cases: [string, string, string][] = [
    ['a member of an undefined input struct (at the member\'s line)',
      'struct out { int oi; };\ntranslator struct out < struct nosuch *p >\n{\n\toi = ((struct nosuch *)p)->x;\n};',
      '[D_OP_INCOMPLETE] line 4: operator -> cannot be applied to a forward declaration: no struct nosuch definition is available'],
    ['an input member that does not exist', `${decls}translator struct out < struct in *p >\n{\n\toi = p->nosuch;\n};`,
      '[D_TYPE_MEMBER] line 5: nosuch is not a member of struct in'],
    ['incompatible member types (at the closing line)', `${decls}translator struct out < struct in *p >\n{\n\toi = p->i;\n\toc = p->c;\n};`,
      '[D_XLATE_INCOMPAT] line 7: translator member oc definition uses incompatible types: "char *" = "char"'],
    ['an output member that does not exist', `${decls}translator struct out < struct in *p >\n{\n\tnosuch = 1;\n};`,
      '[D_XLATE_MEMB] line 6: translator member nosuch is not a member of struct out'],
    ['an undefined output struct', 'struct in { int i; };\ntranslator struct nosuch < struct in *p >\n{\n\tx = 1;\n};',
      '[D_XLATE_SOU] line 5: incomplete struct/union/enum struct nosuch'],
    ['an output that is not a struct', 'struct in { int i; };\ntranslator int < struct in *p >\n{\n};',
      '[D_XLATE_SOU] line 4: translator output type must be a struct or union'],
    ['a second translator for the same types', `${decls}translator struct out < struct in *p > { oi = p->i; };\ntranslator struct out < struct in *q > { oi = q->i; };`,
      '[D_XLATE_REDECL] line 4: translator from struct in * to struct out has already been declared'],
    ['a cast of translated data', `${decls}translator struct out < struct in *p > { oi = p->i; };\nstruct in *f;\nBEGIN { a = (uintptr_t)xlate<struct out *>(f); }`,
      '[D_CAST_INVAL] line 5: invalid cast expression: "pointer to translated data" to "uintptr_t"'],
  ];
  for (const [what, src, msg] of cases) it(what, async () => expect(await compileError(src)).toBe(msg));

  it('member expressions keep their casts when expanded at xlate<> (by-value input)', async () => {
    expect(await out(`struct a { int i; char c; };
struct b { int j; char d; };
translator struct b < struct a x > { j = ((struct a)x).i * 2; d = ((struct a)x).c; };
struct a v;
BEGIN { v.i = 21; v.c = 'z'; printf("%d %c %d\\n", xlate<struct b>(v).j, xlate<struct b>(v).d, xlate<struct b *>(v)->j); exit(0); }`)).toBe('42 z 42\n');
  });
});

describe('sizeof', () => {
  it('of a string literal is its length + 1; of a string variable, strsize', async () => {
    expect(await out('BEGIN { s = "hi"; printf("%d %d %d\\n", sizeof ("hi"), sizeof "", sizeof (s)); exit(0); }')).toBe('3 1 256\n');
  });
});

describe('strings as pointers (dt_cook_op2 DT_TOK_ADD/SUB, DT_TOK_DEREF)', () => {
  it('string + n and n + string are the string from its n-th character; s[i] and *s are chars', async () => {
    expect(await out(`BEGIN { g = "abcdef"; this->l = "xyz"; self->t = "12"; a[1] = "pq";
  printf("%s %s %s %s %s|%s|\\n", g + 1, 2 + g, this->l + 1, self->t + 1, a[1] + 1, g + 9);
  printf("%c %c %d %d\\n", g[1], *g, g[6], "ab"[1]); exit(0); }`)).toBe('bcdef cdef yz 2 q||\nb a 0 98\n');
  });

  it('a char pointer holding a string indexes it', async () => {
    expect(await out('char *s;\nBEGIN { s = probeprov; printf("%c%c %s\\n", s[0], s[1], stringof(s + 2)); exit(0); }')).toBe('dt race\n');
  });

  it('the NULL string faults at the offset when read', async () => {
    const r = await runD('#pragma D option quiet\nstring s;\nBEGIN { s = NULL; trace(s[1]); }\nBEGIN { exit(0); }');
    expect(r.stderr).toBe('dtrace: error on enabled probe ID 1 (ID 1: dtrace:::BEGIN): invalid address (0x1) in action #2\n');
  });

  it('string + string and int - string stay incompatible', async () => {
    expect(await compileError('BEGIN { x = "a" + "b"; }')).toBe('[D_OP_INCOMPAT] line 1: operands have incompatible types: "string" + "string"');
    expect(await compileError('BEGIN { x = 1 - "b"; }')).toBe('[D_OP_INCOMPAT] line 1: operands have incompatible types: "int" - "string"');
  });
});

describe('array and prototype declarations (dt_decl_array, dt_decl_prototype, dt_node_decl)', () => {
  const cases: [string, string, string][] = [
    ['no dimension', 'int a[];', '[D_DECL_ARRNULL] line 1: array declaration requires array dimension or tuple signature: a'],
    ['zero dimension', 'int a[0];', '[D_DECL_ARRSUB] line 1: positive integral constant expression or tuple signature expected as array declaration subscript'],
    ['dimension over UINT_MAX', 'int a[88294967295];', '[D_DECL_ARRBIG] line 1: array dimension too big'],
    ['void key', 'int x[void, char];', '[D_DECL_PROTO_TYPE] line 1: array prototype may not use parameter of type void: (anonymous), parameter #1'],
    ['named void parameter', 'int f(void v);', '[D_DECL_PROTO_NAME] line 1: void parameter may not have a name: v'],
    ['void not alone', 'int f(int, void);', '[D_DECL_PROTO_VOID] line 1: void must be sole parameter'],
    ['dynamic parameter', 'int f(int a[int]);', '[D_DECL_PROTO_TYPE] line 1: function prototype may not use parameter of type dynamic variable: a, parameter #1'],
    ['parameter named twice', 'int f(int a, char a);', '[D_DECL_PROTO_FORM] line 1: parameter is already declared in function prototype: a, parameter #2'],
    ['long struct, at the {', 'long struct s\n{\n\tint i;\n};', '[D_DECL_LONGINT] line 2: invalid type declaration: long and long long may only be used with integer or floating-point type'],
    ['a struct defined twice, at the {', 'struct s { int i; };\nstruct s\n{\n\tint j;\n};', '[D_DECL_TYPERED] line 3: type redeclared: struct s'],
    ['built-in variable', 'int pid;', '[D_DECL_IDRED] line 1: built-in identifier redeclared: pid'],
    ['another type', 'int x;\nchar x;', '[D_DECL_IDRED] line 2: identifier redeclared: x\n\t current: scalar char\n\tprevious: scalar int'],
    ['another key type', 'int x[int];\nint x[string];', '[D_DECL_IDRED] line 2: identifier redeclared: x\n\t current: associative array, key #1 of type string\n\tprevious: associative array, key #1 of type int'],
  ];
  for (const [what, src, msg] of cases) it(what, async () => expect(await compileError(`${src}\nBEGIN { exit(0); }`)).toBe(msg));
});

describe('indexing', () => {
  it('a constant index past a declared array is D_ARR_BOUNDS (unsigned: -1 too)', async () => {
    expect(await compileError('int a[5];\nBEGIN { a[5] = 0; }')).toBe('[D_ARR_BOUNDS] line 2: index outside array bounds: 5, max is 5');
    expect(await compileError('int a[5];\nBEGIN { trace(a[-1]); }')).toBe('[D_ARR_BOUNDS] line 2: index outside array bounds: 18446744073709551615, max is 5');
    expect(await out('int a[5];\nstruct s { int n; int tail[1]; } v;\nBEGIN { a[4] = 3; printf("%d\\n", a[4]); exit(0); }')).toBe('3\n');
  });

  it('a tuple on a declared scalar array is D_ARR_BADREF naming the scalar', async () => {
    expect(await compileError('int x[5];\nBEGIN { x[1, 2] = 1; }')).toBe('[D_ARR_BADREF] line 2: cannot access scalar x as an associative array');
  });
});

describe('enums, inlines, typedefs and offsetof', () => {
  it('an enumerator value may use the enum\'s earlier enumerators', async () => {
    expect(await out(`enum colors { RED, ORANGE = 5 + 5, YELLOW = 2, GREEN, BLUE = GREEN + ORANGE, PINK = 5 / 4, INDIGO = -2, VIOLET };
BEGIN { printf("%d %d %d %d %d %d %d\\n", ORANGE, GREEN, BLUE, PINK, INDIGO, VIOLET, RED); exit(0); }`)).toBe('10 3 13 1 -2 -1 0\n');
  });

  const cases: [string, string, string][] = [
    ['an enumerator twice in one enum', 'enum foo {\n\tx = 3,\n\tx = 4\n};', "[D_UNKNOWN] line 4: failed to define enumerator 'x': Duplicate member or variable name"],
    ['an enumerator named like a variable', 'int x;\nenum foo { x };', '[D_DECL_IDRED] line 2: identifier redeclared: x'],
    ['an inline defined twice', 'inline int foo = timestamp;\ninline int foo = 8;', '[D_DECL_IDRED] line 2: identifier redefined: foo\n\t current: inline definition\n\tprevious: scalar inline'],
    ['an inline named like a function', 'inline int rand = 7;', '[D_DECL_IDRED] line 1: identifier redefined: rand\n\t current: inline definition\n\tprevious: function'],
    ['an inline named like a variable', 'int v;\ninline int v = 7;', '[D_DECL_IDRED] line 2: identifier redefined: v\n\t current: inline definition\n\tprevious: scalar'],
    ['a typedef the program defined twice', 'typedef int new_int;\ntypedef char new_int;', '[D_DECL_IDRED] line 2: typedef redeclared: new_int'],
    ['offsetof an undefined struct', 'BEGIN { trace(offsetof(struct no_such_type, x)); }', '[D_OFFSETOF_TYPE] line 1: offsetof operand must be a struct or union type'],
    ['offsetof a missing member', 'struct s { int a; };\nBEGIN { trace(offsetof(struct s, b)); }', '[D_UNKNOWN] line 2: failed to determine offset of b: Member name not found'],
  ];
  for (const [what, src, msg] of cases) it(what, async () => expect(await compileError(`${src}\nBEGIN { exit(0); }`)).toBe(msg));
});

describe('operand kinds in messages', () => {
  it('void * has no element size: void * + int is incompatible', async () => {
    expect(await compileError('void *p;\nBEGIN { trace((int)(p + 1)); }')).toBe('[D_OP_INCOMPAT] line 2: operands have incompatible types: "void *" + "int"');
  });

  it('an associative array used as a scalar is named as one', async () => {
    expect(await compileError('BEGIN { a[0] = 1; trace(sizeof (a)); }')).toBe("[D_IDENT_BADREF] line 1: associative array 'a' may not be referenced as scalar");
  });
});

describe('tuples', () => {
  it('take at most nine keys (DIF_DTR_NREGS tuple registers)', async () => {
    const r = await runD('BEGIN { a[0, 1, 2, 3, 4, 5, 6, 7, 8, 9] = 0; }');
    expect(r.stderr).toBe('dtrace: failed to compile script test.d: Insufficient tuple registers to generate code\n');
    const a = await runD('BEGIN { @c[0, 1, 2, 3, 4, 5, 6, 7, 8, 9] = count(); }');
    expect(a.stderr).toBe('dtrace: failed to compile script test.d: Insufficient tuple registers to generate code\n');
    expect(await out('BEGIN { a[0, 1, 2, 3, 4, 5, 6, 7, 8] = 5; printf("%d\\n", a[0, 1, 2, 3, 4, 5, 6, 7, 8]); exit(0); }')).toBe('5\n');
  });
});
