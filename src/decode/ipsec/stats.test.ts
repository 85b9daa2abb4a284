import { describe, expect, it } from 'vitest';
import { ESP_ICV, ESP_NO_SA, EspStats } from './stats.ts';

describe('EspStats parts merge as one count (parallel workers)', () => {
  it('adds counts, keeps the first frames of each reason and the first SPIs in frame order', () => {
    // One thread sees frames 1..12; two parts see the odd and the even frames.
    const one = new EspStats(), a = new EspStats(), b = new EspStats();
    const events: [number, number, number][] = [
      [1, ESP_NO_SA, 0x10], [2, ESP_NO_SA, 0x20], [3, ESP_ICV, 0x01], [4, ESP_NO_SA, 0x30], [5, ESP_NO_SA, 0x40],
      [6, ESP_NO_SA, 0x50], [7, ESP_ICV, 0x01], [8, ESP_ICV, 0x01], [9, ESP_ICV, 0x01], [10, ESP_ICV, 0x01], [11, ESP_ICV, 0x01], [12, ESP_NO_SA, 0x10],
    ];
    for (const [frame, reason, spi] of events) {
      one.fail(reason, frame, spi);
      (frame % 2 ? a : b).fail(reason, frame, spi);
    }
    one.decrypted = 7; a.decrypted = 3; b.decrypted = 4;
    const merged = new EspStats();
    merged.absorb(b.take());
    merged.absorb(a.take());
    expect(merged.lines()).toEqual(one.lines());
    expect(merged.lines()[1]).toContain('SPI 0x00000010, 0x00000020, 0x00000030, 0x00000040, ...');
    // take() started the parts over.
    expect(a.failures + b.failures + a.decrypted + b.decrypted).toBe(0);
  });
});
