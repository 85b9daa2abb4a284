import { describe, expect, it } from 'vitest';
import { parseExpressionText, parseProgram, parseTypeText } from '../parser.ts';
import {
  assign, begin, bin, call, clause, id, int, noLoc, parseOk, pdesc, stmt, str, test, testFail,
} from './util.ts';

/** Parses `BEGIN { <e>; }` and returns the expression (without locations). */
function expr(e: string): unknown {
  const p = parseOk(`BEGIN { ${e}; }`);
  const c = p.items[0] as { body: { expr: unknown }[] };
  return noLoc(c.body[0]!.expr);
}

describe('probe clauses', () => {
  it('splits descriptions as dtrace_xstr2desc does', () => {
    test('BEGIN {}', [begin()]);
    test('ip:::send {}', [clause([pdesc('ip:::send', 'ip', '', '', 'send')], null, [])]);
    test('syscall::open*:entry {}', [clause([pdesc('syscall::open*:entry', 'syscall', '', 'open*', 'entry')], null, [])]);
    test('tick-1sec {}', [clause([pdesc('tick-1sec', '', '', '', 'tick-1sec')], null, [])]);
    test('a:b {}', [clause([pdesc('a:b', '', '', 'a', 'b')], null, [])]);
    test('ip:ip:*:send {}', [clause([pdesc('ip:ip:*:send', 'ip', 'ip', '*', 'send')], null, [])]);
    test('fbt::[a-z]?_x:entry {}', [clause([pdesc('fbt::[a-z]?_x:entry', 'fbt', '', '[a-z]?_x', 'entry')], null, [])]);
    test('syscall::$1:entry {}', [clause([pdesc('syscall::$1:entry', 'syscall', '', '$1', 'entry')], null, [])]);
  });

  it('takes several descriptions, a predicate, and empty or missing bodies', () => {
    test('BEGIN, END /x/ { }', [clause([pdesc('BEGIN', '', '', '', 'BEGIN'), pdesc('END', '', '', '', 'END')], id('x'), [])]);
    test('BEGIN\n,\ntick-1s\n{ }', [clause([pdesc('BEGIN', '', '', '', 'BEGIN'), pdesc('tick-1s', '', '', '', 'tick-1s')], null, [])]);
    // -n programs may omit predicate and actions (the default action)
    test('BEGIN', [clause([pdesc('BEGIN', '', '', '', 'BEGIN')], null, null)], { isFile: false });
    test('BEGIN END', [clause([pdesc('BEGIN', '', '', '', 'BEGIN')], null, null), clause([pdesc('END', '', '', '', 'END')], null, null)], { isFile: false });
  });

  it('accepts a probe ID number as a description', () => {
    const p = parseOk('12 { }');
    expect((p.items[0] as { probes: { id: bigint }[] }).probes[0]!.id).toBe(12n);
  });

  it('reads the predicate end by the character after "/"', () => {
    // a / b inside the predicate divides; the final / closes it
    test('BEGIN /a / b/ { }', [clause([pdesc('BEGIN', '', '', '', 'BEGIN')], bin('/', id('a'), id('b')), [])]);
    test('BEGIN /x/{}', [clause([pdesc('BEGIN', '', '', '', 'BEGIN')], id('x'), [])]);
    test('BEGIN\n/x\n/\n{\n}', [clause([pdesc('BEGIN', '', '', '', 'BEGIN')], id('x'), [])]);
  });
});

describe('statements', () => {
  it('separates statements by ";" with the last one optional', () => {
    test('BEGIN { x = 1; y = 2 }', [begin(stmt(assign(id('x'), int(1))), stmt(assign(id('y'), int(2))))]);
    test('BEGIN { ; ; x++ ;; }', [begin(stmt({ kind: 'Update', op: '++', prefix: false, operand: id('x') }))]);
    test('BEGIN { trace(1) }', [begin(stmt(call('trace', int(1))))]);
  });

  it('parses if/else (illumos D since 2016)', () => {
    test('BEGIN { if (x) y = 1; else { z = 2 } }', [begin({
      kind: 'If', test: id('x'),
      then: stmt(assign(id('y'), int(1))),
      else: { kind: 'Block', body: [stmt(assign(id('z'), int(2)))] },
    })]);
    test('BEGIN { if (a) if (b) x = 1; else x = 2; }', [begin({
      kind: 'If', test: id('a'),
      then: { kind: 'If', test: id('b'), then: stmt(assign(id('x'), int(1))), else: stmt(assign(id('x'), int(2))) },
      else: null,
    })]);
  });
});

describe('expressions', () => {
  it('follows C precedence, with ^^ between && and ||', () => {
    expect(expr('a + b * c')).toEqual(bin('+', id('a'), bin('*', id('b'), id('c'))));
    expect(expr('a - b - c')).toEqual(bin('-', bin('-', id('a'), id('b')), id('c')));
    expect(expr('a || b ^^ c && d')).toEqual(bin('||', id('a'), bin('^^', id('b'), bin('&&', id('c'), id('d')))));
    expect(expr('a | b ^ c & d')).toEqual(bin('|', id('a'), bin('^', id('b'), bin('&', id('c'), id('d')))));
    expect(expr('a == b < c << d')).toEqual(bin('==', id('a'), bin('<', id('b'), bin('<<', id('c'), id('d')))));
    expect(expr('a % b / c')).toEqual(bin('/', bin('%', id('a'), id('b')), id('c')));
  });

  it('groups assignment and ?: to the right, the comma operator to the left', () => {
    expect(expr('a = b += c')).toEqual(assign(id('a'), assign(id('b'), id('c'), '+=')));
    expect(expr('a ? b : c ? d : e')).toEqual({
      kind: 'Conditional', test: id('a'), then: id('b'), else: { kind: 'Conditional', test: id('c'), then: id('d'), else: id('e') },
    });
    expect(expr('a, b, c')).toEqual({ kind: 'Comma', left: { kind: 'Comma', left: id('a'), right: id('b') }, right: id('c') });
    for (const op of ['=', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=', '<<=', '>>=']) {
      expect(expr(`x ${op} 1`)).toEqual(assign(id('x'), int(1), op));
    }
  });

  it('parses unary, postfix and special operators', () => {
    expect(expr('-~!*&+x')).toEqual({ kind: 'Unary', op: '-', operand: { kind: 'Unary', op: '~', operand: { kind: 'Unary', op: '!', operand: { kind: 'Unary', op: '*', operand: { kind: 'Unary', op: '&', operand: { kind: 'Unary', op: '+', operand: id('x') } } } } } });
    expect(expr('++x--')).toEqual({ kind: 'Update', op: '++', prefix: true, operand: { kind: 'Update', op: '--', prefix: false, operand: id('x') } });
    expect(expr('a[1, 2].b->c')).toEqual({
      kind: 'Member', op: '->', member: 'c', object: { kind: 'Member', op: '.', member: 'b', object: { kind: 'Index', object: id('a'), index: [int(1), int(2)] } },
    });
    expect(expr('f(d)')).toEqual({ kind: 'Call', args: [id('d')], callee: id('f') });
    expect(expr('sizeof x')).toEqual({ kind: 'Sizeof', typeName: null, operand: id('x') });
    expect(expr('stringof x')).toEqual({ kind: 'Stringof', operand: id('x') });
    expect(expr('offsetof(struct ip, ip_src)')).toMatchObject({ kind: 'Offsetof', member: 'ip_src', typeName: { kind: 'TypeName', specifiers: { type: { kind: 'StructSpec', name: 'ip' } } } });
    expect(expr('xlate<pktinfo_t *>(x)')).toMatchObject({ kind: 'Xlate', operand: id('x') });
    expect(expr('args[2]->string')).toMatchObject({ kind: 'Member', member: 'string' });
    expect(expr('x.probe + y->if + z.translator')).toMatchObject({ kind: 'Binary', right: { member: 'translator' } });
  });

  it('tells casts from parenthesised expressions by the type name', () => {
    expect(expr('(int)x')).toMatchObject({ kind: 'Cast', typeName: { specifiers: { type: { kind: 'BuiltinType', words: ['int'] } } }, operand: id('x') });
    expect(expr('(uint32_t)x')).toMatchObject({ kind: 'Cast', typeName: { specifiers: { type: { kind: 'TypedefName', name: 'uint32_t' } } } });
    expect(expr('(struct ip *)p')).toMatchObject({ kind: 'Cast', typeName: { declarator: { name: null, chunks: [{ kind: 'Pointer' }] } } });
    expect(expr('(unsigned long long)x')).toMatchObject({ kind: 'Cast', typeName: { specifiers: { type: { words: ['unsigned', 'long', 'long'] } } } });
    expect(expr('(x)')).toEqual({ ...id('x'), parens: true });
    expect(expr('(x)[1]')).toEqual({ kind: 'Index', object: { ...id('x'), parens: true }, index: [int(1)] });
    expect(expr('sizeof (int)')).toMatchObject({ kind: 'Sizeof', operand: null, typeName: { kind: 'TypeName' } });
    expect(expr('sizeof (x)')).toMatchObject({ kind: 'Sizeof', typeName: null, operand: { kind: 'Ident', parens: true } });
    expect(expr('*(tcp_t**)((char*)arg0+0x28)')).toMatchObject({ kind: 'Unary', op: '*', operand: { kind: 'Cast' } });
  });

  it('lets a type name be a variable when assigned (id_or_type)', () => {
    expect(expr('uint32_t = 1')).toEqual(assign(id('uint32_t'), int(1)));
    expect(expr('size_t[1] = 1')).toMatchObject({ kind: 'Assign', target: { kind: 'Index' } });
  });

  it('folds aggregations, self-> and this->', () => {
    expect(expr('@a[1, "x"] = count()')).toEqual(assign({ kind: 'Agg', name: 'a', keys: [int(1), str('x')] }, call('count')));
    expect(expr('@ = sum(1)')).toEqual(assign({ kind: 'Agg', name: '_', keys: null }, call('sum', int(1))));
    expect(expr('@[probefunc] = count()')).toMatchObject({ target: { kind: 'Agg', name: '_', keys: [id('probefunc')] } });
    expect(expr('self->x[1]')).toEqual({ kind: 'Index', object: { kind: 'ScopedVar', scope: 'self', name: 'x' }, index: [int(1)] });
    expect(expr('this->y')).toEqual({ kind: 'ScopedVar', scope: 'this', name: 'y' });
    expect(expr('self')).toEqual(id('self'));
  });

  it('keeps macro arguments for the checker', () => {
    expect(expr('$1 + $$2 + $pid')).toEqual(bin('+', bin('+',
      { kind: 'MacroArg', name: '1', index: 1, quoted: false },
      { kind: 'MacroArg', name: '2', index: 2, quoted: true }),
      { kind: 'MacroArg', name: 'pid', index: null, quoted: false }));
  });

  it('records integer literals exactly', () => {
    expect(expr('0x7fffffffffffffff')).toEqual(int(0x7fffffffffffffffn, '0x7fffffffffffffff', 16));
    expect(expr('18446744073709551615ULL')).toEqual(int(18446744073709551615n, '18446744073709551615ULL', 10, 'ull'));
    expect(expr('0777u')).toEqual(int(0o777, '0777u', 8, 'u'));
    expect(expr('0')).toEqual(int(0, '0', 8));
    expect(expr("'ab'")).toEqual({ ...int(0x6162, "'ab'"), char: true });
  });
});

describe('declarations', () => {
  it('parses globals, self and this variables and associative array signatures', () => {
    const p = parseOk('int x, *y; self int z[int, string]; this char c;');
    expect(noLoc(p.items)).toMatchObject([
      { kind: 'Declaration', specifiers: { storage: [], type: { words: ['int'] } }, declarators: [{ name: 'x', chunks: [] }, { name: 'y', chunks: [{ kind: 'Pointer' }] }] },
      { kind: 'Declaration', specifiers: { storage: ['self'] }, declarators: [{ name: 'z', chunks: [{ kind: 'Array', size: null, keys: [{ specifiers: { type: { words: ['int'] } } }, { specifiers: { type: { words: ['string'] } } }] }] }] },
      { kind: 'Declaration', specifiers: { storage: ['this'], type: { words: ['char'] } } },
    ]);
  });

  it('flattens declarators into chunks applied to the base type', () => {
    const chunks = (s: string) => (noLoc(parseOk(s).items[0]) as { declarators: { chunks: { kind: string; size?: unknown }[] }[] }).declarators[0]!.chunks.map((c) => c.kind + (c.kind === 'Array' ? String((c.size as { value: bigint } | null)?.value) : ''));
    expect(chunks('int *a[3];')).toEqual(['Pointer', 'Array3']);
    expect(chunks('int (*p)[3];')).toEqual(['Array3', 'Pointer']);
    expect(chunks('int a[2][3];')).toEqual(['Array3', 'Array2']);
    expect(chunks('int (*f)(int, char *);')).toEqual(['Function', 'Pointer']);
  });

  it('parses struct, union and enum definitions with bit-fields', () => {
    const p = parseOk('struct s { int a : 3, : 2; unsigned b; union { int i; char c[4]; } u; struct s *next; }; enum e { A, B = 5, C };');
    expect(noLoc(p.items)).toMatchObject([
      { kind: 'Declaration', declarators: [], specifiers: { type: { kind: 'StructSpec', tag: 'struct', name: 's', members: [
        { declarator: { name: 'a' }, bits: int(3) },
        { declarator: null, bits: int(2) },
        { declarator: { name: 'b' }, bits: null },
        { declarator: { name: 'u' }, specifiers: { type: { kind: 'StructSpec', tag: 'union', name: null } } },
        { declarator: { name: 'next', chunks: [{ kind: 'Pointer' }] } },
      ] } } },
      { kind: 'Declaration', specifiers: { type: { kind: 'EnumSpec', name: 'e', enumerators: [{ name: 'A', value: null }, { name: 'B', value: int(5) }, { name: 'C', value: null }] } } },
    ]);
  });

  it('makes typedef names types for the rest of the program', () => {
    const p = parseOk('typedef struct foo { int a; } foo_t; BEGIN { x = (foo_t *)0; }');
    expect(noLoc(p.items[1])).toMatchObject({ body: [{ expr: { value: { kind: 'Cast', typeName: { specifiers: { type: { kind: 'TypedefName', name: 'foo_t' } } } } } }] });
  });

  it('resolves "int*x" at the outer scope towards a declaration', () => {
    const p = parseOk('int*x; uint32_t *y;');
    expect(noLoc(p.items)).toMatchObject([{ kind: 'Declaration', declarators: [{ name: 'x' }] }, { kind: 'Declaration', declarators: [{ name: 'y' }] }]);
  });

  it('parses inline, translator and provider definitions', () => {
    const p = parseOk(`
inline int TCP_STATE_CLOSED = 0;
inline string tcp_state_string[int32_t state] = state == 0 ? "closed" : "open";
translator ipinfo_t < struct ip *I > {
  ip_ver = 4;
  ip_plength = I->ip_len - sizeof (struct ip);
};
provider myprov {
  probe start(int a, char *s) : (int);
  probe stop();
};`);
    expect(noLoc(p.items)).toMatchObject([
      { kind: 'Inline', declarator: { name: 'TCP_STATE_CLOSED' }, value: int(0, '0', 8) },
      { kind: 'Inline', declarator: { name: 'tcp_state_string', chunks: [{ kind: 'Array', keys: [{ declarator: { name: 'state' } }] }] } },
      { kind: 'Translator', to: { specifiers: { type: { name: 'ipinfo_t' } } }, from: { specifiers: { type: { name: 'ip' } } }, param: 'I', members: [{ name: 'ip_ver' }, { name: 'ip_plength' }] },
      { kind: 'Provider', name: 'myprov', probes: [{ name: 'start', params: [{}, {}], xlateParams: [{}] }, { name: 'stop', params: [], xlateParams: null }] },
    ]);
  });
});

describe('pragmas', () => {
  it('records options and pragma lines', () => {
    const p = parseOk('#pragma D option quiet\n#pragma D option switchrate=10hz\n#pragma ident "x"\n#pragma D depends_on provider ip\n#pragma D binding "1.0" foo\n#pragma D attributes Evolving/Evolving/Common foo\n#pragma weak foo\ninline int foo = 1;\nBEGIN {}\n');
    expect(p.options).toEqual([['quiet', undefined], ['switchrate', '10hz']]);
    expect(p.pragmas.map((x) => x.words.join(' '))).toEqual([
      'D option quiet', 'D option switchrate=10hz', 'ident x', 'D depends_on provider ip', 'D binding 1.0 foo',
      'D attributes Evolving/Evolving/Common foo', 'weak foo',
    ]);
    expect(p.pragmas[0]!.loc.line).toBe(1);
  });

  it('discards #! lines and honours #line', () => {
    const r = parseProgram('#!/usr/sbin/dtrace -s\nBEGIN {}\n#line 40\nEND { x = ; }\n', { program: 'x.d', isFile: true });
    expect(r.diagnostics[0]!.line).toBe(40);
    expect(r.program.items.length).toBe(2);
  });
});

describe('syntax errors (worded and placed as dtrace)', () => {
  it('reports yacc errors near the lookahead token', () => {
    testFail('BEGIN { x = }', '[D_SYNTAX] line 1: syntax error near "}"', 1);
    // trace is a global (a built-in function): the lexer does not peek after it.
    testFail('BEGIN { trace(1) trace(2) }', '[D_SYNTAX] line 1: syntax error near "trace"', 1, { isGlobalIdent: (n) => n === 'trace' });
    testFail('BEGIN\n{\n  x = ;\n}\n', '[D_SYNTAX] line 3: syntax error near ";"', 3);
  });

  it('quotes an identifier the lexer peeked past with the rest of its line (Linux id_or_type: flex unput leaves yytext running on)', () => {
    testFail('typedef pint new_int;\nBEGIN { exit(0); }', '[D_SYNTAX] line 1: syntax error near "new_int;"', 1);
    testFail('int x y  = 1;\nBEGIN { }', '[D_SYNTAX] line 1: syntax error near "y  = 1;"', 1);
    // An identifier interned by an earlier peek (it was followed by `;`) is not peeked again.
    testFail('struct s { int myi; };\nint a;\nBEGIN { a = 1 myi = 2; }', '[D_SYNTAX] line 3: syntax error near "myi"', 3);
    // Nor after `.`/`->` or struct/union/enum, nor a global.
    testFail('BEGIN { trace(1) trace(2) }', '[D_SYNTAX] line 1: syntax error near "trace"', 1, { isGlobalIdent: (n) => n === 'trace' });
    testFail('BEGIN {', '[D_SYNTAX] line 1: syntax error near end of input', 1);
    testFail('BEGIN {\n', '[D_SYNTAX] line 2: syntax error near end of input', 2);
    testFail('BEGIN { a + b = c; }', '[D_SYNTAX] line 1: syntax error near "="', 1);
    testFail('BEGIN { (int)x = 1; }', '[D_SYNTAX] line 1: syntax error near "="', 1);
    testFail('BEGIN { { x = 1; } }', '[D_SYNTAX] line 1: syntax error near "{"', 1);
    testFail('BEGIN { x = a ? b; }', '[D_SYNTAX] line 1: syntax error near ";"', 1);
    testFail('BEGIN { x = "a" "b"; }', '[D_SYNTAX] line 1: syntax error near ""b""', 1);
    // dt_node_func: only an identifier designates a function (dtrace-utils aggs/err.D_FUNC_IDENT.bad.d).
    testFail('BEGIN { x = a.b(1); }', '[D_FUNC_IDENT] line 1: function designator is not of function type', 1);
    testFail('enum e { , };', '[D_SYNTAX] line 1: syntax error near ","', 1);
    // 'enum e { A, };' is valid: illumos test/conformance types/tst.enum.d declares one (see the enum trailing comma test).
    // After a type name the lexer is in S0, where Linux DTrace's id_or_type peeks past `x` and
    // meets the end (options/err.pspec-default.r); a known variable is not peeked at.
    testFail('int x', '[D_SYNTAX] line 1: syntax error near end-of-input', 1);
    testFail('int*x\n', '[D_SYNTAX] line 2: syntax error near end-of-input', 2);
    testFail('BEGIN { x = y', '[D_SYNTAX] line 1: syntax error near end-of-input', 1);
    testFail('int y;\nBEGIN { x = y', '[D_SYNTAX] line 2: syntax error near end of input', 2);
    testFail('BEGIN { x = y /* */', '[D_SYNTAX] line 1: syntax error near end of input', 1);
    // DTRACE_C_PSPEC (-xpspec or its pragma): "int*x" is then a probe description (options/err.pspec-on.d).
    testFail('#pragma D option pspec\nint*x\n', '[D_SYNTAX] line 2: expected predicate and/or actions following probe description', 2);
    testFail('int*x\n', '[D_SYNTAX] line 1: expected predicate and/or actions following probe description', 1, { pspec: true });
    testFail('counter x;', '[D_SYNTAX] line 1: syntax error near "counter"', 1);
    testFail('BEGIN { x = y @ z; }', '[D_SYNTAX] line 1: syntax error near "@"', 1);
  });

  it('reports lexer errors before the parser sees the token', () => {
    testFail('x = 1;', '[D_SYNTAX] line 1: syntax error near "="', 1);
    testFail('BEGIN { } }', '[D_SYNTAX] line 1: syntax error near "}"', 1);
    testFail('BEGIN { x = #; }', '[D_SYNTAX] line 1: syntax error near "#"', 1);
    testFail('BEGIN { x = 1); }', '[D_SYNTAX] line 1: extra ) in input stream', 1);
    testFail('BEGIN { x = a]; }', '[D_SYNTAX] line 1: extra ] in input stream', 1);
    testFail('BEGIN /(x/ { }', '[D_SYNTAX] line 1: closing ) expected in predicate before /', 1);
    // `//` comments, as Oracle's tst.line-comment.d and tst.boc-in-line-comment.d
    parseOk('// c /*\nBEGIN // x\n{ // y\n exit(0); // z\n} // w\n');
    testFail('BEGIN /x[1/ { }', '[D_SYNTAX] line 1: closing ] expected in predicate before /', 1);
    testFail('BEGIN\n{\n  x = 1.5;\n}', '[D_SYNTAX] line 3: floating-point constants are not permitted', 3);
    testFail('BEGIN { x = 08; }', '[D_INT_DIGIT] line 1: constant 08 contains invalid digit 8', 1);
    testFail('BEGIN { x = 18446744073709551616; }', '[D_INT_OFLOW] line 1: constant 18446744073709551616 results in integer overflow', 1);
    testFail("BEGIN { x = ''; }", '[D_CHR_NULL] line 1: empty character constant', 1);
    testFail("BEGIN { x = 'abcdefghi'; }", '[D_CHR_OFLOW] line 1: character constant is too long', 1);
    // lex's `$` context has read the newline, so dtrace names the next line (Oracle's err.D_STR_NL.string.r)
    testFail('BEGIN { x = "abc\n"; }', '[D_STR_NL] line 2: newline encountered in string literal', 2);
    testFail("BEGIN { x = 'a\n'; }", '[D_CHR_NL] line 2: newline encountered in character constant', 2);
    // the predicate's look-ahead has read past the newline (err.D_SYNTAX.paren3.r)
    testFail('BEGIN\n/rand(/\n{\n\ttrace(epid);\n}\n', '[D_SYNTAX] line 3: closing ) expected in predicate before /', 3);
    testFail('BEGIN { /* x', '[D_SYNTAX] line 1: end-of-file encountered before matching */', 1);
    testFail('/* /* */ BEGIN {}', '[D_SYNTAX] line 1: /* encountered inside a comment', 1);
  });

  it('reports dnerror checks at the node', () => {
    testFail('BEGIN\n/x/', '[D_SYNTAX] line 2: expected actions { } following probe description and predicate', 2);
    testFail('BEGIN', '[D_SYNTAX] line 1: expected predicate and/or actions following probe description', 1);
    testFail('a:b:c:d:e { }', '[D_PDESC_INVAL] line 1: invalid probe description "a:b:c:d:e": Overspecified probe description', 1);
  });

  it('prints no line for -n programs', () => {
    testFail('BEGIN{x = }', '[D_SYNTAX] syntax error near "}"', 1, { isFile: false });
  });

  it('names the file a #line gave', () => {
    testFail('#line 5 "foo.d"\nBEGIN { x = ; }', '[D_SYNTAX] "foo.d", line 5: syntax error near ";"', 5);
    testFail('#line 5 "/dev/fd/3"\nBEGIN { x = ; }', '[D_SYNTAX] line 5: syntax error near ";"', 5);
  });

  it('reports control lines and pragmas with their tags', () => {
    testFail('#define X 1\nBEGIN {}', '[D_PRAGCTL_INVAL] line 1: invalid control directive: #define', 1);
    testFail('#include <netinet/in.h>\n', '[D_PRAGCTL_INVAL] line 1: invalid control directive: #include', 1);
    testFail('#pragma D foo\n', '[D_PRAGMA_INVAL] line 1: invalid D pragma: foo', 1);
    testFail('#pragma D option\n', '[D_PRAGMA_MALFORM] line 1: malformed #pragma option <option>=<val>', 1);
    testFail('#pragma D option a b\n', '[D_PRAGMA_MALFORM] line 1: superfluous arguments specified for #pragma option', 1);
    testFail('\n#error oops here\n', '[D_PRAGERR] line 2: #error: oops here ', 2);
    testFail('#pragma D option quiet', '[D_SYNTAX] line 1: end-of-file encountered before end of control line', 1);
    testFail('#pragma D depends_on module genunix\n', '[D_PRAGMA_DEPEND] line 1: program requires module genunix', 1);
    testFail('#pragma D depends_on thing x\n', '[D_PRAGMA_INVAL] line 1: invalid class thing specified by #pragma depends_on', 1);
    testFail('#pragma D binding "x" foo\n', '[D_PRAGMA_INVAL] line 1: invalid version string specified by #pragma binding', 1);
    testFail('#pragma D attributes Bogus foo\n', '[D_PRAGMA_INVAL] line 1: invalid attributes specified by #pragma attributes', 1);
    testFail('#line x\n', '[D_PRAGMA_MALFORM] line 1: malformed #line <line> [ ["file"] state ]', 1);
    const checkOption = (n: string, v: string | undefined) => (n === 'bogus' ? 'Invalid option name' : n === 'strsize' && v === 'x' ? 'Invalid value for specified option' : undefined);
    testFail('#pragma D option bogus\nBEGIN { x = ; }\n', "[D_PRAGMA_OPTSET] line 1: failed to set option 'bogus': Invalid option name", 1, { checkOption });
    testFail('#pragma D option strsize=x\n', "[D_PRAGMA_OPTSET] line 1: failed to set option 'strsize' to 'x': Invalid value for specified option", 1, { checkOption });
    // Oracle's err.D_PRAGMA_UNUSED.UnusedPragma.d: "func;" names nothing the program defines
    testFail('void func(int, int);\n\n#pragma D option quiet\n#pragma D attributes Stable/Stable/Common func;\n\nBEGIN\n{\n\texit(0);\n}\n', '[D_PRAGMA_UNUSED] line 4: unused #pragma attributes', 4);
    testFail('#pragma D attributes incorrect_attr\n', '[D_PRAGMA_MALFORM] line 1: malformed #pragma attributes <attributes> <ident>', 1);
    testFail('#pragma D error "this is an error message"\n', '[D_PRAGERR] line 1: #error: this is an error message ', 1);
    // only declarations define names before cooking: an assigned variable comes too late
    testFail('#pragma D attributes Evolving/Evolving/Common x\nBEGIN { x = 1; }\n', '[D_PRAGMA_UNUSED] line 1: unused #pragma attributes', 1);
    parseOk('int x;\n#pragma D attributes Evolving/Evolving/Common x\nBEGIN { x = 1; }\n');
    testFail('#pragma D attributes Evolving/Evolving/Common timestamp\n', '[D_PRAGMA_SCOPE] line 1: #pragma attributes cannot modify entity defined outside program scope', 1, { isBuiltinIdent: (n) => n === 'timestamp' });
    parseOk('#pragma D binding "1.0" y\ninline int y = 2;\n');
  });

  it('checks macro arguments when they are known', () => {
    testFail('BEGIN { trace($3); }', '[D_MACRO_UNDEF] line 1: macro argument $3 is not defined', 1, { macroArgs: ['a'] });
    testFail('BEGIN { trace($$2); }', '[D_MACRO_UNDEF] line 1: macro argument $$2 is not defined', 1, { macroArgs: ['a'] });
    testFail('BEGIN { trace($foo); }', '[D_MACRO_UNDEF] line 1: macro variable $foo is not defined', 1);
    parseOk('BEGIN { trace($1); trace($0); }', { macroArgs: ['a'] });
    parseOk('BEGIN { trace($9); }', { macroArgs: [], defaultArgs: true });
    testFail('BEGIN { trace($1); }', '[D_MACRO_OFLOW] line 1: macro argument $1 constant 18446744073709551616 results in integer overflow', 1, { macroArgs: ['18446744073709551616'] });
    parseOk('BEGIN { trace($1); trace($$1); }', { macroArgs: ['18446744073709551615'] });
    testFail('BEGIN { trace($1); }\n', "[D_MACRO_UNUSED] line 2: extraneous argument 'b' ($2 is not referenced)", 2, { macroArgs: ['a', 'b'] });
    parseOk('BEGIN { trace($1); }\n', { macroArgs: ['a', 'b'], argref: true });
    parseOk('#pragma D option argref\nBEGIN { trace($1); }\n', { macroArgs: ['a', 'b'] });
    parseOk('#pragma D option defaultargs\nBEGIN { trace($3); }\n', { macroArgs: [] });
    parseOk('syscall::$2:entry { }\n', { macroArgs: ['a', 'b'] });
  });

  it('rejects backquoted kernel symbols as dtrace does without the kernel', () => {
    testFail('BEGIN { x = `max_ncpus; }', '[D_IDENT_UNDEF] line 1: failed to resolve `max_ncpus: Unknown symbol name', 1);
    testFail('BEGIN { x = genunix`foo; }', '[D_IDENT_UNDEF] line 1: failed to resolve genunix`foo: Unknown module name', 1);
  });
});

describe('error recovery', () => {
  it('gives one diagnostic per mistake and keeps the clauses that parsed', () => {
    const r = parseProgram('BEGIN { x = ; y = 1; }\nEND { z = = 2; }\ntick-1s { a = 1; }\n', { program: 'x.d', isFile: true });
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [1, 'syntax error near ";"'],
      [2, 'syntax error near "="'],
    ]);
    expect(r.program.items.length).toBe(3);
  });

  it('resynchronises at the top level after a bad clause header', () => {
    const r = parseProgram('BEGIN / x + / { y = 1; }\nEND { z = 1; }\n', { program: 'x.d', isFile: true });
    expect(r.diagnostics.length).toBe(1);
    expect(r.program.items.map((i) => i.kind)).toEqual(['Clause']);
  });
});

describe('other parse contexts', () => {
  it('parses lone expressions and type names', () => {
    expect(noLoc(parseExpressionText('a + 1').expr)).toEqual(bin('+', id('a'), int(1)));
    expect(noLoc(parseTypeText('struct ip *').type)).toMatchObject({ kind: 'TypeName', declarator: { chunks: [{ kind: 'Pointer' }] } });
    expect(parseTypeText('struct').diagnostics[0]!.message).toBe('syntax error near end of input');
  });
});

describe('spans', () => {
  it('locates nodes by line and column', () => {
    const p = parseOk('BEGIN\n{\n  x = a +\n      b;\n}\n');
    const c = p.items[0] as { loc: { line: number; endLine: number }; body: { expr: { loc: unknown; value: { loc: unknown } } }[] };
    expect(c.loc).toMatchObject({ line: 1, column: 1, endLine: 5, endColumn: 2 });
    expect(c.body[0]!.expr.loc).toMatchObject({ line: 3, column: 3, endLine: 4, endColumn: 8 });
    expect(c.body[0]!.expr.value.loc).toMatchObject({ line: 3, column: 7, endLine: 4, endColumn: 8, file: 'x.d' });
  });
});

describe('declaration specifier checks (dt_decl.c)', () => {
  it('rejects two base types and typedef redefinitions', () => {
    testFail('int char x;', '[D_DECL_COMBO] line 1: invalid type combination', 1);
    testFail('uint32_t int x;', '[D_DECL_COMBO] line 1: invalid type combination', 1);
    testFail('typedef int uint32_t;', '[D_DECL_IDRED] line 1: identifier redeclared: uint32_t', 1);
    parseOk('unsigned long long int x; long double d; short int s;');
  });
  it('takes a type name after a complete type as the declared name', () => {
    const p = parseOk('int uint32_t; struct s { int size_t; };');
    expect(noLoc(p.items)).toMatchObject([{ declarators: [{ name: 'uint32_t' }] }, { specifiers: { type: { members: [{ declarator: { name: 'size_t' } }] } } }]);
  });
});

describe('dtrace node lines (dn_line)', () => {
  it('gives a binary node the line of the look-ahead after it, as yacc reduces there', () => {
    // Oracle's types/err.D_OP_INT.badbitop.d reports the '&' at line 3, where '{' is.
    const p = parseOk('BEGIN\n/"char" & "foo"/\n{\n\texit(1);\n}\n');
    const c = p.items[0] as { predicate: { loc: { line: number; dnLine: number } } };
    expect(c.predicate.loc.line).toBe(2);
    expect(c.predicate.loc.dnLine).toBe(3);
  });
  it('gives a call the line of its closing parenthesis', () => {
    const p = parseOk('BEGIN {\n  f(1,\n    2)\n  ;\n}\n');
    const c = p.items[0] as { body: { expr: { loc: { dnLine: number } } }[] };
    expect(c.body[0]!.expr.loc.dnLine).toBe(3);
  });
});

describe('declaration checks dtrace makes while parsing (dt_decl.c, dt_node_decl)', () => {
  it('reports them with dtrace\'s tags and words (Oracle types/err.D_DECL_*.d)', () => {
    testFail('BEGIN { i = (char long)0; }', '[D_DECL_CHARATTR] line 1: invalid type declaration: short and long may not be used with char type', 1);
    testFail('BEGIN { i = (long char)0; }', '[D_DECL_CHARATTR] line 1: invalid type declaration: short and long may not be used with char type', 1);
    testFail('unsigned void x;', '[D_DECL_VOIDATTR] line 1: invalid type declaration: attributes may not be used with void type', 1);
    testFail('unsigned string s;', '[D_DECL_SIGNINT] line 1: invalid type declaration: signed and unsigned may only be used with integer type', 1);
    testFail('signed float f;', '[D_DECL_SIGNINT] line 1: invalid type declaration: signed and unsigned may only be used with integer type', 1);
    testFail('long string s;', '[D_DECL_LONGINT] line 1: invalid type declaration: long and long long may only be used with integer or floating-point type', 1);
    testFail('static extern int x;', '[D_DECL_CLASS] line 1: only one storage class allowed in a declaration', 1);
    testFail('register x;', '[D_DECL_BADCLASS] line 1: specified storage class not appropriate in D', 1);
    testFail('auto int x;', '[D_DECL_BADCLASS] line 1: specified storage class not appropriate in D', 1);
    testFail('extern int;', '[D_DECL_USELESS] line 1: useless declaration', 1);
    testFail('int `xyz;', '[D_DECL_SCOPE] line 1: D scoping operator may not be used in a declaration name (`xyz)', 1);
    testFail('struct s { int `m; };', '[D_DECL_SCOPE] line 1: D scoping operator may not be used in a member name (`m)', 1);
    testFail('int f(static int a);', '[D_DECL_PARMCLASS] line 1: inappropriate storage class for function or associative array parameter', 1);
    testFail('inline static int x = 1;', '[D_DECL_BADCLASS] line 1: specified storage class not appropriate for inline declaration', 1);
    parseOk('static int f(int); extern int y; struct s; enum e { A }; long double d; unsigned long long u; int f2(register int);');
  });
});

describe('enum trailing comma (dt_grammar.y enumerator_list "," "}")', () => {
  it('accepts enum { a, b, }', () => {
    const r = parseProgram('enum e { a, b, };', { isFile: true });
    expect(r.diagnostics).toEqual([]);
  });
});
