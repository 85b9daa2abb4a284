/**
 * The Output's spill file (output-spill.ts): one file in the Origin Private File System, written and
 * read through a synchronous access handle (fast, and only a worker may hold one). Messages are
 * handled in order, so a read sees every write sent before it.
 */
type Msg =
  | { t: 'write'; at: number; bytes: Uint8Array }
  | { t: 'read'; id: number; at: number; length: number }
  | { t: 'blobs'; id: number; ranges: [number, number][] }
  | { t: 'reset' };

interface SyncAccess {
  read(b: Uint8Array, o: { at: number }): number;
  write(b: Uint8Array, o: { at: number }): number;
  truncate(n: number): void;
}
interface Dir {
  keys(): AsyncIterable<string>;
  removeEntry(name: string): Promise<void>;
  getFileHandle(name: string, o: { create: boolean }): Promise<{ createSyncAccessHandle(): Promise<SyncAccess> }>;
}

const ctx = self as unknown as { postMessage(m: unknown, t?: Transferable[]): void; onmessage: ((e: MessageEvent<Msg>) => void) | null };
let file: SyncAccess | null = null;
/** False after a write failed: later writes are sent back too (what the file holds is still read). */
let writable = true;

async function open(): Promise<void> {
  try {
    const root = await navigator.storage.getDirectory();
    const dir = (await root.getDirectoryHandle('wiretrace-output', { create: true })) as unknown as Dir;
    // Files left by pages closed before this one; another open tab's file is locked and stays.
    const names: string[] = [];
    for await (const name of dir.keys()) names.push(name);
    for (const name of names) await dir.removeEntry(name).catch(() => undefined);
    const handle = await dir.getFileHandle(`output-${Date.now()}-${Math.random().toString(36).slice(2)}.bin`, { create: true });
    file = await handle.createSyncAccessHandle();
    ctx.postMessage({ t: 'ready' });
  } catch (e) {
    ctx.postMessage({ t: 'unavailable', why: String(e) });
  }
}

function readRange(at: number, length: number): Uint8Array {
  const b = new Uint8Array(length);
  const n = file!.read(b, { at });
  if (n !== length) throw new Error(`read ${n} of ${length} bytes at ${at}`);
  return b;
}

function handle(m: Msg): void {
  switch (m.t) {
    case 'write': {
      let ok: boolean;
      try { ok = writable && file !== null && file.write(m.bytes, { at: m.at }) === m.bytes.length; } catch { ok = false; }
      // Not kept: the bytes go back to the page, which keeps them (and spills nothing more).
      if (!ok) { writable = false; ctx.postMessage({ t: 'returned', at: m.at, bytes: m.bytes }, [m.bytes.buffer]); }
      else ctx.postMessage({ t: 'written', length: m.bytes.length });
      return;
    }
    case 'read':
      try {
        const bytes = readRange(m.at, m.length);
        ctx.postMessage({ t: 'read', id: m.id, bytes }, [bytes.buffer]);
      } catch (e) { ctx.postMessage({ t: 'read', id: m.id, error: String(e) }); }
      return;
    case 'blobs':
      try {
        ctx.postMessage({ t: 'blobs', id: m.id, blobs: m.ranges.map(([at, length]) => new Blob([readRange(at, length) as BlobPart])) });
      } catch (e) { ctx.postMessage({ t: 'blobs', id: m.id, error: String(e) }); }
      return;
    case 'reset':
      try { file?.truncate(0); } catch { /* the next writes overwrite it */ }
  }
}

let chain = open();
ctx.onmessage = (e) => { const m = e.data; chain = chain.then(() => handle(m)); };
