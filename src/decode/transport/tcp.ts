/**
 * TCP (RFC 9293). The fixed header is read eagerly; options are parsed only
 * when a consumer asks (tcpOptions), once per frame. A data offset below 5
 * words, or past the segment, is malformed.
 */
import { u16, u32 } from '../bytes.ts';
import { currentIp, mark, push, short } from '../frame.ts';
import { registerIpProtocol } from '../registry.ts';
import { type DecodedFrame, K_TCP, L4_TCP, MAX_SACK_BLOCKS, M_BAD_HEADER_LENGTH, type TcpInfo } from '../types.ts';

export function decodeTcp(f: DecodedFrame, off: number, end: number): void {
  const l = currentIp(f);
  if (l === null) return;
  if (end - off < 20) return short(f, K_TCP, off, 20, end);
  if (!push(f, K_TCP, off)) return;
  const b = f.buf;
  const t = l.tcp;
  l.l4 = L4_TCP;
  l.l4Off = off;
  t.buf = b;
  t.off = off;
  t.srcPort = u16(b, off);
  t.dstPort = u16(b, off + 2);
  const hl = (b[off + 12]! >> 4) << 2;
  t.hdrLen = hl;
  t.payloadLen = l.upperLen - hl;
  t.optsParsed = false;
  if (hl < 20) {
    t.optOff = 0;
    t.optLen = 0;
    return mark(f, K_TCP, M_BAD_HEADER_LENGTH, off);
  }
  t.optOff = off + 20;
  t.optLen = hl - 20;
  if (end - off < hl) {
    t.optLen = end - off - 20;
    return short(f, K_TCP, off, hl, end);
  }
}

/**
 * Parses the options of `t` (from `buf`, the frame's buffer) into its option
 * fields, once. Malformed option lengths stop the walk; what was read stays.
 */
export function tcpOptions(t: TcpInfo, buf: Uint8Array): TcpInfo {
  if (t.optsParsed) return t;
  t.optsParsed = true;
  t.mss = -1;
  t.wscale = -1;
  t.sackPermitted = false;
  t.sackCount = 0;
  t.hasTimestamp = false;
  let p = t.optOff;
  const e = p + t.optLen;
  while (p < e) {
    const kind = buf[p]!;
    if (kind === 0) break; // end of option list
    if (kind === 1) { p++; continue; } // NOP
    if (p + 1 >= e) break;
    const len = buf[p + 1]!;
    if (len < 2 || p + len > e) break;
    switch (kind) {
      case 2: if (len === 4) t.mss = u16(buf, p + 2); break;
      case 3: if (len === 3) t.wscale = buf[p + 2]!; break;
      case 4: if (len === 2) t.sackPermitted = true; break;
      case 5: {
        let n = (len - 2) >> 3;
        if (n > MAX_SACK_BLOCKS) n = MAX_SACK_BLOCKS;
        for (let i = 0; i < n; i++) {
          t.sack[2 * i] = u32(buf, p + 2 + 8 * i);
          t.sack[2 * i + 1] = u32(buf, p + 6 + 8 * i);
        }
        t.sackCount = n;
        break;
      }
      case 8:
        if (len === 10) {
          t.hasTimestamp = true;
          t.tsVal = u32(buf, p + 2);
          t.tsEcr = u32(buf, p + 6);
        }
        break;
      default: break;
    }
    p += len;
  }
  return t;
}

registerIpProtocol(6, decodeTcp);
