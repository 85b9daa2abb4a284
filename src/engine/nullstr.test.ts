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
