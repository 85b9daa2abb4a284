/**
 * `npm run samples`: writes every sample capture into samples/captures/.
 * Deterministic: fixed seeds and timestamps, so two runs give identical bytes
 * (samples/gen/determinism.test.ts checks it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allScenes } from './scenes/index.ts';
import { keyFiles } from './scenes/ipsec-keys.ts';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = process.argv[2] ?? join(here, '..', 'captures');
mkdirSync(outDir, { recursive: true });
let total = 0;
for (const s of allScenes()) {
  const bytes = s.bytes();
  writeFileSync(join(outDir, s.file), bytes);
  total += bytes.length;
  console.log(`${s.file.padEnd(36)} ${String(s.count).padStart(6)} frames ${String(bytes.length).padStart(9)} bytes`);
}
console.log(`wrote ${total} bytes to ${outDir}`);
// The keys of the IPsec samples (samples/keys/, beside the captures' folder).
const keysDir = join(outDir, '..', 'keys');
mkdirSync(keysDir, { recursive: true });
for (const k of keyFiles()) writeFileSync(join(keysDir, k.file), k.text);
console.log(`wrote ${keyFiles().length} key files to ${keysDir}`);
