/** A shard in a browser Web Worker (host-web.ts starts it from the engine's worker). */
import { Shard } from './shard.ts';
import type { FromShard, ToShard } from './protocol.ts';

interface Scope { postMessage(m: FromShard, transfer: Transferable[]): void; onmessage: ((e: MessageEvent<ToShard>) => void) | null }
const scope = self as unknown as Scope;
const shard = new Shard((m, transfer) => scope.postMessage(m, transfer ?? []));
scope.onmessage = (e) => shard.handle(e.data);
