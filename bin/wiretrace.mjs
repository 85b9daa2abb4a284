#!/usr/bin/env node
// The CLI is bundled from src/cli by `npm run build:cli` (run on install by
// `prepare`), so starting it costs one file load and no TypeScript compile.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli/wiretrace.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('wiretrace: not built yet: run `npm run build:cli` (npm install does it)\n');
  process.exit(2);
}
await import(bundle.href);
