/** The per-run warning summary: counts by reason and layer, first frame numbers. */
import { describe, expect, it } from 'vitest';
import { LINKTYPE } from '../../capture/types.ts';
import { Decoder } from '../decoder.ts';
import { decode, IP4 } from './hex.ts';

describe('DecodeSummary', () => {
  it('counts malformed frames by reason and layer, keeping the first frame numbers', () => {
    const dec = new Decoder();
    const badIhl = IP4.slice();
    badIhl[0] = 0x44;
    for (let i = 1; i <= 8; i++) {
      decode(LINKTYPE.RAW, i % 2 ? IP4 : badIhl, { dec, rec: { frame: i } });
    }
    decode(LINKTYPE.RAW, IP4.subarray(0, 10), { dec, rec: { frame: 9, origLen: 28 } });
    expect(dec.summary.frames).toBe(9);
    expect(dec.summary.malformed).toBe(5);
    expect(dec.summary.entries()).toEqual([
      { reason: 'bad header length', layer: 'IPv4', count: 4, frames: [2, 4, 6, 8] },
      { reason: 'truncated', layer: 'IPv4', count: 1, frames: [9] },
    ]);
    expect(dec.summary.lines()).toEqual([
      '5 of 9 frames could not be fully decoded:',
      '  4 IPv4: bad header length (frame 2, 4, 6, 8)',
      '  1 IPv4: truncated (frame 9)',
    ]);
  });

  it('is silent when every frame decoded', () => {
    const dec = new Decoder();
    decode(LINKTYPE.RAW, IP4, { dec });
    expect(dec.summary.lines()).toEqual([]);
  });
});
