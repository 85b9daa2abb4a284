/**
 * Helpers every decoder uses to append to the frame: the layer path, new IP
 * layers, and the malformation mark. Kept tiny so V8 inlines them.
 */
import {
  type DecodedFrame, type IpLayer, MAX_IP_LAYERS, MAX_PATH, M_BAD_LENGTH, M_NONE, M_TOO_DEEP, M_TRUNCATED, TUN_NONE,
} from './types.ts';

/** Records where and why decoding stopped; the first mark wins. */
export function mark(f: DecodedFrame, kind: number, reason: number, off: number): void {
  if (f.malReason === M_NONE) {
    f.malReason = reason;
    f.malKind = kind;
    f.malOffset = off - f.start;
  }
}

/**
 * A header of `need` bytes at `off` does not fit before `end`: marks
 * truncation (the capture ends first) or a bad length (an outer length field
 * ends first). Returns false so callers can `return short(...)`-style test.
 */
export function short(f: DecodedFrame, kind: number, off: number, need: number, end: number): void {
  void need;
  mark(f, kind, end >= f.end ? M_TRUNCATED : M_BAD_LENGTH, off);
}

/** Appends a header to the layer path; false (and marked) when the path is full. */
export function push(f: DecodedFrame, kind: number, off: number): boolean {
  const n = f.pathLen;
  if (n >= MAX_PATH) {
    mark(f, kind, M_TOO_DEEP, off);
    return false;
  }
  f.pathKind[n] = kind;
  f.pathOff[n] = off;
  f.pathLen = n + 1;
  return true;
}

/**
 * Takes the next IP layer from the pool and resets it, consuming the pending
 * tunnel context (set by the tunnel decoder that led here); null (and marked)
 * when the depth bound is reached.
 */
export function newIpLayer(f: DecodedFrame, kind: number, off: number): IpLayer | null {
  const n = f.ipCount;
  if (n >= MAX_IP_LAYERS) {
    mark(f, kind, M_TOO_DEEP, off);
    return null;
  }
  const l = f.ip[n]!;
  l.reset(n);
  l.off = off;
  l.buf = f.buf;
  if (n === 0) {
    l.ifName = f.ifName;
  } else {
    l.tunnel = f.pendTunnel;
    l.tunnelKey = f.pendTunnelKey;
    l.ifName = f.pendIfName;
  }
  f.pendTunnel = TUN_NONE;
  f.ipCount = n + 1;
  return l;
}

/** Sets the tunnel context for the next IP layer found below this point. */
export function enterTunnel(f: DecodedFrame, tunnel: number, key: number, ifName: string): void {
  f.pendTunnel = tunnel;
  f.pendTunnelKey = key;
  f.pendIfName = ifName;
}

/** The IP layer currently being decoded (the transport decoders' owner). */
export function currentIp(f: DecodedFrame): IpLayer | null {
  return f.ipCount > 0 ? f.ip[f.ipCount - 1]! : null;
}
