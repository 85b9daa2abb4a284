/**
 * Send or receive: who is the local host?
 *
 * Order of authority (DESIGN.md "Direction"):
 *   1. the capture: pcapng epb_flags, Linux cooked packet type (the decoder
 *      puts either in DecodedFrame.direction);
 *   2. the `--local` set (addresses/networks given by the user);
 *   3. inference from the first frames of the capture (LocalInference):
 *      the unicast Ethernet address present in most frames is the capturing
 *      host's; without Ethernet, the IP address present in most frames.
 *      The result is reported once (an info message), never silently.
 * A frame neither from nor to a local address is received (forwarded or
 * promiscuous), as the ip provider fires for forwarded packets.
 */
import { addrString, DIR_IN, DIR_OUT, DIR_UNKNOWN, type DecodedFrame } from '../decode/index.ts';
import { isGroupAddr, isLoopbackAddr, LocalSet } from './locals.ts';

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function macText(b: Uint8Array, o: number): string {
  return HEX[b[o]!]! + ':' + HEX[b[o + 1]!] + ':' + HEX[b[o + 2]!] + ':' + HEX[b[o + 3]!] + ':' + HEX[b[o + 4]!] + ':' + HEX[b[o + 5]!];
}

function macEqual(b: Uint8Array, x: number, y: number): boolean {
  for (let i = 0; i < 6; i++) if (b[x + i] !== b[y + i]) return false;
  return true;
}

function addrKey(b: Uint8Array, o: number, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += HEX[b[o + i]!];
  return s;
}

function keyBytes(k: string): Uint8Array {
  const out = new Uint8Array(k.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(k.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function textOf(bytes: Uint8Array): string {
  return addrString(bytes, 0, bytes.length);
}

/** Counts what the first frames show; allocation here is bounded by the prescan window. */
export class LocalInference {
  frames = 0;
  private ethFrames = 0;
  private ipFrames = 0;
  private undirected = 0;
  private readonly macs = new Map<string, number>();
  private readonly ips = new Map<string, number>();
  /** Pairs (mac, ip) seen as a frame's source / destination, to learn the local MAC's addresses. */
  private readonly macIp = new Map<string, Set<string>>();
  /** Addresses the capture itself says are local (direction-stated frames). */
  readonly stated = new Set<string>();

  observe(f: DecodedFrame): void {
    this.frames++;
    const l = f.ipCount > 0 ? f.ip[0]! : null;
    if (f.direction !== DIR_UNKNOWN) {
      if (l !== null) {
        const off = f.direction === DIR_OUT ? l.srcOff : l.dstOff;
        if (!isGroupAddr(f.buf, off, l.addrLen)) this.stated.add(addrKey(f.buf, off, l.addrLen));
      }
      return;
    }
    const b = f.buf;
    // Loopback traffic is both sent and received whatever the direction: it says nothing about the host.
    if (l !== null && isLoopbackAddr(b, l.srcOff, l.addrLen) && isLoopbackAddr(b, l.dstOff, l.addrLen)) return;
    this.undirected++;
    if (f.ethSrcOff >= 0) {
      this.ethFrames++;
      const sameMac = f.ethDstOff >= 0 && macEqual(b, f.ethSrcOff, f.ethDstOff);
      for (const off of [f.ethSrcOff, sameMac ? -1 : f.ethDstOff]) {
        if (off < 0 || (b[off]! & 1) !== 0) continue; // group (multicast/broadcast) addresses are nobody's
        const m = macText(b, off);
        this.macs.set(m, (this.macs.get(m) ?? 0) + 1);
        if (l !== null) {
          const ipOff = off === f.ethSrcOff ? l.srcOff : l.dstOff;
          if (!isGroupAddr(b, ipOff, l.addrLen)) {
            let s = this.macIp.get(m);
            if (s === undefined) this.macIp.set(m, (s = new Set()));
            if (s.size < 16) s.add(addrKey(b, ipOff, l.addrLen));
          }
        }
      }
    }
    if (l !== null) {
      this.ipFrames++;
      // An address counts once per frame: a frame from a host to itself must not make it "in 2 of 1 frames".
      const sameIp = addrKey(b, l.srcOff, l.addrLen) === addrKey(b, l.dstOff, l.addrLen);
      for (const off of sameIp ? [l.srcOff] : [l.srcOff, l.dstOff]) {
        if (isGroupAddr(b, off, l.addrLen)) continue;
        const k = addrKey(b, off, l.addrLen);
        this.ips.set(k, (this.ips.get(k) ?? 0) + 1);
      }
    }
  }

  /**
   * Decides. Fills `set` with the local addresses found, returns the local
   * MAC (or null) and a one-line note for stderr ('' when nothing was inferred
   * because the capture states every direction).
   */
  decide(set: LocalSet): { mac: Uint8Array | null; note: string } {
    for (const k of this.stated) { const b = keyBytes(k); set.addBytes(b, 0, b.length); }
    if (this.undirected === 0) return { mac: null, note: '' };
    const best = (m: Map<string, number>): [string, number] | null => {
      let top: [string, number] | null = null;
      let second = 0;
      for (const [k, v] of m) {
        if (top === null || v > top[1]) { second = top?.[1] ?? 0; top = [k, v]; } else if (v > second) second = v;
      }
      return top !== null && top[1] > second ? top : null;
    };
    const mac = best(this.macs);
    if (mac !== null && mac[1] * 2 > this.ethFrames) {
      const ips = this.macIp.get(mac[0]) ?? new Set<string>();
      const texts: string[] = [];
      for (const k of ips) { const b = keyBytes(k); set.addBytes(b, 0, b.length); texts.push(textOf(b)); }
      const macBytes = Uint8Array.from(mac[0].split(':').map((h) => parseInt(h, 16)));
      const who = texts.length > 0 ? ` (${texts.slice(0, 4).join(', ')}${texts.length > 4 ? ', ...' : ''})` : '';
      return {
        mac: macBytes,
        note: `local host inferred from the capture: Ethernet ${mac[0]}${who}, in ${mac[1]} of ${this.ethFrames} frames; use --local to override`,
      };
    }
    const ip = best(this.ips);
    if (ip !== null && ip[1] * 2 > this.ipFrames) {
      const b = keyBytes(ip[0]);
      set.addBytes(b, 0, b.length);
      return { mac: null, note: `local host inferred from the capture: ${textOf(b)}, in ${ip[1]} of ${this.ipFrames} frames; use --local to override` };
    }
    return { mac: null, note: 'could not infer the local host from the capture: frames without a stated direction fire receive; use --local ADDR' };
  }
}

const HOW_STATED = 0, HOW_EXPLICIT = 1, HOW_MAC = 2, HOW_IP = 3, HOW_NONE = 4;

/**
 * Per-frame direction with the decided local set; allocation-free. Besides
 * send/receive it answers whether the host itself originated the frame or
 * is its destination (`mine`), which decides write/read and tcp/udp: a
 * frame the capture states, or that inference cannot place, counts as the
 * host's; with --local or an inferred address, the addresses decide; with an
 * inferred Ethernet address, the frame's destination MAC does (a frame to
 * another station's MAC was captured promiscuously).
 */
export class DirectionResolver {
  private how = HOW_NONE;

  constructor(
    readonly locals: LocalSet,
    /** The user's --local entries (authoritative). */
    readonly explicit: boolean,
    readonly mac: Uint8Array | null,
  ) {}

  direction(f: DecodedFrame): number {
    if (f.direction !== DIR_UNKNOWN) { this.how = HOW_STATED; return f.direction; }
    const l = f.ipCount > 0 ? f.ip[0]! : null;
    if (this.explicit && l !== null) { this.how = HOW_EXPLICIT; return this.locals.has(f.buf, l.srcOff, l.addrLen) ? DIR_OUT : DIR_IN; }
    const m = this.mac;
    if (m !== null && f.ethSrcOff >= 0) {
      this.how = HOW_MAC;
      return this.isMac(f.buf, f.ethSrcOff) ? DIR_OUT : DIR_IN;
    }
    if (l !== null && this.locals.size > 0) { this.how = HOW_IP; return this.locals.has(f.buf, l.srcOff, l.addrLen) ? DIR_OUT : DIR_IN; }
    this.how = HOW_NONE;
    return DIR_IN;
  }

  /** After direction(): whether the local host sent (out) or is a destination of (in) the frame. */
  mine(f: DecodedFrame, out: boolean): boolean {
    const l = f.ipCount > 0 ? f.ip[0]! : null;
    switch (this.how) {
      case HOW_STATED: return !this.explicit || l === null || this.addrLocal(f, out ? l.srcOff : l.dstOff, l.addrLen);
      case HOW_MAC: return out || (f.ethDstOff >= 0 && ((f.buf[f.ethDstOff]! & 1) !== 0 || this.isMac(f.buf, f.ethDstOff)));
      case HOW_EXPLICIT: case HOW_IP: return l === null || this.addrLocal(f, out ? l.srcOff : l.dstOff, l.addrLen);
      default: return true;
    }
  }

  private addrLocal(f: DecodedFrame, off: number, len: number): boolean {
    return this.locals.has(f.buf, off, len) || isGroupAddr(f.buf, off, len);
  }

  private isMac(b: Uint8Array, o: number): boolean {
    const m = this.mac!;
    return b[o] === m[0] && b[o + 1] === m[1] && b[o + 2] === m[2] && b[o + 3] === m[3] && b[o + 4] === m[4] && b[o + 5] === m[5];
  }
}

export { DIR_IN, DIR_OUT };
