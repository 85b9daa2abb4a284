/**
 * ESP (RFC 4303): SPI and sequence number; the rest is encrypted, so the
 * chain ends here — unless the decoder was given keys (frame.ipsec, see
 * src/decode/ipsec), which decrypts and decodes what the ESP carried.
 * UDP-encapsulated ESP (NAT-T) reuses readEsp (tunnel/natt.ts).
 */
import { u32 } from '../bytes.ts';
import { currentIp, push, short } from '../frame.ts';
import { registerIpProtocol } from '../registry.ts';
import { type DecodedFrame, type IpLayer, K_ESP, L4_ESP } from '../types.ts';

/** Reads SPI and sequence into `l.esp`; false (and marked) when cut short. */
export function readEsp(f: DecodedFrame, l: IpLayer, off: number, end: number): boolean {
  if (end - off < 8) {
    short(f, K_ESP, off, 8, end);
    return false;
  }
  if (!push(f, K_ESP, off)) return false;
  l.esp.spi = u32(f.buf, off);
  l.esp.seq = u32(f.buf, off + 4);
  return true;
}

export function decodeEsp(f: DecodedFrame, off: number, end: number): void {
  const l = currentIp(f);
  if (l === null) return;
  if (!readEsp(f, l, off, end)) return;
  l.l4 = L4_ESP;
  l.l4Off = off;
  // A fragment holds part of the ESP packet: it is decrypted once reassembled (providers/net.ts).
  if (f.ipsec !== null && !l.fragment) f.ipsec.open(f, l, off, end);
}

registerIpProtocol(50, decodeEsp);
