/**
 * The NULL string versus "": dtrace keeps a NULL string pointer (strstr()
 * with no match, an unset string element of an associative array or
 * thread-local) apart from the empty string. Reading its characters (trace,
 * printf %s, string subroutines) is a load from address 0: an invalid-address
 * fault, arg4 = DTRACEFLT_BADADDR (1), arg5 = 0 (dtrace-utils
 * assocs/tst.init-str.d, funcs/strtok/tst.strtok_nullstr.r); string
 * comparison reads NULL as "" (illumos dtrace_strncmp); a global string
 * variable keeps NULL (DIF_OP_STGS stores a NULL marker).
 */
import { describe, expect, it } from 'vitest';
import { runD } from './testkit.ts';

const q = (body: string): string => `#pragma D option quiet\n${body}`;
const FAULT = 'dtrace: error on enabled probe ID 1 (ID 1: dtrace:::BEGIN): invalid address (0x0) in action #1\n';

describe('the NULL string', () => {
  it('tracing an unset string element of an associative array faults (tst.init-str)', async () => {
    const r = await runD(q('string s[int];\nBEGIN { trace(s[1]); exit(1); }\nERROR { exit(arg4 != 1 || arg5 != 0); }'));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(FAULT);
  });

  it('a string subroutine given strstr()\'s NULL result faults (tst.strtok_nullstr)', async () => {
    const r = await runD('BEGIN { strtok(strstr("abc", "def"), ""); exit(1); }\nERROR { exit(0); }');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('invalid address (0x0) in action #1');
  });

  it('printf %s of NULL faults; a global keeps NULL', async () => {
    const r = await runD(q('BEGIN { x = strstr("abc", "z"); printf("[%s]\\n", x); exit(1); }\nERROR { exit(0); }'));
    // The assignment is action #1 (a DIFEXPR action in illumos), printf #2.
    expect(r).toEqual({ stdout: '\n', stderr: FAULT.replace('#1', '#2'), status: 0 });
  });

  it('self-> string variables that were never set are NULL', async () => {
    const r = await runD(q('self string s;\nBEGIN { trace(self->s); exit(1); }\nERROR { exit(0); }'));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(FAULT);
  });

  it('"" is an ordinary string, and comparison reads NULL as ""', async () => {
    const r = await runD(q('string s[int];\nBEGIN { x = ""; printf("[%s] %d %d %d\\n", x, s[1] == "", s[1] == x, strlen(strjoin(x, x))); exit(0); }'));
    expect(r).toEqual({ stdout: '[] 1 1 0\n\n', stderr: '', status: 0 });
  });
});

/**
 * NULL and "" as keys. A string key is copied into the tuple by reading its
 * characters (dtrace.c: DIF_OP_PUSHTR takes dtrace_strlen() of an
 * associative array's key; an aggregation key record is stored by
 * dtrace_store_by_ref()), so a NULL key faults as a load from address 0,
 * and the clause's tuple is never made. "" is an ordinary key; printa()
 * without a format prints a key record through dt_print_bytes(), whose
 * first byte being NUL (i == 0) means "not a string": the hex dump of the
 * whole strsize record (dt_consume.c), while printa("%s") prints "".
 */
describe('NULL and empty strings as keys', () => {
  const FAULT_N = (n: number): string => `dtrace: error on enabled probe ID ${n} (ID 1: dtrace:::BEGIN): invalid address (0x0) in action #1\n`;

  it('an aggregation keyed by the NULL string faults and adds no entry', async () => {
    const r = await runD(q('string s[int];\nBEGIN { @[s[1]] = count(); }\nBEGIN { @["x"] = count(); exit(0); }\nERROR { printf("fault %d %d\\n", arg4, arg5); }'));
    expect(r.stderr).toBe(FAULT_N(1));
    expect(r.stdout).toBe('fault 1 0\n\n  x                                                                 1\n');
  });

  it('an associative array or thread-local array indexed by the NULL string faults, stored or read', async () => {
    for (const body of ['a[s[1]] = 1;', 'x = a[s[1]];', 'self->t[s[2]] = 1;']) {
      const r = await runD(q(`string s[int]; int a[string]; self int t[string];\nBEGIN { ${body} exit(1); }\nERROR { exit(arg4 != 1 || arg5 != 0); }`));
      expect(r.status, body).toBe(0);
      expect(r.stderr, body).toBe(FAULT_N(1));
    }
  });

  it('"" is an ordinary key: printa("%s") prints it empty, the default layout as dt_print_bytes\'s hex dump', async () => {
    const r = await runD(q('#pragma D option strsize=16\nBEGIN { a[""] = 3; @[""] = count(); @["b"] = count(); @["b"] = count(); printf("%d\\n", a[""]); printa("[%s] %@d\\n", @); printa(@); exit(0); }'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([
      '3',
      '[] 1',
      '[b] 2',
      '',
      // "\n%*s      " (margin 5), the 16 column digits, "  0123456789abcdef", then
      // "%*s%5x:" and " %02x" per byte, "  " and '.' for each unprintable byte.
      '',
      '             0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f  0123456789abcdef',
      '         0: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  ................',
      '                1', // " %16lld" of the count
      '  b                                                                 2', // "  %-50s" then " %16lld"
      '',
      '',
    ].join('\n'));
  });
});
