/**
 * Recent captures, kept in IndexedDB so they survive reloads (the File's bytes
 * are stored by the browser on this machine only; nothing is uploaded).
 * Bounded: the newest MAX_RECENT entries, files up to MAX_RECENT_BYTES.
 * Every failure (private mode, quota) degrades to "no recent captures".
 */
const DB = 'wiretrace';
const STORE = 'recent-captures';
export const MAX_RECENT = 8;
export const MAX_RECENT_BYTES = 256 * 1024 * 1024;

export interface RecentCapture { name: string; size: number; openedAt: number; blob: Blob }

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => { req.result.createObjectStore(STORE, { keyPath: 'name' }); };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => { tx.oncomplete = () => resolve(); tx.onerror = () => reject(tx.error); tx.onabort = () => reject(tx.error); });
}

export async function listRecent(): Promise<RecentCapture[]> {
  try {
    const db = await open();
    const tx = db.transaction(STORE, 'readonly');
    const req = tx.objectStore(STORE).getAll();
    await done(tx);
    db.close();
    return (req.result as RecentCapture[]).sort((a, b) => b.openedAt - a.openedAt);
  } catch {
    return [];
  }
}

export async function rememberCapture(file: Blob, name: string): Promise<void> {
  if (file.size > MAX_RECENT_BYTES) return;
  try {
    const all = await listRecent();
    const db = await open();
    const tx = db.transaction(STORE, 'readwrite');
    const st = tx.objectStore(STORE);
    st.put({ name, size: file.size, openedAt: Date.now(), blob: file } satisfies RecentCapture);
    for (const old of all.filter((r) => r.name !== name).slice(MAX_RECENT - 1)) st.delete(old.name);
    await done(tx);
    db.close();
  } catch { /* quota or private mode: not remembered */ }
}
