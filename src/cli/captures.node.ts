/** -r FILE / -r -: the byte sources the engine's capture driver reads. */
import type { ByteSource } from '../capture/types.ts';
import { CaptureError } from '../capture/types.ts';
import { fileSource, stdinSource } from '../capture/sources.node.ts';
import { errnoText } from '../capture/errno.node.ts';

/** Opens each path; a path that cannot be opened is a CaptureError "cannot open PATH: <strerror>". */
export async function openCaptures(paths: readonly string[]): Promise<ByteSource[]> {
  const out: ByteSource[] = [];
  try {
    for (const p of paths) {
      if (p === '-') { out.push(stdinSource()); continue; }
      try {
        out.push(await fileSource(p));
      } catch (e) {
        throw new CaptureError(`cannot open ${p}: ${errnoText(e)}`, 0, p);
      }
    }
  } catch (e) {
    for (const s of out) void s.close().catch(() => undefined);
    throw e;
  }
  return out;
}
