/** Format sniffing from the first bytes of an input, and byte formatting for messages. */

export type SniffResult = 'pcap' | 'pcapng' | 'gzip' | 'pcap-modified' | 'unknown';

/** "3c 68 74 6d": up to n bytes from off, as messages quote them. */
export function hexBytes(b: Uint8Array, off: number, n: number): string {
  const out: string[] = [];
  for (let i = off; i < off + n && i < b.length; i++) out.push(b[i]!.toString(16).padStart(2, '0'));
  return out.join(' ');
}

/** Needs at least 4 bytes to say anything but 'unknown'. */
export function sniff(b: Uint8Array): SniffResult {
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return 'gzip';
  if (b.length < 4) return 'unknown';
  const be = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  const le = ((b[3]! << 24) | (b[2]! << 16) | (b[1]! << 8) | b[0]!) >>> 0;
  if (be === 0x0a0d0d0a) return 'pcapng';
  for (const m of [be, le]) {
    if (m === 0xa1b2c3d4 || m === 0xa1b23c4d) return 'pcap';
    if (m === 0xa1b2cd34) return 'pcap-modified';
  }
  return 'unknown';
}
