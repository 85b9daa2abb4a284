import { describe, expect, it } from 'vitest';
import { hexDump, hexLines } from './hexdump.ts';

// `tshark -r samples/captures/blog-ipio-tunnel.pcapng -x -c 1` (frame 1, raw IPv4), verbatim.
const TSHARK_FRAME1 = [
  '0000  45 00 00 58 21 00 40 00 40 06 e0 30 0a 01 64 7b   E..X!.@.@..0..d{',
  '0010  c0 a8 0a 4b 98 ca 00 16 4f 4c a0 de a1 7d 78 73   ...K....OL...}xs',
  '0020  50 18 c1 e8 da f9 00 00 2b 2c 2d 2e 2f 30 31 32   P.......+,-./012',
  '0030  33 34 35 36 37 38 39 3a 3b 3c 3d 3e 3f 40 41 42   3456789:;<=>?@AB',
  '0040  43 44 45 46 47 48 49 4a 4b 4c 4d 4e 4f 50 51 52   CDEFGHIJKLMNOPQR',
  '0050  53 54 55 56 57 58 59 5a                           STUVWXYZ',
].join('\n');

const fromDump = (d: string): Uint8Array => Uint8Array.from(d.split('\n').flatMap((l) => l.slice(6, 53).trim().split(' ').map((h) => parseInt(h, 16))));

describe('hexDump', () => {
  it('lays out a frame exactly as tshark -x does', () => {
    expect(hexDump(fromDump(TSHARK_FRAME1))).toBe(TSHARK_FRAME1);
  });
  it('shows control and markup bytes as dots or plain characters, never decoded', () => {
    const l = hexLines(Uint8Array.of(0x3c, 0x62, 0x3e, 0x00, 0x7f, 0xff, 0x80, 0x0a));
    expect(l[0]!.ascii).toBe('<b>.....');
  });
  it('is empty for no bytes', () => { expect(hexDump(new Uint8Array(0))).toBe(''); });
});
