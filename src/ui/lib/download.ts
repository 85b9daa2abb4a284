/** Saves text as a file (a blob: URL on an anchor; nothing leaves the machine). */
export function downloadText(text: string, name: string, type = 'text/plain'): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), name);
}

/** Saves bytes (the pieces of one file, in order) as a file. */
export function downloadBytes(parts: readonly Uint8Array[], name: string, type = 'application/octet-stream'): void {
  downloadBlob(new Blob(parts as unknown as BlobPart[], { type }), name);
}

/** Saves a Blob as a file. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
