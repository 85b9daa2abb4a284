/**
 * Opening captures by path on Node (the CLI): '-' is standard input, read as
 * it arrives; anything else a file. gzip goes through node:zlib (the Node
 * sources offer it; see gzip.ts for why). Several paths are merged by time.
 */
import type { CaptureReader } from './types.ts';
import { CaptureError } from './types.ts';
import { fileSource, stdinSource } from './sources.node.ts';
import { openCapture } from './open.ts';
import { mergeReaders } from './merge.ts';
import { errnoText } from './errno.node.ts';

export async function openCaptureFile(path: string, fileIndex = 0): Promise<CaptureReader> {
  let src;
  if (path === '-') src = stdinSource();
  else {
    try {
      src = await fileSource(path);
    } catch (e) {
      throw new CaptureError(`cannot open ${path}: ${errnoText(e)}`, 0, path);
    }
  }
  return openCapture(src, { fileIndex });
}

/** Opens every path (in order) and merges them by time; closes what was opened if one fails. */
export async function openCaptureFiles(paths: readonly string[]): Promise<CaptureReader> {
  const readers: CaptureReader[] = [];
  try {
    for (let i = 0; i < paths.length; i++) readers.push(await openCaptureFile(paths[i]!, i));
  } catch (e) {
    await Promise.all(readers.map((r) => r.close().catch(() => undefined)));
    throw e;
  }
  return mergeReaders(readers);
}
