/**
 * D source files read with a bound: a script or #include naming /dev/zero,
 * a device or a FIFO that never ends stops at MAX_SOURCE_BYTES with an error
 * (SourceTooLarge) instead of reading for ever or exhausting memory.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { MAX_SOURCE_BYTES, SourceTooLarge } from '../d/limits.ts';

/** The file's text as Latin-1 (D source is bytes); `path` '-' or fd 0 is standard input. */
export function readSourceFile(path: string | 0, limit = MAX_SOURCE_BYTES): string {
  const fd = path === 0 ? 0 : openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const b = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
      let n: number;
      try {
        n = readSync(fd, b, 0, b.length, null);
      } catch (e) {
        // Standard input in non-blocking mode (a terminal or pipe opened by node): wait and retry.
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10); continue; }
        throw e;
      }
      if (n === 0) break;
      chunks.push(b.subarray(0, n));
      total += n;
      if (total > limit) throw new SourceTooLarge(limit);
    }
    return Buffer.concat(chunks, total).toString('latin1');
  } finally {
    if (path !== 0) closeSync(fd);
  }
}
