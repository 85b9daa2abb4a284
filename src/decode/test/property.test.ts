/**
 * Property tests: no input makes a decoder throw, read outside the packet,
 * or loop. Valid frames of every kind are cut at every byte offset (the cut
 * must be marked whenever it loses a layer), bit-flipped, and random bytes
 * are decoded as every link type.
 */
import fc from 'fast-check';
import { runs } from '../../../test/fuzz/config.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LINKTYPE } from '../../capture/types.ts';
import { dstString, srcString } from '../addr.ts';
import { Decoder } from '../decoder.ts';
import { tcpOptions } from '../transport/tcp.ts';
import { type DecodedFrame, L4_TCP, MAX_IP_LAYERS, MAX_PATH, M_INTERNAL, M_NONE } from '../types.ts';
import { decode } from './hex.ts';

const LINK_TYPES = [
  LINKTYPE.ETHERNET, LINKTYPE.NULL, LINKTYPE.LOOP, LINKTYPE.RAW, LINKTYPE.RAW_12, LINKTYPE.RAW_14, LINKTYPE.IPV4,
  LINKTYPE.IPV6, LINKTYPE.LINUX_SLL, LINKTYPE.LINUX_SLL2, LINKTYPE.PPP, LINKTYPE.PPP_HDLC, LINKTYPE.PPP_ETHER, 104,
  105, 109, 117, 119, 127, 163, 192, 226, 239,
];

/** Every frame of the decoder's fixture captures (classic pcap, little-endian), with its link type. */
function fixtureFrames(): { lt: number; bytes: Uint8Array }[] {
  const out: { lt: number; bytes: Uint8Array }[] = [];
  const dir = new URL('../../../test/fixtures/captures/', import.meta.url);
  for (const name of ['ethernet', 'vlan', 'mpls', 'pppoe', 'llc-snap', 'sll', 'sll2', 'null-le', 'null-be', 'loop', 'raw-101',
    'ppp', 'ipip', 'gre', 'vxlan', 'geneve', 'gtpu', 'natt', 'nested', 'ieee80211', 'radiotap', 'ppi', 'nflog', 'pflog',
    'tunnels2', 'ipnet', 'enc', 'prism', 'avs']) {
    const d = readFileSync(new URL(`decode-${name}.pcap`, dir));
    const dv = new DataView(d.buffer, d.byteOffset, d.byteLength);
    const le = dv.getUint32(0, true) === 0xa1b2c3d4 || dv.getUint32(0, true) === 0xa1b23c4d;
    const lt = dv.getUint32(20, le) & 0xffff;
    for (let o = 24; o + 16 <= d.length;) {
      const n = dv.getUint32(o + 8, le);
      out.push({ lt, bytes: d.subarray(o + 16, o + 16 + n) });
      o += 16 + n;
    }
  }
  return out;
}

const FRAMES = fixtureFrames();

/** What must hold for any decoded frame. */
function checkInvariants(f: DecodedFrame): void {
  expect(f.malReason).not.toBe(M_INTERNAL);
  expect(f.ipCount).toBeLessThanOrEqual(MAX_IP_LAYERS);
  expect(f.pathLen).toBeLessThanOrEqual(MAX_PATH);
  for (let i = 0; i < f.pathLen; i++) {
    expect(f.pathOff[i]!).toBeGreaterThanOrEqual(f.start);
    expect(f.pathOff[i]!).toBeLessThanOrEqual(f.end);
  }
  for (let i = 0; i < f.ipCount; i++) {
    const l = f.ip[i]!;
    expect(l.depth).toBe(i);
    expect(l.srcOff).toBeGreaterThanOrEqual(f.start);
    expect(l.dstOff + l.addrLen).toBeLessThanOrEqual(f.end);
    srcString(f, l);
    dstString(f, l);
    if (l.l4 === L4_TCP) {
      const t = tcpOptions(l.tcp, f.buf);
      expect(t.optOff + t.optLen).toBeLessThanOrEqual(f.end);
    }
  }
}

describe('decoders never throw and never read outside the packet', () => {
  it(`fixture frames (${FRAMES.length}) decode cleanly`, () => {
    expect(FRAMES.length).toBeGreaterThan(60);
    for (const { lt, bytes } of FRAMES) {
      const f = decode(lt, bytes);
      checkInvariants(f);
    }
  });

  it('truncation at every byte offset: no throw, and a lost layer is always marked', () => {
    const dec = new Decoder();
    for (const { lt, bytes } of FRAMES) {
      const full = decode(lt, bytes, { dec });
      const fullLayers = full.ipCount;
      const fullOk = full.malReason === M_NONE;
      for (let n = 0; n < bytes.length; n++) {
        const f = decode(lt, bytes.subarray(0, n), { dec, rec: { origLen: bytes.length } });
        checkInvariants(f);
        if (fullOk && f.ipCount < fullLayers) expect(f.malReason, `cut at ${n} of frame (${lt})`).not.toBe(M_NONE);
      }
    }
  }, 300_000); // generous: a safety net against hangs on a loaded machine, not a speed check

  it('bit flips of valid frames', () => {
    const dec = new Decoder();
    fc.assert(fc.property(
      fc.nat(FRAMES.length - 1), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.nat(3),
      (which, flips, cutBy) => {
        const { lt, bytes } = FRAMES[which]!;
        const b = bytes.slice();
        for (const x of flips) b[x % b.length]! ^= 1 << (x % 8);
        checkInvariants(decode(lt, b.subarray(0, Math.max(0, b.length - cutBy)), { dec }));
      },
    ), runs(3000));
  }, 300_000);

  it('random bytes as every link type', () => {
    const dec = new Decoder();
    fc.assert(fc.property(
      fc.constantFrom(...LINK_TYPES), fc.uint8Array({ maxLength: 200 }), fc.nat(16),
      (lt, bytes, pad) => checkInvariants(decode(lt, bytes, { dec, pad })),
    ), runs(5000));
  }, 300_000);

  it('random bytes behind valid link headers (IPv4/IPv6 version nibble forced)', () => {
    const dec = new Decoder();
    fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.boolean(), (bytes, v6) => {
      const b = bytes.slice();
      b[0] = (v6 ? 0x60 : 0x45) | (b[0]! & (v6 ? 0x0f : 0x0f));
      checkInvariants(decode(LINKTYPE.RAW, b, { dec }));
    }), runs(5000));
  }, 300_000);
});
