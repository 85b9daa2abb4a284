import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { WIRETRACE_VERSION } from './version.ts';

it("WIRETRACE_VERSION is package.json's version (partials record it)", () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(WIRETRACE_VERSION).toBe(pkg.version);
});
