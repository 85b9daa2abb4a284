/**
 * A hex dump in the layout of `tshark -x` (and Wireshark's bytes pane):
 * a 4-digit hex offset, two spaces, 16 bytes as two-digit hex separated by
 * single spaces (a short last line padded), three spaces, then the bytes as
 * ASCII with anything outside 0x20–0x7e shown as '.'. Offsets grow to more
 * digits past 0xffff, as tshark's do.
 */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export interface HexLine { offset: string; hex: string; ascii: string }

export function hexLines(bytes: Uint8Array): HexLine[] {
  const out: HexLine[] = [];
  const width = bytes.length > 0x10000 ? 8 : 4;
  for (let o = 0; o < bytes.length; o += 16) {
    const end = Math.min(bytes.length, o + 16);
    const hex: string[] = [];
    let ascii = '';
    for (let i = o; i < end; i++) {
      const b = bytes[i]!;
      hex.push(HEX[b]!);
      ascii += b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : '.';
    }
    out.push({ offset: o.toString(16).padStart(width, '0'), hex: hex.join(' ').padEnd(47, ' '), ascii });
  }
  return out;
}

/** The whole dump as text, line for line as `tshark -x` prints one frame. */
export function hexDump(bytes: Uint8Array): string {
  return hexLines(bytes).map((l) => `${l.offset}  ${l.hex}   ${l.ascii}`).join('\n');
}
