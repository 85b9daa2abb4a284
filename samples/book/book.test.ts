/**
 * The DTrace book's network scripts (and FreeBSD's share/dtrace ones), run
 * unchanged through the built CLI over real loopback captures and the sample
 * captures: each must exit 0 with no compile error and print output that
 * checks.ts finds sensible against tshark's reading of the same capture.
 *
 * known-failures.json lists the (script, capture) runs that fail today and
 * why; the test asserts that exactly those fail, so a fix shows up as a
 * failing "now passes" test until its entry is removed.
 *
 * The CLI is dist/cli/wiretrace.mjs via bin/wiretrace.mjs (`npm run
 * build:cli`); WIRETRACE_BIN overrides it (e.g. a bundle under test).
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { BIN, CASES, caseId, KNOWN, ROOT, runCase } from './cases.ts';

describe('DTrace book network scripts, unchanged, over real and sample captures', () => {
  it('the CLI is built', () => {
    expect(existsSync(BIN) && (BIN !== `${ROOT}bin/wiretrace.mjs` || existsSync(`${ROOT}dist/cli/wiretrace.mjs`)),
      'run `npm run build:cli` first').toBe(true);
  });

  it('known-failures.json names only cases that exist', () => {
    const ids = new Set(Object.entries(CASES).flatMap(([s, cs]) => cs.map((c) => caseId(s, c))));
    expect(Object.keys(KNOWN).filter((k) => !ids.has(k))).toEqual([]);
  });

  for (const [script, caps] of Object.entries(CASES)) {
    for (const capture of caps) {
      const id = caseId(script, capture);
      it(id, () => {
        const failure = runCase(script, capture);
        if (KNOWN[id] !== undefined) {
          expect(failure, `now passes: remove "${id}" from samples/book/known-failures.json`).not.toBeNull();
        } else {
          expect(failure, id).toBeNull();
        }
      }, 180_000);
    }
  }
});
