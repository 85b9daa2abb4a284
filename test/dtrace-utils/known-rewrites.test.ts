/** The checked known-failure rewrites (harness.ts rewriteKnown) that do more than replace text. */
import { describe, expect, it } from 'vitest';
import { rewriteKnown } from './harness.ts';

describe('array-index-fault', () => {
  it('rewrites the illumos fault line into Linux wording, then the message', () => {
    const k = { reason: 'array-index-fault', replace: [['invalid address ({ptr})', 'index out of bounds (8)']] as [string, string][] };
    expect(rewriteKnown(k, 'dtrace: error on enabled probe ID 1 (ID 1: dtrace:::BEGIN): invalid address ({ptr}) in action #2'))
      .toBe('dtrace: error in dt_clause_0 for probe ID 1 (dtrace:::BEGIN): index out of bounds (8) at BPF pc NNN');
  });
});
