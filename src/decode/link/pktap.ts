/**
 * Apple PKTAP (LINKTYPE_PKTAP 258; DLT_PKTAP, what `tcpdump -i pktap` on
 * macOS writes): a little-endian header giving its own length, a record type,
 * the inner DLT and, per packet, the interface, direction and process, then
 * the packet in that DLT. Layout (libpcap pcap/pktap.h, Wireshark
 * packet-pktap.c; 108 bytes, MIN_PKTAP_HDR_LEN):
 *
 *    0 pth_length   4 pth_type_next (1: a packet follows)   8 pth_dlt
 *   12 pth_ifname[24]   36 pth_flags (0x1 in, 0x2 out)   40 pth_protocol_family
 *   44 pth_frame_pre_length   48 pth_frame_post_length   52 pth_pid
 *   56 pth_comm[20]   76 pth_svc   80 pth_iftype   82 pth_ifunit
 *   84 pth_epid   88 pth_ecomm[20]
 *
 * The interface name becomes the frame's interface (if_name), the direction
 * the send/receive decision (unless pcapng epb_flags already said), and the
 * process and effective process the frame's execname/pid. A header shorter
 * than 108 bytes, a length past the captured bytes or a record that is not a
 * packet decodes nothing and is marked (the warning summary names the frame);
 * the process fields then stay empty. The pid is -1 when the kernel did not
 * know it (PKTAP writes -1; 0 is the kernel itself).
 */
import { u32le } from '../bytes.ts';
import { mark, push, short } from '../frame.ts';
import { linkTypes, registerLinkType } from '../registry.ts';
import { type DecodedFrame, DIR_IN, DIR_OUT, DIR_UNKNOWN, K_PKTAP, M_BAD_HEADER_LENGTH, M_UNSUPPORTED } from '../types.ts';
import { CStringCache } from './procname.ts';

export const LINKTYPE_PKTAP = 258;
export const PKTAP_MIN_HDR_LEN = 108;
const PTH_FLAG_DIR_IN = 0x1;
const PTH_FLAG_DIR_OUT = 0x2;

const names = new CStringCache();

function pid(b: Uint8Array, off: number): number {
  const v = u32le(b, off);
  return v > 0x7fffffff ? -1 : v; // pid_t -1 (unknown) and nonsense alike
}

export function decodePktap(f: DecodedFrame, off: number, end: number): void {
  if (end - off < 4) return short(f, K_PKTAP, off, 4, end);
  const b = f.buf;
  const len = u32le(b, off);
  if (len < PKTAP_MIN_HDR_LEN) return mark(f, K_PKTAP, M_BAD_HEADER_LENGTH, off);
  if (end - off < len) return short(f, K_PKTAP, off, len, end);
  if (!push(f, K_PKTAP, off)) return;
  const ifName = names.get(b, off + 12, 24);
  if (ifName !== '') f.ifName = ifName;
  if (f.direction === DIR_UNKNOWN) {
    const flags = u32le(b, off + 36);
    if (flags & PTH_FLAG_DIR_IN) f.direction = DIR_IN;
    else if (flags & PTH_FLAG_DIR_OUT) f.direction = DIR_OUT;
  }
  f.procSet = true;
  f.procPid = pid(b, off + 52);
  f.procName = names.get(b, off + 56, 20);
  f.effPid = pid(b, off + 84);
  f.effProcName = names.get(b, off + 88, 20);
  if (u32le(b, off + 4) !== 1) return; // PKT_REC_NONE: nothing follows
  const dlt = u32le(b, off + 8);
  const next = dlt !== LINKTYPE_PKTAP ? linkTypes[dlt] : undefined;
  if (next === undefined) return mark(f, K_PKTAP, M_UNSUPPORTED, off);
  next(f, off + len, end);
}

registerLinkType(LINKTYPE_PKTAP, decodePktap);
