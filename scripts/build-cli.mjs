// Bundles the CLI into one ESM file for Node, so `npx wiretrace` starts fast,
// and the parallel runs' worker (dist/cli/shard.mjs, started by the CLI as
// worker threads: src/engine/parallel/host.node.ts).
import { build } from 'esbuild';

await build({
  entryPoints: { wiretrace: 'src/cli/main.ts', shard: 'src/engine/parallel/shard-worker.node.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
