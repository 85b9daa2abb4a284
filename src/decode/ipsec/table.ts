/**
 * The SA table: finds the SA for an ESP packet by IP version, source,
 * destination and SPI — the first SA in table order that matches, as
 * Wireshark tries its esp_sa entries top to bottom — and holds each SA's
 * prepared keys (SaCrypto), built on first use.
 *
 * Lookup cost: SAs with an exact SPI are indexed by it (a Map lookup per
 * packet); SAs with a wildcard SPI are tried in order after those. The
 * candidates of both lists are merged by table position so the first
 * match in file order still wins.
 */
import { SaCrypto } from './cipher.ts';
import { type EspSaSpec, matchAddr, matchSpi } from './sa.ts';

const NONE: readonly number[] = [];

export class SaTable {
  readonly sas: EspSaSpec[] = [];
  private readonly prepared: (SaCrypto | null | undefined)[] = [];
  private readonly bySpi = new Map<number, number[]>();
  private readonly wild: number[] = [];

  constructor(sas: readonly EspSaSpec[] = []) {
    for (const sa of sas) this.add(sa);
  }

  get size(): number { return this.sas.length; }

  add(sa: EspSaSpec): void {
    const i = this.sas.length;
    this.sas.push(sa);
    this.prepared.push(undefined);
    if (sa.spi.mask === 0xffffffff) {
      const v = sa.spi.value >>> 0;
      const l = this.bySpi.get(v);
      if (l === undefined) this.bySpi.set(v, [i]);
      else l.push(i);
    } else {
      this.wild.push(i);
    }
  }

  /** Index of the first SA for this packet, or -1. */
  find(version: number, b: Uint8Array, srcOff: number, dstOff: number, addrLen: number, spi: number): number {
    const exact = this.bySpi.get(spi >>> 0) ?? NONE;
    const wild = this.wild;
    let a = 0, w = 0;
    while (a < exact.length || w < wild.length) {
      const i = w >= wild.length || (a < exact.length && exact[a]! < wild[w]!) ? exact[a++]! : wild[w++]!;
      const sa = this.sas[i]!;
      if (sa.family !== 0 && sa.family !== version) continue;
      if (!matchSpi(sa.spi, spi)) continue;
      if (!matchAddr(sa.src, b, srcOff, addrLen) || !matchAddr(sa.dst, b, dstOff, addrLen)) continue;
      return i;
    }
    return -1;
  }

  /** The prepared keys of SA `i` (null when they could not be prepared). */
  crypto(i: number): SaCrypto | null {
    let c = this.prepared[i];
    if (c === undefined) {
      const sa = this.sas[i]!;
      try {
        c = new SaCrypto(sa.enc, sa.encKey, sa.auth, sa.authKey, sa.esnHigh);
      } catch {
        // The parsers check key lengths, so this is not expected; the SA is then unusable, never fatal.
        c = null;
      }
      this.prepared[i] = c;
    }
    return c;
  }
}
