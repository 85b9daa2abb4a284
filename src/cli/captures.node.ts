/** -r FILE / -r -: the byte sources the engine's capture driver reads. */
import type { ByteSource } from '../capture/types.ts';
import { fileSource, stdinSource } from '../capture/sources.node.ts';

export async function openCaptures(paths: readonly string[]): Promise<ByteSource[]> {
  const out: ByteSource[] = [];
  for (const p of paths) out.push(p === '-' ? stdinSource() : await fileSource(p));
  return out;
}
