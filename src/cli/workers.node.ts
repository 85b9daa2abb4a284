/**
 * Where the CLI's parallel workers come from: the bundled dist/cli/shard.mjs
 * beside the bundled CLI, or, when running from source (tsx), the shard's
 * TypeScript entry under the same loader.
 */
import { nodeShardHost } from '../engine/parallel/host.node.ts';
import type { ShardHost } from '../engine/parallel/protocol.ts';

export function cliShardHost(): ShardHost {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return nodeShardHost(new URL('../engine/parallel/shard-worker.node.ts', here), [...process.execArgv, '--import', 'tsx']);
  return nodeShardHost(new URL('./shard.mjs', here));
}
