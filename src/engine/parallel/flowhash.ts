/**
 * Which worker a frame goes to: a hash of the outermost IP header's address
 * pair, symmetric in source and destination — the receive-side scaling a
 * NIC does, keyed so that everything stateful lands on one worker:
 *
 *  - both directions of a connection (TCP state, `self->`, `tid`);
 *  - every fragment of a datagram (only the first carries ports, every one
 *    carries the addresses), so reassembly sees them all, together with the
 *    unfragmented packets of the same 5-tuple;
 *  - whatever a tunnel carries, by its outer addresses.
 *
 * What it cannot keep together: one inner connection that travels through
 * two different outer address pairs (two tunnel endpoints), or both inside
 * and outside a tunnel — each part is tracked by its own worker (README,
 * "Scale"). Frames without IP fire no probe and are spread by frame number.
 *
 * The common link types (Ethernet with any VLAN tags, raw IP, Linux cooked)
 * are read here in a few loads; any other frame is decoded (Decoder) and its
 * first IP layer taken — the same header either way, which a test checks on
 * every fixture capture.
 */
import type { CaptureInterface, PacketRecord } from '../../capture/types.ts';
import { LINKTYPE } from '../../capture/types.ts';
import { Decoder } from '../../decode/index.ts';

const ETH_IPV4 = 0x0800, ETH_IPV6 = 0x86dd;

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function word(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}

/** A symmetric hash of two addresses of `len` bytes (4 or 16) at `s` and `d`. */
export function pairHash(b: Uint8Array, s: number, d: number, len: number): number {
  let hs = 0, hd = 0;
  for (let i = 0; i < len; i += 4) { hs = mix(hs ^ word(b, s + i)); hd = mix(hd ^ word(b, d + i)); }
  // Addition commutes: (a, b) and (b, a) hash alike.
  return mix((hs + hd) >>> 0);
}

export class FlowHasher {
  private readonly dec = new Decoder();
  /** Frames that took the decoder's path (for the tests and the bench). */
  slow = 0;

  constructor(readonly n: number) {}

  /** The worker (0 .. n-1) for `r`, whose interface is `ifaces[r.ifIndex]`. */
  worker(r: PacketRecord, ifaces: readonly CaptureInterface[]): number {
    const n = this.n;
    if (n === 1) return 0;
    const h = this.hash(r, ifaces);
    return h < 0 ? r.frame % n : h % n;
  }

  /** The address-pair hash, or -1 for a frame without IP. */
  hash(r: PacketRecord, ifaces: readonly CaptureInterface[]): number {
    const iface = ifaces[r.ifIndex];
    if (iface === undefined) return -1;
    const b = r.buf;
    let end = r.off + r.capLen;
    if (iface.fcsLen > 0) {
      const missing = r.origLen - r.capLen;
      const fcs = iface.fcsLen - (missing > 0 ? missing : 0);
      if (fcs > 0) end -= fcs;
    }
    let off = r.off;
    let type: number;
    switch (iface.linkType) {
      case LINKTYPE.ETHERNET: {
        if (end - off < 14) return this.slowHash(r, ifaces);
        type = (b[off + 12]! << 8) | b[off + 13]!;
        off += 14;
        // 802.1Q, 802.1ad and pre-standard QinQ tags, any depth (vlan.ts).
        while ((type === 0x8100 || type === 0x88a8 || type === 0x9100) && end - off >= 4) {
          type = (b[off + 2]! << 8) | b[off + 3]!;
          off += 4;
        }
        break;
      }
      case LINKTYPE.RAW: case LINKTYPE.RAW_12: case LINKTYPE.RAW_14:
        if (end - off < 1) return -1;
        type = b[off]! >> 4 === 4 ? ETH_IPV4 : b[off]! >> 4 === 6 ? ETH_IPV6 : -1;
        break;
      case LINKTYPE.IPV4: type = ETH_IPV4; break;
      case LINKTYPE.IPV6: type = ETH_IPV6; break;
      case LINKTYPE.LINUX_SLL:
        if (end - off < 16) return this.slowHash(r, ifaces);
        type = (b[off + 14]! << 8) | b[off + 15]!;
        off += 16;
        break;
      case LINKTYPE.LINUX_SLL2:
        if (end - off < 20) return this.slowHash(r, ifaces);
        type = (b[off]! << 8) | b[off + 1]!;
        off += 20;
        break;
      default:
        return this.slowHash(r, ifaces);
    }
    if (type === ETH_IPV4 && end - off >= 20 && b[off]! >> 4 === 4) return pairHash(b, off + 12, off + 16, 4);
    if (type === ETH_IPV6 && end - off >= 40 && b[off]! >> 4 === 6) return pairHash(b, off + 8, off + 24, 16);
    return this.slowHash(r, ifaces);
  }

  /** Anything else: decode, and hash the first IP layer's addresses. */
  private slowHash(r: PacketRecord, ifaces: readonly CaptureInterface[]): number {
    this.slow++;
    const f = this.dec.decode(r, ifaces, false);
    if (f.ipCount === 0) return -1;
    const l = f.ip[0]!;
    return pairHash(f.buf, l.srcOff, l.dstOff, l.addrLen);
  }
}
