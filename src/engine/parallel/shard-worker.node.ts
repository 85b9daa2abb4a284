/** A shard in a Node worker thread (host.node.ts starts it). */
import { parentPort } from 'node:worker_threads';
import { Shard } from './shard.ts';
import type { ToShard } from './protocol.ts';

const port = parentPort!;
const shard = new Shard((m, transfer) => port.postMessage(m, (transfer ?? []) as ArrayBuffer[]));
port.on('message', (m: ToShard) => shard.handle(m));
