/**
 * Shards in this thread, behind MessageChannels: the same messages, cloned
 * and transferred as across a real worker boundary, handled one after
 * another. For tests (the protocol and the ordering, deterministically) and
 * for hosts without workers; nothing runs in parallel.
 */
import { Shard } from './shard.ts';
import type { FromShard, ShardHost, ShardPort, ToShard } from './protocol.ts';

export function inProcessHost(cores = 2): ShardHost {
  return {
    cores,
    spawn(): ShardPort {
      const ch = new MessageChannel();
      const shard = new Shard((m, transfer) => ch.port2.postMessage(m, transfer ?? []));
      ch.port2.onmessage = (e: MessageEvent<ToShard>) => shard.handle(e.data);
      const port: ShardPort = {
        post: (m, transfer) => ch.port1.postMessage(m, transfer ?? []),
        onMessage: null,
        onError: null,
        terminate: () => { ch.port1.close(); ch.port2.close(); },
      };
      ch.port1.onmessage = (e: MessageEvent<FromShard>) => port.onMessage?.(e.data);
      return port;
    },
  };
}
