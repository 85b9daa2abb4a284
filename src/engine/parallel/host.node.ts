/**
 * Shards as Node worker_threads. `entry` is the shard's module: the bundled
 * dist/cli/shard.mjs for the CLI, or shard-worker.node.ts under a loader
 * (tsx) when running from source.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { FromShard, ShardHost, ShardPort } from './protocol.ts';

export function nodeShardHost(entry: URL, execArgv: string[] = process.execArgv): ShardHost {
  return {
    cores: availableParallelism(),
    spawn(index): ShardPort {
      const w = new Worker(entry, { execArgv, name: `wiretrace-shard-${index}` });
      const port: ShardPort = {
        post: (m, transfer) => w.postMessage(m, (transfer ?? []) as ArrayBuffer[]),
        onMessage: null,
        onError: null,
        terminate: () => { void w.terminate(); },
      };
      w.on('message', (m: FromShard) => port.onMessage?.(m));
      w.on('error', (e: Error) => port.onError?.(e.message));
      w.on('exit', (code) => { if (code !== 0) port.onError?.(`exited with status ${code}`); });
      return port;
    },
  };
}
