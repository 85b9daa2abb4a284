/**
 * Shards as browser Web Workers, started from the engine's own worker
 * (nested workers), navigator.hardwareConcurrency of them by default.
 * Batches are transferred (no SharedArrayBuffer: it needs cross-origin
 * isolation headers the page cannot count on).
 */
import type { FromShard, ShardHost, ShardPort } from './protocol.ts';

export function webShardHost(): ShardHost | null {
  if (typeof Worker === 'undefined') return null;
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 1;
  return {
    cores,
    spawn(index): ShardPort {
      const w = new Worker(new URL('./shard-worker.ts', import.meta.url), { type: 'module', name: `wiretrace-shard-${index}` });
      const port: ShardPort = {
        post: (m, transfer) => w.postMessage(m, transfer ?? []),
        onMessage: null,
        onError: null,
        terminate: () => w.terminate(),
      };
      w.onmessage = (e: MessageEvent<FromShard>) => port.onMessage?.(e.data);
      w.onerror = (e) => { e.preventDefault(); port.onError?.(e.message || 'the worker failed to start'); };
      return port;
    },
  };
}
