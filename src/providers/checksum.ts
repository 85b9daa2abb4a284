/**
 * The IPv4 header's one's-complement sum, as IpLayer.checksumValid computes
 * it (decode/bytes.ts onesSum over 16-bit words), but summed in 32-bit words
 * through the chunk's DataView: a quarter of the loads on the receive path,
 * where every IPv4 layer is checked. Folding 2^16 into 1 keeps the value
 * modulo 0xffff and stays non-zero for a non-zero sum, so the folded 16-bit
 * result is the same as the 16-bit loop's (0xffff: the header verifies).
 * (Summing the 32-bit words whole and folding with % and / costs more than
 * it saves: V8 does that in doubles.)
 */

/** The sum of the `len`-byte header at `off` of the view (len a multiple of 4: IHL counts 32-bit words). */
export function headerSum32(v: DataView, off: number, len: number): number {
  // Each word's two halves are added as small integers (at most 30 halves of
  // 0xffff: well inside int32), so the fold is integer arithmetic, not fmod.
  let s = 0;
  for (let i = 0; i < len; i += 4) {
    const w = v.getInt32(off + i);
    s += (w >>> 16) + (w & 0xffff);
  }
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return s;
}
