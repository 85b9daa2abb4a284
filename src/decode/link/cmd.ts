/**
 * Cisco MetaData (ethertype 0x8909, also GRE protocol 0x8909; packet-cmd.c):
 * version, length, an option (type and length), the security group tag, then
 * the ethertype of what follows: 8 bytes in all. Inside GRE the ethertype
 * comes first instead (as tshark 4.0 reads it there).
 */
import { u16 } from '../bytes.ts';
import { push, short } from '../frame.ts';
import { registerEthertype } from '../registry.ts';
import { type DecodedFrame, K_CMD, K_GRE } from '../types.ts';
import { dispatchTypeOrLength } from './ethernet.ts';

export function decodeCmd(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 8) return short(f, K_CMD, off, 8, end);
  const inGre = f.pathLen > 0 && f.pathKind[f.pathLen - 1] === K_GRE;
  if (!push(f, K_CMD, off)) return;
  dispatchTypeOrLength(f, u16(f.buf, inGre ? off : off + 6), off + 8, end);
}

registerEthertype(0x8909, decodeCmd);
