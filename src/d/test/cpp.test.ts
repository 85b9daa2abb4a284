import { describe, expect, it } from 'vitest';
import { preprocess, type CppOptions } from '../preprocess.ts';
import { formatDiagnostic } from '../diagnostics.ts';
import { parseProgram } from '../parser.ts';

function cpp(src: string, opts: CppOptions = {}): string {
  const r = preprocess(src, { program: 'x.d', ...opts });
  expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.preface)).toEqual([]);
  return r.text;
}
/** The output's non-empty lines, trimmed. */
function lines(src: string, opts: CppOptions = {}): string[] {
  return cpp(src, opts).split('\n').map((l) => l.trim()).filter((l) => l !== '');
}
function cppError(src: string, opts: CppOptions = {}): string {
  const r = preprocess(src, { program: 'x.d', ...opts });
  const e = r.diagnostics.find((d) => d.severity === 'error');
  expect(e).toBeDefined();
  expect(e!.message).toBe('Preprocessor failed to process input program');
  expect(formatDiagnostic(e!, 'x.d', 'file', undefined, true)).toBe('failed to compile script x.d: Preprocessor failed to process input program');
  return e!.preface!;
}

describe('#define and expansion', () => {
  it('expands object-like macros and keeps D text untouched', () => {
    expect(lines('#define N 10\ntick-1sec /x > N/ { @[probefunc] = count(); trace($1); }')).toEqual([
      'tick-1sec /x > 10/ { @[probefunc] = count(); trace($1); }',
    ]);
  });
  it('expands function-like macros with #, ## and variadic arguments', () => {
    expect(lines('#define SQ(x) ((x) * (x))\nSQ(a + 1)')).toEqual(['((a + 1) * (a + 1))']);
    expect(lines('#define S(x) #x\nS(a "b" \\n)')).toEqual(['"a \\"b\\" \\n"']);
    expect(lines('#define CAT(a, b) a ## b\nCAT(foo, bar) CAT(1, 2)')).toEqual(['foobar 12']);
    expect(lines('#define P(fmt, ...) printf(fmt, __VA_ARGS__)\nP("%d %d", 1, 2)')).toEqual(['printf("%d %d", 1, 2)']);
    expect(lines('#define F() 7\nF() F ()')).toEqual(['7 7']);
    expect(lines('#define F(x) x\nF')).toEqual(['F']);
  });
  it('stops recursion with hide sets', () => {
    expect(lines('#define A A B\n#define B A\nA')).toEqual(['A A']);
    expect(lines('#define f(x) x f\nf(1)(2)')).toEqual(['1 f(2)']);
  });
  it('expands arguments before substitution but not next to # or ##', () => {
    expect(lines('#define X 1\n#define S(a) #a\n#define E(a) S(a)\nS(X) E(X)')).toEqual(['"X" "1"']);
  });
  it('lets a call span lines and keeps the following line numbers', () => {
    const out = cpp('#define F(a, b) a + b\nx = F(1,\n 2);\ny;\n');
    // the ';' stays on the line it was written on
    expect(out.split('\n')).toEqual(['', 'x = 1 + 2', ';', 'y;', '']);
  });
  it('honours -D and -U and the predefined macros', () => {
    expect(lines('A B C __sun __SUNW_D _LP64', { defines: [['A', undefined], ['B', '2'], ['C', 'x']], undefs: ['C'] })).toEqual(['1 2 C 1 1 1']);
    expect(lines('__LINE__\n__FILE__')).toEqual(['1', '"x.d"']);
  });
  it('#undef removes a macro', () => {
    expect(lines('#define X 1\n#undef X\nX')).toEqual(['X']);
  });
});

describe('conditionals', () => {
  it('selects branches with #if/#elif/#else/#endif, nested', () => {
    const src = '#if 0\na\n#elif 1 + 1 == 2\nb\n#if defined(B) || !defined C\nc\n#else\nd\n#endif\n#else\ne\n#endif\n';
    expect(lines(src)).toEqual(['b', 'c']);
    expect(lines('#ifdef X\na\n#else\nb\n#endif\n#ifndef X\nc\n#endif', { defines: [['X', undefined]] })).toEqual(['a']);
  });
  it('evaluates full constant expressions in 64 bits', () => {
    const t = (e: string) => lines(`#if ${e}\ny\n#else\nn\n#endif`)[0];
    expect(t('(1 << 62) * 2 < 0')).toBe('y');
    expect(t('-1 > 0u')).toBe('y');
    expect(t('0x10 == 16 && 010 == 8')).toBe('y');
    expect(t("'A' == 65")).toBe('y');
    expect(t('1 ? 0 : 1')).toBe('n');
    expect(t('UNDEFINED_NAME')).toBe('n');
    expect(t('7 / 2 == 3 && 7 % 2 == 1 && ~0 == -1')).toBe('y');
  });
  it('keeps the line count across skipped regions', () => {
    const out = cpp('#if 0\na\nb\n#endif\nc\n');
    expect(out.split('\n').indexOf('c')).toBe(4);
  });
});

describe('#include', () => {
  const files: Record<string, string> = {
    'inc/a.h': '#define A_H 1\n#include "b.h"\n',
    'inc/b.h': 'int from_b;\n',
    'dir/x.d': '',
    'dir/local.h': 'int local;\n',
  };
  const readInclude = (p: string) => files[p];

  it('includes built-in headers, with markers for line numbers', () => {
    const out = cpp('#include <netinet/in.h>\nx = IPPROTO_TCP;\n');
    expect(out).toContain('# 1 "/usr/include/netinet/in.h"');
    expect(out).toContain('x = 6;');
    expect(out).toContain('# 2 "/dev/fd/0"');
  });
  it('searches the including file\'s directory, then -I paths', () => {
    expect(lines('#include "local.h"\n', { program: 'dir/x.d', readInclude })).toContain('int local;');
    const l = lines('#include <a.h>\nA_H\n', { includeDirs: ['inc'], readInclude });
    expect(l).toContain('int from_b;');
    expect(l).toContain('1');
  });
  it('reports a missing file as cpp does', () => {
    expect(cppError('\n#include "nope.h"\n')).toBe('/dev/stdin:2: fatal error: nope.h: No such file or directory\ncompilation terminated.');
  });
  it('parses after preprocessing, with errors located in the included file', () => {
    const inc = (p: string) => (p === 'bad.h' ? '\nint x y;\n' : undefined);
    const r = preprocess('#include "bad.h"\nBEGIN {}\n', { program: 'x.d', readInclude: inc });
    const p = parseProgram(r.text, { program: 'x.d', isFile: true });
    expect(formatDiagnostic(p.diagnostics[0]!, 'x.d', 'file')).toBe('failed to compile script x.d: "bad.h", line 2: syntax error near "y;"');
    // after the include, lines are the main file's again
    const r2 = preprocess('#include "bad.h"\nBEGIN { x = ; }\n', { program: 'x.d', readInclude: (p) => (p === 'bad.h' ? 'int y;\n' : undefined) });
    const p2 = parseProgram(r2.text, { program: 'x.d', isFile: true });
    expect(formatDiagnostic(p2.diagnostics[0]!, 'x.d', 'file')).toBe('failed to compile script x.d: line 2: syntax error near ";"');
  });
  it('gives every networking header', () => {
    for (const h of ['sys/types.h', 'sys/socket.h', 'netinet/in.h', 'netinet/ip.h', 'netinet/ip6.h', 'netinet/tcp.h', 'netinet/udp.h', 'arpa/inet.h']) {
      const out = cpp(`#include <${h}>\n#include <${h}>\nBEGIN { }\n`);
      const p = parseProgram(out, { program: 'x.d', isFile: true });
      expect(p.diagnostics).toEqual([]);
    }
    expect(lines('#include <netinet/tcp.h>\n#include <sys/socket.h>\nTH_SYN|TH_ACK AF_INET6 SOCK_STREAM', {}).pop()).toBe('0x02|0x10 26 2');
    expect(lines('#include <errno.h>\nECONNREFUSED EWOULDBLOCK', {}).pop()).toBe('146 11');
  });
});

describe('other directives', () => {
  it('passes #pragma and #line through for the D lexer, and blanks a #! first line', () => {
    const out = cpp('#!/usr/sbin/dtrace -Cs\n#pragma D option quiet\n#line 20 "y.d"\nBEGIN {}\n');
    expect(out.split('\n')).toEqual(['', '#pragma D option quiet', '#line 20 "y.d"', 'BEGIN {}', '']);
    const p = parseProgram(out, { program: 'x.d', isFile: true });
    expect(p.program.options).toEqual([['quiet', undefined]]);
  });
  it('strips C and C++ comments but not inside strings', () => {
    expect(lines('a /* c */ b // d\n"/* x */ // y"')).toEqual(['a   b', '"/* x */ // y"']);
  });
  it('reports errors as cpp would, and goes on after them (Oracle\'s preprocessor/err.*.r)', () => {
    expect(cppError('#error stop here\n')).toBe('/dev/stdin:1: error: #error stop here');
    expect(cppError('#bogus\n')).toBe('/dev/stdin:1: error: invalid preprocessing directive #bogus');
    expect(cppError('\n#if !defined (FLAG)\n#define VALUE 5\n')).toBe('/dev/stdin:2: error: unterminated #if');
    // Oracle's preprocessor/err.ifdefelsenotendif.r
    expect(cppError('\n#if !defined (FLAG)\n#define RETURN 5\n#else\n#define RETURN 10\n')).toBe('/dev/stdin:2: error: unterminated #else');
    expect(cppError('#endif\n')).toBe('/dev/stdin:1: error: #endif without #if');
    expect(cppError('#else\n')).toBe('/dev/stdin:1: error: #else without #if');
    expect(cppError('#if 1/0\n#endif\n')).toBe('/dev/stdin:1: error: division by zero in #if');
    expect(cppError('#define\n')).toBe('/dev/stdin:1: error: no macro name given in #define directive');
    expect(cppError('#define F(x) x\nF(1\n')).toBe('/dev/stdin:2: error: unterminated argument list invoking macro "F"');
    expect(cppError('/* open\n')).toBe('/dev/stdin:1: error: unterminated comment');
    expect(cppError('#include "a.h"\n', { readInclude: (p) => (p === 'a.h' ? '#include "a.h"\n' : undefined) })).toContain('#include nested depth 200 exceeds maximum of 200');
    const mulelse = '#if !defined (FLAG)\n#define VALUE 5\n#else\n#define VALUE 10\n#else\n#define VALUE 15\n#else\n#define VALUE 20\n#endif\n';
    expect(cppError(mulelse)).toBe([
      '/dev/stdin:5: error: #else after #else', '/dev/stdin:1: error: the conditional began here',
      '/dev/stdin:7: error: #else after #else', '/dev/stdin:1: error: the conditional began here',
    ].join('\n'));
    expect(cppError('#include "e.h"\n', { readInclude: (p) => (p === 'e.h' ? '\n#error in header\n' : undefined) })).toBe('e.h:2: error: #error in header');
  });

  it('bounds runaway expansion', () => {
    const src = '#define A0 x x\n' + Array.from({ length: 30 }, (_, i) => `#define A${i + 1} A${i} A${i}`).join('\n') + '\nA30\n';
    expect(cppError(src)).toContain('macro expansion too large');
  }, 60_000);
});

describe('built-in type text', () => {
  it('is valid D (the back end compiles it before every program)', async () => {
    const { NET_TYPES_D } = await import('../headers/index.ts');
    const r = parseProgram(NET_TYPES_D, { program: '<net types>', isFile: true });
    expect(r.diagnostics).toEqual([]);
    expect(r.program.items.length).toBe(10);
  });
});
