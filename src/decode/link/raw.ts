/**
 * Raw IP link types: DLT_RAW (12 on most BSDs, 14 on OpenBSD, LINKTYPE_RAW
 * 101) picks IPv4 or IPv6 by the version nibble; LINKTYPE_IPV4 (228) and
 * LINKTYPE_IPV6 (229) fix the version. A version nibble other than 4 or 6 on
 * RAW is marked as a bad version.
 */
import { LINKTYPE } from '../../capture/types.ts';
import { mark, push, short } from '../frame.ts';
import { ethertypes, registerLinkType } from '../registry.ts';
import { type DecodedFrame, K_RAW, M_BAD_VERSION } from '../types.ts';

export function decodeRaw(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 1) return short(f, K_RAW, off, 1, end);
  if (!push(f, K_RAW, off)) return;
  const v = f.buf[off]! >> 4;
  if (v === 4) ethertypes[0x0800]?.(f, off, end);
  else if (v === 6) ethertypes[0x86dd]?.(f, off, end);
  else mark(f, K_RAW, M_BAD_VERSION, off);
}

function fixed(type: number) {
  return (f: DecodedFrame, off: number, end: number): void => {
    if (!push(f, K_RAW, off)) return;
    ethertypes[type]?.(f, off, end);
  };
}

registerLinkType(LINKTYPE.RAW_12, decodeRaw);
registerLinkType(LINKTYPE.RAW_14, decodeRaw);
registerLinkType(LINKTYPE.RAW, decodeRaw);
registerLinkType(LINKTYPE.IPV4, fixed(0x0800));
registerLinkType(LINKTYPE.IPV6, fixed(0x86dd));
