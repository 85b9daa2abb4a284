/**
 * The flow hash reads the same IP header the decoder calls the outermost
 * layer, on every frame of every fixture and sample capture; it is symmetric
 * (both directions of a flow on one worker) and keeps fragments together.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { openCapture } from '../../capture/open.ts';
import { bytesSource } from '../../capture/sources.ts';
import { Decoder } from '../../decode/index.ts';
import { FlowHasher, pairHash } from './flowhash.ts';
import type { CaptureInterface, PacketRecord } from '../../capture/types.ts';
import { LINKTYPE } from '../../capture/types.ts';

const root = new URL('../../../', import.meta.url);
const dirs = ['test/fixtures/captures', 'test/fixtures/real', 'test/fixtures/real-book', 'samples/captures'];
const files = dirs.flatMap((d) => readdirSync(new URL(d, root)).filter((f) => /\.(pcap|pcapng)(\.gz)?$/.test(f)).map((f) => `${d}/${f}`));

describe('flow hash agrees with the decoder on every capture', () => {
  it('has captures to check', () => expect(files.length).toBeGreaterThan(40));
  for (const path of files) {
    it(path, async () => {
      let reader;
      try {
        reader = await openCapture(bytesSource(readFileSync(new URL(path, root)), path));
      } catch { return; } // captures that are unreadable on purpose
      const h = new FlowHasher(4);
      const dec = new Decoder();
      let frames = 0;
      try {
        for (;;) {
          for (let r = reader.nextSync(); r !== null; r = reader.nextSync()) {
            frames++;
            const f = dec.decode(r, reader.interfaces, false);
            const got = h.hash(r, reader.interfaces);
            if (f.ipCount > 0) {
              const l = f.ip[0]!;
              expect(got, `frame ${r.frame}`).toBe(pairHash(f.buf, l.srcOff, l.dstOff, l.addrLen));
            }
            const w = h.worker(r, reader.interfaces);
            expect(w >= 0 && w < 4).toBe(true);
          }
          if (!(await reader.fill())) break;
        }
      } catch { /* damaged captures end with a CaptureError: what was read was checked */ }
      expect(frames).toBeGreaterThanOrEqual(0);
    });
  }
});

function ipv4Frame(src: number[], dst: number[], proto: number, ports: [number, number] | null, fragOff = 0, mf = false): Uint8Array {
  const ip = [0x45, 0, 0, 40, 0x12, 0x34, (mf ? 0x20 : 0) | (fragOff >> 8), fragOff & 0xff, 64, proto, 0, 0, ...src, ...dst];
  const l4 = ports ? [ports[0] >> 8, ports[0] & 0xff, ports[1] >> 8, ports[1] & 0xff, 0, 0, 0, 0] : [1, 2, 3, 4, 5, 6, 7, 8];
  return Uint8Array.from([...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0x81, 0x00, 0x00, 42, 0x08, 0x00, ...ip, ...l4, ...new Array<number>(12).fill(0)]);
}

function rec(buf: Uint8Array, frame = 1): PacketRecord {
  return {
    frame, ifIndex: 0, buf, off: 0, capLen: buf.length, origLen: buf.length, tsSec: 0, tsNsec: 0, direction: 0, receptionType: 0,
    epbFlags: 0, queue: -1, dropCount: -1, comments: [], pid: -1, procName: '', effPid: -1, effProcName: '', fileOffset: 0, proc: null,
  };
}

const ETH: CaptureInterface[] = [{ index: 0, file: 0, section: 0, linkType: LINKTYPE.ETHERNET, snapLen: 65535, name: '', description: '', fcsLen: 0 }];

describe('flow placement', () => {
  it('both directions of a flow, and every fragment of a datagram, go to one worker', () => {
    for (let n = 2; n <= 8; n++) {
      const h = new FlowHasher(n);
      for (let i = 0; i < 200; i++) {
        const a = [10, 0, i >> 8, i & 255], b = [192, 168, (i * 7) & 255, 1];
        const w = h.worker(rec(ipv4Frame(a, b, 6, [40000 + i, 443])), ETH);
        expect(h.worker(rec(ipv4Frame(b, a, 6, [443, 40000 + i])), ETH)).toBe(w);
        expect(h.worker(rec(ipv4Frame(a, b, 17, [1234, 53], 0, true)), ETH)).toBe(w);
        expect(h.worker(rec(ipv4Frame(a, b, 17, null, 185)), ETH)).toBe(w);
      }
      expect(h.slow).toBe(0);
    }
  });
  it('spreads distinct address pairs over the workers', () => {
    const h = new FlowHasher(4);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[h.worker(rec(ipv4Frame([10, 1, i >> 8, i & 255], [10, 2, 0, 1], 6, [1, 2])), ETH)]!++;
    for (const c of counts) expect(c).toBeGreaterThan(800);
  });
  it('frames without IP are spread by frame number', () => {
    const h = new FlowHasher(3);
    const arp = Uint8Array.from([...new Array<number>(12).fill(1), 0x08, 0x06, ...new Array<number>(28).fill(0)]);
    expect([1, 2, 3, 4].map((f) => h.worker(rec(arp, f), ETH))).toEqual([1, 2, 0, 1]);
  });
});
