/** `--esp-sa FILE`: key files read as text for the engine (src/engine/esp-keys.ts parses them). */
import { readFileSync } from 'node:fs';

/** --esp-sa files as text (null, with the message printed, when one cannot be read). */
export function readKeyFiles(paths: readonly string[], prog: string): { name: string; text: string }[] | null {
  const out: { name: string; text: string }[] = [];
  for (const p of paths) {
    try {
      out.push({ name: p, text: readFileSync(p === '-' ? 0 : p, 'utf8') });
    } catch (e) {
      process.stderr.write(`${prog}: failed to open ${p}: ${errnoText(e)}\n`);
      return null;
    }
  }
  return out;
}

function errnoText(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'ENOENT': return 'No such file or directory';
    case 'EACCES': return 'Permission denied';
    case 'EISDIR': return 'Is a directory';
    default: return e instanceof Error ? e.message : String(e);
  }
}
