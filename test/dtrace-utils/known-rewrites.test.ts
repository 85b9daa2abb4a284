/** The checked known-failure rewrites (harness.ts rewriteKnown) that do more than replace text. */
import { describe, expect, it } from 'vitest';
import { appendNulToDumps, rewriteKnown } from './harness.ts';
import { hexDump } from '../../src/d/format/trace.ts';

const bytes = (s: string): Uint8Array => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

describe('string-record-nul', () => {
  it('appends one NUL byte to each dump, re-laid out as dt_print_bytes does (also across a row)', () => {
    for (const s of ['abcde', 'abcdefghijklmno', 'abcdefghijklmnop', 'cdefDEF\0\0\0\0\0\0']) {
      const illumos = hexDump(bytes(s));
      expect(appendNulToDumps(illumos)).toBe(hexDump(bytes(s + '\0')));
    }
  });

  it('leaves text that is not a dump alone, and rewrites every dump in the output', () => {
    const out = 'x\n' + hexDump(bytes('ab')) + 'y\n' + hexDump(bytes('c'));
    expect(rewriteKnown({ reason: 'string-record-nul' }, out)).toBe('x\n' + hexDump(bytes('ab\0')) + 'y\n' + hexDump(bytes('c\0')));
  });
});

describe('array-index-fault', () => {
  it('rewrites the illumos fault line into Linux wording, then the message', () => {
    const k = { reason: 'array-index-fault', replace: [['invalid address ({ptr})', 'index out of bounds (8)']] as [string, string][] };
    expect(rewriteKnown(k, 'dtrace: error on enabled probe ID 1 (ID 1: dtrace:::BEGIN): invalid address ({ptr}) in action #2'))
      .toBe('dtrace: error in dt_clause_0 for probe ID 1 (dtrace:::BEGIN): index out of bounds (8) at BPF pc NNN');
  });
});
