import { describe, expect, it } from 'vitest';
import { Lexer, scanInt, type LexMode, type Token } from '../lexer.ts';
import { unescapeBytes, unescapeString } from '../lex/escapes.ts';

interface Err { tag: string; message: string; line: number }

function lex(src: string, mode: LexMode = 'S0', opts: ConstructorParameters<typeof Lexer>[1] = {}): { toks: Token[]; errs: Err[] } {
  const errs: Err[] = [];
  const lx = new Lexer(src, { ...opts, onError: (tag, message, line) => errs.push({ tag, message, line }) });
  const toks: Token[] = [];
  for (let i = 0; i < 10000; i++) {
    const t = lx.next(mode);
    if (t.kind === 'EOF') break;
    toks.push(t);
  }
  return { toks, errs };
}
const kinds = (src: string, mode: LexMode = 'S0') => lex(src, mode).toks.map((t) => t.kind);
const texts = (src: string, mode: LexMode = 'S0') => lex(src, mode).toks.map((t) => t.text);

describe('S2: probe descriptions and the outer scope', () => {
  it('lexes a description as one token, globs and dashes included', () => {
    for (const d of ['ip:::send', 'tick-1sec', 'syscall::open*:entry', 'BEGIN', 'fbt::[a-c]?x:return', 'a:b:c:d', 'pid$target:libc:*:entry', 'ip:ip:*:send', 'profile-997hz', '::!x:']) {
      const { toks } = lex(d, 'S2');
      expect(toks.map((t) => [t.kind, t.str])).toEqual([['PSPEC', d]]);
    }
  });

  it('returns {, / and , as tokens and integers as probe IDs', () => {
    expect(kinds('BEGIN,END/x', 'S2')).toEqual(['PSPEC', ',', 'PSPEC', '/', 'PSPEC']);
    expect(lex('123', 'S2').toks[0]).toMatchObject({ kind: 'INT', value: 123n });
    expect(kinds('{', 'S2')).toEqual(['{']);
  });

  it('recognises declaration keywords and resolves "type*" towards the type', () => {
    expect(kinds('int', 'S2')).toEqual(['int']);
    expect(lex('self', 'S2').toks[0]!.kind).toBe('self');
    const t = lex('int*x', 'S2').toks[0]!;
    expect([t.kind, t.text]).toEqual(['int', 'int']);
    const u = lex('uint32_t*p', 'S2').toks[0]!;
    expect([u.kind, u.str]).toEqual(['TNAME', 'uint32_t']);
    // with ':' it is always a description; with C_PSPEC (-n) too
    expect(lex('int*:::x', 'S2').toks[0]!.kind).toBe('PSPEC');
    expect(lex('int*x', 'S2', { pspec: true }).toks[0]!.kind).toBe('PSPEC');
    // a description that is not a type stays a description
    expect(lex('fbt*', 'S2').toks[0]!.kind).toBe('PSPEC');
  });

  it('rejects characters outside descriptions', () => {
    const { errs } = lex('BEGIN = 1', 'S2');
    expect(errs).toEqual([{ tag: 'D_SYNTAX', message: 'syntax error near "="', line: 1 }]);
  });
});

describe('S0: clause bodies and expressions', () => {
  it('lexes every operator, longest match first', () => {
    const ops = '<<= >>= ... && ^^ || == != <= >= << >> -> += -= *= /= %= &= ^= |= ++ -- | ^ & < > + - * % ~ ! ? : . = , ; ( ) [ ] { }';
    expect(texts(ops)).toEqual(ops.split(' '));
    expect(kinds('a->b')).toEqual(['IDENT', '->', 'IDENT']);
    expect(texts('x+++y')).toEqual(['x', '++', '+', 'y']);
  });

  it('knows all keywords', () => {
    for (const k of ['auto', 'break', 'case', 'char', 'const', 'continue', 'counter', 'default', 'do', 'double', 'else', 'enum', 'extern', 'float', 'for', 'goto', 'if', 'import', 'inline', 'int', 'long', 'offsetof', 'probe', 'provider', 'register', 'restrict', 'return', 'self', 'short', 'signed', 'sizeof', 'static', 'string', 'stringof', 'struct', 'switch', 'this', 'translator', 'typedef', 'union', 'unsigned', 'userland', 'void', 'volatile', 'while', 'xlate']) {
      expect(kinds(k)).toEqual([k]);
    }
    expect(kinds('selfish')).toEqual(['IDENT']);
  });

  it('tells the predicate-closing "/" from division', () => {
    expect(kinds('a / b')).toEqual(['IDENT', '/', 'IDENT']);
    expect(kinds('a /')).toEqual(['IDENT', 'EPRED']);
    expect(kinds('a/ {')).toEqual(['IDENT', 'EPRED', '{']);
    expect(kinds('a /\n\t;')).toEqual(['IDENT', 'EPRED', ';']);
    expect(kinds('a / /')).toEqual(['IDENT', 'EPRED', 'EPRED']);
    expect(kinds('a // comment')).toEqual(['IDENT']);
    expect(kinds('a /= 2')).toEqual(['IDENT', '/=', 'INT']);
  });

  it('lexes a type name as TNAME unless it is being assigned (id_or_type)', () => {
    expect(kinds('uint32_t x')).toEqual(['TNAME', 'IDENT']);
    expect(kinds('uint32_t = 1')).toEqual(['IDENT', '=', 'INT']);
    expect(kinds('uint32_t == 1')).toEqual(['TNAME', '==', 'INT']);
    expect(kinds('uint32_t++')).toEqual(['IDENT', '++']);
    expect(kinds('uint32_t [1]')).toEqual(['IDENT', '[', 'INT', ']']);
    // once guessed as a variable, it stays one
    expect(kinds('size_t = 1; size_t')).toEqual(['IDENT', '=', 'INT', ';', 'IDENT']);
  });

  it('lexes aggregations, macro arguments and backquoted names', () => {
    expect(lex('@counts @').toks.map((t) => [t.kind, t.str])).toEqual([['AGG', 'counts'], ['AGG', '_']]);
    expect(lex('$1 $$2 $target $$pid').toks.map((t) => [t.kind, t.str, t.macroIndex, t.quoted])).toEqual([
      ['MACRO', '1', 1, false], ['MACRO', '2', 2, true], ['MACRO', 'target', null, false], ['MACRO', 'pid', null, true],
    ]);
    expect(lex('`max_ncpus genunix`x').toks.map((t) => [t.kind, t.scope, t.str])).toEqual([['IDENT', '', 'max_ncpus'], ['IDENT', 'genunix', 'x']]);
  });
});

describe('integer constants', () => {
  it('reads decimal, octal and hex with suffixes, exactly', () => {
    expect(scanInt('0')).toEqual({ value: 0n, suffix: '', radix: 8 });
    expect(scanInt('42')).toEqual({ value: 42n, suffix: '', radix: 10 });
    expect(scanInt('0755')).toEqual({ value: 0o755n, suffix: '', radix: 8 });
    expect(scanInt('0xDeadBeef')).toEqual({ value: 0xdeadbeefn, suffix: '', radix: 16 });
    expect(scanInt('0XFFu')).toEqual({ value: 255n, suffix: 'u', radix: 16 });
    expect(scanInt('7L')).toEqual({ value: 7n, suffix: 'l', radix: 10 });
    expect(scanInt('7uL')).toEqual({ value: 7n, suffix: 'ul', radix: 10 });
    expect(scanInt('7lL')).toEqual({ value: 7n, suffix: 'll', radix: 10 });
    expect(scanInt('7ULL')).toEqual({ value: 7n, suffix: 'ull', radix: 10 });
    expect(scanInt('18446744073709551615')).toEqual({ value: 18446744073709551615n, suffix: '', radix: 10 });
    expect(scanInt('0xffffffffffffffff').value).toBe(18446744073709551615n);
  });

  it('reports overflow and bad digits with dtrace words', () => {
    expect(scanInt('18446744073709551616').error).toEqual(['D_INT_OFLOW', 'constant 18446744073709551616 results in integer overflow']);
    expect(scanInt('0x10000000000000000').error).toEqual(['D_INT_OFLOW', 'constant 0x10000000000000000 results in integer overflow']);
    expect(scanInt('09').error).toEqual(['D_INT_DIGIT', 'constant 09 contains invalid digit 9']);
  });

  it('splits a suffix D does not know into a new token', () => {
    expect(texts('10lu')).toEqual(['10l', 'u']);
    expect(texts('0x1g')).toEqual(['0x1', 'g']);
  });

  it('rejects floating-point constants', () => {
    for (const f of ['1.5', '.5', '1e5', '1.', '2f', '3.0e-2L']) {
      const { toks, errs } = lex(f);
      expect(toks.length).toBe(1);
      expect(errs).toEqual([{ tag: 'D_SYNTAX', message: 'floating-point constants are not permitted', line: 1 }]);
    }
    expect(lex('1l').errs).toEqual([]);
  });
});

describe('character constants', () => {
  const val = (s: string) => lex(s).toks[0]!.value;
  it('packs several characters big-end first, as dtrace does', () => {
    expect(val("'a'")).toBe(97n);
    expect(val("'ab'")).toBe(0x6162n);
    expect(val("'\\n'")).toBe(10n);
    expect(val("'\\0'")).toBe(0n);
    expect(val("'\\377'")).toBe(255n);
    expect(val("'\\x41'")).toBe(65n);
    expect(val("'abcdefgh'")).toBe(0x6162636465666768n);
    expect(lex("'a'").toks[0]!.char).toBe(true);
  });
  it('reports empty, overlong and unterminated constants', () => {
    expect(lex("''").errs[0]).toMatchObject({ tag: 'D_CHR_NULL', message: 'empty character constant' });
    expect(lex("'abcdefghi'").errs[0]).toMatchObject({ tag: 'D_CHR_OFLOW', message: 'character constant is too long' });
    expect(lex("'a\n'").errs[0]).toMatchObject({ tag: 'D_CHR_NL', message: 'newline encountered in character constant' });
  });
});

describe('string literals', () => {
  const val = (s: string) => lex(s).toks[0]!.str;
  it('decodes C escapes as stresc2chr does', () => {
    expect(val('"a\\tb\\nc"')).toBe('a\tb\nc');
    expect(val('"\\a\\b\\f\\r\\v\\\\\\""')).toBe('\x07\b\f\r\v\\"');
    expect(val('"\\101\\60\\7"')).toBe('A0\x07');
    expect(val('"\\x41\\x4a"')).toBe('AJ');
    expect(val('"\\q"')).toBe('\\q');
    expect(val('"a\\0b"')).toBe('a');
    expect(val('"\\777"')).toBe('\xff');
    expect(val('"é"')).toBe('é');
    expect(lex('"abc"').toks[0]!.text).toBe('"abc"');
  });
  it('reports a newline inside a string', () => {
    expect(lex('"abc\n"').errs[0]).toMatchObject({ tag: 'D_STR_NL', message: 'newline encountered in string literal', line: 2 });
  });
  it('unescapes to bytes for character constants', () => {
    expect(unescapeBytes('é\\n')).toEqual([0xc3, 0xa9, 10]);
    expect(unescapeString('x\\x41y')).toBe('xAy');
  });
});

describe('comments, control lines and line numbers', () => {
  it('skips comments and counts their lines', () => {
    const { toks } = lex('a /* x\n y\n */ b');
    expect(toks.map((t) => [t.text, t.line, t.column])).toEqual([['a', 1, 1], ['b', 3, 5]]);
  });
  it('treats # only at the start of a line as a control line', () => {
    const { toks, errs } = lex('  #pragma D option quiet\nx # y\n');
    expect(toks.map((t) => t.text)).toEqual(['x', '#', 'y']);
    expect(errs).toEqual([{ tag: 'D_SYNTAX', message: 'syntax error near "#"', line: 2 }]);
  });
  it('discards #! lines anywhere', () => {
    expect(texts('#!/usr/sbin/dtrace -s\nBEGIN\n#! again\nx', 'S2')).toEqual(['BEGIN', 'x']);
  });
  it('renumbers lines after #line and cpp line markers', () => {
    const { toks } = lex('#line 100\na\n# 7 "inc.h"\nb\n# 3 "/dev/fd/0"\nc');
    expect(toks.map((t) => [t.text, t.line, t.file])).toEqual([['a', 100, undefined], ['b', 7, 'inc.h'], ['c', 3, undefined]]);
  });
  it('joins lines ended by a backslash in clause bodies', () => {
    expect(lex('a \\\n b').toks.map((t) => [t.text, t.line])).toEqual([['a', 1], ['b', 2]]);
  });
  it('stops at a NUL character, as dtrace reads C strings', () => {
    expect(texts('a b\0c d')).toEqual(['a', 'b']);
  });
});

describe('escapes dtrace keeps (stresc2chr)', () => {
  // Published expectations (dtrace-utils test/unittest/types/tst.charconstants.r and
  // tst.stringconstants.r): '\?' is 23615 and '\'' 23591, i.e. the backslash stays.
  it("keeps the backslash of \\' and \\? in character and string constants", () => {
    expect(unescapeBytes("\\'")).toEqual([92, 39]);
    expect(unescapeBytes('\\?')).toEqual([92, 63]);
    expect(unescapeString('$\\?M')).toBe('$\\?M');
  });
});
