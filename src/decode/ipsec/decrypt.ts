/**
 * The ESP hook (DecodedFrame.ipsec): decrypts an ESP packet and decodes what
 * it carried, in the decode stage, synchronously, as part of decoding the
 * frame.
 *
 * Steps for the ESP packet at buf[off .. end) of IP layer `l`:
 *   1. find its SA (SaTable: IP version, addresses, SPI, in table order);
 *   2. check that the whole packet is there (its length per the IP or UDP
 *      header) and long enough for the SA's IV and ICV, in whole blocks;
 *   3. verify the ICV on the frame's own bytes;
 *   4. copy the frame into the scratch buffer at the same offsets and
 *      point the frame (and its IP layers) at it, so every offset recorded
 *      so far stays valid; decrypt the payload there, in place;
 *   5. read the trailer (pad length, next header) and check the padding:
 *      RFC 4303 §2.4's default padding 1, 2, 3, …, which AES-CBC, AES-CTR,
 *      AES-GCM and ChaCha20-Poly1305 all use (none specifies its own), so
 *      a wrong encryption key behind a right integrity key is caught rather
 *      than decoded as garbage;
 *   6. decode the payload: next header 4/41 is tunnel mode — the inner
 *      packet is a new IP layer on the virtual interface (`ipsec0`, or the
 *      capture's tunnel interface: tunnelName()); 59 is a dummy packet;
 *      anything else is transport mode — the transport header belongs to
 *      `l` itself and its decoder runs on the plaintext.
 * A packet that fails any step is counted (EspStats, with its frame
 * number) and left as it was: the outer layers decode and fire unchanged,
 * the frame keeps its own bytes, nothing inner is decoded. Nothing throws.
 *
 * The scratch buffer is one per decoder, grown to the largest frame end
 * seen (it mirrors the reader's chunk offsets, so it is bounded by the
 * reader's chunk size), reused for every frame: the decrypted bytes live
 * only until the next frame is decoded, as the frame itself does.
 */
import type { CaptureInterface } from '../../capture/types.ts';
import { enterTunnel } from '../frame.ts';
import { decodeIpv4 } from '../ip/ipv4.ts';
import { decodeIpv6 } from '../ip/ipv6.ts';
import { ipProtocols } from '../registry.ts';
import { type DecodedFrame, type EspHook, type IpLayer, TUN_ESP } from '../types.ts';
import { ESP_ICV, ESP_KEY, ESP_LENGTH, ESP_NO_SA, ESP_PAD, ESP_TRUNCATED, EspStats } from './stats.ts';
import type { SaTable } from './table.ts';

/** The virtual interface of decrypted tunnel-mode packets when the capture names no tunnel interface (as Linux names XFRM interfaces). */
export const IPSEC_IF = 'ipsec0';

/**
 * Capture interfaces taken for the tunnel the ESP packets belong to: names
 * of IP-level tunnel interfaces (illumos ip.tun0/ip6.tun0, Linux ipsec0,
 * vti0, xfrm0, ip6tnl0, BSD tun0).
 */
const TUNNEL_IF_NAME = /^(ip\.tun|ip6\.tun|ipsec|vti|ip6_vti|xfrm|ip6tnl|tun)\d*$/;

/** Scratch grows in steps of this (and never shrinks). */
const SCRATCH_STEP = 1 << 16;

/** Whether the padding before the trailer is RFC 4303's default: bytes 1, 2, …, padLen. */
function defaultPadding(b: Uint8Array, at: number, padLen: number): boolean {
  for (let i = 0; i < padLen; i++) if (b[at + i] !== i + 1) return false;
  return true;
}

export class EspDecryptor implements EspHook {
  /** Whether failures and successes are counted (a prescan decoder does not count). */
  counting = true;
  /** The capture's interfaces (the Decoder sets them before each frame). */
  ifaces: readonly CaptureInterface[] = [];
  private scratch = new Uint8Array(SCRATCH_STEP);
  private namedFor: readonly CaptureInterface[] | null = null;
  private namedLen = -1;
  private tunnelIfs: { index: number; name: string }[] = [];

  /** The decryptor this one decrypts reassembled datagrams for (forReassembly), or null. */
  private parent: EspDecryptor | null = null;

  constructor(readonly table: SaTable, readonly stats = new EspStats()) {}

  /**
   * A decryptor for datagrams reassembled from this one's frames (an ESP
   * packet the network fragmented): the same keys and counts, its own
   * scratch, since the fragment's frame may still be read from this one's.
   */
  forReassembly(): EspHook {
    const d = new EspDecryptor(this.table, this.stats);
    d.parent = this;
    return d;
  }

  /** The decryptor forReassembly() was asked of (null for a decoder's own). */
  get origin(): EspHook | null { return this.parent; }

  open(f: DecodedFrame, l: IpLayer, off: number, end: number): void {
    const p = this.parent;
    if (p !== null) { this.ifaces = p.ifaces; this.counting = p.counting; }
    const t = this.table;
    if (t.size === 0) return; // no keys (yet): ESP stays opaque and nothing is counted
    const spi = l.esp.spi;
    const i = t.find(l.version, f.buf, l.srcOff, l.dstOff, l.addrLen, spi);
    if (i < 0) return this.fail(ESP_NO_SA, f, spi);
    const c = t.crypto(i);
    if (c === null) return this.fail(ESP_KEY, f, spi);
    // The ESP packet's length per the header that carries it.
    const declared = l.esp.natt ? off + l.udp.length - 8 : l.upperOff + l.upperLen;
    if (end < declared) return this.fail(end >= f.end ? ESP_TRUNCATED : ESP_LENGTH, f, spi);
    const ct = end - off - 8 - c.ivLen - c.icvLen;
    if (ct < 2 || ct % c.block !== 0) return this.fail(ESP_LENGTH, f, spi);
    if (c.checks && !c.verify(f.buf, off, end)) return this.fail(ESP_ICV, f, spi);

    const orig = f.buf;
    const s = this.toScratch(f);
    c.decrypt(s, off, end);
    const pt = off + 8 + c.ivLen;
    const trailer = pt + ct;
    const padLen = s[trailer - 2]!;
    const nh = s[trailer - 1]!;
    const innerEnd = trailer - 2 - padLen;
    if (padLen + 2 > ct || !defaultPadding(s, innerEnd, padLen)) {
      // Not a plaintext we can read (a wrong encryption key behind a right integrity key, or no
      // integrity check at all): the frame keeps its own bytes.
      this.restore(f, orig);
      return this.fail(ESP_PAD, f, spi);
    }
    const e = l.esp;
    e.decrypted = true;
    e.nextHeader = nh;
    e.padLen = padLen;
    e.payloadOff = pt;
    e.payloadLen = innerEnd - pt;
    if (this.counting) {
      this.stats.decrypted++;
      if (!c.checks) this.stats.unverified++;
      if (nh === 59) this.stats.dummy++;
    }
    if (nh === 4 || nh === 41) {
      enterTunnel(f, TUN_ESP, spi, this.tunnelName(f));
      if (nh === 4) decodeIpv4(f, pt, innerEnd);
      else decodeIpv6(f, pt, innerEnd);
      return;
    }
    if (nh === 59) return;
    // Transport mode: the upper layer of `l` is the plaintext.
    const next = ipProtocols[nh];
    if (next === undefined) return;
    l.upperOff = pt;
    l.upperLen = innerEnd - pt;
    l.upperCapLen = innerEnd - pt;
    next(f, pt, innerEnd);
  }

  /** Copies the frame into scratch at the same offsets and points the frame and its IP layers at it. */
  private toScratch(f: DecodedFrame): Uint8Array {
    let s = this.scratch;
    const src = f.buf;
    if (src === s) return s; // ESP inside ESP: already there
    if (s.length < f.end) {
      s = new Uint8Array(Math.ceil(f.end / SCRATCH_STEP) * SCRATCH_STEP);
      this.scratch = s;
    }
    // A loop, not set(subarray): no view allocated per frame, and frames are short.
    for (let k = f.start, e = f.end; k < e; k++) s[k] = src[k]!;
    f.buf = s;
    for (let k = 0; k < f.ipCount; k++) f.ip[k]!.buf = s;
    return s;
  }

  private restore(f: DecodedFrame, orig: Uint8Array): void {
    if (f.buf === orig) return;
    f.buf = orig;
    for (let k = 0; k < f.ipCount; k++) f.ip[k]!.buf = orig;
  }

  private fail(reason: number, f: DecodedFrame, spi: number): void {
    if (this.counting) this.stats.fail(reason, f.frame, spi);
  }

  /**
   * The interface decrypted tunnel-mode packets fire on: the first capture
   * interface (other than the one the ESP arrived on) whose name is a
   * tunnel interface's — a pcapng that declares `ip.tun0` beside `nge0`
   * gets `ip.tun0` — else `ipsec0`.
   */
  tunnelName(f: DecodedFrame): string {
    const ifs = this.ifaces;
    if (ifs !== this.namedFor || ifs.length !== this.namedLen) {
      this.namedFor = ifs;
      this.namedLen = ifs.length;
      this.tunnelIfs = [];
      for (const i of ifs) if (TUNNEL_IF_NAME.test(i.name)) this.tunnelIfs.push({ index: i.index, name: i.name });
    }
    for (const t of this.tunnelIfs) if (t.index !== f.ifIndex) return t.name;
    return IPSEC_IF;
  }
}

