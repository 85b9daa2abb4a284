/**
 * gzip decompression through node:zlib, for the CLI. Handles concatenated
 * gzip members as gunzip(1) does. See gzip.ts for the measurements that
 * decide which decompressor the CLI uses.
 */
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ByteSource } from './types.ts';

export function gunzipSourceNode(src: ByteSource): ByteSource {
  async function* compressed(): AsyncGenerator<Buffer> {
    for (;;) {
      const c = await src.read();
      if (c === null) return;
      yield Buffer.from(c); // a copy: the source reuses its buffer
    }
  }
  const input = Readable.from(compressed(), { objectMode: false });
  const z = createGunzip({ chunkSize: 1 << 20 });
  input.on('error', (e) => z.destroy(e));
  input.pipe(z);
  const it = z[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return {
    name: src.name,
    size: undefined,
    async read(): Promise<Uint8Array | null> {
      const r = await it.next();
      if (r.done) return null;
      return new Uint8Array(r.value.buffer, r.value.byteOffset, r.value.length);
    },
    async close(): Promise<void> {
      input.destroy();
      z.destroy();
      await src.close();
    },
  };
}
