/**
 * 802.1Q C-tags (0x8100), 802.1ad S-tags (0x88a8) and the pre-standard QinQ
 * 0x9100: a 2-byte TCI and the next type/length, so stacks of any depth
 * decode by recursion (bounded by the path length).
 */
import { u16 } from '../bytes.ts';
import { push, short } from '../frame.ts';
import { registerEthertype } from '../registry.ts';
import { type DecodedFrame, K_QINQ, K_VLAN } from '../types.ts';
import { dispatchTypeOrLength } from './ethernet.ts';

function tag(kind: number) {
  return (f: DecodedFrame, off: number, end: number): void => {
    if (end - off < 4) return short(f, kind, off, 4, end);
    if (!push(f, kind, off)) return;
    const b = f.buf;
    f.vlan = u16(b, off) & 0x0fff;
    dispatchTypeOrLength(f, u16(b, off + 2), off + 4, end);
  };
}

export const decodeVlan = tag(K_VLAN);
export const decodeQinq = tag(K_QINQ);

registerEthertype(0x8100, decodeVlan);
registerEthertype(0x88a8, decodeQinq);
registerEthertype(0x9100, decodeQinq);
