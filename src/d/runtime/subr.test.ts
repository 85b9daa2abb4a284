/**
 * String and network subroutines against published expectations: the
 * DTrace test suite's tst.substr.d table (Perl's substr semantics, strsize=32),
 * tst.inet_ntoa6.d transcript, and the behaviour spelled out in illumos
 * dtrace.c's comments (index/rindex positions, basename/dirname/cleanpath).
 */
import { describe, expect, it } from 'vitest';
import * as S from './subr.ts';
import { inetNtoa, inetNtoa6, inetNtop, linkAddrLen, linkNtop, ntohl, ntohll, ntohs, htons, AF_INET, AF_INET6 } from './subr-net.ts';
import { runD } from '../../engine/testkit.ts';

describe('substr (funcs/substr/tst.substr.d, strsize=32)', () => {
  const str = 'foobarbazbop';
  const cases: [number, number | undefined, string][] = [
    [3, undefined, 'barbazbop'], [300, undefined, ''], [-10, undefined, 'obarbazbop'], [0, undefined, 'foobarbazbop'],
    [1, undefined, 'oobarbazbop'], [11, undefined, 'p'], [12, undefined, ''], [13, undefined, ''],
    [8, 20, 'zbop'], [4, 4, 'arba'], [5, 8, 'rbazbop'], [5, 9, 'rbazbop'], [400, 20, ''], [400, 0, ''], [400, -1, ''],
    [3, 0, ''], [3, -1, 'barbazbo'], [3, -4, 'barba'], [3, -20, ''], [-10, -5, 'obarb'], [0, 400, 'foobarbazbop'],
    [-1, 400, 'p'], [-1, 0, ''], [-1, -1, ''], [-24, 24, 'foobarbazbop'], [-24, 12, ''], [-24, 13, 'f'],
    [-12, 12, 'foobarbazbop'], [-12, 11, 'foobarbazbo'],
  ];
  for (const [i, l, want] of cases) {
    it(`substr("${str}", ${i}${l === undefined ? '' : ', ' + l}) = "${want}"`, () => {
      expect(S.dSubstr(str, i, l, 32)).toBe(want);
    });
  }
  it('strings longer than strsize are cut first', () => {
    const craig = "CRAIG: Positioned them, I don't know... I'm fairly wide guy.";
    expect(S.dSubstr(craig, 100, 10, 32)).toBe('');
    expect(S.dSubstr(craig, 100, undefined, 32)).toBe('');
  });
});

describe('inet_ntoa6 (funcs/inet_ntoa6/tst.inet_ntoa6.d)', () => {
  const addr = (set: Record<number, number>): Uint8Array => { const b = new Uint8Array(16); for (const [k, v] of Object.entries(set)) b[Number(k)] = v; return b; };
  it('matches the transcript', () => {
    const a = addr({ 0: 0xfe, 1: 0x80, 8: 0x02, 9: 0x14, 10: 0x4f, 11: 0xff, 12: 0xfe, 13: 0x0b, 14: 0x76, 15: 0xc8 });
    const b = addr({ 0: 0x10, 1: 0x80, 10: 0x08, 11: 0x08, 13: 0x0c, 14: 0x41, 15: 0x7a });
    const c = addr({ 15: 1 });
    const d = addr({});
    const e = addr({ 12: 0x7f, 15: 1 });
    const f = addr({ 10: 0xff, 11: 0xff, 12: 0x7f, 15: 1 });
    const g = addr({ 10: 0xff, 11: 0xfe, 12: 0x7f, 15: 1 });
    expect([a, b, c, d, e, f, g].map((x) => inetNtoa6(x))).toEqual([
      'fe80::214:4fff:fe0b:76c8', '1080::808:c:417a', '::1', '::', '127.0.0.1', '127.0.0.1', '::fffe:7f00:1',
    ]);
    const pre = [0xfe, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0x02, 0x14];
    const h = new Uint8Array(16); h.set(pre);
    const i = new Uint8Array(16); i.set([...pre, 0x4f, 0xff]);
    const j = new Uint8Array(16); j.set([...pre, 0x4f, 0xff, 0xfe, 0x0b]);
    const k = new Uint8Array(16); k.set([...pre, 0x4f, 0xff, 0xfe, 0x0b, 0x76, 0xc8]);
    expect([h, i, j, k].map((x) => inetNtoa6(x))).toEqual([
      'fe12:3456:789a:bcde:214::', 'fe12:3456:789a:bcde:214:4fff::', 'fe12:3456:789a:bcde:214:4fff:fe0b:0', 'fe12:3456:789a:bcde:214:4fff:fe0b:76c8',
    ]);
  });
  it('results are cut to strsize (tst.inet_ntoa6.strsize_10.d)', () => {
    const b = new Uint8Array(16); b.set([0x10, 0x80]); b.set([0x08, 0x08, 0, 0x0c, 0x41, 0x7a], 10);
    const g = new Uint8Array(16); g.set([0xff, 0xfe, 0x7f, 0, 0, 1], 10);
    expect(inetNtoa6(b, 0, 10)).toBe('1080::808:');
    expect(inetNtoa6(g, 0, 10)).toBe('::fffe:7f0');
  });
  it('inet_ntop keeps the IPv6 prefix of mapped addresses; inet_ntoa is a dotted quad', () => {
    const f = new Uint8Array(16); f.set([0xff, 0xff, 192, 168, 1, 2], 10);
    expect(inetNtop(AF_INET6, f)).toBe('::ffff:192.168.1.2');
    expect(inetNtop(AF_INET, new Uint8Array([10, 0, 0, 1]))).toBe('10.0.0.1');
    expect(inetNtoa(new Uint8Array([192, 168, 0, 255]))).toBe('192.168.0.255');
    expect(() => inetNtop(99, f)).toThrow(S.DFault);
  });
});

describe('byte order (x86 host)', () => {
  it('swaps', () => {
    expect(ntohs(0x1234)).toBe(0x3412);
    expect(htons(0x11234)).toBe(0x3412);
    expect(ntohl(0x12345678)).toBe(0x78563412);
    expect(ntohll(0x0102030405060708n)).toBe(0x0807060504030201n);
    expect(ntohll(1)).toBe(72057594037927936n);
  });
});

describe('index / rindex / strstr (dtrace.c semantics)', () => {
  it('Perl-like positions', () => {
    expect(S.dIndex('foobarbaz', 'ba', undefined, 256)).toBe(3);
    expect(S.dRindex('foobarbaz', 'ba', undefined, 256)).toBe(6);
    expect(S.dIndex('foobarbaz', 'ba', 4, 256)).toBe(6);
    expect(S.dIndex('foobarbaz', 'ba', -5, 256)).toBe(3);
    expect(S.dIndex('foobarbaz', '', 100, 256)).toBe(9);
    expect(S.dIndex('foobarbaz', 'x', 100, 256)).toBe(-1);
    expect(S.dRindex('foobarbaz', 'ba', 5, 256)).toBe(3);
    expect(S.dRindex('foobarbaz', '', -1, 256)).toBe(0);
    expect(S.dRindex('foobarbaz', 'o', -1, 256)).toBe(-1);
    expect(S.dRindex('foobarbaz', '', 100, 256)).toBe(9);
    expect(S.dIndex('', '', 5, 256)).toBe(0);
    expect(S.dStrstr('foobarbaz', 'bar', 256)).toBe('barbaz');
    expect(S.dStrstr('foobarbaz', 'qux', 256)).toBe(null);
    expect(S.dStrchr('foo.bar.baz', 46, 256)).toBe('.bar.baz');
    expect(S.dStrrchr('foo.bar.baz', 46, 256)).toBe('.baz');
    expect(S.dStrchr('foo', 120, 256)).toBe(null);
  });
});

describe('basename / dirname / cleanpath (dtrace.c algorithms, POSIX results)', () => {
  const cases: [string, string, string][] = [
    ['/foo/bar/baz', 'baz', '/foo/bar'], ['/foo/bar///baz/', 'baz', '/foo/bar'], ['/foo/bar/baz/', 'baz', '/foo/bar'],
    ['/foo/bar/baz//', 'baz', '/foo/bar'], ['foo', 'foo', '.'], ['/', '/', '/'], ['./', '.', '.'], ['//', '/', '/'],
    ['/.', '.', '/'], ['/./', '.', '/'], ['/foo', 'foo', '/'], ['', '.', '.'], ['foo/bar', 'bar', 'foo'],
  ];
  for (const [p, b, d] of cases) {
    it(`"${p}"`, () => {
      expect(S.dBasename(p, 256)).toBe(b);
      expect(S.dDirname(p, 256)).toBe(d);
    });
  }
  it('cleanpath', () => {
    expect(S.dCleanpath('/foo/bar/../baz', 256)).toBe('/foo/baz');
    expect(S.dCleanpath('/foo//bar/./baz', 256)).toBe('/foo/bar/baz');
    expect(S.dCleanpath('/foo/bar/..', 256)).toBe('/foo/');
    expect(S.dCleanpath('/a/..', 256)).toBe('/');
    expect(S.dCleanpath('/foo/..bar', 256)).toBe('/foo/..bar');
    expect(S.dCleanpath('/foo/.bar', 256)).toBe('/foo/.bar');
  });
});

describe('strjoin, strlen, toupper, strtok, lltostr, strtoll', () => {
  it('strjoin cuts the result to strsize characters (Oracle; illumos faults)', () => {
    expect(S.dStrjoin('foo', 'bar', 256)).toBe('foobar');
    expect(S.dStrjoin('abcd', 'efgh', 8)).toBe('abcdefgh');
    expect(S.dStrjoin('abcde', 'efgh', 8)).toBe('abcdeefg');
    expect(S.dStrjoin('', '1234567890', 5)).toBe('12345');
    expect(S.dStrlen('a'.repeat(300), 256)).toBe(256);
  });
  it('toupper/tolower ASCII only', () => {
    expect(S.dToupper('Hello, World\xe9', 256)).toBe('HELLO, WORLD\xe9');
    expect(S.dTolower('Hello', 256)).toBe('hello');
    expect(S.dToupper('abcdef', 4)).toBe('ABCD');
  });
  it('strtok and basename results hold up to strsize characters', () => {
    expect(S.dStrtok(new S.StrtokState(), 'abcdef,g', ',', 4)).toBe('abcd');
    expect(S.dBasename('abcdef', 4)).toBe('abcd');
  });
  it('strtok keeps its position', () => {
    const st = new S.StrtokState();
    expect(S.dStrtok(st, '  a,b,,c ', ' ,', 256)).toBe('a');
    expect(S.dStrtok(st, null, ' ,', 256)).toBe('b');
    expect(S.dStrtok(st, null, ' ,', 256)).toBe('c');
    expect(S.dStrtok(st, null, ' ,', 256)).toBe(null);
    expect(S.dStrtok(st, null, ' ,', 256)).toBe(null);
  });
  it('lltostr bases', () => {
    expect(S.dLltostr(123, undefined)).toBe('123');
    expect(S.dLltostr(-123, undefined)).toBe('-123');
    expect(S.dLltostr(0, undefined)).toBe('0');
    expect(S.dLltostr(255, 16)).toBe('0xff');
    expect(S.dLltostr(0, 16)).toBe('0x0');
    expect(S.dLltostr(8, 8)).toBe('010');
    expect(S.dLltostr(0, 8)).toBe('0');
    expect(S.dLltostr(5, 2)).toBe('101');
    expect(S.dLltostr(-1, 16)).toBe('0xffffffffffffffff');
    expect(S.dLltostr(-9223372036854775808n, 10)).toBe('-9223372036854775808');
    expect(() => S.dLltostr(1, 1)).toThrow(S.DFault);
  });
  it('strtoll', () => {
    expect(S.dStrtoll('  -123abc', undefined, 256)).toBe(-123);
    expect(S.dStrtoll('0x1F', 16, 256)).toBe(31);
    expect(S.dStrtoll('1F', 16, 256)).toBe(31);
    expect(S.dStrtoll('777', 8, 256)).toBe(511);
    expect(S.dStrtoll('zz', 36, 256)).toBe(1295);
    expect(S.dStrtoll('18446744073709551615', 10, 256)).toBe(-1);
    expect(S.dStrtoll('', 10, 256)).toBe(0);
  });
  it('rand is deterministic per seed', () => {
    const a = new S.DRand(42n), b = new S.DRand(42n);
    const xs = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(xs);
    expect(new Set(xs).size).toBe(3);
  });
});

describe('link_ntop and inet_ntoa6(addr, strict) (Linux DTrace)', () => {
  it('formats Ethernet and InfiniBand addresses; other types are unknown', () => {
    expect(linkAddrLen(1)).toBe(6);
    expect(linkAddrLen(32)).toBe(20);
    expect(linkAddrLen(-1)).toBeUndefined();
    expect(linkNtop(Uint8Array.from([2, 8, 0x20, 0xac, 4, 0xe]))).toBe('02:08:20:ac:04:0e');
  });
  it('strict keeps the IPv6 form of mapped and compatible IPv4 addresses', () => {
    const mapped = Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1]);
    expect(inetNtoa6(mapped)).toBe('127.0.0.1');
    expect(inetNtoa6(mapped, 0, 256, true)).toBe('::ffff:127.0.0.1');
  });
  it('runs in D: a bad type is an illegal operation, a non-constant strict flag a compile error', async () => {
    const ok = await runD('#pragma D option quiet\nBEGIN { p = (uint8_t *)alloca(6); p[5] = 0xfe; printf("%s\\n", link_ntop(ARPHRD_ETHER, p)); exit(0); }');
    expect(ok.stdout.trimEnd()).toBe('00:00:00:00:00:fe');
    const bad = await runD('#pragma D option quiet\nBEGIN { p = alloca(6); trace(link_ntop(7, p)); }\nERROR { printf("%d", arg4); exit(0); }');
    expect(bad.stdout.trimEnd()).toBe('3');
    const nc = await runD('BEGIN { n = 1; p = alloca(16); trace(inet_ntoa6((struct in6_addr *)p, n)); }', { xopts: [['errtags', undefined]] });
    expect(nc.stderr).toContain('[D_PROTO_ARG] line 1: inet_ntoa6( ) argument #2 must be an integer constant');
  });
});

describe('getmajor/getminor (Linux dev_t: 12-bit major, 20-bit minor)', () => {
  it('split the low 32 bits of the value', async () => {
    const r = await runD('#pragma D option quiet\nBEGIN { printf("%x %x\\n", getminor(0xabcdef0123456789ll), getmajor(0xabcdef0123456789ll)); exit(0); }');
    expect(r.stdout.trimEnd()).toBe('56789 234');
  });
});
